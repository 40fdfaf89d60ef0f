#ifndef CRM_BASE_CALENDAR_H_
#define CRM_BASE_CALENDAR_H_

// The zone's calendar: due dates, ages, stage days and "today" are counted in
// China Standard Time (UTC+8), whatever the server's time zone.

#include <cstdint>
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

// True for exactly `YYYY-MM-DD` of a real calendar day (ParseIsoDay succeeds).
bool IsIsoDay(absl::string_view text);

// Days since 1970-01-01 of a `YYYY-MM-DD` date (as the stores keep dates in
// page tokens), and the date of such a number. A text that is not a date
// counts as 1970-01-01.
int64_t DayNumber(absl::string_view iso_day);
std::string IsoDayOfNumber(int64_t day_number);

}  // namespace crm

#endif  // CRM_BASE_CALENDAR_H_
