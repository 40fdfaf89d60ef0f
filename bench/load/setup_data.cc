#include "bench/load/setup_data.h"

#include <algorithm>

#include "absl/base/thread_annotations.h"
#include "absl/random/random.h"
#include "absl/synchronization/mutex.h"
#include "bench/load/blocking.h"
#include "bench/load/synthetic.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "crm/v1/projects_service.grpc.pb.h"

namespace crm::load {
namespace {

constexpr int kListPage = 1000;  // the API's largest page
constexpr int kThreads = 8;

}  // namespace

absl::StatusOr<std::vector<std::string>> ListLeadNames(const WorkloadEnv& env, int max) {
  auto stub = v1::LeadService::NewStub(env.channel);
  std::vector<std::string> names;
  v1::ListLeadsRequest request;
  request.set_page_size(std::min(max, kListPage));
  do {
    v1::ListLeadsResponse response;
    auto context = env.setup->NewContext();
    if (absl::Status s = FromGrpc(stub->ListLeads(context.get(), request, &response), "ListLeads"); !s.ok()) return s;
    for (const v1::Lead& lead : response.leads()) {
      if (static_cast<int>(names.size()) < max) names.push_back(lead.name());
    }
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty() && static_cast<int>(names.size()) < max);
  return names;
}

absl::StatusOr<std::vector<std::string>> ListProjectNames(const WorkloadEnv& env, v1::ProjectStage stage, int max) {
  auto stub = v1::ProjectService::NewStub(env.channel);
  std::vector<std::string> names;
  v1::ListProjectsRequest request;
  request.set_page_size(std::min(max, kListPage));
  request.set_stage(stage);
  do {
    v1::ListProjectsResponse response;
    auto context = env.setup->NewContext();
    if (absl::Status s = FromGrpc(stub->ListProjects(context.get(), request, &response), "ListProjects"); !s.ok()) {
      return s;
    }
    for (const v1::Project& p : response.projects()) {
      if (static_cast<int>(names.size()) < max) names.push_back(p.name());
    }
    request.set_page_token(response.next_page_token());
  } while (!request.page_token().empty() && static_cast<int>(names.size()) < max);
  return names;
}

absl::Status CreateLeads(const WorkloadEnv& env, int count, int64_t first_serial) {
  auto stub = v1::LeadService::NewStub(env.channel);
  return ParallelFor(count, kThreads, [&](int i) {
    absl::BitGen rng;
    v1::CreateLeadRequest request;
    *request.mutable_lead() = SyntheticLead(env.options.nonce, first_serial + i);
    request.set_request_id(NewUuid(rng));
    v1::Lead response;
    auto context = env.setup->NewContext();
    return FromGrpc(stub->CreateLead(context.get(), request, &response), "CreateLead");
  });
}

absl::StatusOr<std::vector<std::string>> CreateProjects(const WorkloadEnv& env, int count, int64_t first_serial) {
  auto stub = v1::ProjectService::NewStub(env.channel);
  absl::Mutex mu;
  std::vector<std::string> names ABSL_GUARDED_BY(mu);
  absl::Status created = ParallelFor(count, kThreads, [&](int i) {
    absl::BitGen rng;
    v1::CreateProjectRequest request;
    *request.mutable_project() = SyntheticProject(env.options.nonce, first_serial + i);
    request.set_request_id(NewUuid(rng));
    v1::Project response;
    auto context = env.setup->NewContext();
    absl::Status s = FromGrpc(stub->CreateProject(context.get(), request, &response), "CreateProject");
    if (s.ok()) {
      absl::MutexLock lock(&mu);
      names.push_back(response.name());
    }
    return s;
  });
  if (!created.ok()) return created;
  absl::MutexLock lock(&mu);
  return names;
}

}  // namespace crm::load
