#include "storage/metrics_store.h"

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "storage/enterprise_store.h"
#include "storage/read_rows.h"
#include "storage/request_ids.h"
#include "storage/row_codec.h"
#include "storage/sql_error.h"
#include "storage/transaction.h"
#include "storage/versioned_write.h"

namespace crm {
namespace {

using v1::YearlyMetrics;

constexpr char kColumns[] =
    "enterprise_id, year, revenue_cny, profit_cny, rd_expense_cny, employees, rd_staff, valuation_cny,"
    " cumulative_financing_cny, tax_paid_cny, patents, update_time, version";

constexpr char kFigureAssignments[] =
    "revenue_cny = ?, profit_cny = ?, rd_expense_cny = ?, employees = ?, rd_staff = ?, valuation_cny = ?,"
    " cumulative_financing_cny = ?, tax_paid_cny = ?, patents = ?";
constexpr int kFigureCount = 9;

YearlyMetrics MetricsFromRow(sql::ResultSet& rs) {
  YearlyMetrics m;
  int year = rs.getInt("year");
  m.set_name(absl::StrCat("enterprises/", rs.getInt64("enterprise_id"), "/yearlyMetrics/", year));
  m.set_year(year);
  if (!rs.isNull("revenue_cny")) m.set_revenue_cny(rs.getInt64("revenue_cny"));
  if (!rs.isNull("profit_cny")) m.set_profit_cny(rs.getInt64("profit_cny"));
  if (!rs.isNull("rd_expense_cny")) m.set_rd_expense_cny(rs.getInt64("rd_expense_cny"));
  if (!rs.isNull("employees")) m.set_employees(rs.getInt("employees"));
  if (!rs.isNull("rd_staff")) m.set_rd_staff(rs.getInt("rd_staff"));
  if (!rs.isNull("valuation_cny")) m.set_valuation_cny(rs.getInt64("valuation_cny"));
  if (!rs.isNull("cumulative_financing_cny")) m.set_cumulative_financing_cny(rs.getInt64("cumulative_financing_cny"));
  if (!rs.isNull("tax_paid_cny")) m.set_tax_paid_cny(rs.getInt64("tax_paid_cny"));
  if (!rs.isNull("patents")) m.set_patents(rs.getInt("patents"));
  if (auto t = TimeColumn(rs, "update_time")) *m.mutable_update_time() = *t;
  m.set_etag(std::to_string(rs.getUInt64("version")));
  return m;
}

// Binds the figures in the order of kFigureAssignments, NULL when not reported.
void BindFigures(sql::PreparedStatement& ps, const YearlyMetrics& m) {
  int i = 1;
  auto int64_or_null = [&](bool has, int64_t v) {
    if (has) ps.setInt64(i, v); else ps.setNull(i, sql::DataType::BIGINT);
    ++i;
  };
  int64_or_null(m.has_revenue_cny(), m.revenue_cny());
  int64_or_null(m.has_profit_cny(), m.profit_cny());
  int64_or_null(m.has_rd_expense_cny(), m.rd_expense_cny());
  int64_or_null(m.has_employees(), m.employees());
  int64_or_null(m.has_rd_staff(), m.rd_staff());
  int64_or_null(m.has_valuation_cny(), m.valuation_cny());
  int64_or_null(m.has_cumulative_financing_cny(), m.cumulative_financing_cny());
  int64_or_null(m.has_tax_paid_cny(), m.tax_paid_cny());
  int64_or_null(m.has_patents(), m.patents());
}

absl::StatusOr<YearlyMetrics> LoadMetrics(Connection& conn, int64_t enterprise_id, int year) {
  sql::PreparedStatement& ps =
      conn.Prepare(absl::StrCat("SELECT ", kColumns, " FROM enterprise_metrics WHERE enterprise_id = ? AND year = ?"));
  ps.setInt64(1, enterprise_id);
  ps.setInt(2, year);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) {
    return absl::NotFoundError(absl::StrCat("enterprises/", enterprise_id, "/yearlyMetrics/", year, " does not exist"));
  }
  return MetricsFromRow(*rs);
}

}  // namespace

