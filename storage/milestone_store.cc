#include "storage/milestone_store.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "storage/read_rows.h"
#include "storage/row_codec.h"
#include "storage/transaction.h"
#include "storage/versioned_write.h"

namespace crm {
namespace {

using v1::Milestone;
using v1::ProjectProblem;

constexpr char kMilestoneColumns[] =
    "id, project_id, title, planned_date, actual_date, responsible_unit_id, update_time, delete_time, version";

Milestone MilestoneFromRow(sql::ResultSet& rs) {
  Milestone m;
  m.set_name(absl::StrCat("projects/", rs.getInt64("project_id"), "/milestones/", rs.getInt64("id")));
  m.set_title(rs.getString("title"));
  m.set_planned_date(rs.getString("planned_date"));
  if (!rs.isNull("actual_date")) m.set_actual_date(rs.getString("actual_date"));
  m.set_responsible_unit(absl::StrCat("units/", std::string(rs.getString("responsible_unit_id"))));
  if (auto t = TimeColumn(rs, "update_time")) *m.mutable_update_time() = *t;
  if (auto t = TimeColumn(rs, "delete_time")) *m.mutable_delete_time() = *t;
  m.set_etag(std::to_string(rs.getUInt64("version")));
  return m;
}

absl::StatusOr<Milestone> LoadMilestone(Connection& conn, int64_t project_id, int64_t id) {
  sql::PreparedStatement& ps =
      conn.Prepare(absl::StrCat("SELECT ", kMilestoneColumns, " FROM milestones WHERE id = ? AND project_id = ?"));
  ps.setInt64(1, id);
  ps.setInt64(2, project_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) {
    return absl::NotFoundError(absl::StrCat("projects/", project_id, "/milestones/", id, " does not exist"));
  }
  return MilestoneFromRow(*rs);
}

constexpr char kProblemColumns[] =
    "id, project_id, type, description, escalation_level, status, resolution, raised_by, create_time,"
    " update_time, version";

ProjectProblem ProblemFromRow(sql::ResultSet& rs) {
  ProjectProblem p;
  p.set_name(absl::StrCat("projects/", rs.getInt64("project_id"), "/problems/", rs.getInt64("id")));
  p.set_type(static_cast<v1::ProblemType>(rs.getInt("type")));
  p.set_description(rs.getString("description"));
  p.set_escalation_level(static_cast<v1::EscalationLevel>(rs.getInt("escalation_level")));
  p.set_status(static_cast<v1::ProblemStatus>(rs.getInt("status")));
  p.set_resolution(rs.getString("resolution"));
  p.set_raised_by(absl::StrCat("users/", std::string(rs.getString("raised_by"))));
  if (auto t = TimeColumn(rs, "create_time")) *p.mutable_create_time() = *t;
  if (auto t = TimeColumn(rs, "update_time")) *p.mutable_update_time() = *t;
  p.set_etag(std::to_string(rs.getUInt64("version")));
  return p;
}

absl::StatusOr<ProjectProblem> LoadProblem(Connection& conn, int64_t project_id, int64_t id) {
  sql::PreparedStatement& ps = conn.Prepare(
      absl::StrCat("SELECT ", kProblemColumns, " FROM project_problems WHERE id = ? AND project_id = ?"));
  ps.setInt64(1, id);
  ps.setInt64(2, project_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) {
    return absl::NotFoundError(absl::StrCat("projects/", project_id, "/problems/", id, " does not exist"));
  }
  return ProblemFromRow(*rs);
}

// Locks the parent project's row so that the child write and the check see the same project.
absl::Status LockProject(Connection& conn, int64_t project_id) {
  sql::PreparedStatement& ps = conn.Prepare("SELECT id FROM projects WHERE id = ? LOCK IN SHARE MODE");
  ps.setInt64(1, project_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("projects/", project_id, " does not exist"));
  return absl::OkStatus();
}

int64_t LastInsertId(Connection& conn) {
  std::unique_ptr<sql::ResultSet> rs(conn.Prepare("SELECT LAST_INSERT_ID()").executeQuery());
  rs->next();
  return rs->getInt64(1);
}

}  // namespace

int64_t InsertMilestone(Connection& conn, int64_t project_id, const Milestone& m, absl::Time now) {
  sql::PreparedStatement& ps = conn.Prepare(
      "INSERT INTO milestones (project_id, title, planned_date, actual_date, responsible_unit_id, update_time,"
      " version) VALUES (?, ?, ?, ?, ?, ?, 1)");
  ps.setInt64(1, project_id);
  ps.setString(2, m.title());
  ps.setString(3, m.planned_date());
  if (m.actual_date().empty()) ps.setNull(4, sql::DataType::DATE); else ps.setString(4, m.actual_date());
  ps.setString(5, IdOf(m.responsible_unit()));
  ps.setString(6, SqlTime(now));
  ps.executeUpdate();
  return LastInsertId(conn);
}

void CompleteMilestones(Connection& conn, int64_t project_id, const std::vector<std::string>& titles,
                        const std::string& day, absl::Time now) {
  for (const std::string& title : titles) {
    sql::PreparedStatement& ps = conn.Prepare(
        "UPDATE milestones SET actual_date = ?, update_time = ?, version = version + 1"
        " WHERE project_id = ? AND title = ? AND actual_date IS NULL AND delete_time IS NULL");
    ps.setString(1, day);
    ps.setString(2, SqlTime(now));
    ps.setInt64(3, project_id);
    ps.setString(4, title);
    ps.executeUpdate();
  }
}

absl::StatusOr<Milestone> MilestoneStore::CreateMilestone(const MutationContext& ctx, int64_t project_id,
                                                          const Milestone& m, ProjectCheck check) {
  Milestone created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteCreated<Milestone>(
        conn, ctx,
        [&](absl::Time now) -> absl::StatusOr<Milestone> {
          RETURN_IF_ERROR(LockProject(conn, project_id));
          RETURN_IF_ERROR(check(project_id));
          int64_t id = InsertMilestone(conn, project_id, m, now);
          return LoadMilestone(conn, project_id, id);
        },
        created);
  }));
  return created;
}

