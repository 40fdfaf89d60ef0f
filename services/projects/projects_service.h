#ifndef CRM_SERVICES_PROJECTS_PROJECTS_SERVICE_H_
#define CRM_SERVICES_PROJECTS_PROJECTS_SERVICE_H_

#include <map>
#include <vector>

#include "crm/v1/project_policy.pb.h"
#include "crm/v1/projects_service.grpc.pb.h"
#include "services/common/rpc_runner.h"
#include "storage/milestone_store.h"
#include "storage/project_store.h"
#include "storage/unit_target_store.h"

namespace crm {

// The gRPC adapter of crm.v1.ProjectService: validate → authorize → rules →
// store → respond. The rules are in project_rules.h, the SQL in the stores.
// Handlers by subject: projects_service.cc (projects, lists, the stopwatch),
// project_stages.cc (stage moves and history), project_records.cc (capital,
// milestones, problems, unit targets).
class ProjectService final : public v1::ProjectService::CallbackService {
 public:
  // `policy` (stage probabilities, 三未 thresholds, milestone template) must outlive the service.
  ProjectService(RpcRunner* runner, ConnectionPool* pool, const v1::ProjectPolicy* policy);

  using Ctx = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;

  Reactor* GetProject(Ctx* ctx, const v1::GetProjectRequest* req, v1::Project* resp) override;
  Reactor* ListProjects(Ctx* ctx, const v1::ListProjectsRequest* req, v1::ListProjectsResponse* resp) override;
  Reactor* CreateProject(Ctx* ctx, const v1::CreateProjectRequest* req, v1::Project* resp) override;
  Reactor* UpdateProject(Ctx* ctx, const v1::UpdateProjectRequest* req, v1::Project* resp) override;
  Reactor* DeleteProject(Ctx* ctx, const v1::DeleteProjectRequest* req, v1::Project* resp) override;
  Reactor* UndeleteProject(Ctx* ctx, const v1::UndeleteProjectRequest* req, v1::Project* resp) override;
  Reactor* ListStalledProjects(Ctx* ctx, const v1::ListStalledProjectsRequest* req,
                               v1::ListStalledProjectsResponse* resp) override;

  Reactor* AdvanceProjectStage(Ctx* ctx, const v1::AdvanceProjectStageRequest* req, v1::Project* resp) override;
  Reactor* MarkProjectLost(Ctx* ctx, const v1::MarkProjectLostRequest* req, v1::Project* resp) override;
  Reactor* ReopenProject(Ctx* ctx, const v1::ReopenProjectRequest* req, v1::Project* resp) override;
  Reactor* ListStageHistory(Ctx* ctx, const v1::ListStageHistoryRequest* req,
                            v1::ListStageHistoryResponse* resp) override;

  Reactor* RecordCapitalArrival(Ctx* ctx, const v1::RecordCapitalArrivalRequest* req,
                                v1::CapitalArrival* resp) override;
  Reactor* ListCapitalArrivals(Ctx* ctx, const v1::ListCapitalArrivalsRequest* req,
                               v1::ListCapitalArrivalsResponse* resp) override;
  Reactor* CreateMilestone(Ctx* ctx, const v1::CreateMilestoneRequest* req, v1::Milestone* resp) override;
  Reactor* UpdateMilestone(Ctx* ctx, const v1::UpdateMilestoneRequest* req, v1::Milestone* resp) override;
  Reactor* DeleteMilestone(Ctx* ctx, const v1::DeleteMilestoneRequest* req, v1::Milestone* resp) override;
  Reactor* ListMilestones(Ctx* ctx, const v1::ListMilestonesRequest* req, v1::ListMilestonesResponse* resp) override;
  Reactor* CreateProjectProblem(Ctx* ctx, const v1::CreateProjectProblemRequest* req,
                                v1::ProjectProblem* resp) override;
  Reactor* UpdateProjectProblem(Ctx* ctx, const v1::UpdateProjectProblemRequest* req,
                                v1::ProjectProblem* resp) override;
  Reactor* ListProjectProblems(Ctx* ctx, const v1::ListProjectProblemsRequest* req,
                               v1::ListProjectProblemsResponse* resp) override;
  Reactor* SetUnitTarget(Ctx* ctx, const v1::SetUnitTargetRequest* req, v1::UnitTarget* resp) override;
  Reactor* GetUnitTarget(Ctx* ctx, const v1::GetUnitTargetRequest* req, v1::UnitTarget* resp) override;
  Reactor* ListUnitTargets(Ctx* ctx, const v1::ListUnitTargetsRequest* req,
                           v1::ListUnitTargetsResponse* resp) override;

 private:
  // A project the caller may see (NOT_FOUND otherwise), read now.
  absl::StatusOr<v1::Project> Visible(const CallContext& call, int64_t id);

  // The same, and the caller may change it (PERMISSION_DENIED otherwise):
  // the check of every write to a project's children.
  absl::Status Changeable(const CallContext& call, int64_t id);

  // Fills the derived fields of `projects` (arrival rate, stopwatch) from
  // their open milestones, read in one query.
  absl::Status Present(std::vector<v1::Project*> projects, const CallContext& call);

  // A page of projects for List and ListStalled.
  absl::Status ListPage(const CallContext& call, ProjectQuery query, const std::string& fingerprint,
                        const std::string& page_token, google::protobuf::RepeatedPtrField<v1::Project>* out,
                        std::string* next_page_token);

  RpcRunner* runner_;
  const v1::ProjectPolicy* policy_;
  ProjectStore projects_;
  MilestoneStore records_;
  UnitTargetStore targets_;
};

}  // namespace crm

#endif  // CRM_SERVICES_PROJECTS_PROJECTS_SERVICE_H_
