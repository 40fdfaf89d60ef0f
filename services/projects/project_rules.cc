#include "services/projects/project_rules.h"

#include <array>
#include <cmath>
#include <map>
#include <tuple>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "base/calendar.h"
#include "base/escalation.h"
#include "base/field_checks.h"
#include "base/resource_name.h"
#include "base/uscc.h"

namespace crm {
namespace {

using google::protobuf::FieldMask;
using v1::ProjectStage;

// The tier thresholds (DESIGN.md §2), in RMB yuan: 10亿, 20亿, 50亿.
constexpr int64_t k1B = 1'000'000'000;
constexpr int64_t k2B = 2'000'000'000;
constexpr int64_t k5B = 5'000'000'000;

// The first and last year a target may be set for.
constexpr int kFirstYear = 1949;
constexpr int kLastYear = 2100;

// The pipeline in order; LOST is off it.
constexpr std::array<ProjectStage, 5> kPipeline = {
    v1::PROJECT_STAGE_NEGOTIATING, v1::PROJECT_STAGE_SIGNED, v1::PROJECT_STAGE_REGISTERED,
    v1::PROJECT_STAGE_CONSTRUCTION_STARTED, v1::PROJECT_STAGE_IN_PRODUCTION};

// The position of `stage` in kPipeline; -1 for LOST and UNSPECIFIED.
int PipelineIndex(ProjectStage stage) {
  auto it = absl::c_find(kPipeline, stage);
  return it == kPipeline.end() ? -1 : static_cast<int>(it - kPipeline.begin());
}

std::string StageNames(const std::vector<ProjectStage>& stages, absl::string_view separator) {
  return absl::StrJoin(stages, separator,
                       [](std::string* out, ProjectStage s) { absl::StrAppend(out, StageName(s)); });
}

// "and" between the last two: "REGISTERED", "REGISTERED and CONSTRUCTION_STARTED".
std::string NamesAnd(const std::vector<ProjectStage>& stages) {
  if (stages.size() <= 1) return StageNames(stages, ", ");
  std::vector<ProjectStage> head(stages.begin(), stages.end() - 1);
  return absl::StrCat(StageNames(head, ", "), " and ", StageName(stages.back()));
}

// What an open stage may become: "the project is SIGNED; AdvanceProjectStage can
// move it to REGISTERED (or, with a justification, CONSTRUCTION_STARTED,
// IN_PRODUCTION)".
std::string AdvanceChoices(ProjectStage from) {
  std::vector<ProjectStage> later = AllowedAdvances(from, /*justified=*/true);
  std::string text =
      absl::StrCat("the project is ", StageName(from), "; AdvanceProjectStage can move it to ", StageName(later[0]));
  if (later.size() > 1) {
    std::vector<ProjectStage> skipping(later.begin() + 1, later.end());
    absl::StrAppend(&text, " (or, with a justification, ", StageNames(skipping, ", "), ")");
  }
  return text;
}

// A required day not after `today`.
void CheckPastDay(absl::string_view value, absl::CivilDay today, const std::string& field,
                  FieldViolations& violations) {
  std::optional<absl::CivilDay> day = ParseIsoDay(value);
  if (value.empty()) {
    violations.Add(field, "is required (YYYY-MM-DD)");
  } else if (!day) {
    violations.Add(field, "must be a date YYYY-MM-DD");
  } else if (*day > today) {
    violations.Add(field, absl::StrCat("must not be after today (", IsoDay(today), ")"));
  }
}

// A named resource `collection/{id}` with a numeric id, when set.
void CheckReference(absl::string_view value, absl::string_view collection, const std::string& field,
                    FieldViolations& violations) {
  if (!value.empty() && !ParseResourceId(value, collection, field).ok()) {
    violations.Add(field, absl::StrCat("must be a name like `", collection, "/42`"));
  }
}

void NotNegative(int64_t value, const std::string& field, FieldViolations& violations) {
  if (value < 0) violations.Add(field, absl::StrCat("must not be negative, got ", value));
}

}  // namespace

// ---- Tiers

v1::InvestmentTier TierOf(int64_t planned_investment_cny) {
  if (planned_investment_cny >= k5B) return v1::INVESTMENT_TIER_5B;
  if (planned_investment_cny >= k2B) return v1::INVESTMENT_TIER_2B;
  if (planned_investment_cny >= k1B) return v1::INVESTMENT_TIER_1B;
  return v1::INVESTMENT_TIER_BELOW_1B;
}

// ---- Stages

bool IsOpenStage(ProjectStage stage) {
  return stage == v1::PROJECT_STAGE_NEGOTIATING || stage == v1::PROJECT_STAGE_SIGNED ||
         stage == v1::PROJECT_STAGE_REGISTERED || stage == v1::PROJECT_STAGE_CONSTRUCTION_STARTED;
}

std::vector<ProjectStage> AllowedAdvances(ProjectStage from, bool justified) {
  if (!IsOpenStage(from)) return {};
  const size_t next = PipelineIndex(from) + 1;
  const size_t end = justified ? kPipeline.size() : next + 1;
  return std::vector<ProjectStage>(kPipeline.begin() + next, kPipeline.begin() + end);
}

absl::Status CheckAdvance(ProjectStage from, ProjectStage to, bool justified) {
  if (to == v1::PROJECT_STAGE_UNSPECIFIED || !v1::ProjectStage_IsValid(to)) {
    return InvalidField("to_stage", "is required: the stage to move to");
  }
  if (from == v1::PROJECT_STAGE_IN_PRODUCTION) {
    return absl::FailedPreconditionError("the project is IN_PRODUCTION, the last stage");
  }
  if (from == v1::PROJECT_STAGE_LOST) {
    return absl::FailedPreconditionError("the project is LOST; ReopenProject first");
  }
  if (!IsOpenStage(from)) {
    return absl::FailedPreconditionError(absl::StrCat("the project has no stage (", StageName(from), ")"));
  }
  if (to == v1::PROJECT_STAGE_LOST) {
    return absl::FailedPreconditionError(
        absl::StrCat("LOST is not an advance: use MarkProjectLost; ", AdvanceChoices(from)));
  }
  const int at = PipelineIndex(from);
  const int target = PipelineIndex(to);
  if (target == at) {
    return absl::FailedPreconditionError(
        absl::StrCat(StageName(to), " is the current stage; ", AdvanceChoices(from)));
  }
  if (target < at) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot move back to ", StageName(to), "; ", AdvanceChoices(from)));
  }
  if (target > at + 1 && !justified) {
    std::vector<ProjectStage> skipped(kPipeline.begin() + at + 1, kPipeline.begin() + target);
    return absl::FailedPreconditionError(
        absl::StrCat("skipping ", NamesAnd(skipped), " needs a justification; ", AdvanceChoices(from)));
  }
  return absl::OkStatus();
}

