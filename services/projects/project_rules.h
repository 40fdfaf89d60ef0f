#ifndef CRM_SERVICES_PROJECTS_PROJECT_RULES_H_
#define CRM_SERVICES_PROJECTS_PROJECT_RULES_H_

// The projects service's domain rules: pure functions, no I/O; the caller
// passes the zone's day (the clock is injected).

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "base/field_violations.h"
#include "base/principal.h"
#include "base/visibility.h"
#include "crm/v1/project_policy.pb.h"
#include "crm/v1/projects_service.pb.h"
#include "google/protobuf/field_mask.pb.h"

namespace crm {

// ---- Tiers

// The one function that decides a tier: < ¥1,000,000,000 BELOW_1B; from
// 1e9 1B; from 2e9 2B; from 5e9 5B. (Negative amounts are refused by
// validation; here they count as BELOW_1B.)
v1::InvestmentTier TierOf(int64_t planned_investment_cny);

// ---- Stages

// NEGOTIATING, SIGNED, REGISTERED, CONSTRUCTION_STARTED: not yet in
// production and not lost.
bool IsOpenStage(v1::ProjectStage stage);

// The stages AdvanceProjectStage may move `from` to: the next one without a
// justification, any later one with it. Empty for IN_PRODUCTION and LOST.
std::vector<v1::ProjectStage> AllowedAdvances(v1::ProjectStage from, bool justified);

// Checks an advance from `from` to `to`: FAILED_PRECONDITION naming the
// allowed next stages when `to` is not one of them (or when skipping
// without a justification: "skipping REGISTERED needs a justification"),
// e.g. "the project is SIGNED; AdvanceProjectStage can move it to REGISTERED
// (or, with a justification, CONSTRUCTION_STARTED, IN_PRODUCTION)"; "the
// project is IN_PRODUCTION, the last stage"; "the project is LOST;
// ReopenProject first". LOST is refused too (MarkProjectLost does that).
// INVALID_ARGUMENT (field `to_stage`) when `to` is UNSPECIFIED or unknown.
absl::Status CheckAdvance(v1::ProjectStage from, v1::ProjectStage to, bool justified);

// Records that `p` reached `stage` on `day` (`YYYY-MM-DD`): every stage from
// NEGOTIATING up to it (IN_PRODUCTION at most) whose date is still empty gets
// `day` (signed_date, registered_date, …), so a skipped stage counts as
// reached on the day of the skip. Dates already set are kept; LOST (and
// UNSPECIFIED) reach nothing.
void MarkStagesReached(v1::Project& p, v1::ProjectStage stage, const std::string& day);

// Checks MarkProjectLost: the stage must be open (FAILED_PRECONDITION otherwise).
absl::Status CheckLose(v1::ProjectStage from);

// Checks ReopenProject: the project must be LOST (FAILED_PRECONDITION
// otherwise). The caller returns it to the stage it was lost from (the
// history's last change to LOST says which).
absl::Status CheckReopen(v1::ProjectStage from);

// Short stage name for messages ("SIGNED").
std::string StageName(v1::ProjectStage stage);

// ---- Validation and masks

// Adds a violation for every problem of `p`'s writable fields (prefix +
// field): display_name required ≤ 200 chars; investor: `investor_enterprise`
// as `enterprises/{id}`, or `investor_name` (≤ 200) — one of them required;
// investor_uscc empty or valid (shared USCC validator); industry a known
// section (optional); investment_form known (optional); amounts ≥ 0; land
// area ≥ 0 and finite; unit `units/{id}`, owner and service_secretary
// `users/{id}` when set; origin_lead `leads/{id}` when set.
void ValidateProjectFields(const v1::Project& p, absl::string_view prefix, FieldViolations& violations);

// The fields UpdateProject may change; `*` means all of them: display_name,
// investor_enterprise, investor_name, investor_uscc, industry,
// investment_form, planned_investment_cny, contracted_investment_cny,
// land_area_mu, unit, owner, service_secretary.
absl::Status ApplyProjectMask(const google::protobuf::FieldMask& mask, const v1::Project& patch, v1::Project& p);

// Milestones: title required ≤ 200, planned_date a real day (required),
// actual_date empty or a real day not after `today`, responsible_unit
// `units/{id}` when set.
void ValidateMilestoneFields(const v1::Milestone& m, absl::CivilDay today, absl::string_view prefix,
                             FieldViolations& violations);
// title, planned_date, actual_date, responsible_unit (`*`: all).
absl::Status ApplyMilestoneMask(const google::protobuf::FieldMask& mask, const v1::Milestone& patch,
                                v1::Milestone& m);

// Problems: type required, description required ≤ 2000, escalation level
// required; status known (UNSPECIFIED passes: creation makes it OPEN);
// RESOLVED needs a resolution (≤ 2000).
void ValidateProblemFields(const v1::ProjectProblem& p, absl::string_view prefix, FieldViolations& violations);
// type, description, escalation_level, status, resolution (`*`: all).
absl::Status ApplyProblemMask(const google::protobuf::FieldMask& mask, const v1::ProjectProblem& patch,
                              v1::ProjectProblem& p);

// Capital arrival: arrival_date a real day not after `today`, amount > 0,
// note ≤ 500.
void ValidateCapitalArrival(const v1::CapitalArrival& c, absl::CivilDay today, absl::string_view prefix,
                            FieldViolations& violations);

// Targets: every number ≥ 0; the per-tier counts not above signed_projects.
void ValidateUnitTarget(const v1::UnitTarget& t, absl::string_view prefix, FieldViolations& violations);

// `units/{unit}/targets/{year}` (year 1949–2100); INVALID_ARGUMENT naming `field`.
struct UnitYear {
  std::string unit_id;
  int year = 0;
};
absl::StatusOr<UnitYear> ParseUnitTargetName(absl::string_view name, absl::string_view field);
std::string UnitTargetName(const UnitYear& key);

// ---- The battle map and the stopwatch

// The milestones every project gets on signing (`signed_day`), from the
// policy's template, for `unit` (`units/{id}`); those the template completes
// at a stage up to `stage` (signing may skip ahead) are done on `signed_day`.
std::vector<v1::Milestone> TemplateMilestones(const v1::ProjectPolicy& policy, absl::CivilDay signed_day,
                                              const std::string& unit, v1::ProjectStage stage);

// The titles of the template milestones that reaching `stage` completes (from
// any earlier stage: skipping ahead completes those skipped too).
std::vector<std::string> MilestonesDoneAt(const v1::ProjectPolicy& policy, v1::ProjectStage stage);

// Sets `status`, `overdue_days` and `escalation_color` of `m` on `today`:
// DONE when it has an actual date; else OVERDUE after the planned date
// (overdue_days = days past; BLUE from the first day, YELLOW from
// yellow_after_days, RED from red_after_days); else DUE_SOON within
// milestone_due_soon_days of it (the planned day itself counts as due soon);
// else ON_TRACK. Colour NONE unless overdue.
void DeriveMilestone(const v1::ProjectPolicy& policy, absl::CivilDay today, v1::Milestone& m);

// The stall of a project in `stage` since `stage_day` on `today`: SIGNED →
// SIGNED_NOT_REGISTERED when more than signed_not_registered_days have
// passed, likewise REGISTERED and CONSTRUCTION_STARTED; NONE otherwise.
// `days_over` = days beyond the threshold.
struct Stall {
  v1::StallKind kind = v1::STALL_KIND_NONE;
  int days_over = 0;
};
Stall StallOf(const v1::ProjectPolicy& policy, v1::ProjectStage stage, absl::CivilDay stage_day,
              absl::CivilDay today);

// The threshold (days) of a stall kind, and the stage it watches (0 and
// UNSPECIFIED for NONE and UNSPECIFIED).
int StallThresholdDays(const v1::ProjectPolicy& policy, v1::StallKind kind);
v1::ProjectStage StageOfStall(v1::StallKind kind);

// Fills `p.stopwatch` on `today` from its stage, stage_date and its
// milestones (any order; deleted ones ignored): days in stage (0 when
// stage_date is unreadable), the next milestone not done by planned date
// (ties by name; `next_milestone` is its title) with days to it (negative
// when overdue), and the stall (NONE for stages that are not watched, such
// as IN_PRODUCTION and LOST).
void DeriveStopwatch(const v1::ProjectPolicy& policy, absl::CivilDay today,
                     const std::vector<v1::Milestone>& milestones, v1::Project& p);

// arrived ÷ contracted when contracted > 0.
std::optional<double> ArrivalRate(int64_t arrived_cny, int64_t contracted_cny);

// ---- Policy

// Parses and checks a text-format ProjectPolicy: a probability in [0, 1] for
// each of the four open stages (each once), thresholds ≥ 1 day, due-soon ≥ 0,
// 0 ≤ yellow < red, template entries with a title and days ≥ 0.
// INVALID_ARGUMENT saying what is wrong (with line/column for syntax errors).
absl::StatusOr<v1::ProjectPolicy> ParseProjectPolicy(absl::string_view text);

// The policy shipped with the server (services/projects/project_policy.textproto, compiled in).
absl::string_view DefaultProjectPolicyText();

// ---- Who may do what

// Object level, like leads: STAFF see their unit's projects and those they
// own or serve as secretary; UNIT_LEAD their unit's; LEADERSHIP, ADMIN and
// DEPARTMENT_SERVICE all; any other role none. (Invisible → NOT_FOUND.) The one
// rule, for Get (CanSeeProject) and the store's lists alike.
Visibility ProjectVisibility(const Principal& p);
bool CanSeeProject(const Principal& p, const v1::Project& project);

// Who may change a project they can see (update, advance, lose, reopen,
// milestones, capital, problems): STAFF their unit's or their own; UNIT_LEAD
// their unit's; ADMIN and DEPARTMENT_SERVICE (within its scopes) all. PERMISSION_DENIED otherwise (e.g. staff of another
// unit serving as secretary may read but not advance). A deleted project
// cannot be changed (FAILED_PRECONDITION: undelete it first).
absl::Status CheckCanChangeProject(const Principal& p, const v1::Project& project);

// Who may delete or undelete a project they can see: UNIT_LEAD their unit's,
// ADMIN all (the permission table admits no one else).
absl::Status CheckCanDeleteProject(const Principal& p, const v1::Project& project);

// Property level, as for leads: STAFF create/move projects only into their
// unit and owned by themselves; UNIT_LEAD only into their unit; ADMIN
// anywhere. Only fields that change are checked (`before` null on create).
absl::Status CheckProjectAssignment(const Principal& p, const v1::Project* before, const v1::Project& after);

}  // namespace crm

#endif  // CRM_SERVICES_PROJECTS_PROJECT_RULES_H_
