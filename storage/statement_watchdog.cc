#include "storage/statement_watchdog.h"

#include <cppconn/exception.h>

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/json_log.h"
#include "storage/connection_pool.h"

namespace crm {
namespace {

constexpr absl::Duration kTick = absl::Milliseconds(50);

}  // namespace

StatementWatchdog::StatementWatchdog(const StoreConfig& config) : config_(config) {
  // A KILL is quick; a store that does not answer it soon will not at all.
  config_.connect_timeout = std::min(config_.connect_timeout, absl::Seconds(2));
  config_.read_timeout = config_.write_timeout = std::min(config_.read_timeout, absl::Seconds(2));
  thread_ = std::thread([this] { Run(); });
}

StatementWatchdog::~StatementWatchdog() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
    wake_.Signal();
  }
  thread_.join();
}

void StatementWatchdog::Watch(Connection* conn, absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  watched_[conn] = deadline;
  if (deadline < next_check_) wake_.Signal();
}

void StatementWatchdog::Unwatch(Connection* conn) {
  absl::MutexLock lock(&mu_);
  while (killing_ == conn) killed_.Wait(&mu_);
  watched_.erase(conn);
}

void StatementWatchdog::Run() {
  absl::MutexLock lock(&mu_);
  while (!stopping_) {
    const absl::Time now = absl::Now();
    Connection* due = nullptr;
    absl::Time next = absl::InfiniteFuture();
    for (const auto& [conn, deadline] : watched_) {
      if (deadline <= now) {
        due = conn;
        break;
      }
      next = std::min(next, deadline);
    }
    if (due == nullptr) {
      // Waking every kTick even when idle spares Watch a wake-up (a context
      // switch) per call: calls' deadlines are mostly further away than that.
      next_check_ = std::min(next, now + kTick);
      wake_.WaitWithDeadline(&mu_, next_check_);
      continue;
    }
    watched_.erase(due);  // stopped once; its lease ends soon
    due->overdue_ = true;
    killing_ = due;
    const uint64_t session_id = due->session_id_;
    mu_.Unlock();
    Kill(session_id);
    mu_.Lock();
    killing_ = nullptr;
    killed_.SignalAll();
  }
}

void StatementWatchdog::Kill(uint64_t session_id) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (session_ == nullptr) {
      absl::StatusOr<std::unique_ptr<Connection>> opened = ConnectionPool::Connect(config_);
      if (!opened.ok()) return;  // the store is gone: the statement's session fails by itself
      session_ = *std::move(opened);
    }
    try {
      session_->Execute(absl::StrCat("KILL QUERY ", session_id));
      LogJson("statement_stopped", {{"session", static_cast<long long>(session_id)},
                                    {"reason", "its call's deadline passed"}});
      return;
    } catch (const sql::SQLException& e) {
      if (e.getErrorCode() == 1094) return;  // ER_NO_SUCH_THREAD: the session has ended
      session_.reset();                      // ours broke: one new session tries again
    }
  }
}

}  // namespace crm
