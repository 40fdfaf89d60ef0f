#include "services/dashboard/dashboard_rules.h"

#include <algorithm>
#include <limits>
#include <tuple>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/escalation.h"

namespace crm {

absl::StatusOr<std::string> DashboardUnit(const Principal& p, const std::string& requested_unit) {
  switch (p.role) {
    case v1::ROLE_LEADERSHIP:
    case v1::ROLE_ADMIN:
    case v1::ROLE_DEPARTMENT_SERVICE: return requested_unit;
    default:
      if (requested_unit.empty() || requested_unit == p.unit_name()) return p.unit_name();
      return absl::PermissionDeniedError(absl::StrCat(p.user_name(), " sees the dashboard of ", p.unit_name(),
                                                      " only, not of ", requested_unit));
  }
}

void SummarizeStages(const v1::ProjectPolicy& policy, v1::PipelineSummary& summary) {
  summary.clear_stages();
  summary.clear_open_project_count();
  summary.clear_open_planned_investment_cny();
  summary.clear_weighted_pipeline_cny();
  for (int s = v1::PROJECT_STAGE_NEGOTIATING; s <= v1::PROJECT_STAGE_LOST; ++s) {
    v1::StageTotal* total = summary.add_stages();
    total->set_stage(static_cast<v1::ProjectStage>(s));
    for (const v1::PipelineCell& cell : summary.cells()) {
      if (cell.stage() != s) continue;
      total->set_project_count(total->project_count() + cell.project_count());
      total->set_planned_investment_cny(total->planned_investment_cny() + cell.planned_investment_cny());
    }
    for (const v1::StageProbability& sp : policy.stage_probabilities()) {
      if (sp.stage() != s) continue;
      total->set_probability(sp.probability());
      total->set_weighted_investment_cny(
          static_cast<int64_t>(static_cast<double>(total->planned_investment_cny()) * sp.probability() + 0.5));
    }
    if (s <= v1::PROJECT_STAGE_CONSTRUCTION_STARTED) {
      summary.set_open_project_count(summary.open_project_count() + total->project_count());
      summary.set_open_planned_investment_cny(summary.open_planned_investment_cny() +
                                              total->planned_investment_cny());
      summary.set_weighted_pipeline_cny(summary.weighted_pipeline_cny() + total->weighted_investment_cny());
    }
  }
}

std::vector<v1::StageConversion> Conversions(const std::array<int64_t, 5>& reached,
                                             const std::array<int64_t, 4>& converted) {
  std::vector<v1::StageConversion> out;
  for (int i = 0; i < 4; ++i) {
    v1::StageConversion& c = out.emplace_back();
    c.set_from_stage(static_cast<v1::ProjectStage>(v1::PROJECT_STAGE_NEGOTIATING + i));
    c.set_to_stage(static_cast<v1::ProjectStage>(v1::PROJECT_STAGE_NEGOTIATING + i + 1));
    c.set_entered(reached[i]);
    c.set_converted(converted[i]);
    if (reached[i] > 0) c.set_rate(static_cast<double>(converted[i]) / static_cast<double>(reached[i]));
  }
  return out;
}

std::vector<v1::LostReasonCount> TopLostReasons(const std::array<int64_t, 6>& by_reason) {
  std::vector<v1::LostReasonCount> out;
  for (int i = 0; i < 6; ++i) {
    if (by_reason[i] == 0) continue;
    v1::LostReasonCount& r = out.emplace_back();
    r.set_reason(static_cast<v1::LostReason>(v1::LOST_REASON_COMPETING_REGION + i));
    r.set_project_count(by_reason[i]);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.project_count() > b.project_count(); });
  return out;
}

double YearElapsed(int year, absl::CivilDay today) {
  const absl::CivilDay first(year, 1, 1);
  const absl::CivilDay next(year + 1, 1, 1);
  if (today < first) return 0;
  if (today >= next) return 1;
  return static_cast<double>(today - first + 1) / static_cast<double>(next - first);
}

namespace {

v1::Pace PaceOf(const std::optional<double>& completion, double year_elapsed) {
  if (!completion) return v1::PACE_NO_TARGET;
  return *completion >= year_elapsed ? v1::PACE_AHEAD : v1::PACE_BEHIND;
}

}  // namespace

