#include "bench/datagen/context.h"

#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "storage/sql_error.h"

namespace crm::datagen {

absl::TimeZone ZoneTimeZone() { return absl::FixedTimeZone(8 * 3600); }

absl::Time Context::At(Rng& rng, absl::CivilDay day) const {
  // 08:30 to 18:00, to the second.
  absl::CivilSecond moment = absl::CivilSecond(day) + rng.Uniform(8 * 3600 + 1800, 18 * 3600);
  absl::Time t = absl::FromCivil(moment, ZoneTimeZone()) + absl::Microseconds(rng.Uniform(0, 999'999));
  return std::min(t, now);
}

const UnitInfo& Context::PickUnit(Rng& rng) const { return units[rng.Weighted(unit_weights)]; }

const std::string& Context::PickUser(Rng& rng, const UnitInfo& unit) const {
  if (unit.staff.empty() || rng.Chance(0.15)) return unit.lead;
  return rng.Pick(unit.staff);
}

const std::string& Context::PickAnyUser(Rng& rng) const { return PickUser(rng, rng.Pick(units)); }

int64_t Wan(double yuan) { return std::max<int64_t>(1, std::llround(yuan / 1e4)) * 10'000; }

absl::StatusOr<int64_t> QueryInt(sql::Connection& conn, const std::string& sql) {
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(sql));
    if (!rs->next() || rs->isNull(1)) return 0;
    return rs->getInt64(1);
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
}

absl::Status Execute(sql::Connection& conn, const std::string& sql) {
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    st->execute(sql);
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
}

absl::Status Commit(sql::Connection& conn) {
  try {
    conn.commit();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
}

}  // namespace crm::datagen
