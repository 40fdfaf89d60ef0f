#include "services/common/executor.h"

#include <gtest/gtest.h>

#include <atomic>

#include "absl/synchronization/notification.h"

namespace crm {
namespace {

TEST(BoundedExecutorTest, RunsEveryAcceptedTask) {
  std::atomic<int> ran{0};
  {
    BoundedExecutor executor(2, 100);
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(executor.TrySubmit([&] { ++ran; }));
  }  // the destructor drains the queue
  EXPECT_EQ(ran.load(), 100);
}

TEST(BoundedExecutorTest, RefusesWhenTheQueueIsFull) {
  absl::Notification release;
  absl::Notification started;
  BoundedExecutor executor(1, 2);
  ASSERT_TRUE(executor.TrySubmit([&] {
    started.Notify();
    release.WaitForNotification();
  }));
  started.WaitForNotification();  // the only worker is now busy
  EXPECT_TRUE(executor.TrySubmit([] {}));
  EXPECT_TRUE(executor.TrySubmit([] {}));
  EXPECT_FALSE(executor.TrySubmit([] {})) << "a third queued task exceeds capacity 2";
  EXPECT_EQ(executor.queued(), 2u);
  release.Notify();
}

}  // namespace
}  // namespace crm