void ScoreUnits(double year_elapsed, std::vector<v1::UnitScore>& units) {
  for (v1::UnitScore& u : units) {
    double sum = 0;
    int targets = 0;
    for (v1::PledgeProgress& m : *u.mutable_metrics()) {
      std::optional<double> completion;
      if (m.target() > 0) {
        completion = static_cast<double>(m.achieved()) / static_cast<double>(m.target());
        m.set_completion(*completion);
        sum += std::min(*completion, 1.0);
        ++targets;
      } else {
        m.clear_completion();
      }
      m.set_pace(PaceOf(completion, year_elapsed));
    }
    u.set_has_target(targets > 0);
    std::optional<double> overall;
    if (targets > 0) {
      overall = sum / targets;
      u.set_overall_completion(*overall);
    } else {
      u.clear_overall_completion();
    }
    u.set_pace(PaceOf(overall, year_elapsed));
  }
  std::sort(units.begin(), units.end(), [](const v1::UnitScore& a, const v1::UnitScore& b) {
    const double ca = a.has_target() ? a.overall_completion() : -1;
    const double cb = b.has_target() ? b.overall_completion() : -1;
    return std::make_tuple(-ca, a.unit()) < std::make_tuple(-cb, b.unit());
  });
  for (size_t i = 0; i < units.size(); ++i) {
    v1::UnitScore& u = units[i];
    if (!u.has_target()) {
      u.set_rank(0);
    } else if (i > 0 && units[i - 1].has_target() && units[i - 1].overall_completion() == u.overall_completion()) {
      u.set_rank(units[i - 1].rank());
    } else {
      u.set_rank(static_cast<int>(i) + 1);
    }
  }
}

namespace {

// The severity of a colour: higher is worse.
int Severity(v1::EscalationColor color) {
  switch (color) {
    case v1::ESCALATION_COLOR_RED: return 3;
    case v1::ESCALATION_COLOR_YELLOW: return 2;
    case v1::ESCALATION_COLOR_BLUE: return 1;
    default: return 0;
  }
}

// The first day count at which alerts of `bands` are `severity` or worse.
int FirstDaysAt(int severity, const ColorBands& bands) {
  switch (severity) {
    case 0:
    case 1: return std::numeric_limits<int>::min();
    case 2: return bands.yellow_after_days;
    case 3: return bands.red_after_days;
    default: return std::numeric_limits<int>::max();
  }
}

// The id at the end of the alert's subject (`projects/7/milestones/12` → 12).
int64_t SubjectId(const v1::Alert& a) {
  int64_t id = 0;
  (void)absl::SimpleAtoi(absl::string_view(a.subject()).substr(a.subject().rfind('/') + 1), &id);
  return id;
}

}  // namespace

bool MoreSevere(const v1::Alert& a, const v1::Alert& b) {
  return std::make_tuple(-Severity(a.color()), -a.days_overdue(), a.kind(), SubjectId(a)) <
         std::make_tuple(-Severity(b.color()), -b.days_overdue(), b.kind(), SubjectId(b));
}

AlertCursor CursorOf(const v1::Alert& a) { return {a.color(), a.days_overdue(), a.kind(), SubjectId(a)}; }

DaysBound BoundAfter(const AlertCursor& cursor, v1::AlertKind kind, const ColorBands& bands) {
  constexpr int64_t kNoId = std::numeric_limits<int64_t>::max();
  const int c = Severity(cursor.color);
  const int d_severity = Severity(EscalationColorOf(cursor.days, bands.yellow_after_days, bands.red_after_days));
  if (d_severity > c) return {FirstDaysAt(c + 1, bands), kNoId};  // all of colour c and milder
  if (d_severity < c) return {FirstDaysAt(c, bands), kNoId};      // only the milder colours
  if (kind > cursor.kind) return {cursor.days + 1, kNoId};         // ties on days follow the cursor
  if (kind == cursor.kind) return {cursor.days, cursor.id};
  return {cursor.days, kNoId};
}

}  // namespace crm
