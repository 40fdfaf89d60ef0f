#ifndef CRM_STORAGE_TRANSACTION_H_
#define CRM_STORAGE_TRANSACTION_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "storage/connection_pool.h"

namespace crm {

// Runs `body` in one transaction on a leased connection and commits when it
// returns OK; rolls back otherwise (and reports OK when the body returned
// AnsweredBefore()). Connector/C++ exceptions thrown by `body`
// are caught and mapped (see StatusFromSqlError); a broken connection is thrown
// away. ABORTED outcomes (deadlock, lock wait, a lost race such as a stale
// version) are retried from the start, up to `kMaxAttempts` in all and never
// past `deadline`; so is a transaction whose session was found dead before it
// began. `body` must therefore be safe to run again.
absl::Status RunInTransaction(ConnectionPool& pool, absl::Time deadline,
                              absl::FunctionRef<absl::Status(Connection&)> body);

// Runs read-only `body` with autocommit (each statement sees the latest
// committed data). Same error mapping; when the connection turns out to be
// gone, `body` runs once more on a new one, so it must be safe to run again.
absl::Status RunRead(ConnectionPool& pool, absl::Time deadline,
                     absl::FunctionRef<absl::Status(Connection&)> body);

inline constexpr int kMaxAttempts = 3;

// What a transaction's body returns when it finds its call already answered
// (a request id's retry, see request_ids.h) after filling in that answer:
// RunInTransaction rolls back the body's writes and reports OK.
absl::Status AnsweredBefore();
bool IsAnsweredBefore(const absl::Status& status);

}  // namespace crm

#endif  // CRM_STORAGE_TRANSACTION_H_
