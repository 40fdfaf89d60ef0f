#include "storage/transaction.h"

#include <cppconn/exception.h>

#include "storage/sql_error.h"

namespace crm {
namespace {

// Runs `step`, turning a Connector/C++ exception into a status and marking the
// connection broken when the session is gone.
template <typename Step>
absl::Status Guarded(Connection& conn, Step step) {
  try {
    return step();
  } catch (const sql::SQLException& e) {
    if (IsConnectionError(e)) conn.MarkBroken();
    return StatusFromSqlError(e);
  }
}

absl::Status AttemptTransaction(ConnectionPool& pool, absl::Time deadline,
                                absl::FunctionRef<absl::Status(Connection&)> body) {
  auto lease = pool.Acquire(deadline);
  if (!lease.ok()) return lease.status();
  Connection& conn = **lease;
  absl::Status status = Guarded(conn, [&] {
    conn.raw().setAutoCommit(false);
    return absl::OkStatus();
  });
  if (status.ok()) status = Guarded(conn, [&] { return body(conn); });
  if (status.ok()) {
    status = Guarded(conn, [&] {
      conn.raw().commit();
      return absl::OkStatus();
    });
  }
  if (!status.ok() && !conn.broken()) {
    absl::Status rollback = Guarded(conn, [&] {
      conn.raw().rollback();
      return absl::OkStatus();
    });
    if (!rollback.ok()) conn.MarkBroken();
  }
  if (!conn.broken()) {
    absl::Status reset = Guarded(conn, [&] {
      conn.raw().setAutoCommit(true);
      return absl::OkStatus();
    });
    if (!reset.ok()) conn.MarkBroken();
  }
  return status;
}

}  // namespace

absl::Status RunInTransaction(ConnectionPool& pool, absl::Time deadline,
                              absl::FunctionRef<absl::Status(Connection&)> body) {
  absl::Status status;
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    status = AttemptTransaction(pool, deadline, body);
    if (status.code() != absl::StatusCode::kAborted || absl::Now() >= deadline) break;
  }
  return status;
}

absl::Status RunRead(ConnectionPool& pool, absl::Time deadline,
                     absl::FunctionRef<absl::Status(Connection&)> body) {
  auto lease = pool.Acquire(deadline);
  if (!lease.ok()) return lease.status();
  return Guarded(**lease, [&] { return body(**lease); });
}

}  // namespace crm
