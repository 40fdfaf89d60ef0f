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

// The admission limit counts running and waiting tasks alike, so it holds
// however far the workers got: here tasks come faster than they start.
// (End to end, with crm-server refusing the excess: tests/faults/overload_test.cc.)
TEST(BoundedExecutorTest, AdmitsThreadsPlusQueueCapacityTasksAtOnce) {
  absl::Notification release;
  BoundedExecutor executor(2, 3);
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(executor.TrySubmit([&] { release.WaitForNotification(); })) << "task " << i;
  }
  EXPECT_FALSE(executor.TrySubmit([] {})) << "a sixth task exceeds 2 workers + 3 waiting";
  EXPECT_EQ(executor.admitted(), 5u);
  release.Notify();
}

}  // namespace
}  // namespace crm
