#ifndef CRM_SERVICES_DASHBOARD_DASHBOARD_RULES_H_
#define CRM_SERVICES_DASHBOARD_DASHBOARD_RULES_H_

// The dashboard's rules: pure functions over figures the store has summed
// (no I/O; the caller passes the zone's day).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "base/principal.h"
#include "crm/v1/dashboard_service.pb.h"
#include "crm/v1/project_policy.pb.h"

namespace crm {

// ---- Who sees what

// The unit whose figures a caller gets (`units/{id}` requested, or empty):
// LEADERSHIP, ADMIN and service accounts any unit, or all ("" back); STAFF
// and UNIT_LEAD only their own, which is also their default.
// PERMISSION_DENIED naming the caller's unit when they ask for another.
absl::StatusOr<std::string> DashboardUnit(const Principal& p, const std::string& requested_unit);

// ---- The pipeline

// Fills `stages` (every stage, with its probability from `policy` and the
// weighted amount), the open totals and the weighted pipeline from `cells`.
void SummarizeStages(const v1::ProjectPolicy& policy, v1::PipelineSummary& summary);

// The four conversions from the year's counts of projects that reached each
// stage (NEGOTIATING … IN_PRODUCTION, in order) and, of those, how many
// reached the next one since.
std::vector<v1::StageConversion> Conversions(const std::array<int64_t, 5>& reached,
                                             const std::array<int64_t, 4>& converted);

// Lost reasons with a count, most first (ties in enum order).
std::vector<v1::LostReasonCount> TopLostReasons(const std::array<int64_t, 6>& by_reason);

// ---- The scoreboard

// The share of `year` elapsed at the end of `today`: 0 before it, 1 after it.
double YearElapsed(int year, absl::CivilDay today);

// Fills each unit's metrics' completion and pace, its overall completion and
// pace, and ranks: units with a pledge by overall completion (best first; equal
// completions share a rank), then units without one (rank 0). Units come back
// in that order (ties by unit name). A metric has a target when it is > 0;
// a unit has a pledge when any metric has.
void ScoreUnits(double year_elapsed, std::vector<v1::UnitScore>& units);

// ---- Alerts

// The colour bands of one kind of alert: days overdue from which it is YELLOW
// and RED (BLUE before).
struct ColorBands {
  int yellow_after_days = 0;
  int red_after_days = 0;
};

// Most severe first: RED before YELLOW before BLUE, then more days overdue,
// then kind, then the subject's id.
bool MoreSevere(const v1::Alert& a, const v1::Alert& b);

// Where the last alert of a page stood, for the next page.
struct AlertCursor {
  v1::EscalationColor color = v1::ESCALATION_COLOR_UNSPECIFIED;
  int days = 0;
  v1::AlertKind kind = v1::ALERT_KIND_UNSPECIFIED;
  int64_t id = 0;
};
AlertCursor CursorOf(const v1::Alert& a);

// Which alerts of one source (a kind, with its bands) come after `cursor`, as
// a condition the store can use on (days overdue, id): those with fewer than
// `days` days overdue, or exactly `days` and an id above `id_after`. Each
// source lists by days overdue descending, then id.
struct DaysBound {
  int days = 0;
  int64_t id_after = 0;
};
DaysBound BoundAfter(const AlertCursor& cursor, v1::AlertKind kind, const ColorBands& bands);

}  // namespace crm

#endif  // CRM_SERVICES_DASHBOARD_DASHBOARD_RULES_H_
