#ifndef CRM_SERVICES_COMMON_CALENDAR_H_
#define CRM_SERVICES_COMMON_CALENDAR_H_

// The zone's calendar: due dates, ages, stage days and "today" are counted in
// China Standard Time (UTC+8), whatever the server's time zone.

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace crm {

// The zone's calendar day at `now`.
absl::CivilDay ZoneDay(absl::Time now);

// `YYYY-MM-DD` as a day; nullopt when it is not exactly that form of a real
// calendar day (2026-02-30 is refused, not normalised).
std::optional<absl::CivilDay> ParseIsoDay(absl::string_view text);
std::string IsoDay(absl::CivilDay day);

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_CALENDAR_H_
