#include "storage/unit_target_store.h"

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "storage/read_rows.h"
#include "storage/row_codec.h"
#include "storage/sql_error.h"
#include "storage/transaction.h"

namespace crm {
namespace {

using v1::UnitTarget;

constexpr char kColumns[] =
    "unit_id, year, signed_projects, signed_projects_1b, signed_projects_2b, signed_projects_5b,"
    " signed_investment_cny, construction_starts, capital_arrived_cny, update_time, version";

UnitTarget TargetFromRow(sql::ResultSet& rs) {
  UnitTarget t;
  t.set_name(absl::StrCat("units/", std::string(rs.getString("unit_id")), "/targets/", rs.getInt("year")));
  t.set_year(rs.getInt("year"));
  t.set_signed_projects(rs.getInt("signed_projects"));
  t.set_signed_projects_1b(rs.getInt("signed_projects_1b"));
  t.set_signed_projects_2b(rs.getInt("signed_projects_2b"));
  t.set_signed_projects_5b(rs.getInt("signed_projects_5b"));
  t.set_signed_investment_cny(rs.getInt64("signed_investment_cny"));
  t.set_construction_starts(rs.getInt("construction_starts"));
  t.set_capital_arrived_cny(rs.getInt64("capital_arrived_cny"));
  if (auto time = TimeColumn(rs, "update_time")) *t.mutable_update_time() = *time;
  t.set_etag(std::to_string(rs.getUInt64("version")));
  return t;
}

absl::StatusOr<UnitTarget> LoadTarget(Connection& conn, const std::string& unit_id, int year, bool lock) {
  sql::PreparedStatement& ps = conn.Prepare(absl::StrCat("SELECT ", kColumns,
                                                         " FROM unit_targets WHERE unit_id = ? AND year = ?",
                                                         lock ? " FOR UPDATE" : ""));
  ps.setString(1, unit_id);
  ps.setInt(2, year);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("units/", unit_id, "/targets/", year, " does not exist"));
  return TargetFromRow(*rs);
}

}  // namespace

absl::StatusOr<UnitTarget> UnitTargetStore::Set(const MutationContext& ctx, const std::string& unit_id,
                                                const UnitTarget& t, const std::string& etag) {
  UnitTarget after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    absl::Time now = absl::Now();
    absl::StatusOr<UnitTarget> before = LoadTarget(conn, unit_id, t.year(), /*lock=*/true);
    if (!before.ok() && !absl::IsNotFound(before.status())) return before.status();
    if (!etag.empty() && (!before.ok() || before->etag() != etag)) {
      return absl::AbortedError(absl::StrCat("etag ", etag, " is stale: units/", unit_id, "/targets/", t.year(),
                                             " has changed; read it again"));
    }
    sql::PreparedStatement& ps = conn.Prepare(
        "INSERT INTO unit_targets (unit_id, year, signed_projects, signed_projects_1b, signed_projects_2b,"
        " signed_projects_5b, signed_investment_cny, construction_starts, capital_arrived_cny, update_time, version)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE signed_projects = VALUES(signed_projects),"
        " signed_projects_1b = VALUES(signed_projects_1b), signed_projects_2b = VALUES(signed_projects_2b),"
        " signed_projects_5b = VALUES(signed_projects_5b), signed_investment_cny = VALUES(signed_investment_cny),"
        " construction_starts = VALUES(construction_starts), capital_arrived_cny = VALUES(capital_arrived_cny),"
        " update_time = VALUES(update_time), version = version + 1");
    ps.setString(1, unit_id);
    ps.setInt(2, t.year());
    ps.setInt(3, t.signed_projects());
    ps.setInt(4, t.signed_projects_1b());
    ps.setInt(5, t.signed_projects_2b());
    ps.setInt(6, t.signed_projects_5b());
    ps.setInt64(7, t.signed_investment_cny());
    ps.setInt(8, t.construction_starts());
    ps.setInt64(9, t.capital_arrived_cny());
    ps.setString(10, SqlTime(now));
    try {
      ps.executeUpdate();
    } catch (const sql::SQLException& e) {
      if (e.getErrorCode() == 1452) return absl::NotFoundError(absl::StrCat("units/", unit_id, " does not exist"));
      if (IsDuplicateKey(e)) return absl::AbortedError("set by a concurrent call");
      throw;
    }
    ASSIGN_OR_RETURN(after, LoadTarget(conn, unit_id, t.year(), /*lock=*/false));
    AppendAudit(conn, ctx, after.name(), before.ok() ? &*before : nullptr, &after, now);
    return absl::OkStatus();
  }));
  return after;
}

absl::StatusOr<UnitTarget> UnitTargetStore::Get(const std::string& unit_id, int year, absl::Time deadline) {
  absl::StatusOr<UnitTarget> t;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    t = LoadTarget(conn, unit_id, year, /*lock=*/false);
    return absl::OkStatus();
  }));
  return t;
}

absl::StatusOr<std::vector<UnitTarget>> UnitTargetStore::List(int year, absl::Time deadline) {
  return ReadRows<UnitTarget>(
      *pool_, deadline, absl::StrCat("SELECT ", kColumns, " FROM unit_targets WHERE year = ? ORDER BY unit_id"),
      [&](sql::PreparedStatement& ps) { ps.setInt(1, year); }, &TargetFromRow);
}

}  // namespace crm
