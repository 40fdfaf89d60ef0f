#include "services/dashboard/dashboard_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "absl/strings/str_cat.h"
#include "base/escalation.h"
#include "services/projects/project_rules.h"
#include "tests/support/test_seed.h"

namespace crm {
namespace {

Principal Person(v1::Role role, const std::string& unit) {
  Principal p;
  p.user_id = "u";
  p.unit_id = unit;
  p.role = role;
  return p;
}

TEST(DashboardUnitTest, LeadershipChoosesAndUnitRolesSeeTheirOwn) {
  EXPECT_EQ(*DashboardUnit(Person(v1::ROLE_LEADERSHIP, "hq"), ""), "");
  EXPECT_EQ(*DashboardUnit(Person(v1::ROLE_LEADERSHIP, "hq"), "units/east"), "units/east");
  EXPECT_EQ(*DashboardUnit(Person(v1::ROLE_UNIT_LEAD, "east"), ""), "units/east");
  EXPECT_EQ(*DashboardUnit(Person(v1::ROLE_STAFF, "east"), "units/east"), "units/east");
  absl::StatusOr<std::string> other = DashboardUnit(Person(v1::ROLE_UNIT_LEAD, "east"), "units/west");
  EXPECT_EQ(other.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_NE(other.status().message().find("units/east"), std::string::npos) << other.status();
}

TEST(SummarizeStagesTest, WeighsOpenStagesByTheirProbability) {
  v1::ProjectPolicy policy = *ParseProjectPolicy(DefaultProjectPolicyText());
  v1::PipelineSummary s;
  auto add = [&](v1::ProjectStage stage, v1::InvestmentTier tier, int64_t n, int64_t planned) {
    v1::PipelineCell* c = s.add_cells();
    c->set_stage(stage);
    c->set_tier(tier);
    c->set_project_count(n);
    c->set_planned_investment_cny(planned);
  };
  add(v1::PROJECT_STAGE_NEGOTIATING, v1::INVESTMENT_TIER_BELOW_1B, 2, 1'000'000'000);
  add(v1::PROJECT_STAGE_NEGOTIATING, v1::INVESTMENT_TIER_5B, 1, 6'000'000'000);
  add(v1::PROJECT_STAGE_SIGNED, v1::INVESTMENT_TIER_1B, 1, 1'500'000'000);
  add(v1::PROJECT_STAGE_IN_PRODUCTION, v1::INVESTMENT_TIER_2B, 4, 9'000'000'000);
  add(v1::PROJECT_STAGE_LOST, v1::INVESTMENT_TIER_1B, 1, 1'000'000'000);
  SummarizeStages(policy, s);
  ASSERT_EQ(s.stages_size(), 6);
  EXPECT_EQ(s.stages(0).project_count(), 3);
  EXPECT_EQ(s.stages(0).planned_investment_cny(), 7'000'000'000);
  EXPECT_DOUBLE_EQ(s.stages(0).probability(), 0.2);  // the shipped policy's negotiating probability
  EXPECT_EQ(s.stages(0).weighted_investment_cny(), 1'400'000'000);
  EXPECT_EQ(s.stages(1).weighted_investment_cny(), 750'000'000);
  EXPECT_FALSE(s.stages(4).has_probability());  // IN_PRODUCTION is landed, not weighted
  EXPECT_EQ(s.open_project_count(), 4);
  EXPECT_EQ(s.open_planned_investment_cny(), 8'500'000'000);
  EXPECT_EQ(s.weighted_pipeline_cny(), 2'150'000'000);
}

TEST(ConversionsTest, RatesOfEachCohortAndNoneWithoutEntries) {
  auto c = Conversions({10, 4, 0, 2, 1}, {4, 1, 0, 1});
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].from_stage(), v1::PROJECT_STAGE_NEGOTIATING);
  EXPECT_EQ(c[0].to_stage(), v1::PROJECT_STAGE_SIGNED);
  EXPECT_DOUBLE_EQ(c[0].rate(), 0.4);
  EXPECT_DOUBLE_EQ(c[1].rate(), 0.25);
  EXPECT_FALSE(c[2].has_rate());
  EXPECT_DOUBLE_EQ(c[3].rate(), 0.5);
}

TEST(TopLostReasonsTest, MostFirstAndZerosLeftOut) {
  auto r = TopLostReasons({1, 0, 3, 0, 0, 3});
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].reason(), v1::LOST_REASON_LAND);
  EXPECT_EQ(r[1].reason(), v1::LOST_REASON_OTHER);
  EXPECT_EQ(r[2].reason(), v1::LOST_REASON_COMPETING_REGION);
}

TEST(YearElapsedTest, CountsTodayAndClampsOutsideTheYear) {
  EXPECT_DOUBLE_EQ(YearElapsed(2026, absl::CivilDay(2025, 12, 31)), 0);
  EXPECT_DOUBLE_EQ(YearElapsed(2026, absl::CivilDay(2026, 1, 1)), 1.0 / 365);
  EXPECT_DOUBLE_EQ(YearElapsed(2026, absl::CivilDay(2026, 12, 31)), 1);
  EXPECT_DOUBLE_EQ(YearElapsed(2024, absl::CivilDay(2024, 12, 31)), 1);  // a leap year has 366 days
  EXPECT_DOUBLE_EQ(YearElapsed(2026, absl::CivilDay(2027, 3, 1)), 1);
}

v1::UnitScore Unit(const std::string& id, std::vector<std::pair<int64_t, int64_t>> achieved_target) {
  v1::UnitScore u;
  u.set_unit(absl::StrCat("units/", id));
  for (auto [a, t] : achieved_target) {
    v1::PledgeProgress* m = u.add_metrics();
    m->set_achieved(a);
    m->set_target(t);
  }
  return u;
}

TEST(ScoreUnitsTest, RanksByCappedMeanCompletionWithPaceAndUnpledgedLast) {
  std::vector<v1::UnitScore> units = {
      Unit("a", {{5, 10}, {0, 0}}),    // 50 %
      Unit("b", {{30, 10}, {0, 10}}),  // 300 % capped to 100 % and 0 %: 50 %
      Unit("c", {{0, 0}, {7, 0}}),     // no pledge
      Unit("d", {{8, 10}, {9, 10}}),   // 85 %
  };
  ScoreUnits(0.6, units);
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[0].unit(), "units/d");
  EXPECT_EQ(units[0].rank(), 1);
  EXPECT_DOUBLE_EQ(units[0].overall_completion(), 0.85);
  EXPECT_EQ(units[0].pace(), v1::PACE_AHEAD);
  EXPECT_EQ(units[1].unit(), "units/a");  // a and b tie at 50 %: same rank, by name
  EXPECT_EQ(units[2].unit(), "units/b");
  EXPECT_EQ(units[1].rank(), 2);
  EXPECT_EQ(units[2].rank(), 2);
  EXPECT_EQ(units[2].pace(), v1::PACE_BEHIND);
  EXPECT_DOUBLE_EQ(units[2].metrics(0).completion(), 3.0);  // the metric itself is not capped
  EXPECT_EQ(units[1].metrics(1).pace(), v1::PACE_NO_TARGET);
  EXPECT_FALSE(units[1].metrics(1).has_completion());
  EXPECT_EQ(units[3].unit(), "units/c");
  EXPECT_FALSE(units[3].has_target());
  EXPECT_EQ(units[3].rank(), 0);
  EXPECT_EQ(units[3].pace(), v1::PACE_NO_TARGET);
}

// Whatever page boundary a cursor falls on, the bound each source gets keeps
// exactly the alerts that sort after the cursor: checked against a brute-force
// sort of random alerts of all kinds with their own colour bands.
TEST(AlertPagingTest, BoundsKeepExactlyTheAlertsAfterAnyCursor) {
  const std::map<v1::AlertKind, ColorBands> bands = {{v1::ALERT_KIND_STALLED_PROJECT, {30, 90}},
                                                     {v1::ALERT_KIND_OVERDUE_MILESTONE, {30, 90}},
                                                     {v1::ALERT_KIND_OVERDUE_SERVICE_REQUEST, {3, 7}}};
  const testing::TestSeed seed(7);
  std::mt19937 rng(seed.value());
  std::vector<v1::Alert> alerts;
  for (int i = 0; i < 400; ++i) {
    v1::Alert a;
    a.set_kind(static_cast<v1::AlertKind>(1 + rng() % 3));
    a.set_days_overdue(static_cast<int>(rng() % 120));
    a.set_subject(absl::StrCat("things/", 1 + rng() % 60));  // ids repeat across kinds, days repeat
    const ColorBands& b = bands.at(a.kind());
    a.set_color(EscalationColorOf(a.days_overdue(), b.yellow_after_days, b.red_after_days));
    alerts.push_back(a);
  }
  std::sort(alerts.begin(), alerts.end(), &MoreSevere);
  for (size_t i = 0; i < alerts.size(); ++i) {
    const AlertCursor cursor = CursorOf(alerts[i]);
    for (const auto& [kind, b] : bands) {
      const DaysBound bound = BoundAfter(cursor, kind, b);
      for (size_t j = 0; j < alerts.size(); ++j) {
        const v1::Alert& a = alerts[j];
        if (a.kind() != kind) continue;
        const AlertCursor c = CursorOf(a);
        const bool kept = a.days_overdue() < bound.days || (a.days_overdue() == bound.days && c.id > bound.id_after);
        const bool after = MoreSevere(alerts[i], a);
        ASSERT_EQ(kept, after) << "cursor at " << i << " (" << alerts[i].ShortDebugString() << "), alert "
                               << a.ShortDebugString();
      }
    }
  }
}

}  // namespace
}  // namespace crm
