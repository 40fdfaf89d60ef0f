#include "tests/support/test_seed.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace crm::testing {
namespace {

constexpr char kSeedVariable[] = "CRM_TEST_SEED";

uint32_t ChooseSeed(std::optional<uint32_t> fixed) {
  if (const char* text = std::getenv(kSeedVariable); text != nullptr && *text != '\0') {
    uint32_t seed = 0;
    if (!absl::SimpleAtoi(text, &seed)) {
      // A typo must not silently run another seed than the one asked for.
      std::fprintf(stderr, "%s=%s is not a number from 0 to 4294967295\n", kSeedVariable, text);
      std::abort();
    }
    return seed;
  }
  if (fixed) return *fixed;
  return std::random_device{}();
}

// "pipeline_rollup_test" or "unit_tests --gtest_filter=Suite.Name": what the
// rerun command names. ctest's test names are the program's name, except for
// the discovered unit tests, which are named Suite.Name.
std::string RerunTarget() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info == nullptr ? "" : absl::StrCat(info->test_suite_name(), ".", info->name());
  return absl::StrCat("ctest -R '", program_invocation_short_name, "|", name, "'");
}

}  // namespace

TestSeed::TestSeed(std::optional<uint32_t> fixed)
    : value_(ChooseSeed(fixed)),
      description_(absl::StrCat("seed ", value_, " (rerun with: ", kSeedVariable, "=", value_, " ",
                                RerunTarget(), ")")),
      trace_(__FILE__, __LINE__, description_) {
  std::printf("%s\n", description_.c_str());
  std::fflush(stdout);
}

}  // namespace crm::testing