absl::Status CheckLose(ProjectStage from) {
  if (IsOpenStage(from)) return absl::OkStatus();
  if (from == v1::PROJECT_STAGE_LOST) return absl::FailedPreconditionError("the project is LOST already");
  return absl::FailedPreconditionError(absl::StrCat(
      "the project is ", StageName(from), "; only a project not yet in production (",
      NamesAnd({v1::PROJECT_STAGE_NEGOTIATING, v1::PROJECT_STAGE_SIGNED, v1::PROJECT_STAGE_REGISTERED,
                v1::PROJECT_STAGE_CONSTRUCTION_STARTED}),
      ") can be marked LOST"));
}

absl::Status CheckReopen(ProjectStage from) {
  if (from == v1::PROJECT_STAGE_LOST) return absl::OkStatus();
  return absl::FailedPreconditionError(
      absl::StrCat("the project is ", StageName(from), "; only a LOST project can be reopened"));
}

std::string StageName(ProjectStage stage) {
  return std::string(absl::StripPrefix(v1::ProjectStage_Name(stage), "PROJECT_STAGE_"));
}

// ---- Validation and masks

void ValidateProjectFields(const v1::Project& p, absl::string_view prefix, FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  CheckText(p.display_name(), 200, true, field("display_name"), violations);
  CheckReference(p.investor_enterprise(), "enterprises", field("investor_enterprise"), violations);
  CheckText(p.investor_name(), 200, false, field("investor_name"), violations);
  if (p.investor_enterprise().empty() && absl::StripAsciiWhitespace(p.investor_name()).empty()) {
    violations.Add(field("investor_name"),
                   "is required unless investor_enterprise is set: one of the two names the investor");
  }
  if (!p.investor_uscc().empty()) {
    if (auto problem = UsccProblem(p.investor_uscc())) violations.Add(field("investor_uscc"), *problem);
  }
  if (!v1::IndustrySection_IsValid(p.industry())) {
    violations.Add(field("industry"), "is not a GB/T 4754 section");
  }
  if (!v1::InvestmentForm_IsValid(p.investment_form())) {
    violations.Add(field("investment_form"), "is not an InvestmentForm");
  }
  NotNegative(p.planned_investment_cny(), field("planned_investment_cny"), violations);
  NotNegative(p.contracted_investment_cny(), field("contracted_investment_cny"), violations);
  if (!std::isfinite(p.land_area_mu()) || p.land_area_mu() < 0) {
    violations.Add(field("land_area_mu"), "must be a finite number of mu, not negative");
  }
  CheckUnit(p.unit(), field("unit"), violations);
  CheckUser(p.owner(), field("owner"), violations);
  CheckUser(p.service_secretary(), field("service_secretary"), violations);
  CheckReference(p.origin_lead(), "leads", field("origin_lead"), violations);
}

