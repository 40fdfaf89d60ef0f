#ifndef CRM_STORAGE_STATEMENT_WATCHDOG_H_
#define CRM_STORAGE_STATEMENT_WATCHDOG_H_

#include <cstdint>
#include <memory>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "storage/store_config.h"

namespace crm {

class Connection;

// Stops statements that outlive their call. A statement blocked inside the
// store (a table lock, FLUSH TABLES WITH READ LOCK, a stalled disk) would hold
// its worker thread until the store lets go, long after the caller has given
// up, and the executor's queue would fill behind it. The watchdog keeps the
// deadline of each watched lease and, once it passes, sends
// `KILL QUERY <session id>` on a session of its own (an account may stop its
// own sessions' statements), marking the connection overdue() first.
//
// Watching costs no round trip: Watch and Unwatch only touch a map. The
// watchdog's session is opened on its first KILL.
class StatementWatchdog {
 public:
  explicit StatementWatchdog(const StoreConfig& config);
  ~StatementWatchdog();  // stops the thread

  StatementWatchdog(const StatementWatchdog&) = delete;
  StatementWatchdog& operator=(const StatementWatchdog&) = delete;

  // Watches `conn` until Unwatch: what it runs after `deadline` is stopped.
  void Watch(Connection* conn, absl::Time deadline);
  // Stops watching `conn`, first waiting for a KILL in flight for it to
  // finish, so that no KILL can reach the session's next user.
  void Unwatch(Connection* conn);

 private:
  void Run();
  void Kill(uint64_t session_id);

  StoreConfig config_;
  std::unique_ptr<Connection> session_;  // the watchdog thread's only
  absl::Mutex mu_;
  absl::CondVar wake_;    // a new earliest deadline, or stopping
  absl::CondVar killed_;  // a KILL finished
  absl::flat_hash_map<Connection*, absl::Time> watched_ ABSL_GUARDED_BY(mu_);
  absl::Time next_check_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();  // when the thread wakes next
  Connection* killing_ ABSL_GUARDED_BY(mu_) = nullptr;
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace crm

#endif  // CRM_STORAGE_STATEMENT_WATCHDOG_H_
