#include "bench/load/write_workloads.h"

#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "bench/load/setup_data.h"
#include "bench/load/synthetic.h"
#include "bench/load/unary_slot.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "crm/v1/projects_service.grpc.pb.h"

namespace crm::load {
namespace {

// A small database (the smoke test's) gets at most this many projects made
// for AdvanceProjectStage.
constexpr int kMaxCreatedProjects = 2000;

class CreateLeadSlot : public UnaryCallSlot {
 public:
  CreateLeadSlot(const CallSetup* setup, const std::shared_ptr<grpc::Channel>& channel, const std::string* nonce,
                 std::atomic<int64_t>* serials)
      : UnaryCallSlot(setup), stub_(v1::LeadService::NewStub(channel)), nonce_(nonce), serials_(serials) {}

 protected:
  bool Next(Phase) override {
    *request_.mutable_lead() = SyntheticLead(*nonce_, serials_->fetch_add(1));
    request_.set_request_id(NewUuid(rng_));
    return true;
  }
  void Issue(grpc::ClientContext* context, std::function<void(grpc::Status)> on_done) override {
    stub_->async()->CreateLead(context, &request_, &response_, std::move(on_done));
  }

 private:
  std::unique_ptr<v1::LeadService::Stub> stub_;
  const std::string* nonce_;
  std::atomic<int64_t>* serials_;
  absl::BitGen rng_;
  v1::CreateLeadRequest request_;
  v1::Lead response_;
};

class CreateLeadWorkload : public Workload {
 public:
  explicit CreateLeadWorkload(const WorkloadEnv& env) : env_(env) {}
  std::vector<std::string> SeriesNames() const override { return {"CreateLead"}; }
  std::unique_ptr<CallSlot> NewSlot(int, const std::shared_ptr<grpc::Channel>& channel) override {
    return std::make_unique<CreateLeadSlot>(env_.setup, channel, &env_.options.nonce, &serials_);
  }
  std::string Notes() const override { return "a new lead a call, with USCC and request_id"; }

 private:
  WorkloadEnv env_;
  std::atomic<int64_t> serials_{0};
};

// Takes projects from a shared list, one at a time.
class ProjectQueue {
 public:
  void Set(std::vector<std::string> names) { names_ = std::move(names); }
  size_t size() const { return names_.size(); }
  // The next project, or nullptr when all are taken.
  const std::string* Take() {
    size_t i = next_.fetch_add(1);
    return i < names_.size() ? &names_[i] : nullptr;
  }

 private:
  std::vector<std::string> names_;
  std::atomic<size_t> next_{0};
};

class AdvanceSlot : public UnaryCallSlot {
 public:
  AdvanceSlot(const CallSetup* setup, const std::shared_ptr<grpc::Channel>& channel, ProjectQueue* queue)
      : UnaryCallSlot(setup), stub_(v1::ProjectService::NewStub(channel)), queue_(queue) {
    request_.set_evidence_note("crm-load");
  }

 protected:
  bool Next(Phase) override {
    if (project_ == nullptr || stage_ >= v1::PROJECT_STAGE_IN_PRODUCTION) {
      project_ = queue_->Take();
      if (project_ == nullptr) return false;
      stage_ = v1::PROJECT_STAGE_NEGOTIATING;
    }
    request_.set_name(*project_);
    request_.set_to_stage(static_cast<v1::ProjectStage>(stage_ + 1));
    request_.set_request_id(NewUuid(rng_));
    return true;
  }
  void Issue(grpc::ClientContext* context, std::function<void(grpc::Status)> on_done) override {
    stub_->async()->AdvanceProjectStage(context, &request_, &response_, std::move(on_done));
  }
  CallResult Finish(grpc::Status status) override {
    if (status.ok()) {
      stage_ = response_.stage();
    } else {
      project_ = nullptr;  // its stage is unknown now: take another
    }
    return CallResult{std::move(status)};
  }

 private:
  std::unique_ptr<v1::ProjectService::Stub> stub_;
  ProjectQueue* queue_;
  absl::BitGen rng_;
  const std::string* project_ = nullptr;
  int stage_ = v1::PROJECT_STAGE_UNSPECIFIED;
  v1::AdvanceProjectStageRequest request_;
  v1::Project response_;
};

class AdvanceStageWorkload : public Workload {
 public:
  explicit AdvanceStageWorkload(const WorkloadEnv& env) : env_(env) {}

  std::vector<std::string> SeriesNames() const override { return {"AdvanceProjectStage"}; }

  absl::Status Prepare() override {
    const int wanted = env_.options.advance_projects;
    absl::StatusOr<std::vector<std::string>> names = ListProjectNames(env_, v1::PROJECT_STAGE_NEGOTIATING, wanted);
    if (!names.ok()) return names.status();
    int created = 0;
    if (static_cast<int>(names->size()) < wanted) {
      created = std::min(wanted - static_cast<int>(names->size()), kMaxCreatedProjects);
      absl::StatusOr<std::vector<std::string>> more = CreateProjects(env_, created, kSetupProjectSerials + 1'000'000);
      if (!more.ok()) return more.status();
      names->insert(names->end(), more->begin(), more->end());
    }
    if (names->empty()) return absl::FailedPreconditionError("no project to advance");
    notes_ = absl::StrCat(names->size(), " projects in NEGOTIATING (", created, " created), 4 moves each");
    queue_.Set(*std::move(names));
    return absl::OkStatus();
  }

  std::unique_ptr<CallSlot> NewSlot(int, const std::shared_ptr<grpc::Channel>& channel) override {
    return std::make_unique<AdvanceSlot>(env_.setup, channel, &queue_);
  }
  std::string Notes() const override { return notes_; }

 private:
  WorkloadEnv env_;
  ProjectQueue queue_;
  std::string notes_;
};

}  // namespace

std::unique_ptr<Workload> NewCreateLeadWorkload(const WorkloadEnv& env) {
  return std::make_unique<CreateLeadWorkload>(env);
}

std::unique_ptr<Workload> NewAdvanceStageWorkload(const WorkloadEnv& env) {
  return std::make_unique<AdvanceStageWorkload>(env);
}

}  // namespace crm::load
