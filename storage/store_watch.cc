#include "storage/store_watch.h"

#include <cppconn/exception.h>

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/json_log.h"

namespace crm {

StoreWatch::StoreWatch(const StoreConfig& config, absl::Duration period, std::function<void(bool up)> on_change)
    : config_(config), period_(period), on_change_(std::move(on_change)) {
  // A ping must not take longer than the period it reports on.
  config_.connect_timeout = std::min(config_.connect_timeout, absl::Seconds(2));
  config_.read_timeout = config_.write_timeout = std::min(config_.read_timeout, absl::Seconds(2));
  thread_ = std::thread([this] { Run(); });
}

StoreWatch::~StoreWatch() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
}

bool StoreWatch::Ping() {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (session_ == nullptr) {
      absl::StatusOr<std::unique_ptr<Connection>> opened = ConnectionPool::Connect(config_);
      if (!opened.ok()) return false;
      session_ = *std::move(opened);
    }
    try {
      session_->Execute("DO 1");
      return true;
    } catch (const sql::SQLException&) {
      session_.reset();  // gone (killed, timed out, store restarted): one new session decides
    }
  }
  return false;
}

void StoreWatch::Run() {
  bool up = true;
  absl::MutexLock lock(&mu_);
  while (!mu_.AwaitWithTimeout(absl::Condition(&stopping_), period_)) {
    mu_.Unlock();  // no lock across the round trip: the destructor must not wait on it
    bool now_up = Ping();
    if (now_up != up) {
      up = now_up;
      LogJson(up ? "store_up" : "store_down",
              {{"store", absl::StrCat(config_.host, ":", config_.port, "/", config_.database)}});
      on_change_(up);
    }
    mu_.Lock();
  }
}

}  // namespace crm