absl::Status ApplyProjectMask(const FieldMask& mask, const v1::Project& patch, v1::Project& p) {
  static const auto& kUpdatable = *new std::vector<std::string>{
      "display_name",           "investor_enterprise",       "investor_name", "investor_uscc",
      "industry",               "investment_form",           "planned_investment_cny",
      "contracted_investment_cny", "land_area_mu",           "unit",          "owner",
      "service_secretary"};
  static const auto& kReadOnly = *[] {
    auto* m = new std::map<std::string, std::string>;
    for (const char* f : {"stage", "stage_date", "signed_date", "lost_reason", "lost_note", "negotiation_date",
                          "registered_date", "construction_start_date", "production_date"}) {
      (*m)[f] = "cannot be changed by UpdateProject; use AdvanceProjectStage, MarkProjectLost or ReopenProject";
    }
    (*m)["tier"] = "is derived from planned_investment_cny; change that instead";
    for (const char* f : {"capital_arrived_cny", "capital_arrival_rate"}) {
      (*m)[f] = "is derived from the capital arrivals; use RecordCapitalArrival";
    }
    (*m)["stopwatch"] = "is derived on every read and cannot be set";
    (*m)["delete_time"] = "cannot be changed by UpdateProject; use DeleteProject or UndeleteProject";
    (*m)["origin_lead"] = "is set once, by ConvertLead, and cannot be changed";
    (*m)["project_code"] = "is assigned on creation and cannot be changed";
    return m;
  }();
  return ApplyMask(mask, patch, p, kUpdatable, kReadOnly);
}

void ValidateMilestoneFields(const v1::Milestone& m, absl::CivilDay today, absl::string_view prefix,
                             FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  CheckText(m.title(), 200, true, field("title"), violations);
  if (m.planned_date().empty()) {
    violations.Add(field("planned_date"), "is required (YYYY-MM-DD)");
  } else {
    CheckOptionalDay(m.planned_date(), field("planned_date"), violations);
  }
  if (!m.actual_date().empty()) CheckPastDay(m.actual_date(), today, field("actual_date"), violations);
  CheckUnit(m.responsible_unit(), field("responsible_unit"), violations);
}

absl::Status ApplyMilestoneMask(const FieldMask& mask, const v1::Milestone& patch, v1::Milestone& m) {
  static const auto& kUpdatable =
      *new std::vector<std::string>{"title", "planned_date", "actual_date", "responsible_unit"};
  static const auto& kReadOnly = *[] {
    auto* r = new std::map<std::string, std::string>;
    for (const char* f : {"status", "overdue_days", "escalation_color"}) {
      (*r)[f] = "is derived from the dates on every read and cannot be set";
    }
    (*r)["delete_time"] = "cannot be set; use DeleteMilestone";
    return r;
  }();
  return ApplyMask(mask, patch, m, kUpdatable, kReadOnly);
}

void ValidateProblemFields(const v1::ProjectProblem& p, absl::string_view prefix, FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  if (p.type() == v1::PROBLEM_TYPE_UNSPECIFIED || !v1::ProblemType_IsValid(p.type())) {
    violations.Add(field("type"), "is required (FUNDING, LAND, POLICY, APPROVAL or OTHER)");
  }
  CheckText(p.description(), 2000, true, field("description"), violations);
  if (p.escalation_level() == v1::ESCALATION_LEVEL_UNSPECIFIED || !v1::EscalationLevel_IsValid(p.escalation_level())) {
    violations.Add(field("escalation_level"), "is required (UNIT, BUREAU or ZONE_LEADERSHIP)");
  }
  if (!v1::ProblemStatus_IsValid(p.status())) {
    violations.Add(field("status"), "is not a ProblemStatus (OPEN, IN_PROGRESS or RESOLVED)");
  }
  if (p.status() == v1::PROBLEM_STATUS_RESOLVED && absl::StripAsciiWhitespace(p.resolution()).empty()) {
    violations.Add(field("resolution"), "is required to set RESOLVED: say how the problem was solved");
  } else {
    CheckText(p.resolution(), 2000, false, field("resolution"), violations);
  }
}

