#ifndef CRM_STORAGE_SQL_ERROR_H_
#define CRM_STORAGE_SQL_ERROR_H_

#include <cppconn/exception.h>

#include "absl/status/status.h"

namespace crm {

// The one mapping of MySQL/MariaDB errors to statuses:
//   duplicate key (1062)                         → ALREADY_EXISTS
//   deadlock (1213), lock wait timeout (1205),
//   statement interrupted by KILL QUERY (1317)   → ABORTED (the transaction may be retried)
//   lost or refused connection, server shutdown  → UNAVAILABLE
//   statement time-out (1969, 3024)              → DEADLINE_EXCEEDED
//   anything else                                → INTERNAL
absl::Status StatusFromSqlError(const sql::SQLException& e);

// True when the connection that raised `e` cannot be used again.
bool IsConnectionError(const sql::SQLException& e);

// True when `e` is a duplicate key (ER_DUP_ENTRY): the stores that turn one
// into an answer of their own (naming the record that holds the key, or a
// retry's first answer) catch it with this.
bool IsDuplicateKey(const sql::SQLException& e);

}  // namespace crm

#endif  // CRM_STORAGE_SQL_ERROR_H_
