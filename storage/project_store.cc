#include "storage/project_store.h"

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "base/calendar.h"
#include "base/page_limit.h"
#include "base/status_macros.h"
#include "storage/milestone_store.h"
#include "storage/pipeline_rollup.h"
#include "storage/read_rows.h"
#include "storage/row_codec.h"
#include "storage/sql_error.h"
#include "storage/transaction.h"
#include "storage/versioned_write.h"
#include "storage/where_clause.h"

namespace crm {
namespace {

using v1::Project;

constexpr char kColumns[] =
    "id, project_code, display_name, investor_enterprise_id, investor_name, investor_uscc, origin_lead_id,"
    " industry, investment_form, planned_investment_cny, contracted_investment_cny, land_area_mu, tier, unit_id,"
    " owner_id, service_secretary_id, stage, stage_date, signed_date, lost_reason, lost_note, capital_arrived_cny,"
    " negotiation_date, registered_date, construction_start_date, production_date, delete_time,"
    " create_time, update_time, version";

// The columns a write sets, bound by BindWritable in this order.
constexpr char kWritableAssignments[] =
    "display_name = ?, investor_enterprise_id = ?, investor_name = ?, investor_uscc = ?, origin_lead_id = ?,"
    " industry = ?, investment_form = ?, planned_investment_cny = ?, contracted_investment_cny = ?,"
    " land_area_mu = ?, tier = ?, unit_id = ?, owner_id = ?, service_secretary_id = ?, stage = ?, stage_date = ?,"
    " signed_date = ?, lost_reason = ?, lost_note = ?, negotiation_date = ?, registered_date = ?,"
    " construction_start_date = ?, production_date = ?, delete_time = ?";
constexpr int kWritableCount = 24;

Project ProjectFromRow(sql::ResultSet& rs) {
  Project p;
  p.set_name(absl::StrCat("projects/", rs.getInt64("id")));
  p.set_project_code(rs.getString("project_code"));
  p.set_display_name(rs.getString("display_name"));
  if (!rs.isNull("investor_enterprise_id")) {
    p.set_investor_enterprise(absl::StrCat("enterprises/", rs.getInt64("investor_enterprise_id")));
  }
  p.set_investor_name(rs.getString("investor_name"));
  p.set_investor_uscc(rs.getString("investor_uscc"));
  if (!rs.isNull("origin_lead_id")) p.set_origin_lead(absl::StrCat("leads/", rs.getInt64("origin_lead_id")));
  p.set_industry(static_cast<v1::IndustrySection>(rs.getInt("industry")));
  p.set_investment_form(static_cast<v1::InvestmentForm>(rs.getInt("investment_form")));
  p.set_planned_investment_cny(rs.getInt64("planned_investment_cny"));
  p.set_contracted_investment_cny(rs.getInt64("contracted_investment_cny"));
  p.set_land_area_mu(rs.getDouble("land_area_mu"));
  p.set_tier(static_cast<v1::InvestmentTier>(rs.getInt("tier")));
  p.set_unit(absl::StrCat("units/", std::string(rs.getString("unit_id"))));
  p.set_owner(absl::StrCat("users/", std::string(rs.getString("owner_id"))));
  if (!rs.isNull("service_secretary_id")) {
    p.set_service_secretary(absl::StrCat("users/", std::string(rs.getString("service_secretary_id"))));
  }
  p.set_stage(static_cast<v1::ProjectStage>(rs.getInt("stage")));
  p.set_stage_date(rs.getString("stage_date"));
  if (!rs.isNull("signed_date")) p.set_signed_date(rs.getString("signed_date"));
  p.set_lost_reason(static_cast<v1::LostReason>(rs.getInt("lost_reason")));
  p.set_lost_note(rs.getString("lost_note"));
  p.set_capital_arrived_cny(rs.getInt64("capital_arrived_cny"));
  for (auto [column, field] : {std::pair{"negotiation_date", p.mutable_negotiation_date()},
                               {"registered_date", p.mutable_registered_date()},
                               {"construction_start_date", p.mutable_construction_start_date()},
                               {"production_date", p.mutable_production_date()}}) {
    if (!rs.isNull(column)) *field = rs.getString(column);
  }
  if (auto t = TimeColumn(rs, "delete_time")) *p.mutable_delete_time() = *t;
  if (auto t = TimeColumn(rs, "create_time")) *p.mutable_create_time() = *t;
  if (auto t = TimeColumn(rs, "update_time")) *p.mutable_update_time() = *t;
  p.set_etag(std::to_string(rs.getUInt64("version")));
  return p;
}

void BindIdOrNull(sql::PreparedStatement& ps, int index, const std::string& name) {
  int64_t id = name.empty() ? 0 : LastId(name);
  if (id > 0) ps.setInt64(index, id); else ps.setNull(index, sql::DataType::BIGINT);
}

void BindDateOrNull(sql::PreparedStatement& ps, int index, const std::string& day) {
  if (day.empty()) ps.setNull(index, sql::DataType::DATE); else ps.setString(index, day);
}

void BindWritable(sql::PreparedStatement& ps, const Project& p) {
  int i = 1;
  ps.setString(i++, p.display_name());
  BindIdOrNull(ps, i++, p.investor_enterprise());
  ps.setString(i++, p.investor_name());
  ps.setString(i++, p.investor_uscc());
  BindIdOrNull(ps, i++, p.origin_lead());
  ps.setInt(i++, p.industry());
  ps.setInt(i++, p.investment_form());
  ps.setInt64(i++, p.planned_investment_cny());
  ps.setInt64(i++, p.contracted_investment_cny());
  ps.setDouble(i++, p.land_area_mu());
  ps.setInt(i++, p.tier());
  ps.setString(i++, IdOf(p.unit()));
  ps.setString(i++, IdOf(p.owner()));
  BindTextOrNull(ps, i++, p.service_secretary().empty() ? "" : IdOf(p.service_secretary()));
  ps.setInt(i++, p.stage());
  ps.setString(i++, p.stage_date());
  BindDateOrNull(ps, i++, p.signed_date());
  ps.setInt(i++, p.lost_reason());
  ps.setString(i++, p.lost_note());
  BindDateOrNull(ps, i++, p.negotiation_date());
  BindDateOrNull(ps, i++, p.registered_date());
  BindDateOrNull(ps, i++, p.construction_start_date());
  BindDateOrNull(ps, i++, p.production_date());
  BindTime(ps, i++, p.has_delete_time(), p.delete_time());
}

// `for_update` locks the row until the transaction ends.
absl::StatusOr<Project> LoadProject(Connection& conn, int64_t id, bool for_update = false) {
  sql::PreparedStatement& ps = conn.Prepare(
      absl::StrCat("SELECT ", kColumns, " FROM projects WHERE id = ?", for_update ? " FOR UPDATE" : ""));
  ps.setInt64(1, id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("projects/", id, " does not exist"));
  return ProjectFromRow(*rs);
}

// The next code of `today` (`YYYY-MM-DD`): the day's counter row is locked
// until commit, so concurrent creations get consecutive serials.
std::string NextProjectCode(Connection& conn, const std::string& today) {
  sql::PreparedStatement& bump = conn.Prepare(
      "INSERT INTO project_code_counters (day, last_serial) VALUES (?, LAST_INSERT_ID(1))"
      " ON DUPLICATE KEY UPDATE last_serial = LAST_INSERT_ID(last_serial + 1)");
  bump.setString(1, today);
  bump.executeUpdate();
  std::unique_ptr<sql::ResultSet> rs(conn.Prepare("SELECT LAST_INSERT_ID()").executeQuery());
  rs->next();
  return absl::StrFormat("%s-%03d", absl::StrReplaceAll(today, {{"-", ""}}), rs->getInt64(1));
}

void AppendHistory(Connection& conn, int64_t project_id, const v1::StageChange& c, const std::string& by,
                   absl::Time now) {
  sql::PreparedStatement& ps = conn.Prepare(
      "INSERT INTO project_stage_history (project_id, from_stage, to_stage, effective_date, changed_by, note,"
      " change_time) VALUES (?, ?, ?, ?, ?, ?, ?)");
  ps.setInt64(1, project_id);
  ps.setInt(2, c.from_stage());
  ps.setInt(3, c.to_stage());
  ps.setString(4, c.effective_date());
  ps.setString(5, by);
  ps.setString(6, c.note());
  ps.setString(7, SqlTime(now));
  ps.executeUpdate();
}

// Runs `write`; a second project for the same origin lead becomes ALREADY_EXISTS naming the first.
absl::Status GuardOriginLead(Connection& conn, const Project& p, absl::FunctionRef<void()> write) {
  try {
    write();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (!IsDuplicateKey(e) || p.origin_lead().empty()) throw;
    sql::PreparedStatement& ps = conn.Prepare("SELECT id FROM projects WHERE origin_lead_id = ?");
    ps.setInt64(1, LastId(p.origin_lead()));
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    std::string other = rs->next() ? absl::StrCat("projects/", rs->getInt64(1)) : "another project";
    return absl::AlreadyExistsError(absl::StrCat(p.origin_lead(), " was already converted into ", other));
  }
}

// The column of each facet ProjectVisibility names.
absl::string_view ProjectColumn(Facet facet) {
  switch (facet) {
    case Facet::kUnit: return "unit_id";
    case Facet::kOwner: return "owner_id";
    case Facet::kServiceSecretary: return "service_secretary_id";
    default: return "NULL";  // no such facet: matches nothing
  }
}

}  // namespace

absl::StatusOr<Project> ProjectStore::Get(int64_t id, absl::Time deadline) {
  absl::StatusOr<Project> p;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    p = LoadProject(conn, id);
    return absl::OkStatus();
  }));
  return p;
}

