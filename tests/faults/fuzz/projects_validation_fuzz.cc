// libFuzzer target: the projects service's request checks (see
// fuzz_support.h), and the stage rules, battle map and stopwatch a valid
// request then drives.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/calendar.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "crm/v1/projects_service.pb.h"
#include "services/projects/project_requests.h"
#include "services/projects/project_rules.h"
#include "tests/faults/fuzz/fuzz_support.h"

namespace crm::fuzz {
namespace {

using v1::Project;

const v1::ProjectPolicy& Policy() {
  static const v1::ProjectPolicy* policy = [] {
    absl::StatusOr<v1::ProjectPolicy> parsed = ParseProjectPolicy(DefaultProjectPolicyText());
    Require(parsed.ok(), "the shipped project policy parses");
    return new v1::ProjectPolicy(*std::move(parsed));
  }();
  return *policy;
}

// A project as the store holds it, in `stage` since 2026-03-02.
Project StoredProject(v1::ProjectStage stage) {
  Project p;
  p.set_name("projects/7");
  p.set_display_name("新能源电池生产基地项目");
  p.set_investor_name("某新能源科技股份有限公司");
  p.set_industry(v1::INDUSTRY_SECTION_C);
  p.set_planned_investment_cny(2'500'000'000);
  p.set_unit("units/east");
  p.set_owner("users/zhang-san");
  p.set_tier(TierOf(p.planned_investment_cny()));
  MarkStagesReached(p, stage, "2026-03-02");
  p.set_stage(stage);
  p.set_stage_date("2026-03-02");
  return p;
}

void CheckId(const std::string& name, const char* field) {
  absl::StatusOr<int64_t> id = ParseResourceId(name, "projects", field);
  RequireVerdict(id.status());
  if (id.ok()) Require(*id > 0, "a project id is positive");
}

void CheckChild(const std::string& name, const char* collection, const char* field) {
  absl::StatusOr<ChildId> id = ParseChildResourceId(name, "projects", collection, field);
  RequireVerdict(id.status());
}

void CheckRequestIdOf(const std::string& request_id) {
  FieldViolations violations;
  CheckRequestId(request_id, violations);
  RequireVerdict(violations.ToStatus());
}

// A valid project as the store and the readers then see it.
void CheckValidProject(const Project* before, const Project& p) {
  for (const Principal& who : Principals()) {
    (void)CanSeeProject(who, p);
    RequireVerdict(CheckProjectAssignment(who, before, p), {absl::StatusCode::kPermissionDenied});
    RequireVerdict(CheckCanChangeProject(who, p),
                   {absl::StatusCode::kPermissionDenied, absl::StatusCode::kFailedPrecondition});
  }
  Project shown = p;
  shown.set_tier(TierOf(p.planned_investment_cny()));
  DeriveStopwatch(Policy(), Today(), {}, shown);
  (void)ArrivalRate(p.capital_arrived_cny(), p.contracted_investment_cny());
}

void CheckProjectFields(const Project* before, const Project& p) {
  FieldViolations violations;
  ValidateProjectFields(p, "project.", violations);
  RequireVerdict(violations.ToStatus());
  if (violations.empty()) CheckValidProject(before, p);
}

void CheckListQuery(const absl::StatusOr<ProjectQuery>& q, const google::protobuf::Message& unpaged,
                    const std::string& page_token) {
  RequireVerdict(q.status());
  if (!q.ok()) return;
  Require(q->page_size >= 1 && q->page_size <= 1000, "a page of 1–1000 projects");
  CheckPaging(unpaged, page_token);
}

// A stage move to `to` on `effective_date`, from every stage.
void CheckMove(v1::ProjectStage to, const std::string& effective_date, bool justified) {
  for (int from = v1::ProjectStage_MIN; from <= v1::ProjectStage_MAX; ++from) {
    Project p = StoredProject(static_cast<v1::ProjectStage>(from));
    absl::Status allowed = to == v1::PROJECT_STAGE_LOST ? CheckLose(p.stage()) : CheckAdvance(p.stage(), to, justified);
    RequireVerdict(allowed, {absl::StatusCode::kFailedPrecondition});
    absl::StatusOr<absl::CivilDay> day = EffectiveDay(effective_date, p, Today());
    RequireVerdict(day.status());
    if (!allowed.ok() || !day.ok()) continue;
    if (p.signed_date().empty()) {
      (void)TemplateMilestones(Policy(), *day, p.unit(), to);
    } else {
      (void)MilestonesDoneAt(Policy(), to);
    }
    MarkStagesReached(p, to, IsoDay(*day));
    p.set_stage(to);
    p.set_stage_date(IsoDay(*day));
    CheckValidProject(nullptr, p);
  }
}

void CheckMilestone(const v1::Milestone& m) {
  FieldViolations violations;
  ValidateMilestoneFields(m, Today(), "milestone.", violations);
  RequireVerdict(violations.ToStatus());
  if (!violations.empty()) return;
  v1::Milestone shown = m;
  DeriveMilestone(Policy(), Today(), shown);
  Project p = StoredProject(v1::PROJECT_STAGE_SIGNED);
  DeriveStopwatch(Policy(), Today(), {shown}, p);
}

const Checks& ProjectChecks() {
  static const Checks* checks = [] {
    auto* c = new Checks("crm.v1.ProjectService");
    c->On<v1::GetProjectRequest>("GetProject", [](const auto& req) { CheckId(req.name(), "name"); })
        .On<v1::ListProjectsRequest>("ListProjects",
                                     [](const auto& req) {
                                       v1::ListProjectsRequest unpaged = req;
                                       unpaged.clear_page_size();
                                       unpaged.clear_page_token();
                                       CheckListQuery(ProjectQueryOf(req, Policy(), Today()), unpaged,
                                                      req.page_token());
                                     })
        .On<v1::CreateProjectRequest>("CreateProject",
                                      [](const auto& req) {
                                        CheckProjectFields(nullptr, req.project());
                                        CheckRequestIdOf(req.request_id());
                                      })
        .On<v1::UpdateProjectRequest>("UpdateProject",
                                      [](const auto& req) {
                                        CheckId(req.project().name(), "project.name");
                                        const Project before = StoredProject(v1::PROJECT_STAGE_SIGNED);
                                        Project p = before;
                                        absl::Status masked = ApplyProjectMask(req.update_mask(), req.project(), p);
                                        RequireVerdict(masked);
                                        if (masked.ok()) CheckProjectFields(&before, p);
                                      })
        .On<v1::DeleteProjectRequest>("DeleteProject",
                                      [](const auto& req) {
                                        CheckId(req.name(), "name");
                                        for (const Principal& who : Principals()) {
                                          RequireVerdict(
                                              CheckCanDeleteProject(who, StoredProject(v1::PROJECT_STAGE_SIGNED)),
                                              {absl::StatusCode::kPermissionDenied});
                                        }
                                      })
        .On<v1::UndeleteProjectRequest>("UndeleteProject", [](const auto& req) { CheckId(req.name(), "name"); })
        .On<v1::AdvanceProjectStageRequest>("AdvanceProjectStage",
                                            [](const auto& req) {
                                              absl::Status checked = CheckAdvanceProjectStageRequest(req);
                                              RequireVerdict(checked);
                                              CheckId(req.name(), "name");
                                              if (!checked.ok()) return;
                                              const bool justified =
                                                  req.justification().find_first_not_of(" \t\n") != std::string::npos;
                                              CheckMove(req.to_stage(), req.effective_date(), justified);
                                            })
        .On<v1::MarkProjectLostRequest>("MarkProjectLost",
                                        [](const auto& req) {
                                          absl::Status checked = CheckMarkProjectLostRequest(req);
                                          RequireVerdict(checked);
                                          CheckId(req.name(), "name");
                                          if (checked.ok()) {
                                            CheckMove(v1::PROJECT_STAGE_LOST, req.effective_date(), false);
                                          }
                                        })
        .On<v1::ReopenProjectRequest>("ReopenProject",
                                      [](const auto& req) {
                                        RequireVerdict(CheckReopenProjectRequest(req));
                                        CheckId(req.name(), "name");
                                        for (int s = v1::ProjectStage_MIN; s <= v1::ProjectStage_MAX; ++s) {
                                          RequireVerdict(CheckReopen(static_cast<v1::ProjectStage>(s)),
                                                         {absl::StatusCode::kFailedPrecondition});
                                        }
                                      })
        .On<v1::ListStageHistoryRequest>("ListStageHistory", [](const auto& req) { CheckId(req.parent(), "parent"); })
        .On<v1::RecordCapitalArrivalRequest>("RecordCapitalArrival",
                                             [](const auto& req) {
                                               FieldViolations violations;
                                               ValidateCapitalArrival(req.capital_arrival(), Today(),
                                                                      "capital_arrival.", violations);
                                               RequireVerdict(violations.ToStatus());
                                               CheckRequestIdOf(req.request_id());
                                               CheckId(req.parent(), "parent");
                                               if (violations.empty()) {
                                                 (void)ArrivalRate(req.capital_arrival().amount_cny(), 2'000'000'000);
                                               }
                                             })
        .On<v1::ListCapitalArrivalsRequest>("ListCapitalArrivals",
                                            [](const auto& req) { CheckId(req.parent(), "parent"); })
        .On<v1::CreateMilestoneRequest>("CreateMilestone",
                                        [](const auto& req) {
                                          CheckId(req.parent(), "parent");
                                          v1::Milestone m;
                                          m.set_title(req.milestone().title());
                                          m.set_planned_date(req.milestone().planned_date());
                                          m.set_actual_date(req.milestone().actual_date());
                                          m.set_responsible_unit(req.milestone().responsible_unit().empty()
                                                                     ? "units/east"
                                                                     : req.milestone().responsible_unit());
                                          CheckMilestone(m);
                                          CheckRequestIdOf(req.request_id());
                                        })
        .On<v1::UpdateMilestoneRequest>("UpdateMilestone",
                                        [](const auto& req) {
                                          CheckChild(req.milestone().name(), "milestones", "milestone.name");
                                          v1::Milestone m;
                                          m.set_name("projects/7/milestones/2");
                                          m.set_title("完成工商注册");
                                          m.set_planned_date("2026-07-01");
                                          m.set_responsible_unit("units/east");
                                          absl::Status masked =
                                              ApplyMilestoneMask(req.update_mask(), req.milestone(), m);
                                          RequireVerdict(masked);
                                          if (masked.ok()) CheckMilestone(m);
                                        })
        .On<v1::DeleteMilestoneRequest>("DeleteMilestone",
                                        [](const auto& req) { CheckChild(req.name(), "milestones", "name"); })
        .On<v1::ListMilestonesRequest>("ListMilestones", [](const auto& req) { CheckId(req.parent(), "parent"); })
        .On<v1::ListStalledProjectsRequest>(
            "ListStalledProjects",
            [](const auto& req) {
              v1::ListStalledProjectsRequest unpaged = req;
              unpaged.clear_page_size();
              unpaged.clear_page_token();
              CheckListQuery(StalledProjectsQueryOf(req, Policy(), Today()), unpaged, req.page_token());
              for (const StageOverdue& o : OverdueStages(Policy(), req.stall(), Today())) {
                Require(ParseIsoDay(o.entered_before).has_value(), "a stall's day");
              }
            })
        .On<v1::CreateProjectProblemRequest>("CreateProjectProblem",
                                             [](const auto& req) {
                                               FieldViolations violations;
                                               ValidateProblemFields(req.problem(), "problem.", violations);
                                               RequireVerdict(violations.ToStatus());
                                               CheckRequestIdOf(req.request_id());
                                               CheckId(req.parent(), "parent");
                                             })
        .On<v1::UpdateProjectProblemRequest>("UpdateProjectProblem",
                                             [](const auto& req) {
                                               CheckChild(req.problem().name(), "problems", "problem.name");
                                               v1::ProjectProblem p;
                                               p.set_type(v1::PROBLEM_TYPE_LAND);
                                               p.set_description("用地指标未落实");
                                               p.set_escalation_level(v1::ESCALATION_LEVEL_ZONE_LEADERSHIP);
                                               p.set_status(v1::PROBLEM_STATUS_OPEN);
                                               absl::Status masked =
                                                   ApplyProblemMask(req.update_mask(), req.problem(), p);
                                               RequireVerdict(masked);
                                               if (!masked.ok()) return;
                                               FieldViolations violations;
                                               ValidateProblemFields(p, "problem.", violations);
                                               RequireVerdict(violations.ToStatus());
                                             })
        .On<v1::ListProjectProblemsRequest>("ListProjectProblems",
                                            [](const auto& req) { CheckId(req.parent(), "parent"); })
        .On<v1::SetUnitTargetRequest>(
            "SetUnitTarget",
            [](const auto& req) {
              absl::StatusOr<UnitYear> key = ParseUnitTargetName(req.unit_target().name(), "unit_target.name");
              RequireVerdict(key.status());
              if (!key.ok()) return;
              Require(ParseUnitTargetName(UnitTargetName(*key), "name").ok(), "a target's name reads back");
              v1::UnitTarget t = req.unit_target();
              t.set_year(key->year);
              FieldViolations violations;
              ValidateUnitTarget(t, "unit_target.", violations);
              RequireVerdict(violations.ToStatus());
            })
        .On<v1::GetUnitTargetRequest>(
            "GetUnitTarget", [](const auto& req) { RequireVerdict(ParseUnitTargetName(req.name(), "name").status()); })
        .On<v1::ListUnitTargetsRequest>("ListUnitTargets",
                                        [](const auto& req) { RequireVerdict(CheckListUnitTargetsRequest(req)); });
    c->RequireAllMethods();
    return c;
  }();
  return *checks;
}

}  // namespace
}  // namespace crm::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crm::fuzz::ProjectChecks().Run(data, size);
  return 0;
}
