#include "storage/connection_pool.h"

#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "storage/sql_error.h"

namespace crm {
namespace {

sql::mysql::MySQL_Driver* Driver() {
  // get_mysql_driver_instance() is not safe to race on first use; take it once.
  static sql::mysql::MySQL_Driver* driver = sql::mysql::get_mysql_driver_instance();
  return driver;
}

int Seconds(absl::Duration d) { return std::max(1, static_cast<int>(absl::ToInt64Seconds(d))); }

}  // namespace

Connection::~Connection() {
  statements_.clear();  // statements before their session
  text_.reset();
  conn_.reset();
}

void Connection::Execute(const std::string& sql) {
  if (text_ == nullptr) text_.reset(conn_->createStatement());
  text_->execute(sql);
}

sql::PreparedStatement& Connection::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    // The server caps prepared statements across all sessions (max_prepared_stmt_count);
    // list filters make many variants, so a session keeps at most kMaxStatements.
    if (statements_.size() >= kMaxStatements) statements_.clear();
    it = statements_.emplace(sql, std::unique_ptr<sql::PreparedStatement>(conn_->prepareStatement(sql))).first;
  } else {
    it->second->clearParameters();
  }
  return *it->second;
}

absl::StatusOr<std::unique_ptr<Connection>> ConnectionPool::Connect(const StoreConfig& config) {
  sql::ConnectOptionsMap options;
  options["hostName"] = sql::SQLString(config.host);
  options["port"] = config.port;
  options["userName"] = sql::SQLString(config.user);
  options["password"] = sql::SQLString(config.password);
  if (!config.database.empty()) options["schema"] = sql::SQLString(config.database);
  options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  options["OPT_RECONNECT"] = false;
  options["OPT_CONNECT_TIMEOUT"] = Seconds(config.connect_timeout);
  options["OPT_READ_TIMEOUT"] = Seconds(config.read_timeout);
  options["OPT_WRITE_TIMEOUT"] = Seconds(config.write_timeout);
  try {
    auto conn = std::make_unique<Connection>(std::unique_ptr<sql::Connection>(Driver()->connect(options)));
    std::unique_ptr<sql::Statement> st(conn->raw().createStatement());
    st->execute("SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
    st->execute("SET time_zone = '+00:00'");
    st->execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
    st->execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO'");
    std::unique_ptr<sql::ResultSet> id(st->executeQuery("SELECT CONNECTION_ID()"));  // for the watchdog's KILL
    if (id->next()) conn->session_id_ = id->getUInt64(1);
    return conn;
  } catch (const sql::SQLException& e) {
    absl::Status status = StatusFromSqlError(e);
    return absl::UnavailableError(absl::StrCat("cannot connect to the store at ", config.host, ":",
                                               config.port, ": ", status.message()));
  }
}

absl::StatusOr<std::unique_ptr<ConnectionPool>> ConnectionPool::Create(const StoreConfig& config) {
  if (config.pool_size == 0) return absl::InvalidArgumentError("pool_size must be at least 1");
  auto first = Connect(config);
  if (!first.ok()) return first.status();
  std::unique_ptr<ConnectionPool> pool(new ConnectionPool(config));
  pool->watchdog_ = std::make_unique<StatementWatchdog>(config);
  absl::MutexLock lock(&pool->mu_);
  pool->idle_.push_back(*std::move(first));
  pool->open_ = 1;
  return pool;
}

absl::StatusOr<ConnectionPool::Lease> ConnectionPool::Acquire(absl::Time deadline) {
  while (true) {
    std::unique_ptr<Connection> conn;
    uint64_t generation;
    {
      absl::MutexLock lock(&mu_);
      auto available = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return !idle_.empty() || open_ < config_.pool_size;
      };
      if (!mu_.AwaitWithDeadline(absl::Condition(&available), deadline)) {
        return absl::DeadlineExceededError("no store connection became free before the deadline");
      }
      generation = generation_;
      if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
      } else {
        ++open_;  // reserve the slot; open outside the lock
      }
    }
    if (!conn) {
      auto opened = Connect(config_);
      if (!opened.ok()) {
        absl::MutexLock lock(&mu_);
        --open_;
        return opened.status();
      }
      (*opened)->generation_ = generation;
      return Lease(this, *std::move(opened));
    }
    if (conn->generation_ == generation && absl::Now() - conn->idle_since_ < kValidateAfterIdle) {
      return Lease(this, std::move(conn));
    }
    bool valid = false;
    try {
      valid = conn->raw().isValid();
    } catch (const sql::SQLException&) {
    }
    if (valid) {
      conn->generation_ = generation;
      return Lease(this, std::move(conn));
    }
    Discard(std::move(conn));  // try again
  }
}

absl::StatusOr<ConnectionPool::Lease> ConnectionPool::AcquireWatched(absl::Time deadline) {
  absl::StatusOr<Lease> lease = Acquire(deadline);
  if (lease.ok() && deadline != absl::InfiniteFuture()) {
    (*lease)->watched_ = true;
    watchdog_->Watch(&**lease, deadline);
  }
  return lease;
}

void ConnectionPool::Discard(std::unique_ptr<Connection> conn) {
  conn.reset();  // close outside the lock
  absl::MutexLock lock(&mu_);
  --open_;
}

void ConnectionPool::Return(std::unique_ptr<Connection> conn) {
  if (conn->watched_) {
    watchdog_->Unwatch(conn.get());
    conn->watched_ = false;
  }
  // A session the watchdog stopped a statement on is closed, not reused: it
  // may be mid-transaction, and closing rolls back without a round trip to a
  // store that is stalled.
  if (conn->broken() || conn->overdue()) {
    const bool dead = !conn->overdue();
    conn.reset();  // close outside the lock
    absl::MutexLock lock(&mu_);
    --open_;
    if (dead) ++generation_;  // the other sessions may be gone too
    return;
  }
  conn->idle_since_ = absl::Now();
  absl::MutexLock lock(&mu_);
  idle_.push_back(std::move(conn));
}

ConnectionPool::Lease::~Lease() {
  if (conn_) pool_->Return(std::move(conn_));
}

}  // namespace crm