absl::Status ApplyProblemMask(const FieldMask& mask, const v1::ProjectProblem& patch, v1::ProjectProblem& p) {
  static const auto& kUpdatable =
      *new std::vector<std::string>{"type", "description", "escalation_level", "status", "resolution"};
  static const auto& kReadOnly = *new std::map<std::string, std::string>{
      {"raised_by", "is the user who created the problem and cannot be changed"},
  };
  return ApplyMask(mask, patch, p, kUpdatable, kReadOnly);
}

void ValidateCapitalArrival(const v1::CapitalArrival& c, absl::CivilDay today, absl::string_view prefix,
                            FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  CheckPastDay(c.arrival_date(), today, field("arrival_date"), violations);
  if (c.amount_cny() <= 0) {
    violations.Add(field("amount_cny"), absl::StrCat("must be more than 0 yuan, got ", c.amount_cny()));
  }
  CheckText(c.note(), 500, false, field("note"), violations);
}

void ValidateUnitTarget(const v1::UnitTarget& t, absl::string_view prefix, FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  NotNegative(t.signed_projects(), field("signed_projects"), violations);
  const std::array<std::pair<const char*, int32_t>, 3> tiers = {{{"signed_projects_1b", t.signed_projects_1b()},
                                                                  {"signed_projects_2b", t.signed_projects_2b()},
                                                                  {"signed_projects_5b", t.signed_projects_5b()}}};
  for (const auto& [name, count] : tiers) {
    if (count < 0) {
      NotNegative(count, field(name), violations);
    } else if (t.signed_projects() >= 0 && count > t.signed_projects()) {
      violations.Add(field(name),
                     absl::StrCat("must not exceed signed_projects (", t.signed_projects(), "), got ", count));
    }
  }
  NotNegative(t.signed_investment_cny(), field("signed_investment_cny"), violations);
  NotNegative(t.construction_starts(), field("construction_starts"), violations);
  NotNegative(t.capital_arrived_cny(), field("capital_arrived_cny"), violations);
}

absl::StatusOr<UnitYear> ParseUnitTargetName(absl::string_view name, absl::string_view field) {
  auto invalid = [&] {
    return InvalidField(field, absl::StrCat("must be a name like `units/promotion-1/targets/2026` (year ", kFirstYear,
                                            "–", kLastYear, ")"));
  };
  constexpr absl::string_view kCollection = "/targets/";
  size_t at = name.find(kCollection);
  if (at == absl::string_view::npos) return invalid();
  UnitYear key;
  key.unit_id = PrincipalId(name.substr(0, at), "units");
  absl::string_view year = name.substr(at + kCollection.size());
  if (key.unit_id.empty() || year.size() != 4 || !absl::c_all_of(year, absl::ascii_isdigit) ||
      !absl::SimpleAtoi(year, &key.year) || key.year < kFirstYear || key.year > kLastYear) {
    return invalid();
  }
  return key;
}

std::string UnitTargetName(const UnitYear& key) { return absl::StrCat("units/", key.unit_id, "/targets/", key.year); }

// ---- The battle map and the stopwatch

std::vector<v1::Milestone> TemplateMilestones(const v1::ProjectPolicy& policy, absl::CivilDay signed_day,
                                              const std::string& unit, v1::ProjectStage stage) {
  std::vector<v1::Milestone> milestones;
  for (const v1::MilestoneTemplate& t : policy.milestone_template()) {
    v1::Milestone& m = milestones.emplace_back();
    m.set_title(t.title());
    m.set_planned_date(IsoDay(signed_day + t.days_after_signing()));
    m.set_responsible_unit(unit);
    if (t.done_at_stage() != v1::PROJECT_STAGE_UNSPECIFIED && t.done_at_stage() <= stage) {
      m.set_actual_date(IsoDay(signed_day));
    }
  }
  return milestones;
}

std::vector<std::string> MilestonesDoneAt(const v1::ProjectPolicy& policy, v1::ProjectStage stage) {
  std::vector<std::string> titles;
  if (!IsOpenStage(stage) && stage != v1::PROJECT_STAGE_IN_PRODUCTION) return titles;  // LOST completes nothing
  for (const v1::MilestoneTemplate& t : policy.milestone_template()) {
    if (t.done_at_stage() != v1::PROJECT_STAGE_UNSPECIFIED && t.done_at_stage() <= stage) {
      titles.push_back(t.title());
    }
  }
  return titles;
}