absl::StatusOr<ProjectPage> ProjectStore::List(const ProjectQuery& q, absl::Time deadline) {
  WhereClause where;
  if (!q.show_deleted) where.Add("delete_time IS NULL");
  where.AddVisibility(q.scope, ProjectColumn);
  if (q.stage) where.Add("stage = ?", {int64_t{q.stage}});
  if (q.tier) where.Add("tier = ?", {int64_t{q.tier}});
  if (!q.unit_id.empty()) where.Add("unit_id = ?", {q.unit_id});
  if (q.industry) where.Add("industry = ?", {int64_t{q.industry}});
  if (!q.owner_id.empty()) where.Add("owner_id = ?", {q.owner_id});
  if (q.investor_enterprise_id) where.Add("investor_enterprise_id = ?", {q.investor_enterprise_id});
  if (q.origin_lead_id) where.Add("origin_lead_id = ?", {q.origin_lead_id});
  if (q.signed_year) {
    where.Add("signed_date BETWEEN ? AND ?", {absl::StrFormat("%04d-01-01", q.signed_year),
                                              absl::StrFormat("%04d-12-31", q.signed_year)});
  }
  if (!q.overdue_stages.empty()) {
    std::vector<std::string> any;
    std::vector<WhereClause::Value> values;
    for (const StageOverdue& o : q.overdue_stages) {
      any.push_back("(stage = ? AND stage_date < ?)");
      values.emplace_back(std::in_place_type<int64_t>, o.stage);
      values.emplace_back(std::in_place_type<std::string>, o.entered_before);
    }
    where.Add(absl::StrCat("(", absl::StrJoin(any, " OR "), ")"), std::move(values));
  }
  const char* key = q.order == ProjectOrder::kAmountDesc  ? "planned_investment_cny"
                    : q.order == ProjectOrder::kStageDate ? "stage_date"
                                                          : "create_time";
  const bool descending = q.order != ProjectOrder::kStageDate;
  if (q.after) {
    WhereClause::Value after = q.order == ProjectOrder::kCreateTimeDesc
                                   ? WhereClause::Value(SqlTime(absl::FromUnixMicros(q.after->first)))
                               : q.order == ProjectOrder::kStageDate ? WhereClause::Value(IsoDayOfNumber(q.after->first))
                                                                     : WhereClause::Value(q.after->first);
    where.AddAfter(key, "id", descending, std::move(after), q.after->second);
  }
  const char* dir = descending ? "DESC" : "ASC";
  std::string sql = absl::StrCat("SELECT ", kColumns, " FROM projects", where.Sql(), " ORDER BY ", key, " ", dir,
                                 ", id ", dir, " LIMIT ?");
  ProjectPage page;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    page.projects.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(sql);
    ps.setInt(where.Bind(ps), q.page_size + 1);  // one more tells whether there is a next page
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) page.projects.push_back(ProjectFromRow(*rs));
    return absl::OkStatus();
  }));
  if (TrimPage(page.projects, q.page_size, q.max_bytes, q.row_extra_bytes)) {
    const Project& last = page.projects.back();
    int64_t sort_key = q.order == ProjectOrder::kAmountDesc  ? last.planned_investment_cny()
                       : q.order == ProjectOrder::kStageDate ? DayNumber(last.stage_date())
                                                             : Micros(last.create_time());
    page.next = std::make_pair(sort_key, LastId(last.name()));
  }
  return page;
}