absl::StatusOr<YearlyMetrics> MetricsStore::Upsert(const MutationContext& ctx, int64_t enterprise_id, int year,
                                                   const std::string& etag, bool allow_missing,
                                                   absl::FunctionRef<absl::Status(YearlyMetrics&)> change) {
  YearlyMetrics after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    RETURN_IF_ERROR(LockLiveEnterprise(conn, enterprise_id));
    absl::StatusOr<YearlyMetrics> existing = LoadMetrics(conn, enterprise_id, year);
    if (existing.ok() || !absl::IsNotFound(existing.status()) || !allow_missing) {
      RETURN_IF_ERROR(existing.status());
      return WriteVersioned<YearlyMetrics>(
          conn, ctx, etag, [&] { return LoadMetrics(conn, enterprise_id, year); }, change,
          [&](const YearlyMetrics& m, uint64_t version, absl::Time now) -> absl::StatusOr<int> {
            sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
                "UPDATE enterprise_metrics SET ", kFigureAssignments,
                ", update_time = ?, version = version + 1 WHERE enterprise_id = ? AND year = ? AND version = ?"));
            BindFigures(ps, m);
            ps.setString(kFigureCount + 1, SqlTime(now));
            ps.setInt64(kFigureCount + 2, enterprise_id);
            ps.setInt(kFigureCount + 3, year);
            ps.setUInt64(kFigureCount + 4, version);
            return ps.executeUpdate();
          },
          after);
    }
    // A new year: created with the caller's figures.
    if (!etag.empty()) {
      return absl::AbortedError(absl::StrCat("etag ", etag, " is stale: enterprises/", enterprise_id,
                                             "/yearlyMetrics/", year, " does not exist yet"));
    }
    absl::Time now = absl::Now();
    YearlyMetrics fresh;
    fresh.set_name(absl::StrCat("enterprises/", enterprise_id, "/yearlyMetrics/", year));
    fresh.set_year(year);
    if (absl::Status changed = change(fresh); !changed.ok()) return AnswerInstead(conn, ctx, changed, after);
    sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
        "INSERT INTO enterprise_metrics SET ", kFigureAssignments,
        ", update_time = ?, version = 1, enterprise_id = ?, year = ?"));
    BindFigures(ps, fresh);
    ps.setString(kFigureCount + 1, SqlTime(now));
    ps.setInt64(kFigureCount + 2, enterprise_id);
    ps.setInt(kFigureCount + 3, year);
    try {
      ps.executeUpdate();
    } catch (const sql::SQLException& e) {
      if (!IsDuplicateKey(e)) throw;
      // Created by a concurrent call since the lookup: the retry updates it.
      return absl::AbortedError(absl::StrCat(fresh.name(), " was created by a concurrent call"));
    }
    ASSIGN_OR_RETURN(after, LoadMetrics(conn, enterprise_id, year));
    AppendAudit(conn, ctx, after.name(), nullptr, &after, now);
    return RecordAnswer(conn, ctx, after.name(), after, now);
  }));
  return after;
}

absl::StatusOr<std::map<int64_t, std::vector<YearlyMetrics>>> MetricsStore::List(
    const std::vector<int64_t>& enterprise_ids, absl::Time deadline) {
  std::map<int64_t, std::vector<YearlyMetrics>> by_enterprise;
  if (enterprise_ids.empty()) return by_enterprise;
  std::vector<std::string> marks(enterprise_ids.size(), "?");
  ASSIGN_OR_RETURN(std::vector<YearlyMetrics> rows,
                   ReadRows<YearlyMetrics>(
                       *pool_, deadline,
                       absl::StrCat("SELECT ", kColumns, " FROM enterprise_metrics WHERE enterprise_id IN (",
                                    absl::StrJoin(marks, ","), ") ORDER BY enterprise_id, year DESC"),
                       [&](sql::PreparedStatement& ps) {
                         for (size_t i = 0; i < enterprise_ids.size(); ++i) {
                           ps.setInt64(static_cast<int>(i) + 1, enterprise_ids[i]);
                         }
                       },
                       &MetricsFromRow));
  for (YearlyMetrics& m : rows) {
    absl::StatusOr<ChildId> key = ParseChildResourceId(m.name(), "enterprises", "yearlyMetrics", "name");
    if (key.ok()) by_enterprise[key->parent].push_back(std::move(m));
  }
  return by_enterprise;
}

}  // namespace crm
