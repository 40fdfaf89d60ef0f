// ProjectService: the stage methods (在谈 → 签约 → 注册 → 开工 → 投产, 流失) and
// their history. Each move is one transaction: the project, its history row
// and, on signing, its battle map.

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

using v1::Project;

absl::Status VisibleAndChangeable(const CallContext& call, const Project& p) {
  if (!CanSeeProject(call.principal, p)) return absl::NotFoundError(absl::StrCat(p.name(), " does not exist"));
  return CheckCanChangeProject(call.principal, p);
}

}  // namespace

grpc::ServerUnaryReactor* ProjectService::AdvanceProjectStage(Ctx* ctx, const v1::AdvanceProjectStageRequest* req,
                                                               Project* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckAdvanceProjectStageRequest(*req));
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "projects", "name"));
    absl::CivilDay today = call.today();
    const bool justified = req->justification().find_first_not_of(" \t\n") != std::string::npos;
    ASSIGN_OR_RETURN(*resp, projects_.Mutate(MutationOf(call, req->request_id()), id, req->etag(),
                                             [&](Project& p, StageEffects& effects) -> absl::Status {
      RETURN_IF_ERROR(VisibleAndChangeable(call, p));
      RETURN_IF_ERROR(CheckAdvance(p.stage(), req->to_stage(), justified));
      ASSIGN_OR_RETURN(absl::CivilDay day, EffectiveDay(req->effective_date(), p, today));
      v1::StageChange& change = effects.change.emplace();
      change.set_from_stage(p.stage());
      change.set_to_stage(req->to_stage());
      change.set_effective_date(IsoDay(day));
      change.set_note(justified ? absl::StrCat(req->evidence_note(), req->evidence_note().empty() ? "" : "; ",
                                               "justification: ", req->justification())
                                : req->evidence_note());
      // Signing (also when skipped past) dates the project and draws its
      // battle map; reaching a stage completes the milestones it stands for.
      if (p.signed_date().empty()) {
        effects.milestones = TemplateMilestones(*policy_, day, p.unit(), req->to_stage());
      } else {
        effects.complete_milestones = MilestonesDoneAt(*policy_, req->to_stage());
        effects.completed_on = IsoDay(day);
      }
      MarkStagesReached(p, req->to_stage(), IsoDay(day));
      p.set_stage(req->to_stage());
      p.set_stage_date(IsoDay(day));
      return absl::OkStatus();
    }));
    return Present({resp}, call);
  });
}

grpc::ServerUnaryReactor* ProjectService::MarkProjectLost(Ctx* ctx, const v1::MarkProjectLostRequest* req,
                                                           Project* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckMarkProjectLostRequest(*req));
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "projects", "name"));
    absl::CivilDay today = call.today();
    ASSIGN_OR_RETURN(*resp, projects_.Mutate(MutationOf(call, req->request_id()), id, req->etag(),
                                             [&](Project& p, StageEffects& effects) -> absl::Status {
      RETURN_IF_ERROR(VisibleAndChangeable(call, p));
      RETURN_IF_ERROR(CheckLose(p.stage()));
      ASSIGN_OR_RETURN(absl::CivilDay day, EffectiveDay(req->effective_date(), p, today));
      v1::StageChange& change = effects.change.emplace();
      change.set_from_stage(p.stage());
      change.set_to_stage(v1::PROJECT_STAGE_LOST);
      change.set_effective_date(IsoDay(day));
      change.set_note(absl::StrCat(v1::LostReason_Name(req->reason()), req->note().empty() ? "" : ": ", req->note()));
      p.set_stage(v1::PROJECT_STAGE_LOST);
      p.set_stage_date(IsoDay(day));
      p.set_lost_reason(req->reason());
      p.set_lost_note(req->note());
      return absl::OkStatus();
    }));
    return Present({resp}, call);
  });
}

grpc::ServerUnaryReactor* ProjectService::ReopenProject(Ctx* ctx, const v1::ReopenProjectRequest* req,
                                                         Project* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckReopenProjectRequest(*req));
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "projects", "name"));
    // Where it returns: the stage of the last move to LOST.
    ASSIGN_OR_RETURN(std::vector<v1::StageChange> history, projects_.History(id, call.deadline));
    v1::ProjectStage lost_from = v1::PROJECT_STAGE_NEGOTIATING;
    for (const v1::StageChange& c : history) {
      if (c.to_stage() == v1::PROJECT_STAGE_LOST) lost_from = c.from_stage();
    }
    std::string today = IsoDay(call.today());
    ASSIGN_OR_RETURN(*resp, projects_.Mutate(MutationOf(call, req->request_id()), id, req->etag(),
                                             [&](Project& p, StageEffects& effects) -> absl::Status {
      RETURN_IF_ERROR(VisibleAndChangeable(call, p));
      RETURN_IF_ERROR(CheckReopen(p.stage()));
      v1::StageChange& change = effects.change.emplace();
      change.set_from_stage(v1::PROJECT_STAGE_LOST);
      change.set_to_stage(lost_from);
      change.set_effective_date(today);
      change.set_note(req->note());
      p.set_stage(lost_from);
      p.set_stage_date(today);
      p.clear_lost_reason();
      p.clear_lost_note();
      return absl::OkStatus();
    }));
    return Present({resp}, call);
  });
}

grpc::ServerUnaryReactor* ProjectService::ListStageHistory(Ctx* ctx, const v1::ListStageHistoryRequest* req,
                                                            v1::ListStageHistoryResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "projects", "parent"));
    RETURN_IF_ERROR(Visible(call, id).status());
    ASSIGN_OR_RETURN(std::vector<v1::StageChange> history, projects_.History(id, call.deadline));
    for (v1::StageChange& c : history) resp->add_changes()->Swap(&c);
    return absl::OkStatus();
  });
}

}  // namespace crm
