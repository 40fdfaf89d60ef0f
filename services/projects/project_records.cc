// ProjectService: capital arrival (到资), the battle map's milestones (挂图作战),
// problems (问题) and the units' yearly targets (责任状).

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/calendar.h"
#include "base/field_violations.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "services/common/call_mutation.h"
#include "services/projects/project_requests.h"
#include "services/projects/project_rules.h"
#include "services/projects/projects_service.h"

namespace crm {
namespace {

absl::Status NotDeleted(const v1::Milestone& m) {
  if (!m.has_delete_time()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(m.name(), " is deleted"));
}

}  // namespace

grpc::ServerUnaryReactor* ProjectService::RecordCapitalArrival(Ctx* ctx, const v1::RecordCapitalArrivalRequest* req,
                                                                v1::CapitalArrival* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    FieldViolations violations;
    if (!req->has_capital_arrival()) violations.Add("capital_arrival", "is required");
    ValidateCapitalArrival(req->capital_arrival(), call.today(), "capital_arrival.", violations);
    CheckRequestId(req->request_id(), violations);
    RETURN_IF_ERROR(violations.ToStatus());
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "projects", "parent"));
    ASSIGN_OR_RETURN(*resp, projects_.AddCapital(MutationOf(call, req->request_id()), id, req->capital_arrival(),
                                                 [&](const v1::Project& p) -> absl::Status {
                                                   if (!CanSeeProject(call.principal, p)) {
                                                     return absl::NotFoundError(absl::StrCat(p.name(), " does not exist"));
                                                   }
                                                   RETURN_IF_ERROR(CheckCanChangeProject(call.principal, p));
                                                   if (p.signed_date().empty()) {
                                                     return absl::FailedPreconditionError(absl::StrCat(
                                                         p.name(), " is not signed: capital arrives after signing"));
                                                   }
                                                   return absl::OkStatus();
                                                 }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::ListCapitalArrivals(Ctx* ctx, const v1::ListCapitalArrivalsRequest* req,
                                                               v1::ListCapitalArrivalsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "projects", "parent"));
    RETURN_IF_ERROR(Visible(call, id).status());
    ASSIGN_OR_RETURN(std::vector<v1::CapitalArrival> list, projects_.ListCapital(id, call.deadline));
    int64_t total = 0;
    for (v1::CapitalArrival& a : list) {
      total += a.amount_cny();
      resp->add_capital_arrivals()->Swap(&a);
    }
    resp->set_total_cny(total);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::CreateMilestone(Ctx* ctx, const v1::CreateMilestoneRequest* req,
                                                           v1::Milestone* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "projects", "parent"));
    ASSIGN_OR_RETURN(v1::Project project, Visible(call, id));
    v1::Milestone m;
    m.set_title(req->milestone().title());
    m.set_planned_date(req->milestone().planned_date());
    m.set_actual_date(req->milestone().actual_date());
    m.set_responsible_unit(req->milestone().responsible_unit().empty() ? project.unit()
                                                                       : req->milestone().responsible_unit());
    absl::CivilDay today = call.today();
    FieldViolations violations;
    ValidateMilestoneFields(m, today, "milestone.", violations);
    CheckRequestId(req->request_id(), violations);
    RETURN_IF_ERROR(violations.ToStatus());
    ASSIGN_OR_RETURN(*resp, records_.CreateMilestone(MutationOf(call, req->request_id()), id, m,
                                                     [&](int64_t pid) { return Changeable(call, pid); }));
    DeriveMilestone(*policy_, today, *resp);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::UpdateMilestone(Ctx* ctx, const v1::UpdateMilestoneRequest* req,
                                                           v1::Milestone* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(ChildId id,
                     ParseChildResourceId(req->milestone().name(), "projects", "milestones", "milestone.name"));
    absl::CivilDay today = call.today();
    ASSIGN_OR_RETURN(*resp, records_.MutateMilestone(MutationOf(call), id.parent, id.id, req->milestone().etag(),
                                                     [&](int64_t pid) { return Changeable(call, pid); },
                                                     [&](v1::Milestone& m) -> absl::Status {
                                                       RETURN_IF_ERROR(NotDeleted(m));
                                                       RETURN_IF_ERROR(ApplyMilestoneMask(req->update_mask(),
                                                                                          req->milestone(), m));
                                                       FieldViolations violations;
                                                       ValidateMilestoneFields(m, today, "milestone.", violations);
                                                       return violations.ToStatus();
                                                     }));
    DeriveMilestone(*policy_, today, *resp);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::DeleteMilestone(Ctx* ctx, const v1::DeleteMilestoneRequest* req,
                                                           v1::Milestone* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(ChildId id, ParseChildResourceId(req->name(), "projects", "milestones", "name"));
    ASSIGN_OR_RETURN(*resp, records_.MutateMilestone(MutationOf(call), id.parent, id.id, req->etag(),
                                                     [&](int64_t pid) { return Changeable(call, pid); },
                                                     [&](v1::Milestone& m) -> absl::Status {
                                                       RETURN_IF_ERROR(NotDeleted(m));
                                                       *m.mutable_delete_time() =
                                                           google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
                                                               absl::ToUnixMicros(call.now));
                                                       return absl::OkStatus();
                                                     }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::ListMilestones(Ctx* ctx, const v1::ListMilestonesRequest* req,
                                                          v1::ListMilestonesResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "projects", "parent"));
    RETURN_IF_ERROR(Visible(call, id).status());
    ASSIGN_OR_RETURN(std::vector<v1::Milestone> list, records_.ListMilestones(id, req->show_deleted(), call.deadline));
    absl::CivilDay today = call.today();
    for (v1::Milestone& m : list) {
      DeriveMilestone(*policy_, today, m);
      resp->add_milestones()->Swap(&m);
    }
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::CreateProjectProblem(Ctx* ctx, const v1::CreateProjectProblemRequest* req,
                                                                v1::ProjectProblem* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    v1::ProjectProblem p = req->problem();
    p.clear_name();
    p.clear_raised_by();
    p.clear_create_time();
    p.clear_update_time();
    p.clear_etag();
    if (p.status() == v1::PROBLEM_STATUS_UNSPECIFIED) p.set_status(v1::PROBLEM_STATUS_OPEN);
    FieldViolations violations;
    if (!req->has_problem()) violations.Add("problem", "is required");
    ValidateProblemFields(p, "problem.", violations);
    CheckRequestId(req->request_id(), violations);
    RETURN_IF_ERROR(violations.ToStatus());
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "projects", "parent"));
    ASSIGN_OR_RETURN(*resp, records_.CreateProblem(MutationOf(call, req->request_id()), id, p,
                                                   [&](int64_t pid) { return Changeable(call, pid); }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::UpdateProjectProblem(Ctx* ctx, const v1::UpdateProjectProblemRequest* req,
                                                                v1::ProjectProblem* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(ChildId id, ParseChildResourceId(req->problem().name(), "projects", "problems", "problem.name"));
    ASSIGN_OR_RETURN(*resp, records_.MutateProblem(MutationOf(call), id.parent, id.id, req->problem().etag(),
                                                   [&](int64_t pid) { return Changeable(call, pid); },
                                                   [&](v1::ProjectProblem& p) -> absl::Status {
                                                     RETURN_IF_ERROR(
                                                         ApplyProblemMask(req->update_mask(), req->problem(), p));
                                                     FieldViolations violations;
                                                     if (p.status() == v1::PROBLEM_STATUS_UNSPECIFIED) {
                                                       violations.Add("problem.status", "is required");
                                                     }
                                                     ValidateProblemFields(p, "problem.", violations);
                                                     return violations.ToStatus();
                                                   }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::ListProjectProblems(Ctx* ctx, const v1::ListProjectProblemsRequest* req,
                                                               v1::ListProjectProblemsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "projects", "parent"));
    RETURN_IF_ERROR(Visible(call, id).status());
    ASSIGN_OR_RETURN(std::vector<v1::ProjectProblem> list, records_.ListProblems(id, req->open_only(), call.deadline));
    for (v1::ProjectProblem& p : list) resp->add_problems()->Swap(&p);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::SetUnitTarget(Ctx* ctx, const v1::SetUnitTargetRequest* req,
                                                         v1::UnitTarget* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(UnitYear key, ParseUnitTargetName(req->unit_target().name(), "unit_target.name"));
    v1::UnitTarget t = req->unit_target();
    t.set_year(key.year);
    FieldViolations violations;
    ValidateUnitTarget(t, "unit_target.", violations);
    RETURN_IF_ERROR(violations.ToStatus());
    ASSIGN_OR_RETURN(*resp, targets_.Set(MutationOf(call), key.unit_id, t, req->unit_target().etag()));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::GetUnitTarget(Ctx* ctx, const v1::GetUnitTargetRequest* req,
                                                         v1::UnitTarget* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(UnitYear key, ParseUnitTargetName(req->name(), "name"));
    ASSIGN_OR_RETURN(*resp, targets_.Get(key.unit_id, key.year, call.deadline));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* ProjectService::ListUnitTargets(Ctx* ctx, const v1::ListUnitTargetsRequest* req,
                                                           v1::ListUnitTargetsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckListUnitTargetsRequest(*req));
    ASSIGN_OR_RETURN(std::vector<v1::UnitTarget> list, targets_.List(req->year(), call.deadline));
    for (v1::UnitTarget& t : list) resp->add_unit_targets()->Swap(&t);
    return absl::OkStatus();
  });
}

}  // namespace crm
