#ifndef CRM_BENCH_DATAGEN_BULK_INSERT_H_
#define CRM_BENCH_DATAGEN_BULK_INSERT_H_

// A multi-row INSERT under construction: rows are appended as escaped SQL
// literals and sent as one statement by Flush. One statement of ~1,000 rows
// costs one round trip and one parse instead of a thousand: this is what
// makes the generator fast. (Connector/C++ 1.1 has no batch API, and
// prepared statements would need a new statement per batch size.)
//
// Literals are escaped for a session without NO_BACKSLASH_ESCAPES, which is
// how ConnectionPool::Connect sets the session up.

#include <cppconn/connection.h>

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace crm::datagen {

// What was written to one table, and the time its INSERT statements took.
struct TableStats {
  int64_t rows = 0;
  absl::Duration sql_time;
};

class BulkInsert {
 public:
  // INSERT INTO `table` `columns` VALUES (…), (…) `suffix`; `columns` like
  // "(id, name)", `suffix` e.g. an ON DUPLICATE KEY UPDATE clause.
  BulkInsert(absl::string_view table, absl::string_view columns, TableStats* stats, absl::string_view suffix = "");

  // A row is Begin(), one call per column, End().
  BulkInsert& Begin();
  BulkInsert& Int(int64_t v);
  BulkInsert& Real(double v);
  BulkInsert& Bool(bool v) { return Int(v ? 1 : 0); }
  BulkInsert& Text(absl::string_view v);
  BulkInsert& Null();
  BulkInsert& OptInt(const std::optional<int64_t>& v) { return v ? Int(*v) : Null(); }
  BulkInsert& OptText(const std::optional<std::string>& v) { return v ? Text(*v) : Null(); }
  BulkInsert& Date(absl::CivilDay d);
  BulkInsert& OptDate(const std::optional<absl::CivilDay>& d) { return d ? Date(*d) : Null(); }
  // A DATETIME(6) column, in UTC (the store's sessions run in UTC).
  BulkInsert& Time(absl::Time t);
  BulkInsert& OptTime(const std::optional<absl::Time>& t) { return t ? Time(*t) : Null(); }
  void End();

  size_t pending_rows() const { return pending_; }

  // Sends the pending rows as one statement (nothing when there are none).
  // The caller flushes parents before children (foreign keys) and commits.
  absl::Status Flush(sql::Connection& conn);

 private:
  void Separator();

  std::string header_;
  std::string suffix_;
  std::string sql_;
  size_t pending_ = 0;
  bool first_column_ = true;
  TableStats* stats_;
};

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_BULK_INSERT_H_
