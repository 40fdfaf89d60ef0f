#ifndef CRM_SERVICES_COMMON_RATE_LIMITER_H_
#define CRM_SERVICES_COMMON_RATE_LIMITER_H_

#include <functional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace crm {

// A token bucket per principal: on average `rate_per_second` calls, in bursts
// of up to `burst`. One principal's flood does not use up the server for
// everyone else (OWASP API4). In memory, per server process.
class RateLimiter {
 public:
  RateLimiter(double rate_per_second, double burst, std::function<absl::Time()> clock = [] { return absl::Now(); });

  // OK and one token taken, or RESOURCE_EXHAUSTED saying when a token will be
  // there (also as a google.rpc.RetryInfo payload).
  absl::Status Admit(const std::string& principal_id);

 private:
  struct Bucket {
    double tokens;
    absl::Time last;
  };

  const double rate_;
  const double burst_;
  const std::function<absl::Time()> clock_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_RATE_LIMITER_H_
