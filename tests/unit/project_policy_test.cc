#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/projects/project_rules.h"

namespace crm {
namespace {

TEST(ProjectPolicyTest, ShippedDefaultParsesWithTheDocumentedValues) {
  auto policy = ParseProjectPolicy(DefaultProjectPolicyText());
  ASSERT_TRUE(policy.ok()) << policy.status();
  ASSERT_EQ(policy->stage_probabilities_size(), 4);
  const std::vector<std::pair<v1::ProjectStage, double>> expected_probabilities = {
      {v1::PROJECT_STAGE_NEGOTIATING, 0.2},
      {v1::PROJECT_STAGE_SIGNED, 0.5},
      {v1::PROJECT_STAGE_REGISTERED, 0.7},
      {v1::PROJECT_STAGE_CONSTRUCTION_STARTED, 0.9}};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(policy->stage_probabilities(i).stage(), expected_probabilities[i].first);
    EXPECT_DOUBLE_EQ(policy->stage_probabilities(i).probability(), expected_probabilities[i].second);
  }
  EXPECT_EQ(policy->signed_not_registered_days(), 90);
  EXPECT_EQ(policy->registered_not_started_days(), 180);
  EXPECT_EQ(policy->started_not_in_production_days(), 540);
  EXPECT_EQ(policy->milestone_due_soon_days(), 14);
  EXPECT_EQ(policy->yellow_after_days(), 3);
  EXPECT_EQ(policy->red_after_days(), 7);
  std::vector<std::pair<std::string, int>> tmpl;
  for (const auto& t : policy->milestone_template()) tmpl.emplace_back(t.title(), t.days_after_signing());
  const std::vector<std::pair<std::string, int>> expected_template = {
      {"完成工商注册", 30}, {"取得项目用地", 90}, {"取得施工许可", 150}, {"开工建设", 180}, {"竣工投产", 540}};
  EXPECT_EQ(tmpl, expected_template);
}

// The parts of a small valid policy, to break one at a time.
constexpr absl::string_view kNegotiating = "stage_probabilities { stage: PROJECT_STAGE_NEGOTIATING probability: 0.2 }\n";
constexpr absl::string_view kSigned = "stage_probabilities { stage: PROJECT_STAGE_SIGNED probability: 0.5 }\n";
constexpr absl::string_view kRegistered = "stage_probabilities { stage: PROJECT_STAGE_REGISTERED probability: 0.7 }\n";
constexpr absl::string_view kStarted =
    "stage_probabilities { stage: PROJECT_STAGE_CONSTRUCTION_STARTED probability: 0.9 }\n";
constexpr absl::string_view kStall =
    "signed_not_registered_days: 90 registered_not_started_days: 180 started_not_in_production_days: 540\n";
constexpr absl::string_view kAlerts = "milestone_due_soon_days: 14 yellow_after_days: 3 red_after_days: 7\n";
constexpr absl::string_view kTemplate = "milestone_template { title: \"开工建设\" days_after_signing: 180 }\n";

std::string Valid() { return absl::StrCat(kNegotiating, kSigned, kRegistered, kStarted, kStall, kAlerts, kTemplate); }

std::string PolicyError(absl::string_view text) {
  auto policy = ParseProjectPolicy(text);
  EXPECT_FALSE(policy.ok()) << text;
  if (policy.ok()) return "";
  EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(policy.status().message());
}

TEST(ProjectPolicyTest, SmallPolicyIsValid) {
  auto policy = ParseProjectPolicy(Valid());
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_EQ(policy->milestone_template_size(), 1);
  // No template at all is fine too, and so are the extreme probabilities.
  EXPECT_TRUE(ParseProjectPolicy(absl::StrCat(
                                     "stage_probabilities { stage: PROJECT_STAGE_NEGOTIATING probability: 0 }\n",
                                     kSigned, kRegistered,
                                     "stage_probabilities { stage: PROJECT_STAGE_CONSTRUCTION_STARTED probability: 1 }\n",
                                     kStall, kAlerts))
                  .ok());
}

TEST(ProjectPolicyTest, SyntaxErrorsSayWhere) {
  std::string error = PolicyError(absl::StrCat(kNegotiating, "signed_not_registered_days: ninety\n"));
  EXPECT_EQ(error.rfind("project policy: line 2, column ", 0), 0u) << error;
  std::string unknown = PolicyError(absl::StrCat(kNegotiating, "\n\nescalate_after_days: 3\n"));
  EXPECT_EQ(unknown.rfind("project policy: line 4, column ", 0), 0u) << unknown;
  EXPECT_NE(unknown.find("escalate_after_days"), std::string::npos) << unknown;
}

TEST(ProjectPolicyTest, EveryOpenStageNeedsOneProbability) {
  EXPECT_EQ(PolicyError(absl::StrCat(kNegotiating, kSigned, kStarted, kStall, kAlerts)),
            "project policy: stage_probabilities: no probability for REGISTERED");
  EXPECT_EQ(PolicyError(absl::StrCat(kNegotiating, kSigned, kRegistered, kStarted, kSigned, kStall, kAlerts)),
            "project policy: stage_probabilities[4].stage: SIGNED has a probability already (stage_probabilities[1])");
  EXPECT_EQ(PolicyError(absl::StrCat(Valid(), "stage_probabilities { stage: PROJECT_STAGE_LOST probability: 0 }")),
            "project policy: stage_probabilities[4].stage: LOST is not an open stage (NEGOTIATING, SIGNED, "
            "REGISTERED or CONSTRUCTION_STARTED)");
  EXPECT_EQ(PolicyError(absl::StrCat(Valid(), "stage_probabilities { probability: 0.1 }")),
            "project policy: stage_probabilities[4].stage: is required");
}

TEST(ProjectPolicyTest, ProbabilitiesAreBetweenZeroAndOne) {
  EXPECT_EQ(PolicyError(absl::StrCat(kNegotiating, kSigned,
                                     "stage_probabilities { stage: PROJECT_STAGE_REGISTERED probability: 1.5 }\n",
                                     kStarted, kStall, kAlerts)),
            "project policy: stage_probabilities[2].probability: must be between 0 and 1, got 1.5");
  EXPECT_NE(PolicyError(absl::StrCat("stage_probabilities { stage: PROJECT_STAGE_NEGOTIATING probability: -0.1 }\n",
                                     kSigned, kRegistered, kStarted, kStall, kAlerts))
                .find("stage_probabilities[0].probability: must be between 0 and 1, got -0.1"),
            std::string::npos);
  EXPECT_NE(PolicyError(absl::StrCat("stage_probabilities { stage: PROJECT_STAGE_NEGOTIATING probability: nan }\n",
                                     kSigned, kRegistered, kStarted, kStall, kAlerts))
                .find("stage_probabilities[0].probability: must be between 0 and 1"),
            std::string::npos);
}

TEST(ProjectPolicyTest, YellowBeforeRed) {
  const std::string base = absl::StrCat(kNegotiating, kSigned, kRegistered, kStarted, kStall,
                                        "milestone_due_soon_days: 14\n");
  EXPECT_EQ(PolicyError(absl::StrCat(base, "yellow_after_days: 7 red_after_days: 7")),
            "project policy: yellow_after_days (7) must be less than red_after_days (7)");
  EXPECT_NE(PolicyError(absl::StrCat(base, "yellow_after_days: 8 red_after_days: 7")).find("must be less than"),
            std::string::npos);
  EXPECT_EQ(PolicyError(absl::StrCat(base, "yellow_after_days: -1 red_after_days: 7")),
            "project policy: yellow_after_days: must be at least 0, got -1");
  // Yellow from the first overdue day is allowed.
  EXPECT_TRUE(ParseProjectPolicy(absl::StrCat(base, "red_after_days: 1")).ok());
}

TEST(ProjectPolicyTest, ThresholdsDueSoonAndTemplateAreChecked) {
  std::string error = PolicyError(absl::StrCat(kNegotiating, kSigned, kRegistered, kStarted,
                                               "milestone_due_soon_days: -1 yellow_after_days: 3 red_after_days: 7\n",
                                               "milestone_template { days_after_signing: 30 }\n",
                                               "milestone_template { title: \"开工\" days_after_signing: -1 }\n"));
  for (const char* part : {"signed_not_registered_days: must be at least 1, got 0",
                           "registered_not_started_days: must be at least 1, got 0",
                           "started_not_in_production_days: must be at least 1, got 0",
                           "milestone_due_soon_days: must be at least 0, got -1",
                           "milestone_template[0].title: is required",
                           "milestone_template[1].days_after_signing: must be at least 0, got -1"}) {
    EXPECT_NE(error.find(part), std::string::npos) << part << "\n in: " << error;
  }
  // A due-soon window of 0 (the planned day only) is allowed.
  EXPECT_TRUE(ParseProjectPolicy(absl::StrCat(kNegotiating, kSigned, kRegistered, kStarted, kStall,
                                              "yellow_after_days: 3 red_after_days: 7"))
                  .ok());
}

}  // namespace
}  // namespace crm
