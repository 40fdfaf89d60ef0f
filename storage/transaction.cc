#include "storage/transaction.h"

#include <cppconn/exception.h>

#include "absl/strings/cord.h"

#include "storage/sql_error.h"

namespace crm {
namespace {

constexpr char kAnsweredBefore[] = "type.crm/answered-before";

// Runs `step`, turning a Connector/C++ exception into a status and marking the
// connection broken when the session is gone.
template <typename Step>
absl::Status Guarded(Connection& conn, Step step) {
  absl::Status status;
  try {
    status = step();
  } catch (const sql::SQLException& e) {
    if (IsConnectionError(e)) conn.MarkBroken();
    status = StatusFromSqlError(e);
  }
  // The watchdog stopped a statement because the call's deadline passed:
  // whatever the statement then said (an error, or nothing at all: SLEEP just
  // returns early), the work is over and must not commit.
  if (conn.overdue()) {
    return absl::DeadlineExceededError("the store had not answered by the call's deadline; its statement was stopped");
  }
  return status;
}

// One try. `began` tells whether the transaction started: a session found
// dead before that can be replaced and the transaction tried again safely.
absl::Status AttemptTransaction(ConnectionPool& pool, absl::Time deadline,
                                absl::FunctionRef<absl::Status(Connection&)> body, bool& began) {
  began = false;
  auto lease = pool.AcquireWatched(deadline);
  if (!lease.ok()) return lease.status();
  Connection& conn = **lease;
  // Sessions stay in autocommit; an explicit transaction costs two round
  // trips (START TRANSACTION, COMMIT) instead of three (switching autocommit
  // off, COMMIT, switching it back on).
  absl::Status status = Guarded(conn, [&] {
    conn.Execute("START TRANSACTION");
    return absl::OkStatus();
  });
  began = status.ok();
  if (status.ok()) status = Guarded(conn, [&] { return body(conn); });
  if (status.ok()) {
    status = Guarded(conn, [&] {
      conn.Execute("COMMIT");
      return absl::OkStatus();
    });
  }
  // An overdue session is closed when returned, which rolls back as well,
  // without another round trip to a store that is not answering.
  if (!status.ok() && began && !conn.broken() && !conn.overdue()) {
    absl::Status rollback = Guarded(conn, [&] {
      conn.Execute("ROLLBACK");
      return absl::OkStatus();
    });
    if (!rollback.ok()) conn.MarkBroken();
  }
  return IsAnsweredBefore(status) ? absl::OkStatus() : status;
}

}  // namespace

absl::Status AnsweredBefore() {
  absl::Status status = absl::AlreadyExistsError("this request id was answered before");
  status.SetPayload(kAnsweredBefore, absl::Cord());
  return status;
}

bool IsAnsweredBefore(const absl::Status& status) {
  return status.GetPayload(kAnsweredBefore).has_value();
}

absl::Status RunInTransaction(ConnectionPool& pool, absl::Time deadline,
                              absl::FunctionRef<absl::Status(Connection&)> body) {
  absl::Status status;
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    bool began = false;
    status = AttemptTransaction(pool, deadline, body, began);
    bool retry = status.code() == absl::StatusCode::kAborted ||
                 (status.code() == absl::StatusCode::kUnavailable && !began);
    if (!retry || absl::Now() >= deadline) break;
  }
  return status;
}

absl::Status RunRead(ConnectionPool& pool, absl::Time deadline,
                     absl::FunctionRef<absl::Status(Connection&)> body) {
  absl::Status status;
  for (int attempt = 1; attempt <= 2; ++attempt) {
    auto lease = pool.AcquireWatched(deadline);
    if (!lease.ok()) return lease.status();
    status = Guarded(**lease, [&] { return body(**lease); });
    // A session that was gone (killed, timed out, server restarted) is
    // replaced; a read is safe to run once more on the new one.
    if (status.ok() || !(*lease)->broken()) break;
  }
  return status;
}

}  // namespace crm