void DeriveMilestone(const v1::ProjectPolicy& policy, absl::CivilDay today, v1::Milestone& m) {
  m.clear_overdue_days();
  m.set_escalation_color(v1::ESCALATION_COLOR_NONE);
  if (!m.actual_date().empty()) {
    m.set_status(v1::MILESTONE_STATUS_DONE);
    return;
  }
  std::optional<absl::CivilDay> planned = ParseIsoDay(m.planned_date());
  // Validation keeps unreadable dates out; such a milestone is not alarmed on.
  if (!planned || *planned - today > policy.milestone_due_soon_days()) {
    m.set_status(v1::MILESTONE_STATUS_ON_TRACK);
    return;
  }
  if (today <= *planned) {
    m.set_status(v1::MILESTONE_STATUS_DUE_SOON);
    return;
  }
  const int64_t overdue = today - *planned;
  m.set_status(v1::MILESTONE_STATUS_OVERDUE);
  m.set_overdue_days(static_cast<int32_t>(overdue));
  m.set_escalation_color(EscalationColorOf(overdue, policy.yellow_after_days(), policy.red_after_days()));
}

int StallThresholdDays(const v1::ProjectPolicy& policy, v1::StallKind kind) {
  switch (kind) {
    case v1::STALL_KIND_SIGNED_NOT_REGISTERED: return policy.signed_not_registered_days();
    case v1::STALL_KIND_REGISTERED_NOT_STARTED: return policy.registered_not_started_days();
    case v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION: return policy.started_not_in_production_days();
    default: return 0;
  }
}

ProjectStage StageOfStall(v1::StallKind kind) {
  switch (kind) {
    case v1::STALL_KIND_SIGNED_NOT_REGISTERED: return v1::PROJECT_STAGE_SIGNED;
    case v1::STALL_KIND_REGISTERED_NOT_STARTED: return v1::PROJECT_STAGE_REGISTERED;
    case v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION: return v1::PROJECT_STAGE_CONSTRUCTION_STARTED;
    default: return v1::PROJECT_STAGE_UNSPECIFIED;
  }
}

Stall StallOf(const v1::ProjectPolicy& policy, ProjectStage stage, absl::CivilDay stage_day, absl::CivilDay today) {
  v1::StallKind kind;
  switch (stage) {
    case v1::PROJECT_STAGE_SIGNED: kind = v1::STALL_KIND_SIGNED_NOT_REGISTERED; break;
    case v1::PROJECT_STAGE_REGISTERED: kind = v1::STALL_KIND_REGISTERED_NOT_STARTED; break;
    case v1::PROJECT_STAGE_CONSTRUCTION_STARTED: kind = v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION; break;
    default: return {};
  }
  const int64_t over = (today - stage_day) - StallThresholdDays(policy, kind);
  if (over <= 0) return {};
  return {kind, static_cast<int>(over)};
}

void DeriveStopwatch(const v1::ProjectPolicy& policy, absl::CivilDay today,
                     const std::vector<v1::Milestone>& milestones, v1::Project& p) {
  v1::Stopwatch& sw = *p.mutable_stopwatch();
  sw.Clear();
  sw.set_stall(v1::STALL_KIND_NONE);
  if (std::optional<absl::CivilDay> stage_day = ParseIsoDay(p.stage_date())) {
    sw.set_days_in_stage(static_cast<int32_t>(today - *stage_day));
    Stall stall = StallOf(policy, p.stage(), *stage_day, today);
    sw.set_stall(stall.kind);
    sw.set_days_over_threshold(stall.days_over);
  }
  const v1::Milestone* next = nullptr;
  absl::CivilDay next_day;
  for (const v1::Milestone& m : milestones) {
    if (m.has_delete_time() || !m.actual_date().empty()) continue;
    std::optional<absl::CivilDay> planned = ParseIsoDay(m.planned_date());
    if (!planned) continue;
    if (next == nullptr || std::tie(*planned, m.name()) < std::tie(next_day, next->name())) {
      next = &m;
      next_day = *planned;
    }
  }
  if (next != nullptr) {
    sw.set_next_milestone(next->title());
    sw.set_days_to_next_milestone(static_cast<int32_t>(next_day - today));
  }
}

