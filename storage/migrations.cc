#include "storage/migrations.h"

#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <memory>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "storage/sql_error.h"

namespace crm {

std::vector<std::string> SplitStatements(absl::string_view sql) {
  std::vector<std::string> out;
  std::string current;
  for (absl::string_view line : absl::StrSplit(sql, '\n')) {
    absl::string_view trimmed = absl::StripAsciiWhitespace(line);
    if (trimmed.empty() || absl::StartsWith(trimmed, "--")) continue;
    absl::StrAppend(&current, line, "\n");
    if (absl::EndsWith(trimmed, ";")) {
      out.push_back(std::string(absl::StripSuffix(absl::StripAsciiWhitespace(current), ";")));
      current.clear();
    }
  }
  if (!absl::StripAsciiWhitespace(current).empty()) out.push_back(current);
  return out;
}

absl::Status ApplyMigrations(ConnectionPool& pool, const std::vector<Migration>& migrations) {
  auto lease = pool.Acquire(absl::Now() + absl::Seconds(30));
  if (!lease.ok()) return lease.status();
  sql::Connection& conn = (*lease)->raw();
  std::string current;  // the migration being applied, for the error message
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    std::unique_ptr<sql::ResultSet> locked(
        st->executeQuery("SELECT GET_LOCK(CONCAT('crm_migrations.', DATABASE()), 60)"));
    if (!locked->next() || locked->getInt(1) != 1) {
      return absl::UnavailableError("another process held the migration lock for 60 s");
    }
    st->execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INT NOT NULL PRIMARY KEY,"
        " name VARCHAR(255) NOT NULL,"
        " applied_at DATETIME(6) NOT NULL DEFAULT UTC_TIMESTAMP(6)"
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    std::set<int> applied;
    std::unique_ptr<sql::ResultSet> rows(st->executeQuery("SELECT version FROM schema_migrations"));
    while (rows->next()) applied.insert(rows->getInt(1));

    for (const Migration& m : migrations) {
      if (applied.count(m.version)) continue;
      current = m.name;
      for (const std::string& statement : SplitStatements(m.sql)) st->execute(statement);
      std::unique_ptr<sql::PreparedStatement> record(
          conn.prepareStatement("INSERT INTO schema_migrations (version, name) VALUES (?, ?)"));
      record->setInt(1, m.version);
      record->setString(2, m.name);
      record->execute();
    }
    current.clear();
    std::unique_ptr<sql::ResultSet> released(
        st->executeQuery("SELECT RELEASE_LOCK(CONCAT('crm_migrations.', DATABASE()))"));
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    (*lease)->MarkBroken();  // also drops the named lock with the session
    absl::Status status = StatusFromSqlError(e);
    return absl::Status(status.code(), current.empty()
                                           ? std::string(status.message())
                                           : absl::StrCat("migration ", current, ": ", status.message()));
  }
}

}  // namespace crm
