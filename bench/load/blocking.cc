#include "bench/load/blocking.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"

namespace crm::load {

absl::Status FromGrpc(const grpc::Status& status, absl::string_view what) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      absl::StrCat(what, ": ", status.error_message()));
}

absl::Status ParallelFor(int count, int threads, const std::function<absl::Status(int)>& call) {
  std::atomic<int> next{0};
  absl::Mutex mu;
  absl::Status first ABSL_GUARDED_BY(mu);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (int i = next++; i < count; i = next++) {
        absl::Status s = call(i);
        if (s.ok()) continue;
        absl::MutexLock lock(&mu);
        if (first.ok()) first = s;
        next = count;  // stop the others early
      }
    });
  }
  for (std::thread& w : workers) w.join();
  absl::MutexLock lock(&mu);
  return first;
}

}  // namespace crm::load
