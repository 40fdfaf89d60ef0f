#include "bench/load/paging_workloads.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/load/blocking.h"
#include "bench/load/setup_data.h"
#include "bench/load/unary_slot.h"
#include "crm/v1/projects_service.grpc.pb.h"

namespace crm::load {
namespace {

constexpr int kMaxPage = 1000;
// Prepare creates the projects a deep page needs only in a small database.
constexpr int64_t kMaxCreatedForDeepPage = 5000;

// The depth series of the walk: index of page `page` (from 1).
int DepthSeries(int64_t page) {
  if (page <= 10) return 0;
  if (page <= 100) return 1;
  if (page <= 1000) return 2;
  return 3;
}

class WalkSlot : public UnaryCallSlot {
 public:
  WalkSlot(const CallSetup* setup, const std::shared_ptr<grpc::Channel>& channel, int page_size)
      : UnaryCallSlot(setup), stub_(v1::ProjectService::NewStub(channel)) {
    request_.set_page_size(page_size);
  }

 protected:
  bool Next(Phase) override {
    request_.set_page_token(next_token_);
    if (next_token_.empty()) page_ = 0;
    ++page_;
    return true;
  }
  void Issue(grpc::ClientContext* context, std::function<void(grpc::Status)> on_done) override {
    stub_->async()->ListProjects(context, &request_, &response_, std::move(on_done));
  }
  CallResult Finish(grpc::Status status) override {
    // After a failure the walk starts again from page 1.
    next_token_ = status.ok() ? response_.next_page_token() : "";
    CallResult result{std::move(status)};
    result.series = DepthSeries(page_);
    return result;
  }

 private:
  std::unique_ptr<v1::ProjectService::Stub> stub_;
  v1::ListProjectsRequest request_;
  v1::ListProjectsResponse response_;
  std::string next_token_;
  int64_t page_ = 0;
};

class WalkWorkload : public Workload {
 public:
  explicit WalkWorkload(const WorkloadEnv& env) : env_(env) {}
  std::vector<std::string> SeriesNames() const override {
    return {"ListProjects pages 1-10", "ListProjects pages 11-100", "ListProjects pages 101-1000",
            "ListProjects pages 1001+"};
  }
  std::unique_ptr<CallSlot> NewSlot(int, const std::shared_ptr<grpc::Channel>& channel) override {
    return std::make_unique<WalkSlot>(env_.setup, channel, env_.options.page_size);
  }
  std::string Notes() const override {
    return absl::StrCat("every slot walks from page 1, ", env_.options.page_size, " rows a page");
  }

 private:
  WorkloadEnv env_;
};

class DeepPageSlot : public UnaryCallSlot {
 public:
  DeepPageSlot(const CallSetup* setup, const std::shared_ptr<grpc::Channel>& channel, int page_size,
               const std::string* deep_token)
      : UnaryCallSlot(setup), stub_(v1::ProjectService::NewStub(channel)), deep_token_(deep_token) {
    request_.set_page_size(page_size);
  }

 protected:
  bool Next(Phase) override {
    deep_ = !deep_;
    request_.set_page_token(deep_ ? *deep_token_ : "");
    return true;
  }
  void Issue(grpc::ClientContext* context, std::function<void(grpc::Status)> on_done) override {
    stub_->async()->ListProjects(context, &request_, &response_, std::move(on_done));
  }
  CallResult Finish(grpc::Status status) override {
    if (status.ok() && response_.projects_size() != request_.page_size()) {
      status = grpc::Status(grpc::StatusCode::INTERNAL,
                            absl::StrCat("a page of ", response_.projects_size(), " rows, not ", request_.page_size()));
    }
    CallResult result{std::move(status)};
    result.series = deep_ ? 1 : 0;
    return result;
  }

 private:
  std::unique_ptr<v1::ProjectService::Stub> stub_;
  const std::string* deep_token_;
  v1::ListProjectsRequest request_;
  v1::ListProjectsResponse response_;
  bool deep_ = true;  // the first call is page 1
};

class DeepPageWorkload : public Workload {
 public:
  explicit DeepPageWorkload(const WorkloadEnv& env) : env_(env) {}

  std::vector<std::string> SeriesNames() const override {
    return {"ListProjects page 1", absl::StrCat("ListProjects page ", env_.options.deep_page)};
  }

  absl::Status Prepare() override {
    if (env_.options.deep_page < 2) return absl::InvalidArgumentError("--deep_page must be at least 2");
    const int64_t skip = static_cast<int64_t>(env_.options.deep_page - 1) * env_.options.page_size;
    absl::Time start = absl::Now();
    absl::StatusOr<int64_t> walked = Walk(skip);
    if (walked.ok() && *walked < skip + env_.options.page_size) {
      int64_t missing = skip + env_.options.page_size - *walked;
      if (missing > kMaxCreatedForDeepPage) {
        return absl::FailedPreconditionError(absl::StrCat("page ", env_.options.deep_page, " needs ",
                                                          skip + env_.options.page_size, " projects; there are ",
                                                          *walked));
      }
      absl::Status created = CreateProjects(env_, static_cast<int>(missing), kSetupProjectSerials + 500'000).status();
      if (!created.ok()) return created;
      walked = Walk(skip);
    }
    if (!walked.ok()) return walked.status();
    notes_ = absl::StrFormat("page %d's token reached in %d calls of up to %d rows (%.1f s); one slot alternates",
                             env_.options.deep_page, walk_calls_, kMaxPage, absl::ToDoubleSeconds(absl::Now() - start));
    return absl::OkStatus();
  }

  std::unique_ptr<CallSlot> NewSlot(int, const std::shared_ptr<grpc::Channel>& channel) override {
    return std::make_unique<DeepPageSlot>(env_.setup, channel, env_.options.page_size, &deep_token_);
  }
  std::string Notes() const override { return notes_; }

 private:
  // Skips `skip` rows (keeping the token that follows them in deep_token_);
  // returns the rows seen, `skip` plus those of one more page when there are
  // enough.
  absl::StatusOr<int64_t> Walk(int64_t skip) {
    auto stub = v1::ProjectService::NewStub(env_.channel);
    v1::ListProjectsRequest request;
    int64_t seen = 0;
    walk_calls_ = 0;
    while (true) {
      bool skipping = seen < skip;
      request.set_page_size(skipping ? static_cast<int>(std::min<int64_t>(kMaxPage, skip - seen))
                                     : env_.options.page_size);
      v1::ListProjectsResponse response;
      auto context = env_.setup->NewContext();
      absl::Status s = FromGrpc(stub->ListProjects(context.get(), request, &response), "ListProjects");
      if (!s.ok()) return s;
      ++walk_calls_;
      seen += response.projects_size();
      if (!skipping || response.next_page_token().empty()) return seen;
      request.set_page_token(response.next_page_token());
      if (seen == skip) deep_token_ = response.next_page_token();
    }
  }

  WorkloadEnv env_;
  std::string deep_token_;
  int walk_calls_ = 0;
  std::string notes_;
};

}  // namespace

std::unique_ptr<Workload> NewListProjectsWalkWorkload(const WorkloadEnv& env) {
  return std::make_unique<WalkWorkload>(env);
}

std::unique_ptr<Workload> NewDeepPageWorkload(const WorkloadEnv& env) {
  return std::make_unique<DeepPageWorkload>(env);
}

}  // namespace crm::load