std::optional<double> ArrivalRate(int64_t arrived_cny, int64_t contracted_cny) {
  if (contracted_cny <= 0) return std::nullopt;
  return static_cast<double>(arrived_cny) / static_cast<double>(contracted_cny);
}

// ---- Who may do what

Visibility ProjectVisibility(const Principal& p) {
  switch (p.role) {
    case v1::ROLE_ADMIN:
    case v1::ROLE_LEADERSHIP:
    case v1::ROLE_DEPARTMENT_SERVICE: return Visibility::All();  // a department reaches projects only through its scopes
    case v1::ROLE_UNIT_LEAD: return Visibility::AnyOf({{Facet::kUnit, p.unit_id}});
    case v1::ROLE_STAFF:
      return Visibility::AnyOf(
          {{Facet::kUnit, p.unit_id}, {Facet::kOwner, p.user_id}, {Facet::kServiceSecretary, p.user_id}});
    default: return Visibility::None();
  }
}

bool CanSeeProject(const Principal& p, const v1::Project& project) {
  return ProjectVisibility(p).Admits([&](Facet facet) {
    switch (facet) {
      case Facet::kUnit: return PrincipalId(project.unit(), "units");
      case Facet::kOwner: return PrincipalId(project.owner(), "users");
      case Facet::kServiceSecretary: return PrincipalId(project.service_secretary(), "users");
      default: return std::string();
    }
  });
}

void MarkStagesReached(v1::Project& p, v1::ProjectStage stage, const std::string& day) {
  if (!IsOpenStage(stage) && stage != v1::PROJECT_STAGE_IN_PRODUCTION) return;  // LOST reaches nothing
  std::string* dates[] = {p.mutable_negotiation_date(), p.mutable_signed_date(), p.mutable_registered_date(),
                          p.mutable_construction_start_date(), p.mutable_production_date()};
  for (int s = v1::PROJECT_STAGE_NEGOTIATING; s <= v1::PROJECT_STAGE_IN_PRODUCTION && s <= stage; ++s) {
    std::string& date = *dates[s - v1::PROJECT_STAGE_NEGOTIATING];
    if (date.empty()) date = day;
  }
}

absl::Status CheckCanDeleteProject(const Principal& p, const v1::Project& project) {
  if (p.role == v1::ROLE_ADMIN) return absl::OkStatus();
  if (p.role == v1::ROLE_UNIT_LEAD && project.unit() == p.unit_name()) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat(p.user_name(), " may not delete ", project.name(),
                                                  ": a unit lead deletes their unit's projects, an admin any"));
}

absl::Status CheckCanChangeProject(const Principal& p, const v1::Project& project) {
  if (project.has_delete_time()) {
    return absl::FailedPreconditionError(absl::StrCat(project.name(), " is deleted; UndeleteProject first"));
  }
  switch (p.role) {
    // A department's system acts on any project within the scopes the
    // permission table checked (e.g. market regulation records a registration).
    case v1::ROLE_DEPARTMENT_SERVICE:
    case v1::ROLE_ADMIN: return absl::OkStatus();
    case v1::ROLE_UNIT_LEAD:
      if (project.unit() == p.unit_name()) return absl::OkStatus();
      return absl::PermissionDeniedError(absl::StrCat(p.user_name(), " may change only the projects of ",
                                                      p.unit_name(), "; ", project.name(), " is ", project.unit(),
                                                      "'s"));
    case v1::ROLE_STAFF:
      if (project.unit() == p.unit_name() || project.owner() == p.user_name()) return absl::OkStatus();
      return absl::PermissionDeniedError(absl::StrCat(p.user_name(), " may change only the projects of ",
                                                      p.unit_name(), " and those they own; ", project.name(),
                                                      " is ", project.unit(), "'s"));
    default:
      return absl::PermissionDeniedError(
          absl::StrCat(p.user_name(), " may read projects but not change them"));
  }
}

absl::Status CheckProjectAssignment(const Principal& p, const v1::Project* before, const v1::Project& after) {
  if (p.role == v1::ROLE_ADMIN) return absl::OkStatus();
  if ((!before || before->unit() != after.unit()) && after.unit() != p.unit_name()) {
    return absl::PermissionDeniedError(
        absl::StrCat("project.unit: ", p.user_name(), " may only put projects into ", p.unit_name()));
  }
  if (p.role == v1::ROLE_STAFF && (!before || before->owner() != after.owner()) && after.owner() != p.user_name()) {
    return absl::PermissionDeniedError(
        "project.owner: staff may only own projects themselves; ask the unit lead to assign it");
  }
  return absl::OkStatus();
}

}  // namespace crm
