#include "bench/datagen/datagen.h"

#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/calendar.h"
#include "base/status_macros.h"
#include "bench/datagen/context.h"
#include "bench/datagen/enterprise_gen.h"
#include "bench/datagen/lead_gen.h"
#include "bench/datagen/project_gen.h"
#include "bench/datagen/rollup_refill.h"
#include "bench/datagen/units_gen.h"
#include "crm/v1/projects_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/sql_error.h"

namespace crm::datagen {
namespace {

absl::Status CheckOptions(const Options& o) {
  if (o.projects < 0 || o.enterprises < 0 || o.leads < 0) {
    return absl::InvalidArgumentError("counts must not be negative");
  }
  if (o.units < 1 || o.units > 999) return absl::InvalidArgumentError("units must be 1 to 999");
  if (o.years < 1 || o.years > 30) return absl::InvalidArgumentError("years must be 1 to 30");
  return absl::OkStatus();
}

// Refreshes the optimizer's statistics of the tables just grown, so that the
// first queries after a bulk load are planned for the new sizes (InnoDB would
// otherwise recalculate them in the background a while later).
absl::Status Analyze(sql::Connection& conn) {
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    std::unique_ptr<sql::ResultSet> rs(
        st->executeQuery("ANALYZE TABLE projects, project_stage_history, capital_arrivals, milestones, enterprises,"
                         " enterprise_metrics, certifications, service_requests, secretary_assignments, leads"));
    while (rs->next()) {
    }
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
}

absl::StatusOr<std::vector<std::pair<std::string, int64_t>>> StageCounts(sql::Connection& conn) {
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(
        "SELECT stage, COUNT(*) FROM projects WHERE delete_time IS NULL GROUP BY stage ORDER BY stage"));
    std::vector<std::pair<std::string, int64_t>> stages;
    while (rs->next()) {
      auto stage = static_cast<v1::ProjectStage>(rs->getInt(1));
      std::string name = v1::ProjectStage_IsValid(stage) ? v1::ProjectStage_Name(stage) : "?";
      stages.emplace_back(name.substr(std::string("PROJECT_STAGE_").size()), rs->getInt64(2));
    }
    return stages;
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
}

double PerSecond(int64_t rows, absl::Duration d) {
  double s = absl::ToDoubleSeconds(d);
  return s > 0 ? static_cast<double>(rows) / s : 0;
}

}  // namespace

absl::StatusOr<Report> Generate(const StoreConfig& config, const Options& options) {
  RETURN_IF_ERROR(CheckOptions(options));
  // The recount and the statistics read whole tables: minutes at a million projects.
  StoreConfig session = config;
  session.read_timeout = absl::Hours(2);
  session.write_timeout = absl::Hours(2);
  ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, ConnectionPool::Connect(session));
  sql::Connection& raw = conn->raw();
  try {
    raw.setAutoCommit(false);
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }

  Context ctx;
  ctx.conn = &raw;
  ctx.seed = options.seed;
  ctx.now = options.now;
  ctx.today = ZoneDay(options.now);
  ctx.first_day = absl::CivilDay(ctx.today.year() - options.years + 1, 1, 1);

  absl::Time start = absl::Now();
  RETURN_IF_ERROR(EnsureUnits(ctx, options.units));
  RETURN_IF_ERROR(Commit(raw));
  ASSIGN_OR_RETURN(int64_t enterprises, QueryInt(raw, "SELECT COUNT(*) FROM enterprises"));
  RETURN_IF_ERROR(AddEnterprises(ctx, std::max<int64_t>(0, options.enterprises - enterprises)));
  ASSIGN_OR_RETURN(int64_t leads, QueryInt(raw, "SELECT COUNT(*) FROM leads"));
  RETURN_IF_ERROR(AddLeads(ctx, std::max<int64_t>(0, options.leads - leads)));
  ASSIGN_OR_RETURN(int64_t projects, QueryInt(raw, "SELECT COUNT(*) FROM projects"));
  RETURN_IF_ERROR(AddProjects(ctx, std::max<int64_t>(0, options.projects - projects)));
  RETURN_IF_ERROR(WriteUnitTargets(ctx));
  if (!options.leadership_token_file.empty()) {
    RETURN_IF_ERROR(IssueLeadershipToken(ctx, options.leadership_token_file));
  }
  RETURN_IF_ERROR(Commit(raw));
  RETURN_IF_ERROR(Analyze(raw));

  Report report;
  report.load_time = absl::Now() - start;
  absl::Time refill_start = absl::Now();
  RETURN_IF_ERROR(RefillRollups(raw));
  report.refill_time = absl::Now() - refill_start;

  report.tables = ctx.stats;
  for (const auto& [table, stats] : report.tables) report.rows += stats.rows;
  ASSIGN_OR_RETURN(report.stages, StageCounts(raw));
  ASSIGN_OR_RETURN(report.projects, QueryInt(raw, "SELECT COUNT(*) FROM projects"));
  ASSIGN_OR_RETURN(report.enterprises, QueryInt(raw, "SELECT COUNT(*) FROM enterprises"));
  ASSIGN_OR_RETURN(report.leads, QueryInt(raw, "SELECT COUNT(*) FROM leads"));
  RETURN_IF_ERROR(Commit(raw));
  return report;
}

std::string FormatReport(const Report& r) {
  std::string out = absl::StrFormat("%-24s %10s %9s %10s\n", "table", "rows", "insert s", "rows/s");
  for (const auto& [table, stats] : r.tables) {
    if (stats.rows == 0) continue;
    absl::StrAppendFormat(&out, "%-24s %10d %9.2f %10.0f\n", table, stats.rows, absl::ToDoubleSeconds(stats.sql_time),
                          PerSecond(stats.rows, stats.sql_time));
  }
  absl::StrAppendFormat(&out, "%-24s %10d %9.2f %10.0f   (wall time: generating, inserting, committing, ANALYZE)\n",
                        "all tables", r.rows, absl::ToDoubleSeconds(r.load_time), PerSecond(r.rows, r.load_time));
  absl::StrAppendFormat(&out, "rollup refill from the recount views: %.2f s\n", absl::ToDoubleSeconds(r.refill_time));
  absl::StrAppendFormat(&out, "totals: %d projects, %d enterprises, %d leads; live projects by stage:", r.projects,
                        r.enterprises, r.leads);
  int64_t live = 0;
  for (const auto& [stage, n] : r.stages) live += n;
  for (const auto& [stage, n] : r.stages) {
    absl::StrAppendFormat(&out, " %s %d (%.1f%%)", stage, n, live > 0 ? 100.0 * n / live : 0.0);
  }
  absl::StrAppendFormat(&out, "\ndatagen: rows=%d load_s=%.2f rows_per_s=%.0f refill_s=%.2f\n", r.rows,
                        absl::ToDoubleSeconds(r.load_time), PerSecond(r.rows, r.load_time),
                        absl::ToDoubleSeconds(r.refill_time));
  return out;
}

}  // namespace crm::datagen
