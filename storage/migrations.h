#ifndef CRM_STORAGE_MIGRATIONS_H_
#define CRM_STORAGE_MIGRATIONS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "storage/connection_pool.h"

namespace crm {

struct Migration {
  int version;       // NNNN of storage/migrations/NNNN_name.sql
  std::string name;  // the file name
  std::string sql;   // statements, each ending with `;` at the end of a line
};

// The migrations built into this binary (from storage/migrations/), by version.
const std::vector<Migration>& BuiltInMigrations();

// Applies the migrations not yet recorded in `schema_migrations`, in order,
// under a named lock so that replicas starting together apply each one once.
// Applying twice is a no-op. DDL is not transactional in MariaDB: a migration
// that fails half-way is reported and not recorded.
absl::Status ApplyMigrations(ConnectionPool& pool, const std::vector<Migration>& migrations);

// The statements of a migration file, split at `;` ending a line; `--` comment
// lines are dropped.
std::vector<std::string> SplitStatements(absl::string_view sql);

}  // namespace crm

#endif  // CRM_STORAGE_MIGRATIONS_H_
