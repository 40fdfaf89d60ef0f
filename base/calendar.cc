#include "base/calendar.h"

namespace crm {

absl::CivilDay ZoneDay(absl::Time now) { return absl::ToCivilDay(now, absl::FixedTimeZone(8 * 3600)); }

std::optional<absl::CivilDay> ParseIsoDay(absl::string_view text) {
  absl::CivilDay day;
  // The round trip rejects what ParseCivilTime would normalise (2026-02-30)
  // and forms other than exactly YYYY-MM-DD.
  if (text.size() != 10 || !absl::ParseCivilTime(text, &day) || absl::FormatCivilTime(day) != text) {
    return std::nullopt;
  }
  return day;
}

std::string IsoDay(absl::CivilDay day) { return absl::FormatCivilTime(day); }

bool IsIsoDay(absl::string_view text) { return ParseIsoDay(text).has_value(); }

namespace {
constexpr absl::CivilDay kDayZero(1970, 1, 1);
}  // namespace

int64_t DayNumber(absl::string_view iso_day) { return ParseIsoDay(iso_day).value_or(kDayZero) - kDayZero; }

std::string IsoDayOfNumber(int64_t day_number) { return IsoDay(kDayZero + day_number); }

}  // namespace crm
