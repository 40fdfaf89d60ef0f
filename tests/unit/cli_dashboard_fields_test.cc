#include <gtest/gtest.h>

#include "clients/cli/dashboard_fields.h"
#include "gmock/gmock.h"

namespace crm::cli {
namespace {

using ::testing::HasSubstr;

v1::PledgeProgress Progress(v1::PledgeMetric metric, int64_t achieved, int64_t target) {
  v1::PledgeProgress p;
  p.set_metric(metric);
  p.set_achieved(achieved);
  p.set_target(target);
  if (target > 0) p.set_completion(static_cast<double>(achieved) / static_cast<double>(target));
  return p;
}

TEST(DashboardFieldsTest, AlertKindsReadAsTheFlagDocumentsThem) {
  EXPECT_EQ(*ParseAlertKind("stalled"), v1::ALERT_KIND_STALLED_PROJECT);
  EXPECT_EQ(*ParseAlertKind("项目停滞"), v1::ALERT_KIND_STALLED_PROJECT);
  EXPECT_EQ(*ParseAlertKind("三未"), v1::ALERT_KIND_STALLED_PROJECT);
  EXPECT_EQ(*ParseAlertKind("milestone"), v1::ALERT_KIND_OVERDUE_MILESTONE);
  EXPECT_EQ(*ParseAlertKind("Overdue-Milestone"), v1::ALERT_KIND_OVERDUE_MILESTONE);
  EXPECT_EQ(*ParseAlertKind("request"), v1::ALERT_KIND_OVERDUE_SERVICE_REQUEST);
  EXPECT_EQ(*ParseAlertKind("ALERT_KIND_OVERDUE_SERVICE_REQUEST"), v1::ALERT_KIND_OVERDUE_SERVICE_REQUEST);
  auto bad = ParseAlertKind("超期");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(),
              HasSubstr("\"超期\" is not an alert kind (use 项目停滞/stalled_project, 节点逾期/overdue_milestone, "
                        "服务逾期/overdue_service_request)"));
  EXPECT_FALSE(ParseAlertKind("").ok());
}

TEST(DashboardFieldsTest, LabelsInChinese) {
  EXPECT_EQ(AlertKindLabel(v1::ALERT_KIND_OVERDUE_MILESTONE), "节点逾期");
  EXPECT_EQ(AlertKindLabel(v1::ALERT_KIND_UNSPECIFIED), "");
  EXPECT_EQ(PaceLabel(v1::PACE_AHEAD), "领先");
  EXPECT_EQ(PaceLabel(v1::PACE_BEHIND), "落后");
  EXPECT_EQ(PaceLabel(v1::PACE_NO_TARGET), "无责任状");
  EXPECT_EQ(PledgeMetricLabel(v1::PLEDGE_METRIC_SIGNED_PROJECTS_2B), "20亿以上");
  EXPECT_EQ(PledgeMetricLabel(v1::PLEDGE_METRIC_CAPITAL_ARRIVED), "到资");
  EXPECT_EQ(PledgeMetricLabel(static_cast<v1::PledgeMetric>(42)), "42") << "a newer server's metric";
  EXPECT_TRUE(IsMoneyMetric(v1::PLEDGE_METRIC_SIGNED_INVESTMENT));
  EXPECT_TRUE(IsMoneyMetric(v1::PLEDGE_METRIC_CAPITAL_ARRIVED));
  EXPECT_FALSE(IsMoneyMetric(v1::PLEDGE_METRIC_SIGNED_PROJECTS_5B));
}

TEST(DashboardFieldsTest, PercentagesHaveOneDecimal) {
  EXPECT_EQ(FormatPercent(0.4), "40.0%");
  EXPECT_EQ(FormatPercent(2.5 / 3), "83.3%");
  EXPECT_EQ(FormatPercent(0), "0.0%");
  EXPECT_EQ(FormatPercent(1.25), "125.0%") << "over-achievement is shown as it is";
}

TEST(DashboardFieldsTest, PledgeCellsShowAchievedOverTargetWithCompletion) {
  EXPECT_EQ(PledgeCell(Progress(v1::PLEDGE_METRIC_SIGNED_PROJECTS, 2, 4)), "2/4 (50.0%)");
  EXPECT_EQ(PledgeCell(Progress(v1::PLEDGE_METRIC_SIGNED_INVESTMENT, 10'000'000'000, 12'000'000'000)),
            "100/120 (83.3%)")
      << "money in 亿元, the unit in the header";
  EXPECT_EQ(PledgeCell(Progress(v1::PLEDGE_METRIC_CAPITAL_ARRIVED, 50'000'000, 3'000'000'000)), "0.5/30 (1.7%)");
  EXPECT_EQ(PledgeCell(Progress(v1::PLEDGE_METRIC_CONSTRUCTION_STARTS, 3, 0)), "3") << "no target: what was achieved";
  EXPECT_EQ(PledgeCell(Progress(v1::PLEDGE_METRIC_SIGNED_INVESTMENT, 2'500'000'000, 0)), "25");
}

TEST(DashboardFieldsTest, StageTierCellsShowCountAndYi) {
  EXPECT_EQ(CountAndYi(1, 300'000'000), "1 / 3");
  EXPECT_EQ(CountAndYi(2, 7'250'000'000), "2 / 72.5");
  EXPECT_EQ(CountAndYi(1, 50'000'000), "1 / 0.5");
  EXPECT_EQ(CountAndYi(0, 0), "0");
  EXPECT_EQ(CountAndYi(1, 0), "1 / 0") << "a project without a planned amount still counts";
}

}  // namespace
}  // namespace crm::cli
