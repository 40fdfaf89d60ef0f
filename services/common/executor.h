#ifndef CRM_SERVICES_COMMON_EXECUTOR_H_
#define CRM_SERVICES_COMMON_EXECUTOR_H_

#include <atomic>
#include <cstddef>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace crm {

// A fixed set of worker threads with a bounded queue. gRPC callback handlers
// must not block, so they hand blocking (database) work to this executor; it is
// sized to the connection pool, so a worker never waits for a connection for
// long. It admits at most `threads` + `queue_capacity` tasks at a time
// (running, or waiting for a worker); beyond that TrySubmit refuses at once
// and the caller answers RESOURCE_EXHAUSTED instead of letting latency grow
// without bound.
class BoundedExecutor {
 public:
  BoundedExecutor(size_t threads, size_t queue_capacity);
  ~BoundedExecutor();  // Runs what is queued, then joins.

  BoundedExecutor(const BoundedExecutor&) = delete;
  BoundedExecutor& operator=(const BoundedExecutor&) = delete;

  // Queues `task`; false when the admission limit is reached or the executor
  // is stopping.
  bool TrySubmit(std::function<void()> task);

  // Tasks queued and not yet started.
  size_t queued() const;
  // Tasks admitted and not yet finished (running or queued).
  size_t admitted() const { return admitted_.load(); }

 private:
  void Work();

  // The admission limit, threads + queue capacity. Counting what is admitted
  // rather than what is queued: in a burst, tasks reach the queue faster than
  // idle workers take them, and a limit on the queue alone then refused calls
  // while workers were idle.
  const size_t limit_;
  std::atomic<size_t> admitted_{0};  // raised under mu_, lowered when a task ends
  mutable absl::Mutex mu_;
  std::deque<std::function<void()>> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> threads_;
};

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_EXECUTOR_H_
