#ifndef CRM_BENCH_DATAGEN_CONTEXT_H_
#define CRM_BENCH_DATAGEN_CONTEXT_H_

// What the parts of the generator share: the session, the calendar, the
// units with their users, and the per-table figures.

#include <cppconn/connection.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "bench/datagen/bulk_insert.h"
#include "bench/datagen/random.h"

namespace crm::datagen {

// A unit (单位) and the users who work in it.
struct UnitInfo {
  std::string id;
  std::string display_name;
  // Relative share of the pipeline (the promotion bureaus carry more).
  double weight = 1;
  std::string lead;                // the UNIT_LEAD
  std::vector<std::string> staff;  // STAFF users
};

struct Context {
  sql::Connection* conn = nullptr;
  uint64_t seed = 1;
  absl::Time now;
  absl::CivilDay today;      // the zone's day at `now` (UTC+8)
  absl::CivilDay first_day;  // 1 January of the first year generated
  std::vector<UnitInfo> units;
  std::vector<double> unit_weights;         // units[i].weight, for Rng::Weighted
  std::map<std::string, TableStats> stats;  // by table

  TableStats* Stats(absl::string_view table) { return &stats[std::string(table)]; }

  // A moment during office hours of zone day `day`, never after `now`.
  absl::Time At(Rng& rng, absl::CivilDay day) const;

  // A unit by weight, and a user of it (staff mostly, sometimes the lead).
  const UnitInfo& PickUnit(Rng& rng) const;
  const std::string& PickUser(Rng& rng, const UnitInfo& unit) const;
  // Any user of any unit (service secretaries serve across units).
  const std::string& PickAnyUser(Rng& rng) const;
};

// The zone's time zone (UTC+8), where days and office hours are counted.
absl::TimeZone ZoneTimeZone();

// Whole 万元 (10,000 yuan), at least one: how amounts are recorded.
int64_t Wan(double yuan);

// Runs a query of one integer (0 when NULL); exceptions become statuses.
absl::StatusOr<int64_t> QueryInt(sql::Connection& conn, const std::string& sql);

// Runs statements; exceptions become statuses.
absl::Status Execute(sql::Connection& conn, const std::string& sql);
absl::Status Commit(sql::Connection& conn);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_CONTEXT_H_