absl::StatusOr<Milestone> MilestoneStore::MutateMilestone(const MutationContext& ctx, int64_t project_id,
                                                          int64_t id, const std::string& etag, ProjectCheck check,
                                                          absl::FunctionRef<absl::Status(Milestone&)> change) {
  Milestone after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    RETURN_IF_ERROR(LockProject(conn, project_id));
    RETURN_IF_ERROR(check(project_id));
    return WriteVersioned<Milestone>(
        conn, ctx, etag, [&] { return LoadMilestone(conn, project_id, id); }, change,
        [&](const Milestone& m, uint64_t version, absl::Time now) -> absl::StatusOr<int> {
          sql::PreparedStatement& ps = conn.Prepare(
              "UPDATE milestones SET title = ?, planned_date = ?, actual_date = ?, responsible_unit_id = ?,"
              " delete_time = ?, update_time = ?, version = version + 1 WHERE id = ? AND version = ?");
          ps.setString(1, m.title());
          ps.setString(2, m.planned_date());
          if (m.actual_date().empty()) ps.setNull(3, sql::DataType::DATE); else ps.setString(3, m.actual_date());
          ps.setString(4, IdOf(m.responsible_unit()));
          BindTime(ps, 5, m.has_delete_time(), m.delete_time());
          ps.setString(6, SqlTime(now));
          ps.setInt64(7, id);
          ps.setUInt64(8, version);
          return ps.executeUpdate();
        },
        after);
  }));
  return after;
}

absl::StatusOr<std::vector<Milestone>> MilestoneStore::ListMilestones(int64_t project_id, bool show_deleted,
                                                                      absl::Time deadline) {
  return ReadRows<Milestone>(
      *pool_, deadline,
      absl::StrCat("SELECT ", kMilestoneColumns, " FROM milestones WHERE project_id = ?",
                   show_deleted ? "" : " AND delete_time IS NULL", " ORDER BY planned_date, id"),
      [&](sql::PreparedStatement& ps) { ps.setInt64(1, project_id); }, &MilestoneFromRow);
}

