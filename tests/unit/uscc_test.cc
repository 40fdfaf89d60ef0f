#include "services/common/uscc.h"

#include <gtest/gtest.h>

namespace crm {
namespace {

// Samples from the shared reference list (reference/uscc-samples.txt).
TEST(UsccTest, AcceptsValidCodes) {
  for (const char* code : {"91350200776049653A", "91440101MA5CJQ4N59", "91110000600001760P", "91350213678251743X"}) {
    EXPECT_EQ(UsccProblem(code), std::nullopt) << code;
  }
}

TEST(UsccTest, NamesTheExpectedCheckCharacter) {
  EXPECT_EQ(UsccProblem("91350200776049653B"), "check character should be 'A'");
  EXPECT_EQ(UsccProblem("91350203M0001QAY9B").has_value(), true);
}

TEST(UsccTest, RejectsWrongLength) {
  EXPECT_EQ(UsccProblem("9135020077604965"), "must be 18 characters, got 16");
  EXPECT_EQ(UsccProblem(""), "must be 18 characters, got 0");
}

TEST(UsccTest, RejectsCharactersOutsideTheAlphabet) {
  auto lower = UsccProblem("91350200776049653a");
  ASSERT_TRUE(lower.has_value());
  EXPECT_NE(lower->find("character 18 'a'"), std::string::npos) << *lower;
  auto letter_i = UsccProblem("913502007760I9653A");
  ASSERT_TRUE(letter_i.has_value());
  EXPECT_NE(letter_i->find("character 13 'I'"), std::string::npos) << *letter_i;
}

}  // namespace
}  // namespace crm
