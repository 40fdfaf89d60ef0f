#include <gtest/gtest.h>

#include "clients/cli/project_fields.h"
#include "gmock/gmock.h"

namespace crm::cli {
namespace {

using ::testing::HasSubstr;

TEST(ProjectFieldsTest, StagesReadInChineseOrEnglishAndShowInChinese) {
  EXPECT_EQ(*ParseStage("签约"), v1::PROJECT_STAGE_SIGNED);
  EXPECT_EQ(*ParseStage("signed"), v1::PROJECT_STAGE_SIGNED);
  EXPECT_EQ(*ParseStage("PROJECT_STAGE_REGISTERED"), v1::PROJECT_STAGE_REGISTERED);
  EXPECT_EQ(*ParseStage("construction-started"), v1::PROJECT_STAGE_CONSTRUCTION_STARTED);
  EXPECT_EQ(*ParseStage("开工"), v1::PROJECT_STAGE_CONSTRUCTION_STARTED);
  EXPECT_EQ(*ParseStage(" In_Production "), v1::PROJECT_STAGE_IN_PRODUCTION);
  auto bad = ParseStage("竣工");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("\"竣工\" is not a stage (use 在谈/negotiating, 签约/signed"));
  EXPECT_EQ(StageLabel(v1::PROJECT_STAGE_NEGOTIATING), "在谈");
  EXPECT_EQ(StageLabel(v1::PROJECT_STAGE_LOST), "流失");
  EXPECT_EQ(StageLabel(v1::PROJECT_STAGE_UNSPECIFIED), "");
  EXPECT_EQ(StageLabel(static_cast<v1::ProjectStage>(42)), "42") << "a newer server's stage";
}

TEST(ProjectFieldsTest, TiersReadAsTheFlagDocumentsThem) {
  EXPECT_EQ(*ParseTier("10亿"), v1::INVESTMENT_TIER_1B);
  EXPECT_EQ(*ParseTier("20亿"), v1::INVESTMENT_TIER_2B);
  EXPECT_EQ(*ParseTier("50亿以上"), v1::INVESTMENT_TIER_5B);
  EXPECT_EQ(*ParseTier("below"), v1::INVESTMENT_TIER_BELOW_1B);
  EXPECT_EQ(*ParseTier("1B"), v1::INVESTMENT_TIER_1B);
  EXPECT_FALSE(ParseTier("30亿").ok());
  EXPECT_EQ(TierLabel(v1::INVESTMENT_TIER_BELOW_1B), "10亿以下");
  EXPECT_EQ(TierLabel(v1::INVESTMENT_TIER_2B), "20亿以上");
}

TEST(ProjectFieldsTest, FormsReasonsProblemsAndLevels) {
  EXPECT_EQ(*ParseForm("新设"), v1::INVESTMENT_FORM_NEW_ESTABLISHMENT);
  EXPECT_EQ(*ParseForm("增资"), v1::INVESTMENT_FORM_CAPITAL_INCREASE);
  EXPECT_EQ(*ParseForm("并购"), v1::INVESTMENT_FORM_MERGER_ACQUISITION);
  EXPECT_EQ(*ParseForm("technical_upgrade"), v1::INVESTMENT_FORM_TECHNICAL_UPGRADE);
  EXPECT_EQ(FormLabel(v1::INVESTMENT_FORM_TECHNICAL_UPGRADE), "技改");
  EXPECT_EQ(*ParseLostReason("competing_region"), v1::LOST_REASON_COMPETING_REGION);
  EXPECT_EQ(*ParseLostReason("资金"), v1::LOST_REASON_FINANCING);
  EXPECT_EQ(*ParseProblemType("审批"), v1::PROBLEM_TYPE_APPROVAL);
  EXPECT_EQ(*ParseProblemStatus("resolved"), v1::PROBLEM_STATUS_RESOLVED);
  EXPECT_EQ(*ParseEscalationLevel("管委会"), v1::ESCALATION_LEVEL_ZONE_LEADERSHIP);
  EXPECT_EQ(*ParseStall("注册未开工"), v1::STALL_KIND_REGISTERED_NOT_STARTED);
  EXPECT_EQ(StallLabel(v1::STALL_KIND_NONE), "") << "not stalled: an empty cell";
  EXPECT_EQ(MilestoneStatusLabel(v1::MILESTONE_STATUS_OVERDUE), "逾期");
}

TEST(ProjectFieldsTest, NamesAsTyped) {
  EXPECT_EQ(ProjectName("7"), "projects/7");
  EXPECT_EQ(ProjectName("projects/7"), "projects/7");
  EXPECT_EQ(MilestoneName("7/2"), "projects/7/milestones/2");
  EXPECT_EQ(ProblemName("7/1"), "projects/7/problems/1");
  EXPECT_EQ(ProblemName("projects/7/problems/1"), "projects/7/problems/1");
}

}  // namespace
}  // namespace crm::cli
