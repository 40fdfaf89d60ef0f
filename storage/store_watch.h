#ifndef CRM_STORAGE_STORE_WATCH_H_
#define CRM_STORAGE_STORE_WATCH_H_

#include <functional>
#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "storage/connection_pool.h"
#include "storage/store_config.h"

namespace crm {

// Watches whether the store answers, for health checks: every `period` it
// pings the store on a session of its own (not one of the pool's, so a busy
// pool is not mistaken for a lost store), and when a ping fails it opens a new
// session at once, so only a store that cannot be reached counts as down (a
// single killed session does not). `on_change(up)` runs on the watcher's
// thread whenever the answer changes; the store counts as up at the start.
class StoreWatch {
 public:
  StoreWatch(const StoreConfig& config, absl::Duration period, std::function<void(bool up)> on_change);
  ~StoreWatch();  // stops the thread

  StoreWatch(const StoreWatch&) = delete;
  StoreWatch& operator=(const StoreWatch&) = delete;

 private:
  void Run();
  bool Ping();

  StoreConfig config_;
  const absl::Duration period_;
  const std::function<void(bool)> on_change_;
  std::unique_ptr<Connection> session_;  // the watcher thread's only
  absl::Mutex mu_;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace crm

#endif  // CRM_STORAGE_STORE_WATCH_H_
