#ifndef CRM_STORAGE_READ_ROWS_H_
#define CRM_STORAGE_READ_ROWS_H_

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "base/status_macros.h"
#include "storage/connection_pool.h"
#include "storage/transaction.h"

namespace crm {

// Every row of the prepared query `sql` (its placeholders bound by `bind`),
// each read by `from_row`, in a read outside any transaction (see RunRead).
template <typename M>
absl::StatusOr<std::vector<M>> ReadRows(ConnectionPool& pool, absl::Time deadline, const std::string& sql,
                                        absl::FunctionRef<void(sql::PreparedStatement&)> bind,
                                        M (*from_row)(sql::ResultSet&)) {
  std::vector<M> rows;
  RETURN_IF_ERROR(RunRead(pool, deadline, [&](Connection& conn) {
    rows.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(sql);
    bind(ps);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) rows.push_back(from_row(*rs));
    return absl::OkStatus();
  }));
  return rows;
}

}  // namespace crm

#endif  // CRM_STORAGE_READ_ROWS_H_
