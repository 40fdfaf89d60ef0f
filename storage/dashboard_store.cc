#include "storage/dashboard_store.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/calendar.h"
#include "base/status_macros.h"
#include "storage/mutation.h"
#include "storage/read_rows.h"
#include "storage/row_codec.h"
#include "storage/transaction.h"

namespace crm {
namespace {

// Binds the filter's unit (when set) at `i`, advancing it.
void BindUnit(sql::PreparedStatement& ps, int& i, const DashboardFilter& f) {
  if (!f.unit_id.empty()) ps.setString(i++, f.unit_id);
}

// The stored time (UTC) at which the zone's `year` starts.
std::string YearStartTime(int year) {
  return SqlTime(absl::FromCivil(absl::CivilSecond(year, 1, 1), absl::FixedTimeZone(8 * 3600)));
}

// One source of alerts: `select` yields subject, title, parent,
// parent_display_name, unit_id and owner_id for the rows of `from_where`
// (whose parameters `bind` sets). Each is due `offset_days` after its `day`
// column; sources list by (day, id), on an index, so by days overdue
// descending.
struct AlertSource {
  v1::AlertKind kind;
  std::string select;
  std::string day;         // a DATE column
  int offset_days = 0;
  std::string from_where;  // "FROM … WHERE …" without the cursor and order
  std::string id;          // the id column, for the cursor and order
};

absl::StatusOr<std::vector<v1::Alert>> ReadAlerts(ConnectionPool& pool, const AlertSource& src,
                                                  const AlertQuery& q, absl::Time deadline,
                                                  absl::FunctionRef<void(sql::PreparedStatement&, int&)> bind) {
  // Days overdue d ⇔ day = today − d − offset, so "fewer days" is "a later day".
  std::string cursor;
  if (q.bound) cursor = absl::StrCat(" AND (", src.day, " > ? OR (", src.day, " = ? AND ", src.id, " > ?))");
  const std::string sql = absl::StrCat("SELECT ", src.select, ", ", src.day, " + INTERVAL ", src.offset_days,
                                       " DAY AS due, DATEDIFF(?, ", src.day, ") - ", src.offset_days, " AS days ",
                                       src.from_where, cursor, " ORDER BY ", src.day, ", ", src.id, " LIMIT ?");
  std::vector<v1::Alert> out;
  RETURN_IF_ERROR(RunRead(pool, deadline, [&](Connection& conn) {
    out.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(sql);
    int i = 1;
    ps.setString(i++, IsoDay(q.today));
    bind(ps, i);
    if (q.bound) {
      const std::string day = IsoDay(q.today - q.bound->first - src.offset_days);
      ps.setString(i++, day);
      ps.setString(i++, day);
      ps.setInt64(i++, q.bound->second);
    }
    ps.setInt(i++, q.limit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      v1::Alert& a = out.emplace_back();
      a.set_kind(src.kind);
      a.set_subject(rs->getString("subject"));
      a.set_title(rs->getString("title"));
      a.set_parent(rs->getString("parent"));
      a.set_parent_display_name(rs->getString("parent_display_name"));
      a.set_due_date(rs->getString("due"));
      a.set_days_overdue(rs->getInt("days"));
      a.set_unit(absl::StrCat("units/", std::string(rs->getString("unit_id"))));
      if (!rs->isNull("owner_id")) a.set_owner(absl::StrCat("users/", std::string(rs->getString("owner_id"))));
    }
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace

absl::StatusOr<std::vector<v1::PipelineCell>> DashboardStore::StageCells(const DashboardFilter& f,
                                                                         absl::Time deadline) {
  const std::string sql = absl::StrCat(
      "SELECT stage, tier, SUM(project_count) AS n, SUM(planned_investment_cny) AS planned,"
      " SUM(contracted_investment_cny) AS contracted FROM pipeline_stage_rollup WHERE industry = ?",
      f.unit_id.empty() ? "" : " AND unit_id = ?", " GROUP BY stage, tier");
  return ReadRows<v1::PipelineCell>(
      *pool_, deadline, sql,
      [&](sql::PreparedStatement& ps) {
        int i = 1;
        ps.setInt(i++, f.industry);
        BindUnit(ps, i, f);
      },
      [](sql::ResultSet& rs) {
        v1::PipelineCell c;
        c.set_stage(static_cast<v1::ProjectStage>(rs.getInt("stage")));
        c.set_tier(static_cast<v1::InvestmentTier>(rs.getInt("tier")));
        c.set_project_count(rs.getInt64("n"));
        c.set_planned_investment_cny(rs.getInt64("planned"));
        c.set_contracted_investment_cny(rs.getInt64("contracted"));
        return c;
      });
}

absl::StatusOr<std::map<std::string, MonthCounters>> DashboardStore::MonthTotals(const DashboardFilter& f, int year,
                                                                                 GroupBy group_by,
                                                                                 absl::Time deadline) {
  std::vector<std::string> sums;
  for (const char* c : kMonthCounterColumns) sums.push_back(absl::StrCat("SUM(", c, ")"));
  const char* key = group_by == GroupBy::kMonth ? "month_start" : "unit_id";
  const std::string sql = absl::StrCat("SELECT ", key, " AS k, ", absl::StrJoin(sums, ", "),
                                       " FROM pipeline_month_rollup WHERE industry = ? AND month_start BETWEEN ? AND ?",
                                       f.unit_id.empty() ? "" : " AND unit_id = ?", " GROUP BY ", key);
  std::map<std::string, MonthCounters> out;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    out.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(sql);
    int i = 1;
    ps.setInt(i++, f.industry);
    ps.setString(i++, absl::StrFormat("%04d-01-01", year));
    ps.setString(i++, absl::StrFormat("%04d-12-01", year));
    BindUnit(ps, i, f);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      MonthCounters& counters = out[rs->getString("k")];
      for (int c = 0; c < kMonthCounterCount; ++c) counters[c] = rs->getInt64(c + 2);
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::map<std::string, std::string>> DashboardStore::Units(absl::Time deadline) {
  std::map<std::string, std::string> out;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    out.clear();  // the body may run twice (see RunRead)
    std::unique_ptr<sql::ResultSet> rs(conn.Prepare("SELECT id, display_name FROM units").executeQuery());
    while (rs->next()) out[rs->getString("id")] = rs->getString("display_name");
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<v1::Alert>> DashboardStore::StalledProjects(v1::ProjectStage stage, int threshold_days,
                                                                       const AlertQuery& q, absl::Time deadline) {
  AlertSource src{
      v1::ALERT_KIND_STALLED_PROJECT,
      "CONCAT('projects/', id) AS subject, display_name AS title, CONCAT('projects/', id) AS parent,"
      " display_name AS parent_display_name, unit_id, owner_id",
      "stage_date",
      threshold_days,
      absl::StrCat("FROM projects WHERE delete_time IS NULL AND stage = ? AND stage_date < ?",
                   q.filter.unit_id.empty() ? "" : " AND unit_id = ?", q.filter.industry ? " AND industry = ?" : ""),
      "id"};
  return ReadAlerts(*pool_, src, q, deadline, [&](sql::PreparedStatement& ps, int& i) {
    ps.setInt(i++, stage);
    ps.setString(i++, IsoDay(q.today - threshold_days));
    BindUnit(ps, i, q.filter);
    if (q.filter.industry) ps.setInt(i++, q.filter.industry);
  });
}

absl::StatusOr<std::vector<v1::Alert>> DashboardStore::OverdueMilestones(const AlertQuery& q, absl::Time deadline) {
  AlertSource src{
      v1::ALERT_KIND_OVERDUE_MILESTONE,
      "CONCAT('projects/', p.id, '/milestones/', m.id) AS subject, m.title AS title,"
      " CONCAT('projects/', p.id) AS parent, p.display_name AS parent_display_name, p.unit_id, p.owner_id",
      "m.planned_date",
      0,
      absl::StrCat("FROM milestones m JOIN projects p ON p.id = m.project_id"
                   " WHERE m.actual_date IS NULL AND m.delete_time IS NULL AND m.planned_date < ?"
                   " AND p.delete_time IS NULL AND p.stage <> ",
                   v1::PROJECT_STAGE_LOST, q.filter.unit_id.empty() ? "" : " AND p.unit_id = ?",
                   q.filter.industry ? " AND p.industry = ?" : ""),
      "m.id"};
  return ReadAlerts(*pool_, src, q, deadline, [&](sql::PreparedStatement& ps, int& i) {
    ps.setString(i++, IsoDay(q.today));
    BindUnit(ps, i, q.filter);
    if (q.filter.industry) ps.setInt(i++, q.filter.industry);
  });
}

absl::StatusOr<std::vector<v1::Alert>> DashboardStore::OverdueServiceRequests(const AlertQuery& q,
                                                                              absl::Time deadline) {
  AlertSource src{
      v1::ALERT_KIND_OVERDUE_SERVICE_REQUEST,
      "CONCAT('enterprises/', e.id, '/serviceRequests/', r.id) AS subject, LEFT(r.description, 60) AS title,"
      " CONCAT('enterprises/', e.id) AS parent, e.company_name AS parent_display_name,"
      " r.handling_unit_id AS unit_id, e.service_secretary_id AS owner_id",
      "r.due_date",
      0,
      absl::StrCat("FROM service_requests r JOIN enterprises e ON e.id = r.enterprise_id"
                   " WHERE r.status IN (",
                   absl::StrJoin({v1::SERVICE_REQUEST_STATUS_OPEN, v1::SERVICE_REQUEST_STATUS_ACCEPTED,
                                  v1::SERVICE_REQUEST_STATUS_IN_PROGRESS, v1::SERVICE_REQUEST_STATUS_REOPENED},
                                 ", "),
                   ") AND r.due_date <= ? AND e.delete_time IS NULL",
                   q.filter.unit_id.empty() ? "" : " AND r.handling_unit_id = ?",
                   q.filter.industry ? " AND e.industry = ?" : ""),
      "r.id"};
  return ReadAlerts(*pool_, src, q, deadline, [&](sql::PreparedStatement& ps, int& i) {
    ps.setString(i++, IsoDay(q.today));
    BindUnit(ps, i, q.filter);
    if (q.filter.industry) ps.setInt(i++, q.filter.industry);
  });
}

absl::StatusOr<PoolCounts> DashboardStore::Pool(const DashboardFilter& f, int year, absl::CivilDay today,
                                                absl::Time deadline) {
  const char* industry = f.industry ? " AND e.industry = ?" : "";
  const std::string count_sql =
      absl::StrCat("SELECT COUNT(*) FROM enterprises e WHERE e.delete_time IS NULL", industry);
  const std::string titles_sql = absl::StrCat(
      "SELECT c.title, c.level, COUNT(DISTINCT c.enterprise_id) AS n,"
      " COUNT(DISTINCT IF(c.batch_year = ?, c.enterprise_id, NULL)) AS fresh"
      " FROM certifications c JOIN enterprises e ON e.id = c.enterprise_id"
      " WHERE c.delete_time IS NULL AND e.delete_time IS NULL AND (c.valid_until IS NULL OR c.valid_until >= ?)",
      industry, " GROUP BY c.title, c.level ORDER BY c.title, c.level");
  // Closed during the year, in the zone's calendar.
  const std::string closed = "(r.status = 5 AND r.close_time >= ? AND r.close_time < ?)";
  const std::string requests_sql = absl::StrCat(
      "SELECT COALESCE(SUM(r.status IN (1, 2, 3, 6)), 0) AS open_n,"
      " COALESCE(SUM(r.status IN (1, 2, 3, 6) AND r.due_date < ?), 0) AS overdue_n,"
      " COALESCE(SUM(", closed, "), 0) AS closed_n,"
      " AVG(IF(", closed, ", TIMESTAMPDIFF(SECOND, r.create_time, r.resolve_time) / 86400, NULL)) AS days,"
      " AVG(IF(", closed, ", r.satisfaction, NULL)) AS rating,"
      " COALESCE(SUM(", closed, " AND r.satisfaction IS NOT NULL), 0) AS rated"
      " FROM service_requests r JOIN enterprises e ON e.id = r.enterprise_id WHERE e.delete_time IS NULL",
      f.unit_id.empty() ? "" : " AND r.handling_unit_id = ?", industry);
  PoolCounts out;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    out = PoolCounts{};  // the body may run twice (see RunRead)
    {
      sql::PreparedStatement& ps = conn.Prepare(count_sql);
      if (f.industry) ps.setInt(1, f.industry);
      std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
      if (rs->next()) out.enterprise_count = rs->getInt64(1);
    }
    {
      sql::PreparedStatement& ps = conn.Prepare(titles_sql);
      int i = 1;
      ps.setInt(i++, year);
      ps.setString(i++, IsoDay(today));
      if (f.industry) ps.setInt(i++, f.industry);
      std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
      while (rs->next()) {
        v1::TitleCount& t = out.titles.emplace_back();
        t.set_title(static_cast<v1::CertificationTitle>(rs->getInt("title")));
        t.set_level(static_cast<v1::CertificationLevel>(rs->getInt("level")));
        t.set_enterprise_count(rs->getInt64("n"));
        t.set_new_this_year(rs->getInt64("fresh"));
      }
    }
    {
      sql::PreparedStatement& ps = conn.Prepare(requests_sql);
      int i = 1;
      ps.setString(i++, IsoDay(today));
      for (int k = 0; k < 4; ++k) {  // the four uses of `closed`
        ps.setString(i++, YearStartTime(year));
        ps.setString(i++, YearStartTime(year + 1));
      }
      BindUnit(ps, i, f);
      if (f.industry) ps.setInt(i++, f.industry);
      std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
      if (rs->next()) {
        v1::ServiceChecklistStats& s = out.requests;
        s.set_open_count(rs->getInt64("open_n"));
        s.set_overdue_count(rs->getInt64("overdue_n"));
        s.set_closed_count(rs->getInt64("closed_n"));
        if (!rs->isNull("days")) s.set_average_days_to_close(rs->getDouble("days"));
        if (!rs->isNull("rating")) s.set_average_satisfaction(rs->getDouble("rating"));
        s.set_rated_count(rs->getInt64("rated"));
      }
    }
    return absl::OkStatus();
  }));
  return out;
}

}  // namespace crm