absl::StatusOr<Project> ProjectStore::Create(const MutationContext& ctx, const Project& input,
                                             const std::string& today) {
  Project created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteCreated<Project>(
        conn, ctx,
        [&](absl::Time now) -> absl::StatusOr<Project> {
          std::string code = NextProjectCode(conn, today);
          sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
              "INSERT INTO projects SET ", kWritableAssignments,
              ", project_code = ?, capital_arrived_cny = 0, create_time = ?, update_time = ?, version = 1"));
          BindWritable(ps, input);
          ps.setString(kWritableCount + 1, code);
          ps.setString(kWritableCount + 2, SqlTime(now));
          ps.setString(kWritableCount + 3, SqlTime(now));
          RETURN_IF_ERROR(GuardOriginLead(conn, input, [&] { ps.executeUpdate(); }));
          std::unique_ptr<sql::ResultSet> rs(conn.Prepare("SELECT LAST_INSERT_ID()").executeQuery());
          rs->next();
          int64_t id = rs->getInt64(1);
          v1::StageChange first;
          first.set_to_stage(input.stage());
          first.set_effective_date(input.stage_date());
          first.set_note("created");
          AppendHistory(conn, id, first, IdOf(ctx.principal), now);
          ASSIGN_OR_RETURN(Project stored, LoadProject(conn, id));
          UpdatePipelineRollups(conn, nullptr, stored);
          return stored;
        },
        created);
  }));
  return created;
}