absl::StatusOr<std::map<int64_t, std::vector<Milestone>>> MilestoneStore::OpenMilestones(
    const std::vector<int64_t>& project_ids, absl::Time deadline) {
  std::map<int64_t, std::vector<Milestone>> out;
  if (project_ids.empty()) return out;
  std::vector<std::string> marks(project_ids.size(), "?");
  std::string sql = absl::StrCat("SELECT ", kMilestoneColumns, " FROM milestones WHERE project_id IN (",
                                 absl::StrJoin(marks, ","),
                                 ") AND actual_date IS NULL AND delete_time IS NULL ORDER BY planned_date, id");
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    out.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(sql);
    for (size_t i = 0; i < project_ids.size(); ++i) ps.setInt64(static_cast<int>(i) + 1, project_ids[i]);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) out[rs->getInt64("project_id")].push_back(MilestoneFromRow(*rs));
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<ProjectProblem> MilestoneStore::CreateProblem(const MutationContext& ctx, int64_t project_id,
                                                             const ProjectProblem& p, ProjectCheck check) {
  ProjectProblem created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteCreated<ProjectProblem>(
        conn, ctx,
        [&](absl::Time now) -> absl::StatusOr<ProjectProblem> {
          RETURN_IF_ERROR(LockProject(conn, project_id));
          RETURN_IF_ERROR(check(project_id));
          sql::PreparedStatement& ps = conn.Prepare(
              "INSERT INTO project_problems (project_id, type, description, escalation_level, status, resolution,"
              " raised_by, create_time, update_time, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
          ps.setInt64(1, project_id);
          ps.setInt(2, p.type());
          ps.setString(3, p.description());
          ps.setInt(4, p.escalation_level());
          ps.setInt(5, p.status());
          ps.setString(6, p.resolution());
          ps.setString(7, IdOf(ctx.principal));
          ps.setString(8, SqlTime(now));
          ps.setString(9, SqlTime(now));
          ps.executeUpdate();
          return LoadProblem(conn, project_id, LastInsertId(conn));
        },
        created);
  }));
  return created;
}

absl::StatusOr<ProjectProblem> MilestoneStore::MutateProblem(
    const MutationContext& ctx, int64_t project_id, int64_t id, const std::string& etag, ProjectCheck check,
    absl::FunctionRef<absl::Status(ProjectProblem&)> change) {
  ProjectProblem after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    RETURN_IF_ERROR(LockProject(conn, project_id));
    RETURN_IF_ERROR(check(project_id));
    return WriteVersioned<ProjectProblem>(
        conn, ctx, etag, [&] { return LoadProblem(conn, project_id, id); }, change,
        [&](const ProjectProblem& p, uint64_t version, absl::Time now) -> absl::StatusOr<int> {
          sql::PreparedStatement& ps = conn.Prepare(
              "UPDATE project_problems SET type = ?, description = ?, escalation_level = ?, status = ?,"
              " resolution = ?, update_time = ?, version = version + 1 WHERE id = ? AND version = ?");
          ps.setInt(1, p.type());
          ps.setString(2, p.description());
          ps.setInt(3, p.escalation_level());
          ps.setInt(4, p.status());
          ps.setString(5, p.resolution());
          ps.setString(6, SqlTime(now));
          ps.setInt64(7, id);
          ps.setUInt64(8, version);
          return ps.executeUpdate();
        },
        after);
  }));
  return after;
}

absl::StatusOr<std::vector<ProjectProblem>> MilestoneStore::ListProblems(int64_t project_id, bool open_only,
                                                                         absl::Time deadline) {
  return ReadRows<ProjectProblem>(
      *pool_, deadline,
      absl::StrCat("SELECT ", kProblemColumns, " FROM project_problems WHERE project_id = ?",
                   open_only ? " AND status <> 3" : "", " ORDER BY id"),
      [&](sql::PreparedStatement& ps) { ps.setInt64(1, project_id); }, &ProblemFromRow);
}

}  // namespace crm
