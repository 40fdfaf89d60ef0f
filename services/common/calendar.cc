#include "services/common/calendar.h"

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

}  // namespace crm