absl::StatusOr<Project> ProjectStore::Mutate(const MutationContext& ctx, int64_t id, const std::string& etag,
                                             absl::FunctionRef<absl::Status(Project&, StageEffects&)> change) {
  Project after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    StageEffects effects;
    Project before;
    return WriteVersioned<Project>(
        conn, ctx, etag, [&] { return LoadProject(conn, id); },
        [&](Project& p) {
          effects = StageEffects{};  // the body may run again after a lost race
          before = p;
          return change(p, effects);
        },
        [&](const Project& p, uint64_t version, absl::Time now) -> absl::StatusOr<int> {
          sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
              "UPDATE projects SET ", kWritableAssignments,
              ", update_time = ?, version = version + 1 WHERE id = ? AND version = ?"));
          BindWritable(ps, p);
          ps.setString(kWritableCount + 1, SqlTime(now));
          ps.setInt64(kWritableCount + 2, id);
          ps.setUInt64(kWritableCount + 3, version);
          int updated = 0;
          RETURN_IF_ERROR(GuardOriginLead(conn, p, [&] { updated = ps.executeUpdate(); }));
          if (updated != 1) return updated;
          if (effects.change) AppendHistory(conn, id, *effects.change, IdOf(ctx.principal), now);
          for (const v1::Milestone& m : effects.milestones) InsertMilestone(conn, id, m, now);
          CompleteMilestones(conn, id, effects.complete_milestones, effects.completed_on, now);
          UpdatePipelineRollups(conn, &before, p);
          return updated;
        },
        after);
  }));
  return after;
}

