#include "bench/datagen/units_gen.h"

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/principal.h"
#include "base/status_macros.h"
#include "bench/datagen/vocabulary.h"
#include "storage/principal_store.h"
#include "storage/sql_error.h"

namespace crm::datagen {
namespace {

constexpr int kStaffPerUnit = 4;
// crm.v1.Role values, and principals.kind of a user.
constexpr int kRoleStaff = 1;
constexpr int kRoleUnitLead = 2;
constexpr int kRoleLeadership = 3;
constexpr int kKindUser = 1;

struct UnitName {
  const char* id;
  const char* display_name;
  double weight;
};
// A high-tech zone's promotion bureaus, offices and the parks' promotion centres.
constexpr UnitName kUnitNames[] = {
    {"zsj-1", "招商一局", 3},
    {"zsj-2", "招商二局", 3},
    {"zsj-3", "招商三局", 3},
    {"zsj-4", "招商四局", 2.5},
    {"zsj-5", "招商五局", 2.5},
    {"cycjc", "产业促进处", 1.5},
    {"wzcjc", "外资促进处", 1.5},
    {"tzfwzx", "投资服务中心", 1},
    {"rjy-zs", "软件园招商中心", 2},
    {"hjy-zs", "火炬园招商中心", 1.5},
    {"swyy-zs", "生物医药港招商中心", 1.5},
    {"jm-zs", "集美园区招商中心", 1},
    {"hc-zs", "海沧园区招商中心", 1},
    {"ta-zs", "同安园区招商中心", 1},
    {"xa-zs", "翔安园区招商中心", 1},
    {"gd-zs", "光电产业园招商中心", 1},
    {"xcl-zs", "新材料产业园招商中心", 1},
    {"szjj-zs", "数字经济产业园招商中心", 1},
    {"hkg-zs", "航空港招商中心", 1},
    {"jx-zs", "机械工业集中区招商中心", 1},
};

UnitInfo SyntheticUnit(int index) {  // 0-based
  if (index < static_cast<int>(std::size(kUnitNames))) {
    const UnitName& u = kUnitNames[index];
    return UnitInfo{u.id, u.display_name, u.weight, "", {}};
  }
  return UnitInfo{absl::StrCat("zs-team-", index + 1), absl::StrCat("第", index + 1, "招商小组"), 1, "", {}};
}

// A query's rows, each as strings.
absl::StatusOr<std::vector<std::vector<std::string>>> QueryRows(sql::Connection& conn, const std::string& sql) {
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(sql));
    std::vector<std::vector<std::string>> rows;
    int columns = static_cast<int>(rs->getMetaData()->getColumnCount());
    while (rs->next()) {
      std::vector<std::string>& row = rows.emplace_back();
      for (int i = 1; i <= columns; ++i) row.push_back(rs->isNull(i) ? "" : std::string(rs->getString(i)));
    }
    return rows;
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
}

std::string QuotedIds(const std::vector<UnitInfo>& units) {
  return absl::StrJoin(units, ",", [](std::string* out, const UnitInfo& u) { absl::StrAppend(out, "'", u.id, "'"); });
}

// Achievements per (unit, year), in PledgeMetric order: signed projects, of
// them ≥10亿, ≥20亿, ≥50亿, signed investment, construction starts, capital arrived.
using Achieved = std::array<double, 7>;

absl::Status AddAchieved(sql::Connection& conn, const std::string& sql, size_t first,
                         std::map<std::pair<std::string, int>, Achieved>& out) {
  ASSIGN_OR_RETURN(auto rows, QueryRows(conn, sql));
  for (const auto& row : rows) {
    Achieved& a = out[{row[0], std::stoi(row[1])}];
    for (size_t i = 2; i < row.size(); ++i) a[first + i - 2] = std::stod(row[i]);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status EnsureUnits(Context& ctx, int count) {
  std::vector<UnitInfo> units;
  for (int i = 0; i < count; ++i) units.push_back(SyntheticUnit(i));
  Rng rng = Rng::For(ctx.seed, "units", 0);
  absl::Time created = ctx.At(rng, ctx.first_day);

  ASSIGN_OR_RETURN(auto existing,
                   QueryRows(*ctx.conn, absl::StrCat("SELECT id FROM units WHERE id IN (", QuotedIds(units), ")")));
  std::set<std::string> present;
  for (const auto& row : existing) present.insert(row[0]);
  BulkInsert unit_rows("units", "(id, display_name, create_time, update_time)", ctx.Stats("units"));
  for (const UnitInfo& u : units) {
    if (!present.count(u.id)) unit_rows.Begin().Text(u.id).Text(u.display_name).Time(created).Time(created).End();
  }
  RETURN_IF_ERROR(unit_rows.Flush(*ctx.conn));

  ASSIGN_OR_RETURN(auto staffed, QueryRows(*ctx.conn, absl::StrCat("SELECT DISTINCT unit_id FROM principals"
                                                                   " WHERE unit_id IN (",
                                                                   QuotedIds(units), ")")));
  std::set<std::string> has_users;
  for (const auto& row : staffed) has_users.insert(row[0]);

  BulkInsert users("principals", "(id, kind, display_name, unit_id, role, create_time, update_time)",
                   ctx.Stats("principals"));
  for (size_t i = 0; i < units.size(); ++i) {
    if (has_users.count(units[i].id)) continue;
    Rng unit_rng = Rng::For(ctx.seed, "unit-users", i);
    for (int k = 0; k <= kStaffPerUnit; ++k) {
      PersonName person = SamplePerson(unit_rng);
      users.Begin()
          .Text(absl::StrFormat("%s-%02d%d", person.pinyin, i + 1, k))
          .Int(kKindUser)
          .Text(person.chinese)
          .Text(units[i].id)
          .Int(k == 0 ? kRoleUnitLead : kRoleStaff)
          .Time(created)
          .Time(created)
          .End();
    }
  }
  RETURN_IF_ERROR(users.Flush(*ctx.conn));

  ASSIGN_OR_RETURN(
      auto rows, QueryRows(*ctx.conn, absl::StrCat("SELECT id, unit_id, role FROM principals WHERE kind = ", kKindUser,
                                                   " AND active AND role IN (", kRoleStaff, ",", kRoleUnitLead,
                                                   ") AND unit_id IN (", QuotedIds(units), ") ORDER BY id")));
  std::map<std::string, UnitInfo*> by_id;
  for (UnitInfo& u : units) by_id[u.id] = &u;
  for (const auto& row : rows) {
    UnitInfo* u = by_id[row[1]];
    if (std::stoi(row[2]) == kRoleUnitLead && u->lead.empty()) {
      u->lead = row[0];
    } else {
      u->staff.push_back(row[0]);
    }
  }
  for (UnitInfo& u : units) {
    if (u.lead.empty() && !u.staff.empty()) u.lead = u.staff.front();
    if (u.lead.empty()) return absl::FailedPreconditionError(absl::StrCat("unit ", u.id, " has no active users"));
  }
  ctx.units = std::move(units);
  ctx.unit_weights.clear();
  for (const UnitInfo& u : ctx.units) ctx.unit_weights.push_back(u.weight);
  return absl::OkStatus();
}

absl::Status WriteUnitTargets(Context& ctx) {
  std::map<std::pair<std::string, int>, Achieved> achieved;
  const std::string live = "p.delete_time IS NULL";
  RETURN_IF_ERROR(AddAchieved(*ctx.conn,
                              absl::StrCat("SELECT p.unit_id, YEAR(p.signed_date), COUNT(*), SUM(p.tier >= 2),"
                                           " SUM(p.tier >= 3), SUM(p.tier >= 4), SUM(p.planned_investment_cny)"
                                           " FROM projects p WHERE p.signed_date IS NOT NULL AND ",
                                           live, " GROUP BY 1, 2"),
                              0, achieved));
  RETURN_IF_ERROR(AddAchieved(*ctx.conn,
                              absl::StrCat("SELECT p.unit_id, YEAR(p.construction_start_date), COUNT(*)"
                                           " FROM projects p WHERE p.construction_start_date IS NOT NULL AND ",
                                           live, " GROUP BY 1, 2"),
                              5, achieved));
  RETURN_IF_ERROR(AddAchieved(*ctx.conn,
                              absl::StrCat("SELECT p.unit_id, YEAR(a.arrival_date), SUM(a.amount_cny)"
                                           " FROM capital_arrivals a JOIN projects p ON p.id = a.project_id WHERE ",
                                           live, " GROUP BY 1, 2"),
                              6, achieved));

  // The share of the current year elapsed, to extrapolate its figures to the whole year.
  const int this_year = static_cast<int>(ctx.today.year());
  double elapsed = std::max(0.05, static_cast<double>(ctx.today - absl::CivilDay(this_year, 1, 1) + 1) / 365.0);

  BulkInsert targets(
      "unit_targets",
      "(unit_id, year, signed_projects, signed_projects_1b, signed_projects_2b, signed_projects_5b,"
      " signed_investment_cny, construction_starts, capital_arrived_cny, update_time)",
      ctx.Stats("unit_targets"),
      " ON DUPLICATE KEY UPDATE signed_projects = VALUES(signed_projects),"
      " signed_projects_1b = VALUES(signed_projects_1b), signed_projects_2b = VALUES(signed_projects_2b),"
      " signed_projects_5b = VALUES(signed_projects_5b),"
      " signed_investment_cny = VALUES(signed_investment_cny),"
      " construction_starts = VALUES(construction_starts),"
      " capital_arrived_cny = VALUES(capital_arrived_cny), update_time = VALUES(update_time),"
      " version = version + 1");
  for (size_t u = 0; u < ctx.units.size(); ++u) {
    for (int year = static_cast<int>(ctx.first_day.year()); year <= this_year; ++year) {
      Rng rng = Rng::For(ctx.seed, "unit-targets", u * 10'000 + static_cast<uint64_t>(year));
      Achieved a = achieved[{ctx.units[u].id, year}];
      double scale = rng.Uniform(85, 130) / 100.0 / (year == this_year ? elapsed : 1.0);
      // Counts: the same scale keeps 5B ≤ 2B ≤ 1B ≤ all (rounding is monotonic).
      auto count = [&](size_t i) { return static_cast<int64_t>(std::llround(a[i] * scale)); };
      // Money: whole 千万 (10 million yuan), at least 1亿.
      auto money = [&](size_t i) {
        double m = a[i] * rng.Uniform(85, 130) / 100.0 / (year == this_year ? elapsed : 1.0);
        return std::max<int64_t>(100'000'000, std::llround(m / 1e7) * 10'000'000);
      };
      int64_t signed_projects = std::max<int64_t>(1, count(0));
      // The pledge is signed in the first days of the year.
      absl::Time signed_at = ctx.At(rng, std::max(ctx.first_day, absl::CivilDay(year, 1, 10)));
      targets.Begin()
          .Text(ctx.units[u].id)
          .Int(year)
          .Int(signed_projects)
          .Int(std::min(signed_projects, count(1)))
          .Int(std::min(signed_projects, count(2)))
          .Int(std::min(signed_projects, count(3)))
          .Int(money(4))
          .Int(std::max<int64_t>(1, count(5)))
          .Int(money(6))
          .Time(signed_at)
          .End();
    }
  }
  return targets.Flush(*ctx.conn);
}

absl::Status IssueLeadershipToken(Context& ctx, const std::string& path) {
  std::string secret = NewTokenSecret();
  try {
    std::unique_ptr<sql::PreparedStatement> user(ctx.conn->prepareStatement(
        "INSERT IGNORE INTO principals (id, kind, display_name, unit_id, role, create_time, update_time)"
        " VALUES ('leadership', ?, '管委会领导', ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"));
    user->setInt(1, kKindUser);
    user->setString(2, ctx.units.front().id);
    user->setInt(3, kRoleLeadership);
    user->executeUpdate();
    std::unique_ptr<sql::PreparedStatement> token(ctx.conn->prepareStatement(
        "INSERT INTO api_tokens (principal_id, token_sha256, prefix, description, create_time)"
        " VALUES ('leadership', ?, ?, 'crm-datagen', UTC_TIMESTAMP(6))"));
    token->setString(1, Sha256(secret));
    token->setString(2, secret.substr(0, 8));
    token->executeUpdate();
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
  // Created 0600: the secret is never readable by others, not even briefly.
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || fchmod(fd, 0600) != 0) return absl::InternalError(absl::StrCat("cannot write ", path));
  std::string line = absl::StrCat(secret, "\n");
  bool written = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  if (close(fd) != 0 || !written) return absl::InternalError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

}  // namespace crm::datagen
