// ProjectService: projects, their lists, and the derived stopwatch.

#include "services/projects/projects_service.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/calendar.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "google/protobuf/util/time_util.h"
#include "services/common/call_mutation.h"
#include "services/projects/project_requests.h"
#include "services/projects/project_rules.h"
#include "storage/row_codec.h"

namespace crm {
namespace {

using v1::Project;

// What a client may not set on a project: the output-only fields.
void ClearOutputs(Project& p) {
  p.clear_name();
  p.clear_project_code();
  p.clear_tier();
  p.clear_stage();
  p.clear_stage_date();
  p.clear_signed_date();
  p.clear_negotiation_date();
  p.clear_registered_date();
  p.clear_construction_start_date();
  p.clear_production_date();
  p.clear_delete_time();
  p.clear_lost_reason();
  p.clear_lost_note();
  p.clear_capital_arrived_cny();
  p.clear_capital_arrival_rate();
  p.clear_stopwatch();
  p.clear_create_time();
  p.clear_update_time();
  p.clear_etag();
}

// What Present adds to each listed project after the store: the stopwatch (a
// milestone title of up to 200 characters, a few numbers) and the arrival rate.
constexpr size_t kPresentedBytes = 900;

}  // namespace

ProjectService::ProjectService(RpcRunner* runner, ConnectionPool* pool, const v1::ProjectPolicy* policy)
    : runner_(runner), policy_(policy), projects_(pool), records_(pool), targets_(pool) {}

absl::StatusOr<Project> ProjectService::Visible(const CallContext& call, int64_t id) {
  ASSIGN_OR_RETURN(Project p, projects_.Get(id, call.deadline));
  if (!CanSeeProject(call.principal, p)) return absl::NotFoundError(absl::StrCat(p.name(), " does not exist"));
  return p;
}

absl::Status ProjectService::Changeable(const CallContext& call, int64_t id) {
  ASSIGN_OR_RETURN(Project p, Visible(call, id));
  return CheckCanChangeProject(call.principal, p);
}

absl::Status ProjectService::Present(std::vector<Project*> projects, const CallContext& call) {
  std::vector<int64_t> ids;
  for (const Project* p : projects) ids.push_back(LastId(p->name()));
  ASSIGN_OR_RETURN(auto open, records_.OpenMilestones(ids, call.deadline));
  absl::CivilDay today = call.today();
  for (Project* p : projects) {
    if (auto rate = ArrivalRate(p->capital_arrived_cny(), p->contracted_investment_cny())) {
      p->set_capital_arrival_rate(*rate);
    } else {
      p->clear_capital_arrival_rate();
    }
    DeriveStopwatch(*policy_, today, open[LastId(p->name())], *p);
  }
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* ProjectService::GetProject(Ctx* ctx, const v1::GetProjectRequest* req, Project* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "projects", "name"));
    ASSIGN_OR_RETURN(*resp, Visible(call, id));
    return Present({resp}, call);
  });
}

absl::Status ProjectService::ListPage(const CallContext& call, ProjectQuery query, const std::string& fingerprint,
                                       const std::string& page_token,
                                       google::protobuf::RepeatedPtrField<Project>* out, std::string* next_page_token) {
  query.scope = ProjectVisibility(call.principal);
  query.max_bytes = call.page_bytes;
  query.row_extra_bytes = kPresentedBytes;
  if (!page_token.empty()) {
    ASSIGN_OR_RETURN(PageCursor cursor, DecodePageToken(page_token, fingerprint));
    query.after = std::make_pair(cursor.key, cursor.id);
  }
  ASSIGN_OR_RETURN(ProjectPage page, projects_.List(query, call.deadline));
  std::vector<Project*> shown;
  for (Project& p : page.projects) {
    out->Add()->Swap(&p);
    shown.push_back(&out->at(out->size() - 1));
  }
  RETURN_IF_ERROR(Present(shown, call));
  if (page.next) *next_page_token = EncodePageToken({page.next->first, page.next->second, ""}, fingerprint);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* ProjectService::ListProjects(Ctx* ctx, const v1::ListProjectsRequest* req,
                                                        v1::ListProjectsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(ProjectQuery q, ProjectQueryOf(*req, *policy_, call.today()));
    v1::ListProjectsRequest unpaged = *req;
    unpaged.clear_page_size();
    unpaged.clear_page_token();
    return ListPage(call, q, QueryFingerprint(unpaged), req->page_token(), resp->mutable_projects(),
                    resp->mutable_next_page_token());
  });
}

