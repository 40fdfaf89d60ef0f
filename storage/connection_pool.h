#ifndef CRM_STORAGE_CONNECTION_POOL_H_
#define CRM_STORAGE_CONNECTION_POOL_H_

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "storage/statement_watchdog.h"
#include "storage/store_config.h"

namespace crm {

// One MySQL session, leased to one thread at a time, with the prepared
// statements it has made (prepared once per session, reused after).
class Connection {
 public:
  explicit Connection(std::unique_ptr<sql::Connection> conn) : conn_(std::move(conn)) {}
  ~Connection();

  // The session's prepared statement for `sql`, prepared on first use, with
  // its parameters cleared. Throws sql::SQLException like Connector/C++.
  sql::PreparedStatement& Prepare(const std::string& sql);

  // Runs `sql` (a statement without parameters or rows, such as START
  // TRANSACTION or COMMIT) in one round trip, over the text protocol.
  void Execute(const std::string& sql);

  sql::Connection& raw() { return *conn_; }

  // Marks the session unusable: the pool closes it instead of reusing it.
  void MarkBroken() { broken_ = true; }
  bool broken() const { return broken_; }

  // True once the statement watchdog stopped (or tried to stop) what this
  // lease was running because its deadline passed: the error that follows
  // means DEADLINE_EXCEEDED, and the pool closes the session after.
  bool overdue() const { return overdue_.load(std::memory_order_acquire); }

 private:
  friend class ConnectionPool;
  friend class StatementWatchdog;
  static constexpr size_t kMaxStatements = 200;
  std::unique_ptr<sql::Connection> conn_;
  std::unordered_map<std::string, std::unique_ptr<sql::PreparedStatement>> statements_;
  std::unique_ptr<sql::Statement> text_;  // for Execute
  bool broken_ = false;
  absl::Time idle_since_ = absl::Now();
  uint64_t generation_ = 0;  // the pool's generation when last known alive
  uint64_t session_id_ = 0;  // the store's CONNECTION_ID()
  bool watched_ = false;     // leased by AcquireWatched
  std::atomic<bool> overdue_{false};
};

// A bounded pool of MySQL sessions over Connector/C++ 1.1. Each session is
// leased exclusively, checked on checkout when it has been idle (a ping), and
// replaced rather than reconnected in place when it breaks (no OPT_RECONNECT:
// a silent reconnect would lose session settings and an open transaction).
// One broken session makes the others suspect (a store restart or an
// operator's KILL ends them all at once): each is pinged on its next checkout,
// so that a retry gets a live session rather than the next dead one.
class ConnectionPool {
 public:
  // A leased connection; going out of scope gives it back (or closes it if broken).
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Connection* operator->() { return conn_.get(); }
    Connection& operator*() { return *conn_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  // Checks that the store can be reached by opening one connection.
  static absl::StatusOr<std::unique_ptr<ConnectionPool>> Create(const StoreConfig& config);

  // A connection, waiting until `deadline` when all `pool_size` are leased.
  // UNAVAILABLE when the store cannot be reached; DEADLINE_EXCEEDED on time-out.
  absl::StatusOr<Lease> Acquire(absl::Time deadline);
  // The same for a call's work, which must not outlive `deadline`: a
  // statement still running then is stopped (see StatementWatchdog), and the
  // connection says overdue().
  absl::StatusOr<Lease> AcquireWatched(absl::Time deadline);

  const StoreConfig& config() const { return config_; }

  // Opens a session with the project's settings (utf8mb4, UTC, READ COMMITTED, strict mode).
  static absl::StatusOr<std::unique_ptr<Connection>> Connect(const StoreConfig& config);

 private:
  explicit ConnectionPool(StoreConfig config) : config_(std::move(config)) {}
  void Return(std::unique_ptr<Connection> conn);
  // Closes a session found dead on checkout and frees its slot.
  void Discard(std::unique_ptr<Connection> conn);

  // A session idle for less than this is handed out without a ping.
  static constexpr absl::Duration kValidateAfterIdle = absl::Seconds(1);

  const StoreConfig config_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_ ABSL_GUARDED_BY(mu_);
  size_t open_ ABSL_GUARDED_BY(mu_) = 0;  // leased + idle + being opened
  // Bumped whenever a session turns out broken; sessions last known alive in
  // an older generation are pinged before they are handed out.
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  std::unique_ptr<StatementWatchdog> watchdog_;
};

}  // namespace crm

#endif  // CRM_STORAGE_CONNECTION_POOL_H_
