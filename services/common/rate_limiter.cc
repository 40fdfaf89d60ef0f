#include "services/common/rate_limiter.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"

namespace crm {

RateLimiter::RateLimiter(double rate_per_second, double burst, std::function<absl::Time()> clock)
    : rate_(rate_per_second), burst_(std::max(1.0, burst)), clock_(std::move(clock)) {}

absl::Status RateLimiter::Admit(const std::string& principal_id) {
  absl::Time now = clock_();
  double wait_seconds;
  {
    absl::MutexLock lock(&mu_);
    auto [it, fresh] = buckets_.try_emplace(principal_id, Bucket{burst_, now});
    Bucket& b = it->second;
    b.tokens = std::min(burst_, b.tokens + absl::ToDoubleSeconds(now - b.last) * rate_);
    b.last = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return absl::OkStatus();
    }
    wait_seconds = (1 - b.tokens) / rate_;
  }
  int64_t wait_ms = static_cast<int64_t>(std::ceil(wait_seconds * 1000));
  absl::Status status = absl::ResourceExhaustedError(
      absl::StrCat("too many calls from users/", principal_id, " (", rate_, "/s allowed); retry in ", wait_ms, " ms"));
  google::rpc::RetryInfo retry;
  retry.mutable_retry_delay()->set_seconds(wait_ms / 1000);
  retry.mutable_retry_delay()->set_nanos(static_cast<int32_t>(wait_ms % 1000) * 1'000'000);
  status.SetPayload("type.googleapis.com/google.rpc.RetryInfo", absl::Cord(retry.SerializeAsString()));
  return status;
}

}  // namespace crm