grpc::ServerUnaryReactor* ProjectService::ListStalledProjects(Ctx* ctx, const v1::ListStalledProjectsRequest* req,
                                                               v1::ListStalledProjectsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(ProjectQuery q, StalledProjectsQueryOf(*req, *policy_, call.today()));
    v1::ListStalledProjectsRequest unpaged = *req;
    unpaged.clear_page_size();
    unpaged.clear_page_token();
    return ListPage(call, q, QueryFingerprint(unpaged), req->page_token(), resp->mutable_projects(),
                    resp->mutable_next_page_token());
  });
}

grpc::ServerUnaryReactor* ProjectService::CreateProject(Ctx* ctx, const v1::CreateProjectRequest* req,
                                                         Project* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    Project p = req->project();
    ClearOutputs(p);
    if (p.unit().empty()) p.set_unit(call.principal.unit_name());
    if (p.owner().empty()) p.set_owner(call.principal.user_name());
    FieldViolations violations;
    if (!req->has_project()) violations.Add("project", "is required");
    ValidateProjectFields(p, "project.", violations);
    CheckRequestId(req->request_id(), violations);
    RETURN_IF_ERROR(violations.ToStatus());
    RETURN_IF_ERROR(CheckProjectAssignment(call.principal, nullptr, p));
    std::string today = IsoDay(call.today());
    p.set_tier(TierOf(p.planned_investment_cny()));
    p.set_stage(v1::PROJECT_STAGE_NEGOTIATING);
    p.set_stage_date(today);
    MarkStagesReached(p, v1::PROJECT_STAGE_NEGOTIATING, today);
    ASSIGN_OR_RETURN(*resp, projects_.Create(MutationOf(call, req->request_id()), p, today));
    return Present({resp}, call);
  });
}

grpc::ServerUnaryReactor* ProjectService::UpdateProject(Ctx* ctx, const v1::UpdateProjectRequest* req,
                                                         Project* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->project().name(), "projects", "project.name"));
    ASSIGN_OR_RETURN(*resp, projects_.Mutate(MutationOf(call), id, req->project().etag(),
                                             [&](Project& p, StageEffects&) -> absl::Status {
                                               if (!CanSeeProject(call.principal, p)) {
                                                 return absl::NotFoundError(absl::StrCat(p.name(), " does not exist"));
                                               }
                                               RETURN_IF_ERROR(CheckCanChangeProject(call.principal, p));
                                               const Project before = p;
                                               RETURN_IF_ERROR(ApplyProjectMask(req->update_mask(), req->project(), p));
                                               FieldViolations violations;
                                               ValidateProjectFields(p, "project.", violations);
                                               RETURN_IF_ERROR(violations.ToStatus());
                                               RETURN_IF_ERROR(CheckProjectAssignment(call.principal, &before, p));
                                               p.set_tier(TierOf(p.planned_investment_cny()));
                                               return absl::OkStatus();
                                             }));
    return Present({resp}, call);
  });
}

namespace {

// Sets or clears the deletion of a project the caller can see and may delete.
absl::Status SetDeleted(const CallContext& call, bool deleted, Project& p) {
  if (!CanSeeProject(call.principal, p)) return absl::NotFoundError(absl::StrCat(p.name(), " does not exist"));
  RETURN_IF_ERROR(CheckCanDeleteProject(call.principal, p));
  if (p.has_delete_time() == deleted) {
    return absl::FailedPreconditionError(absl::StrCat(p.name(), deleted ? " is already deleted" : " is not deleted"));
  }
  if (deleted) {
    *p.mutable_delete_time() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(call.now));
  } else {
    p.clear_delete_time();
  }
  return absl::OkStatus();
}

}  // namespace

grpc::ServerUnaryReactor* ProjectService::DeleteProject(Ctx* ctx, const v1::DeleteProjectRequest* req,
                                                         Project* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "projects", "name"));
    ASSIGN_OR_RETURN(*resp, projects_.Mutate(MutationOf(call), id, req->etag(),
                                             [&](Project& p, StageEffects&) { return SetDeleted(call, true, p); }));
    return Present({resp}, call);
  });
}

grpc::ServerUnaryReactor* ProjectService::UndeleteProject(Ctx* ctx, const v1::UndeleteProjectRequest* req,
                                                           Project* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "projects", "name"));
    ASSIGN_OR_RETURN(*resp, projects_.Mutate(MutationOf(call), id, req->etag(),
                                             [&](Project& p, StageEffects&) { return SetDeleted(call, false, p); }));
    return Present({resp}, call);
  });
}

}  // namespace crm
