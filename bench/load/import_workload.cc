#include "bench/load/import_workload.h"

#include <algorithm>
#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/load/synthetic.h"
#include "crm/v1/enterprises_service.grpc.pb.h"

namespace crm::load {
namespace {

constexpr int64_t kWarmupSerials = 100'000'000;
constexpr int64_t kWarmupStreamRows = 500;

// One import stream: writes its rows message by message, each write started
// when the previous one is done, then half-closes and waits for the answer.
// Deletes itself when the call is over.
class ImportStream : public grpc::ClientWriteReactor<v1::ImportEnterprisesRequest> {
 public:
  ImportStream(const std::string& nonce, int64_t first, int64_t count, int message_rows,
               std::unique_ptr<grpc::ClientContext> context, std::function<void(CallResult)> done)
      : nonce_(nonce),
        next_(first),
        end_(first + count),
        count_(count),
        message_rows_(message_rows),
        context_(std::move(context)),
        done_(std::move(done)) {}

  void Start(v1::EnterpriseService::Stub* stub) {
    stub->async()->ImportEnterprises(context_.get(), &response_, this);
    Fill();
    StartWrite(&request_);
    StartCall();
  }

  void OnWriteDone(bool ok) override {
    if (!ok) return;  // the call is over; OnDone says how
    if (next_ < end_) {
      Fill();
      StartWrite(&request_);
    } else {
      StartWritesDone();
    }
  }

  void OnDone(const grpc::Status& status) override {
    CallResult result{status};
    result.items = count_;
    int64_t stored = response_.created_count() + response_.updated_count() + response_.unchanged_count();
    if (status.ok() && (stored != count_ || response_.rejected_count() != 0)) {
      std::string reason;
      for (const auto& row : response_.results()) {
        if (row.outcome() == v1::IMPORT_OUTCOME_REJECTED) {
          reason = absl::StrCat(" (row ", row.row(), ": ", row.reason(), ")");
          break;
        }
      }
      result.status = grpc::Status(
          grpc::StatusCode::INTERNAL,
          absl::StrCat(stored, " of ", count_, " rows stored, ", response_.rejected_count(), " rejected", reason));
    }
    auto done = std::move(done_);
    delete this;
    done(std::move(result));
  }

 private:
  void Fill() {
    request_.Clear();
    for (int i = 0; i < message_rows_ && next_ < end_; ++i, ++next_) {
      *request_.add_enterprises() = SyntheticEnterprise(nonce_, next_);
    }
  }

  const std::string& nonce_;
  int64_t next_;
  const int64_t end_;
  const int64_t count_;
  const int message_rows_;
  std::unique_ptr<grpc::ClientContext> context_;
  std::function<void(CallResult)> done_;
  v1::ImportEnterprisesRequest request_;
  v1::ImportEnterprisesResponse response_;
};

class ImportWorkload;

class ImportSlot : public CallSlot {
 public:
  ImportSlot(ImportWorkload* workload, const std::shared_ptr<grpc::Channel>& channel)
      : workload_(workload), stub_(v1::EnterpriseService::NewStub(channel)) {}
  bool Start(Phase phase, std::function<void(CallResult)> done) override;

 private:
  ImportWorkload* workload_;
  std::unique_ptr<v1::EnterpriseService::Stub> stub_;
};

class ImportWorkload : public Workload {
 public:
  explicit ImportWorkload(const WorkloadEnv& env) : env_(env) {}

  std::vector<std::string> SeriesNames() const override { return {"ImportEnterprises"}; }
  std::unique_ptr<CallSlot> NewSlot(int, const std::shared_ptr<grpc::Channel>& channel) override {
    return std::make_unique<ImportSlot>(this, channel);
  }
  bool finite() const override { return true; }
  std::string Notes() const override {
    return absl::StrCat(env_.options.import_rows, " new rows in streams of ", stream_rows(), ", messages of ",
                        env_.options.import_message_rows, "; latency is a whole stream's");
  }

  const WorkloadEnv& env() const { return env_; }
  int64_t stream_rows() const {
    return env_.options.import_stream_rows > 0 ? env_.options.import_stream_rows : env_.options.import_rows;
  }
  // The first serial of the next measured stream, or -1 when all are taken.
  int64_t TakeMeasured() {
    int64_t first = measured_.fetch_add(stream_rows());
    return first < env_.options.import_rows ? first : -1;
  }
  int64_t TakeWarmup() { return kWarmupSerials + warmup_.fetch_add(kWarmupStreamRows); }

 private:
  WorkloadEnv env_;
  std::atomic<int64_t> measured_{0};
  std::atomic<int64_t> warmup_{0};
};

bool ImportSlot::Start(Phase phase, std::function<void(CallResult)> done) {
  const WorkloadEnv& env = workload_->env();
  int64_t first, count;
  if (phase == Phase::kWarmup) {
    first = workload_->TakeWarmup();
    count = kWarmupStreamRows;
  } else {
    first = workload_->TakeMeasured();
    if (first < 0) return false;
    count = std::min(workload_->stream_rows(), env.options.import_rows - first);
  }
  auto* stream = new ImportStream(env.options.nonce, first, count, std::max(env.options.import_message_rows, 1),
                                  env.setup->NewContext(), std::move(done));
  stream->Start(stub_.get());
  return true;
}

}  // namespace

std::unique_ptr<Workload> NewImportWorkload(const WorkloadEnv& env) { return std::make_unique<ImportWorkload>(env); }

}  // namespace crm::load
