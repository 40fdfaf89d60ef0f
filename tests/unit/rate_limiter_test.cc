#include "services/common/rate_limiter.h"

#include <gtest/gtest.h>

#include "google/rpc/error_details.pb.h"

namespace crm {
namespace {

TEST(RateLimiterTest, AllowsABurstThenTheRateAndSaysWhenToRetry) {
  absl::Time now = absl::FromUnixSeconds(1'800'000'000);
  RateLimiter limiter(/*rate_per_second=*/10, /*burst=*/3, [&] { return now; });
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Admit("alice").ok()) << i;
  absl::Status refused = limiter.Admit("alice");
  EXPECT_EQ(refused.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(refused.message().find("retry in 100 ms"), std::string::npos) << refused;
  auto payload = refused.GetPayload("type.googleapis.com/google.rpc.RetryInfo");
  ASSERT_TRUE(payload.has_value());
  google::rpc::RetryInfo retry;
  ASSERT_TRUE(retry.ParseFromString(std::string(*payload)));
  EXPECT_EQ(retry.retry_delay().nanos(), 100'000'000);

  EXPECT_TRUE(limiter.Admit("bob").ok()) << "each principal has its own bucket";
  now += absl::Milliseconds(100);
  EXPECT_TRUE(limiter.Admit("alice").ok()) << "one token back after 1/rate";
  EXPECT_FALSE(limiter.Admit("alice").ok());
  now += absl::Hours(1);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Admit("alice").ok()) << "refilled only up to the burst";
  EXPECT_FALSE(limiter.Admit("alice").ok());
}

}  // namespace
}  // namespace crm
