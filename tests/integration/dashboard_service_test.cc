// The real DashboardService over real gRPC and MariaDB: the figures it shows
// against the projects, enterprises and requests that make them, whose
// figures each caller sees, the alert list's order and paging, and bad input.

#include <gmock/gmock.h>

#include "absl/time/civil_time.h"
#include "base/calendar.h"
#include "tests/integration/service_fixture.h"

namespace crm {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::kToken;
using v1::Project;

class DashboardServiceTest : public testing::ServiceFixture {
 protected:
  void SetUp() override {
    ServiceFixture::SetUp();
    MakeUnit("east");
    MakeUnit("west");
    lead_east_ = MakeUser("lead-east", "units/east", v1::ROLE_UNIT_LEAD);
    staff_west_ = MakeUser("staff-west", "units/west", v1::ROLE_STAFF);
    boss_ = MakeUser("boss", "units/east", v1::ROLE_LEADERSHIP);
    year_ = static_cast<int>(today_.year());
  }

  v1::DashboardService::Stub& dashboard() { return server_.dashboard(); }

  v1::PipelineSummary Summary(v1::GetPipelineSummaryRequest req, const std::string& token = kToken,
                              grpc::Status* status = nullptr) {
    v1::PipelineSummary out;
    grpc::Status s = dashboard().GetPipelineSummary(Ctx(token).get(), req, &out);
    if (status) *status = s; else EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  static const v1::PipelineCell& Cell(const v1::PipelineSummary& s, v1::ProjectStage stage, v1::InvestmentTier tier) {
    for (const v1::PipelineCell& c : s.cells()) {
      if (c.stage() == stage && c.tier() == tier) return c;
    }
    static const v1::PipelineCell kNone;
    return kNone;
  }

  // Ages a project's stage by `days` (as if it had been signed that long ago).
  void AgeStage(const Project& p, int days) {
    server_.db().Execute(absl::StrCat("UPDATE projects SET stage_date = '", IsoDay(today_ - days),
                                      "' WHERE id = ", p.name().substr(p.name().rfind('/') + 1)));
  }

  absl::CivilDay today_ = ZoneDay(absl::Now());
  int year_ = 0;
  std::string lead_east_, staff_west_, boss_;
};

TEST_F(DashboardServiceTest, PipelineSummaryCountsStagesTiersConversionsAndLosses) {
  NewUnitProject("units/east", 300'000'000);  // negotiating, below 10亿
  Project big = NewUnitProject("units/east", 6'000'000'000);  // 50亿 tier
  AdvanceProject(big, v1::PROJECT_STAGE_SIGNED);
  Project skipped = NewUnitProject("units/east", 1'200'000'000, v1::INDUSTRY_SECTION_I);
  AdvanceProject(skipped, v1::PROJECT_STAGE_REGISTERED);  // signing skipped: reached too
  LoseProject(NewUnitProject("units/west", 2'000'000'000), v1::LOST_REASON_LAND);
  LoseProject(NewUnitProject("units/west", 500'000'000), v1::LOST_REASON_LAND);
  Project deleted = NewUnitProject("units/west", 9'000'000'000);
  v1::DeleteProjectRequest del;
  del.set_name(deleted.name());
  Project out;
  ASSERT_TRUE(server_.projects().DeleteProject(Ctx().get(), del, &out).ok());

  v1::PipelineSummary all = Summary({});
  EXPECT_EQ(all.year(), year_);
  EXPECT_EQ(all.as_of_date(), IsoDay(today_));
  ASSERT_EQ(all.cells_size(), 24);
  EXPECT_EQ(Cell(all, v1::PROJECT_STAGE_NEGOTIATING, v1::INVESTMENT_TIER_BELOW_1B).project_count(), 1);
  EXPECT_EQ(Cell(all, v1::PROJECT_STAGE_SIGNED, v1::INVESTMENT_TIER_5B).planned_investment_cny(), 6'000'000'000);
  EXPECT_EQ(Cell(all, v1::PROJECT_STAGE_SIGNED, v1::INVESTMENT_TIER_5B).contracted_investment_cny(), 3'000'000'000);
  EXPECT_EQ(Cell(all, v1::PROJECT_STAGE_REGISTERED, v1::INVESTMENT_TIER_1B).project_count(), 1);
  EXPECT_EQ(Cell(all, v1::PROJECT_STAGE_LOST, v1::INVESTMENT_TIER_2B).project_count(), 1);
  EXPECT_EQ(all.open_project_count(), 3);  // the deleted one counts nowhere
  EXPECT_EQ(all.open_planned_investment_cny(), 7'500'000'000);
  // 0.2 × 3亿 + 0.5 × 60亿 + 0.7 × 12亿 with the shipped probabilities.
  EXPECT_EQ(all.weighted_pipeline_cny(), 60'000'000 + 3'000'000'000 + 840'000'000);
  ASSERT_EQ(all.conversions_size(), 4);
  EXPECT_EQ(all.conversions(0).entered(), 5);  // created this year, the deleted one aside
  EXPECT_EQ(all.conversions(0).converted(), 2);
  EXPECT_DOUBLE_EQ(all.conversions(0).rate(), 0.4);
  EXPECT_EQ(all.conversions(1).entered(), 2);
  EXPECT_EQ(all.conversions(1).converted(), 1);
  EXPECT_FALSE(all.conversions(3).has_rate());
  EXPECT_EQ(all.lost_count(), 2);
  ASSERT_EQ(all.lost_reasons_size(), 1);
  EXPECT_EQ(all.lost_reasons(0).reason(), v1::LOST_REASON_LAND);
  EXPECT_EQ(all.lost_reasons(0).project_count(), 2);

  v1::GetPipelineSummaryRequest east;
  east.set_unit("units/east");
  EXPECT_EQ(Summary(east).open_project_count(), 3);
  EXPECT_EQ(Summary(east).lost_count(), 0);
  v1::GetPipelineSummaryRequest industry_i;
  industry_i.set_industry(v1::INDUSTRY_SECTION_I);
  EXPECT_EQ(Summary(industry_i).open_project_count(), 1);
  v1::GetPipelineSummaryRequest last_year;
  last_year.set_year(year_ - 1);
  EXPECT_EQ(Summary(last_year).conversions(0).entered(), 0);
  EXPECT_EQ(Summary(last_year).open_project_count(), 3);  // the stage × tier matrix is the pipeline now
}

TEST_F(DashboardServiceTest, UnitRolesSeeTheirOwnUnitOnlyAndLeadershipAny) {
  NewUnitProject("units/east", 300'000'000);
  NewUnitProject("units/west", 300'000'000);
  NewUnitProject("units/west", 300'000'000);
  EXPECT_EQ(Summary({}, lead_east_).open_project_count(), 1);
  EXPECT_EQ(Summary({}, lead_east_).unit(), "units/east");
  EXPECT_EQ(Summary({}, staff_west_).open_project_count(), 2);
  EXPECT_EQ(Summary({}, boss_).open_project_count(), 3);
  v1::GetPipelineSummaryRequest west;
  west.set_unit("units/west");
  EXPECT_EQ(Summary(west, boss_).open_project_count(), 2);
  grpc::Status s;
  Summary(west, lead_east_, &s);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(s.error_message(), HasSubstr("units/east"));

  v1::ListAlertsRequest alerts;
  alerts.set_unit("units/east");
  v1::ListAlertsResponse resp;
  EXPECT_EQ(dashboard().ListAlerts(Ctx(staff_west_).get(), alerts, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(DashboardServiceTest, ScoreboardSetsAchievementAgainstPledgesWithPaceAndRank) {
  for (const char* unit : {"units/east", "units/west"}) {
    v1::SetUnitTargetRequest req;
    v1::UnitTarget* t = req.mutable_unit_target();
    t->set_name(absl::StrCat(unit, "/targets/", year_));
    t->set_signed_projects(4);
    t->set_signed_projects_5b(1);
    t->set_signed_investment_cny(10'000'000'000);
    v1::UnitTarget out;
    ASSERT_TRUE(server_.projects().SetUnitTarget(Ctx().get(), req, &out).ok());
  }
  Project big = AdvanceProject(NewUnitProject("units/east", 6'000'000'000), v1::PROJECT_STAGE_SIGNED);
  AdvanceProject(NewUnitProject("units/east", 4'000'000'000), v1::PROJECT_STAGE_SIGNED);
  AdvanceProject(NewUnitProject("units/west", 1'000'000'000), v1::PROJECT_STAGE_SIGNED);
  v1::RecordCapitalArrivalRequest capital;
  capital.set_parent(big.name());
  capital.mutable_capital_arrival()->set_arrival_date(IsoDay(today_));
  capital.mutable_capital_arrival()->set_amount_cny(800'000'000);
  v1::CapitalArrival arrival;
  ASSERT_TRUE(server_.projects().RecordCapitalArrival(Ctx().get(), capital, &arrival).ok());

  v1::UnitScoreboard board;
  ASSERT_TRUE(dashboard().GetUnitScoreboard(Ctx(boss_).get(), {}, &board).ok());
  EXPECT_EQ(board.ranked_unit_count(), 2);
  EXPECT_GT(board.year_elapsed(), 0);
  EXPECT_LE(board.year_elapsed(), 1);
  ASSERT_GE(board.units_size(), 2);
  const v1::UnitScore& first = board.units(0);
  EXPECT_EQ(first.unit(), "units/east");
  EXPECT_EQ(first.rank(), 1);
  ASSERT_EQ(first.metrics_size(), 7);
  EXPECT_EQ(first.metrics(0).metric(), v1::PLEDGE_METRIC_SIGNED_PROJECTS);
  EXPECT_EQ(first.metrics(0).achieved(), 2);
  EXPECT_DOUBLE_EQ(first.metrics(0).completion(), 0.5);
  EXPECT_EQ(first.metrics(3).achieved(), 1);  // one 50亿 signing
  EXPECT_EQ(first.metrics(4).achieved(), 10'000'000'000);
  EXPECT_EQ(first.metrics(6).achieved(), 800'000'000);
  EXPECT_EQ(first.metrics(6).pace(), v1::PACE_NO_TARGET);
  // (0.5 + 1 + 1) / 3 targets set.
  EXPECT_DOUBLE_EQ(first.overall_completion(), 2.5 / 3);
  EXPECT_EQ(board.units(1).unit(), "units/west");
  EXPECT_EQ(board.units(1).rank(), 2);
  EXPECT_EQ(board.units(1).pace(), board.year_elapsed() <= board.units(1).overall_completion() ? v1::PACE_AHEAD
                                                                                                : v1::PACE_BEHIND);

  v1::UnitScoreboard own;
  ASSERT_TRUE(dashboard().GetUnitScoreboard(Ctx(staff_west_).get(), {}, &own).ok());
  ASSERT_EQ(own.units_size(), 1);  // their own row, ranked among all
  EXPECT_EQ(own.units(0).unit(), "units/west");
  EXPECT_EQ(own.units(0).rank(), 2);
  EXPECT_EQ(own.ranked_unit_count(), 2);

  v1::Trend trend;
  ASSERT_TRUE(dashboard().GetTrend(Ctx(boss_).get(), {}, &trend).ok());
  ASSERT_EQ(trend.months_size(), 12);
  const v1::MonthPoint& now = trend.months(static_cast<int>(today_.month()) - 1);
  EXPECT_EQ(now.month(), absl::StrFormat("%04d-%02d", year_, today_.month()));
  EXPECT_EQ(now.signed_projects(), 3);
  EXPECT_EQ(now.signed_investment_cny(), 11'000'000'000);
  EXPECT_EQ(now.capital_arrived_cny(), 800'000'000);
}

TEST_F(DashboardServiceTest, AlertsComeMostSevereFirstAndPageWithoutGapsOrRepeats) {
  // Stalled: signed 100 and 200 days ago (threshold 90: 10 and 110 days
  // over). The shipped project policy colours YELLOW from 3 days, RED from 7.
  Project a = AdvanceProject(NewUnitProject("units/east", 300'000'000), v1::PROJECT_STAGE_SIGNED);
  AgeStage(a, 100);
  Project b = AdvanceProject(NewUnitProject("units/west", 300'000'000), v1::PROJECT_STAGE_SIGNED);
  AgeStage(b, 200);
  // Overdue milestones: 1, 5 and 40 days.
  for (int days : {1, 5, 40}) {
    v1::CreateMilestoneRequest m;
    m.set_parent(a.name());
    m.mutable_milestone()->set_title(absl::StrCat("节点", days));
    m.mutable_milestone()->set_planned_date(IsoDay(today_ - days));
    v1::Milestone out;
    ASSERT_TRUE(server_.projects().CreateMilestone(Ctx().get(), m, &out).ok());
  }
  // An overdue service request (RED from 7 days by the enterprise policy).
  v1::Enterprise e = Create(NewEnterprise(1, "厦门告警测试有限公司"));
  v1::CreateServiceRequestRequest r;
  r.set_parent(e.name());
  r.mutable_service_request()->set_category(v1::SERVICE_CATEGORY_LAND_SPACE);
  r.mutable_service_request()->set_description("用地指标");
  r.mutable_service_request()->set_priority(v1::SERVICE_REQUEST_PRIORITY_NORMAL);
  r.mutable_service_request()->set_raised_date(IsoDay(today_ - 20));
  r.mutable_service_request()->set_due_date(IsoDay(today_ - 8));
  r.mutable_service_request()->set_handling_unit("units/west");
  v1::ServiceRequest request;
  ASSERT_TRUE(server_.enterprises().CreateServiceRequest(Ctx().get(), r, &request).ok());

  auto list = [&](v1::ListAlertsRequest req, const std::string& token) {
    std::vector<v1::Alert> out;
    do {
      v1::ListAlertsResponse resp;
      grpc::Status s = dashboard().ListAlerts(Ctx(token).get(), req, &resp);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      out.insert(out.end(), resp.alerts().begin(), resp.alerts().end());
      req.set_page_token(resp.next_page_token());
    } while (!req.page_token().empty());
    return out;
  };
  auto describe = [](const std::vector<v1::Alert>& alerts) {
    std::vector<std::string> out;
    for (const v1::Alert& a : alerts) {
      out.push_back(absl::StrCat(v1::EscalationColor_Name(a.color()), " ", a.days_overdue(), " ",
                                 v1::AlertKind_Name(a.kind())));
    }
    return out;
  };
  v1::ListAlertsRequest req;
  req.set_page_size(500);
  std::vector<v1::Alert> one_page = list(req, boss_);
  EXPECT_THAT(describe(one_page),
              ElementsAre("ESCALATION_COLOR_RED 110 ALERT_KIND_STALLED_PROJECT",
                          "ESCALATION_COLOR_RED 40 ALERT_KIND_OVERDUE_MILESTONE",
                          "ESCALATION_COLOR_RED 10 ALERT_KIND_STALLED_PROJECT",
                          "ESCALATION_COLOR_RED 8 ALERT_KIND_OVERDUE_SERVICE_REQUEST",
                          "ESCALATION_COLOR_YELLOW 5 ALERT_KIND_OVERDUE_MILESTONE",
                          "ESCALATION_COLOR_BLUE 1 ALERT_KIND_OVERDUE_MILESTONE"));
  const v1::Alert& stalled = one_page[0];
  EXPECT_EQ(stalled.subject(), b.name());
  EXPECT_EQ(stalled.stall(), v1::STALL_KIND_SIGNED_NOT_REGISTERED);
  EXPECT_EQ(stalled.unit(), "units/west");
  EXPECT_EQ(stalled.due_date(), IsoDay(today_ - 110));
  EXPECT_EQ(one_page[3].parent(), e.name());
  EXPECT_EQ(one_page[3].parent_display_name(), "厦门告警测试有限公司");

  req.set_page_size(1);  // page by page: the same list
  std::vector<v1::Alert> paged = list(req, boss_);
  EXPECT_EQ(describe(paged), describe(one_page));

  std::vector<v1::Alert> east = list({}, lead_east_);
  EXPECT_EQ(east.size(), 4u);  // the stalled project and the milestones of units/east
  for (const v1::Alert& a : east) EXPECT_EQ(a.unit(), "units/east");
  v1::ListAlertsRequest requests_only;
  requests_only.set_kind(v1::ALERT_KIND_OVERDUE_SERVICE_REQUEST);
  EXPECT_EQ(list(requests_only, staff_west_).size(), 1u);
}

TEST_F(DashboardServiceTest, PoolSummaryCountsTitlesCandidatesAndTheChecklist) {
  v1::Enterprise gazelle = Create(NewEnterprise(2, "厦门瞪羚候选有限公司"));
  v1::Enterprise titled = Create(NewEnterprise(3, "厦门高新技术有限公司"));
  v1::CreateCertificationRequest cert;
  cert.set_parent(titled.name());
  cert.mutable_certification()->set_title(v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE);
  cert.mutable_certification()->set_level(v1::CERTIFICATION_LEVEL_NATIONAL);
  cert.mutable_certification()->set_batch_year(year_);
  v1::Certification c;
  ASSERT_TRUE(server_.enterprises().CreateCertification(Ctx().get(), cert, &c).ok());
  // Revenue ¥3000万 → ¥4200万 (+40 %): a gazelle by the shipped policy.
  for (auto [year, revenue] : {std::pair{year_ - 2, 30'000'000}, std::pair{year_ - 1, 42'000'000}}) {
    v1::UpdateYearlyMetricsRequest m;
    m.mutable_yearly_metrics()->set_name(absl::StrCat(gazelle.name(), "/yearlyMetrics/", year));
    m.mutable_yearly_metrics()->set_revenue_cny(revenue);
    m.mutable_update_mask()->add_paths("revenue_cny");
    m.set_allow_missing(true);
    v1::YearlyMetrics out;
    ASSERT_TRUE(server_.enterprises().UpdateYearlyMetrics(Ctx().get(), m, &out).ok());
  }
  v1::EnterprisePoolSummary pool;
  ASSERT_TRUE(dashboard().GetEnterprisePoolSummary(Ctx(boss_).get(), {}, &pool).ok());
  EXPECT_EQ(pool.enterprise_count(), 2);
  ASSERT_EQ(pool.titles_size(), 1);
  EXPECT_EQ(pool.titles(0).title(), v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE);
  EXPECT_EQ(pool.titles(0).enterprise_count(), 1);
  EXPECT_EQ(pool.titles(0).new_this_year(), 1);
  bool gazelle_candidate = false;
  for (const v1::ScreeningCandidates& cand : pool.candidates()) {
    if (cand.title() == v1::CERTIFICATION_TITLE_GAZELLE) gazelle_candidate = cand.enterprise_count() == 1;
  }
  EXPECT_TRUE(gazelle_candidate) << pool.ShortDebugString();
  EXPECT_TRUE(pool.has_candidates_time());
  EXPECT_EQ(pool.service_requests().open_count(), 0);
  EXPECT_FALSE(pool.service_requests().has_average_satisfaction());
}

TEST_F(DashboardServiceTest, BadInputNamesTheField) {
  v1::GetPipelineSummaryRequest req;
  req.set_year(1800);
  req.set_unit("east");
  grpc::Status s;
  Summary(req, kToken, &s);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(s), ElementsAre("year", "unit"));
  v1::ListAlertsRequest alerts;
  alerts.set_page_size(-1);  // (above 500 is served as 500: tests/faults/hostile_input_test.cc)
  alerts.set_page_token("not-a-token");
  v1::ListAlertsResponse resp;
  s = dashboard().ListAlerts(Ctx().get(), alerts, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(s), ElementsAre("page_size"));
  alerts.set_page_size(10);
  s = dashboard().ListAlerts(Ctx().get(), alerts, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("page_token"));
}

}  // namespace
}  // namespace crm
