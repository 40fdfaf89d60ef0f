#include "bench/load/read_workloads.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/random/random.h"
#include "absl/strings/str_cat.h"
#include "bench/load/name_picker.h"
#include "bench/load/setup_data.h"
#include "bench/load/unary_slot.h"
#include "crm/v1/dashboard_service.grpc.pb.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "crm/v1/projects_service.grpc.pb.h"

namespace crm::load {
namespace {

// Without an id range, the Get workloads read among this many listed rows,
// after creating some when there are fewer than kMinRows.
constexpr int kListedRows = 1000;
constexpr int kMinRows = 20;
constexpr int kCreatedRows = 50;

class GetLeadSlot : public UnaryCallSlot {
 public:
  GetLeadSlot(const CallSetup* setup, const std::shared_ptr<grpc::Channel>& channel, const NamePicker* names)
      : UnaryCallSlot(setup), stub_(v1::LeadService::NewStub(channel)), names_(names) {}

 protected:
  bool Next(Phase) override {
    request_.set_name(names_->Pick(rng_));
    return true;
  }
  void Issue(grpc::ClientContext* context, std::function<void(grpc::Status)> on_done) override {
    stub_->async()->GetLead(context, &request_, &response_, std::move(on_done));
  }

 private:
  std::unique_ptr<v1::LeadService::Stub> stub_;
  const NamePicker* names_;
  absl::BitGen rng_;
  v1::GetLeadRequest request_;
  v1::Lead response_;
};

class GetProjectSlot : public UnaryCallSlot {
 public:
  GetProjectSlot(const CallSetup* setup, const std::shared_ptr<grpc::Channel>& channel, const NamePicker* names)
      : UnaryCallSlot(setup), stub_(v1::ProjectService::NewStub(channel)), names_(names) {}

 protected:
  bool Next(Phase) override {
    request_.set_name(names_->Pick(rng_));
    return true;
  }
  void Issue(grpc::ClientContext* context, std::function<void(grpc::Status)> on_done) override {
    stub_->async()->GetProject(context, &request_, &response_, std::move(on_done));
  }

 private:
  std::unique_ptr<v1::ProjectService::Stub> stub_;
  const NamePicker* names_;
  absl::BitGen rng_;
  v1::GetProjectRequest request_;
  v1::Project response_;
};

// GetLead and GetProject: reads of random rows. NOT_FOUND is expected now and
// then (a gap in the id range, e.g. an insert rolled back).
class GetWorkload : public Workload {
 public:
  enum Kind { kLead, kProject };
  GetWorkload(const WorkloadEnv& env, Kind kind) : env_(env), kind_(kind) {}

  std::vector<std::string> SeriesNames() const override { return {kind_ == kLead ? "GetLead" : "GetProject"}; }

  absl::Status Prepare() override {
    const IdRange& ids = kind_ == kLead ? env_.options.lead_ids : env_.options.project_ids;
    if (!ids.empty()) {
      names_ = NamePicker(kind_ == kLead ? "leads" : "projects", ids);
      return absl::OkStatus();
    }
    absl::StatusOr<std::vector<std::string>> names = List();
    if (names.ok() && names->size() < kMinRows) {
      absl::Status created = kind_ == kLead ? CreateLeads(env_, kCreatedRows, kSetupLeadSerials)
                                            : CreateProjects(env_, kCreatedRows, kSetupProjectSerials).status();
      if (!created.ok()) return created;
      names = List();
    }
    if (!names.ok()) return names.status();
    if (names->empty()) return absl::FailedPreconditionError("nothing to read");
    names_ = NamePicker(*std::move(names));
    return absl::OkStatus();
  }

  std::unique_ptr<CallSlot> NewSlot(int, const std::shared_ptr<grpc::Channel>& channel) override {
    if (kind_ == kLead) return std::make_unique<GetLeadSlot>(env_.setup, channel, &names_);
    return std::make_unique<GetProjectSlot>(env_.setup, channel, &names_);
  }

  bool Expected(const grpc::Status& status) const override { return status.error_code() == grpc::NOT_FOUND; }
  std::string Notes() const override { return names_.Describe(); }

 private:
  absl::StatusOr<std::vector<std::string>> List() {
    return kind_ == kLead ? ListLeadNames(env_, kListedRows)
                          : ListProjectNames(env_, v1::PROJECT_STAGE_UNSPECIFIED, kListedRows);
  }

  WorkloadEnv env_;
  Kind kind_;
  NamePicker names_;
};

class PipelineSummarySlot : public UnaryCallSlot {
 public:
  PipelineSummarySlot(const CallSetup* setup, const std::shared_ptr<grpc::Channel>& channel)
      : UnaryCallSlot(setup), stub_(v1::DashboardService::NewStub(channel)) {}

 protected:
  bool Next(Phase) override { return true; }
  void Issue(grpc::ClientContext* context, std::function<void(grpc::Status)> on_done) override {
    stub_->async()->GetPipelineSummary(context, &request_, &response_, std::move(on_done));
  }

 private:
  std::unique_ptr<v1::DashboardService::Stub> stub_;
  v1::GetPipelineSummaryRequest request_;
  v1::PipelineSummary response_;
};

class PipelineSummaryWorkload : public Workload {
 public:
  explicit PipelineSummaryWorkload(const WorkloadEnv& env) : env_(env) {}
  std::vector<std::string> SeriesNames() const override { return {"GetPipelineSummary"}; }
  std::unique_ptr<CallSlot> NewSlot(int, const std::shared_ptr<grpc::Channel>& channel) override {
    return std::make_unique<PipelineSummarySlot>(env_.setup, channel);
  }
  std::string Notes() const override { return "default request: this year, every unit"; }

 private:
  WorkloadEnv env_;
};

}  // namespace

std::unique_ptr<Workload> NewGetLeadWorkload(const WorkloadEnv& env) {
  return std::make_unique<GetWorkload>(env, GetWorkload::kLead);
}

std::unique_ptr<Workload> NewGetProjectWorkload(const WorkloadEnv& env) {
  return std::make_unique<GetWorkload>(env, GetWorkload::kProject);
}

std::unique_ptr<Workload> NewPipelineSummaryWorkload(const WorkloadEnv& env) {
  return std::make_unique<PipelineSummaryWorkload>(env);
}

}  // namespace crm::load
