#ifndef CRM_TESTS_SUPPORT_TEST_SEED_H_
#define CRM_TESTS_SUPPORT_TEST_SEED_H_

// The seed of a randomised test. Every randomised test takes its seed from
// here, so that any run can be repeated:
//
//   CRM_TEST_SEED=3352811547 ctest -R pipeline_rollup_test
//
// The environment variable wins when set; otherwise the test's own default (a
// fixed number for tests whose inputs should not change from run to run, or a
// fresh random one). The seed is printed when the test starts, and every
// failure on the constructing thread names it with the command that reruns it.
// (gtest's traces are per thread: a failure on another thread is not tagged,
// which is why the seed is also printed up front.)

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

namespace crm::testing {

class TestSeed {
 public:
  // `fixed`: the seed when CRM_TEST_SEED is not set; without it, a random one.
  explicit TestSeed(std::optional<uint32_t> fixed = std::nullopt);

  uint32_t value() const { return value_; }

  // "seed N (rerun with: CRM_TEST_SEED=N ...)", as printed and traced.
  const std::string& description() const { return description_; }

 private:
  uint32_t value_;
  std::string description_;
  ::testing::ScopedTrace trace_;
};

}  // namespace crm::testing

#endif  // CRM_TESTS_SUPPORT_TEST_SEED_H_
