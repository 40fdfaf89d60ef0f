#include "base/uscc.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/field_violations.h"

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

// Found by the fuzz targets (tests/faults/fuzz): a full-width character was
// counted as three and quoted as its first byte, which made the message, and
// the google.rpc.BadRequest carrying it, invalid UTF-8 (the client could not
// parse the violations).
TEST(UsccTest, CountsAndQuotesCharactersNotBytes) {
  EXPECT_EQ(UsccProblem("\uff19" "1350200776049653A"),
            "character 1 '\uff19' is not one of 0-9 and A-Z without I, O, S, V, Z (full-width: type '9')");
  EXPECT_EQ(UsccProblem("9135020077604965\u957f" "A"),
            "character 17 '\u957f' is not one of 0-9 and A-Z without I, O, S, V, Z");
  EXPECT_EQ(UsccProblem("\u957f"), "must be 18 characters, got 1");
  EXPECT_EQ(UsccProblem("\xef" "1350200776049653A"),
            "character 1 byte 0xEF is not one of 0-9 and A-Z without I, O, S, V, Z");
  FieldViolations violations;
  violations.Add("lead.uscc", *UsccProblem("\uff19\uff11" "350200776049653A"));
  std::vector<FieldViolation> back = ViolationsOf(violations.ToStatus());
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].description, *UsccProblem("\uff19\uff11" "350200776049653A"));
}

}  // namespace
}  // namespace crm