absl::StatusOr<std::vector<v1::StageChange>> ProjectStore::History(int64_t id, absl::Time deadline) {
  std::vector<v1::StageChange> out;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    out.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(
        "SELECT from_stage, to_stage, effective_date, changed_by, note, change_time FROM project_stage_history"
        " WHERE project_id = ? ORDER BY id");
    ps.setInt64(1, id);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      v1::StageChange& c = out.emplace_back();
      c.set_from_stage(static_cast<v1::ProjectStage>(rs->getInt("from_stage")));
      c.set_to_stage(static_cast<v1::ProjectStage>(rs->getInt("to_stage")));
      c.set_effective_date(rs->getString("effective_date"));
      c.set_changed_by(absl::StrCat("users/", std::string(rs->getString("changed_by"))));
      c.set_note(rs->getString("note"));
      if (auto t = TimeColumn(*rs, "change_time")) *c.mutable_change_time() = *t;
    }
    return absl::OkStatus();
  }));
  return out;
}

namespace {

v1::CapitalArrival ArrivalFromRow(sql::ResultSet& rs) {
  v1::CapitalArrival a;
  a.set_name(absl::StrCat("projects/", rs.getInt64("project_id"), "/capitalArrivals/", rs.getInt64("id")));
  a.set_arrival_date(rs.getString("arrival_date"));
  a.set_amount_cny(rs.getInt64("amount_cny"));
  a.set_note(rs.getString("note"));
  a.set_recorded_by(absl::StrCat("users/", std::string(rs.getString("recorded_by"))));
  if (auto t = TimeColumn(rs, "create_time")) *a.mutable_create_time() = *t;
  return a;
}

constexpr char kArrivalColumns[] = "id, project_id, arrival_date, amount_cny, note, recorded_by, create_time";

}  // namespace

absl::StatusOr<v1::CapitalArrival> ProjectStore::AddCapital(const MutationContext& ctx, int64_t project_id,
                                                            const v1::CapitalArrival& arrival,
                                                            absl::FunctionRef<absl::Status(const Project&)> check) {
  v1::CapitalArrival created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteCreated<v1::CapitalArrival>(
        conn, ctx,
        [&](absl::Time now) -> absl::StatusOr<v1::CapitalArrival> {
          // Locked: the arrival counts in the rollups under the unit and
          // industry the project has when it commits, even if a concurrent
          // update moves the project (found by pipeline_rollup_test).
          ASSIGN_OR_RETURN(Project before, LoadProject(conn, project_id, /*for_update=*/true));
          RETURN_IF_ERROR(check(before));
          sql::PreparedStatement& ins = conn.Prepare(
              "INSERT INTO capital_arrivals (project_id, arrival_date, amount_cny, note, recorded_by, create_time)"
              " VALUES (?, ?, ?, ?, ?, ?)");
          ins.setInt64(1, project_id);
          ins.setString(2, arrival.arrival_date());
          ins.setInt64(3, arrival.amount_cny());
          ins.setString(4, arrival.note());
          ins.setString(5, IdOf(ctx.principal));
          ins.setString(6, SqlTime(now));
          ins.executeUpdate();
          // The total moves with the record (no version check: adding commutes).
          sql::PreparedStatement& total = conn.Prepare(
              "UPDATE projects SET capital_arrived_cny = capital_arrived_cny + ?, update_time = ?, version = version + 1"
              " WHERE id = ?");
          total.setInt64(1, arrival.amount_cny());
          total.setString(2, SqlTime(now));
          total.setInt64(3, project_id);
          total.executeUpdate();
          PipelineRollupDelta delta;
          AddCapitalArrival(before, arrival.arrival_date(), arrival.amount_cny(), delta);
          ApplyRollupDelta(conn, delta);
          std::unique_ptr<sql::ResultSet> rs(conn.Prepare(absl::StrCat("SELECT ", kArrivalColumns,
                                                                       " FROM capital_arrivals WHERE id = LAST_INSERT_ID()"))
                                                 .executeQuery());
          rs->next();
          return ArrivalFromRow(*rs);
        },
        created);
  }));
  return created;
}

absl::StatusOr<std::vector<v1::CapitalArrival>> ProjectStore::ListCapital(int64_t project_id, absl::Time deadline) {
  return ReadRows<v1::CapitalArrival>(
      *pool_, deadline,
      absl::StrCat("SELECT ", kArrivalColumns, " FROM capital_arrivals WHERE project_id = ? ORDER BY arrival_date, id"),
      [&](sql::PreparedStatement& ps) { ps.setInt64(1, project_id); }, &ArrivalFromRow);
}

}  // namespace crm
