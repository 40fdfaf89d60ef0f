#ifndef CRM_SERVICES_DASHBOARD_DASHBOARD_REQUESTS_H_
#define CRM_SERVICES_DASHBOARD_DASHBOARD_REQUESTS_H_

// What the dashboard checks of a request before it reads the store: pure
// functions (the zone's day is passed in), so that they are unit-tested and
// fuzzed (tests/faults/fuzz) on their own.

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "crm/v1/dashboard_service.pb.h"
#include "services/dashboard/dashboard_rules.h"

namespace crm {

// The year a figure request (summary, scoreboard, pool, trend) is about: its
// `year`, or `today`'s when 0; 1949–2100. Its unit (empty or `units/{id}`)
// and industry (a known section or unspecified) are checked too.
// INVALID_ARGUMENT naming every bad field.
absl::StatusOr<int> FigureYearOf(int year, const std::string& unit, v1::IndustrySection industry, absl::CivilDay today);

// The alert list's largest page; a larger page_size is served as this many.
inline constexpr int kMaxAlertsPage = 500;

// A ListAlerts request made usable: filters checked, page_size 0 → 50 and
// above kMaxAlertsPage → kMaxAlertsPage (negative is INVALID_ARGUMENT), the
// page token decoded against the fingerprint of the request's filters.
struct AlertPageRequest {
  int page_size = 50;
  std::string fingerprint;
  std::optional<AlertCursor> after;
};
absl::StatusOr<AlertPageRequest> AlertPageRequestOf(const v1::ListAlertsRequest& req);

// The page token continuing after `cursor` (severity and days in the key,
// kind in the text), bound to `fingerprint`.
std::string AlertPageToken(const AlertCursor& cursor, const std::string& fingerprint);

}  // namespace crm

#endif  // CRM_SERVICES_DASHBOARD_DASHBOARD_REQUESTS_H_
