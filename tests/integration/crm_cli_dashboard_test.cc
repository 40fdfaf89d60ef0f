// The built `crm` binary's dashboard commands, as leadership runs them,
// against the real server and MariaDB: projects made through the
// ProjectService stub (signed, registered, lost, stalled, with overdue
// milestones, against units' pledges), then each command's figures as a
// table, as JSON and as CSV, the alert list's paging with --all, and bad
// input refused with the flag or field named and a non-zero exit.

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "base/calendar.h"
#include "clients/cli/exit_codes.h"
#include "crm/v1/dashboard_service.pb.h"
#include "gmock/gmock.h"
#include "tests/integration/cli_harness.h"
#include "tests/integration/service_fixture.h"

namespace crm {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using Result = testing::CliResult;
using v1::Project;

std::string g_crm_binary;  // from the command line: the test runs the built binary

// The first line of `text` that starts with `prefix` ("" when none does).
std::string LineStartingWith(const std::string& text, const std::string& prefix) {
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (absl::StartsWith(line, prefix)) return std::string(line);
  }
  return "";
}

// How many lines of `text` contain `needle`.
int LinesContaining(const std::string& text, const std::string& needle) {
  int n = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) n += absl::StrContains(line, needle) ? 1 : 0;
  return n;
}

class CrmCliDashboardTest : public testing::ServiceFixture {
 protected:
  void SetUp() override {
    ServiceFixture::SetUp();
    dir_ = std::filesystem::temp_directory_path() / absl::StrCat("crm_cli_dashboard_test_", getpid(), "_", counter_++);
    std::filesystem::create_directories(dir_);
    MakeUnit("east");
    MakeUnit("west");
    year_ = static_cast<int>(today_.year());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `crm args…` as the server's admin (or as the user of `token`).
  Result Crm(const std::vector<std::string>& args, const std::string& token = testing::kToken) {
    return testing::RunCrm(g_crm_binary, dir_, server_.address(), token, args);
  }

  // `crm --json args…`, which must succeed, as a Message.
  template <typename Message>
  Message CrmJson(std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    Result r = Crm(args);
    Message m;
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &m).ok()) << r.out;
    return m;
  }

  void SetTarget(const std::string& unit, int signed_projects, int signed_5b, int64_t investment) {
    v1::SetUnitTargetRequest req;
    v1::UnitTarget* t = req.mutable_unit_target();
    t->set_name(absl::StrCat(unit, "/targets/", year_));
    t->set_signed_projects(signed_projects);
    t->set_signed_projects_5b(signed_5b);
    t->set_signed_investment_cny(investment);
    v1::UnitTarget out;
    grpc::Status s = server_.projects().SetUnitTarget(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
  }

  void AddMilestone(const Project& p, const std::string& title, int days_ago) {
    v1::CreateMilestoneRequest req;
    req.set_parent(p.name());
    req.mutable_milestone()->set_title(title);
    req.mutable_milestone()->set_planned_date(IsoDay(today_ - days_ago));
    v1::Milestone out;
    grpc::Status s = server_.projects().CreateMilestone(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
  }

  // Ages a project's stage by `days` (as if it had been signed that long ago).
  void AgeStage(const Project& p, int days) {
    server_.db().Execute(absl::StrCat("UPDATE projects SET stage_date = '", IsoDay(today_ - days),
                                      "' WHERE id = ", p.name().substr(p.name().rfind('/') + 1)));
  }

  // A project of units/east signed 100 days ago (三未: 10 days over the 90-day
  // threshold, RED), with milestones overdue by 40 (RED), 5 (YELLOW) and 1
  // (BLUE) days: four alerts.
  Project MakeAlerts() {
    Project p = AdvanceProject(NewUnitProject("units/east", 300'000'000), v1::PROJECT_STAGE_SIGNED);
    AgeStage(p, 100);
    for (int days : {1, 5, 40}) AddMilestone(p, absl::StrCat("逾期", days, "天节点"), days);
    return p;
  }

  static int counter_;
  std::filesystem::path dir_;
  absl::CivilDay today_ = ZoneDay(absl::Now());
  int year_ = 0;
};
int CrmCliDashboardTest::counter_ = 0;

TEST_F(CrmCliDashboardTest, SummaryShowsTheMatrixWeightedPipelineConversionsAndLosses) {
  NewUnitProject("units/east", 300'000'000);  // 在谈, below 10亿
  AdvanceProject(NewUnitProject("units/east", 6'000'000'000), v1::PROJECT_STAGE_SIGNED);  // 签约, 50亿 tier
  AdvanceProject(NewUnitProject("units/east", 1'200'000'000, v1::INDUSTRY_SECTION_I), v1::PROJECT_STAGE_REGISTERED);
  LoseProject(NewUnitProject("units/west", 2'000'000'000), v1::LOST_REASON_LAND);  // 流失, 20亿 tier

  Result r = Crm({"dashboard", "summary"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(absl::StrCat(year_, "年 招商项目管道  截至 ", IsoDay(today_))));
  // Stage rows: the tier cells (count / 亿元), the total, the probability and
  // the weighted 亿元 (the shipped probabilities: 20 %, 50 %, 70 %).
  EXPECT_THAT(LineStartingWith(r.out, "在谈"), AllOf(HasSubstr("1 / 3 "), HasSubstr("20.0%"), HasSubstr("0.6")));
  EXPECT_THAT(LineStartingWith(r.out, "签约"), AllOf(HasSubstr("1 / 60"), HasSubstr("50.0%"), HasSubstr("30")));
  EXPECT_THAT(LineStartingWith(r.out, "注册"), AllOf(HasSubstr("1 / 12"), HasSubstr("70.0%"), HasSubstr("8.4")));
  EXPECT_THAT(LineStartingWith(r.out, "投产"), Not(HasSubstr("%"))) << "production is not weighted";
  EXPECT_THAT(LineStartingWith(r.out, "流失"), HasSubstr("1 / 20"));
  EXPECT_THAT(r.out, HasSubstr("在途（在谈至开工）3 个  计划投资 75亿元  加权 39亿元"));
  // Four created this year, two of them signed since (one skipping to 注册).
  EXPECT_THAT(LineStartingWith(r.out, "在谈→签约"), AllOf(HasSubstr("4"), HasSubstr("2"), HasSubstr("50.0%")));
  EXPECT_THAT(LineStartingWith(r.out, "开工→投产"), HasSubstr("—")) << "none entered: no rate";
  EXPECT_THAT(r.out, HasSubstr("本年流失 1 个：用地 1 个"));

  auto all = CrmJson<v1::PipelineSummary>({"dashboard", "summary"});
  EXPECT_EQ(all.weighted_pipeline_cny(), 3'900'000'000);
  EXPECT_EQ(all.open_project_count(), 3);
  EXPECT_EQ(all.lost_count(), 1);
  EXPECT_EQ(all.cells_size(), 24);

  Result csv = Crm({"--csv", "dashboard", "summary"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr("阶段,档次,项目数,计划投资,合同投资\r\n"));
  EXPECT_THAT(csv.out, HasSubstr("签约,50亿以上,1,6000000000,3000000000\r\n"));
  EXPECT_EQ(LinesContaining(csv.out, ","), 25) << "the header and 24 cells";

  EXPECT_EQ(CrmJson<v1::PipelineSummary>({"dashboard", "summary", "--industry", "I"}).open_project_count(), 1);
  auto west = CrmJson<v1::PipelineSummary>({"dashboard", "summary", "--unit", "west"});
  EXPECT_EQ(west.unit(), "units/west") << "a bare unit id reads as units/west";
  EXPECT_EQ(west.open_project_count(), 0);
  EXPECT_EQ(west.lost_count(), 1);
  Result filtered = Crm({"dashboard", "summary", "--unit", "units/east", "--industry", "C"});
  ASSERT_EQ(filtered.code, 0) << filtered.err;
  EXPECT_THAT(filtered.out, HasSubstr("单位 units/east  行业 C 制造业"));
}

TEST_F(CrmCliDashboardTest, ScoreboardRanksUnitsAgainstTheirPledgesWithThePace) {
  SetTarget("units/east", 4, 1, 10'000'000'000);
  SetTarget("units/west", 2, 0, 0);
  AdvanceProject(NewUnitProject("units/east", 6'000'000'000), v1::PROJECT_STAGE_SIGNED);
  AdvanceProject(NewUnitProject("units/east", 4'000'000'000), v1::PROJECT_STAGE_SIGNED);
  AdvanceProject(NewUnitProject("units/west", 1'000'000'000), v1::PROJECT_STAGE_SIGNED);

  // The pace depends on the day: the table must show the one the server judged.
  auto board = CrmJson<v1::UnitScoreboard>({"dashboard", "scoreboard"});
  ASSERT_GE(board.units_size(), 2);
  auto pace = [](v1::Pace p) { return p == v1::PACE_AHEAD ? "领先" : p == v1::PACE_BEHIND ? "落后" : "?"; };
  Result r = Crm({"dashboard", "scoreboard"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(LineStartingWith(r.out, absl::StrCat(year_, "年 责任状完成情况")),
              AllOf(HasSubstr(IsoDay(today_)), HasSubstr("时间进度 "), HasSubstr("%"),
                    HasSubstr("签订责任状单位 2 个")))
      << r.out;
  EXPECT_THAT(r.out, AllOf(HasSubstr("签约项目"), HasSubstr("50亿以上"), HasSubstr("签约投资(亿元)"),
                           HasSubstr("综合完成率")));
  // (50 % + 100 % + 100 %) / 3 pledged metrics; west: 1 of 2 signings.
  const std::string east = LineStartingWith(r.out, "1 ");
  EXPECT_THAT(east, AllOf(HasSubstr("units/east"), HasSubstr("2/4 (50.0%)"), HasSubstr("1/1 (100.0%)"),
                          HasSubstr("100/100 (100.0%)"), HasSubstr("83.3%"), HasSubstr(pace(board.units(0).pace()))))
      << r.out;
  const std::string west = LineStartingWith(r.out, "2 ");
  EXPECT_THAT(west, AllOf(HasSubstr("units/west"), HasSubstr("1/2 (50.0%)"), HasSubstr(" 10 "),
                          HasSubstr(pace(board.units(1).pace()))))
      << "a metric without a target shows what was achieved: " << r.out;

  auto own = CrmJson<v1::UnitScoreboard>({"dashboard", "scoreboard", "--unit", "west"});
  ASSERT_EQ(own.units_size(), 1);
  EXPECT_EQ(own.units(0).unit(), "units/west");
  EXPECT_EQ(own.units(0).rank(), 2) << "still ranked among all units";
  EXPECT_EQ(own.year(), year_);

  Result csv = Crm({"--csv", "dashboard", "scoreboard", "--unit", "east"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr("排名,单位,单位名称,签约项目完成,签约项目目标,签约项目完成率,"));
  EXPECT_THAT(csv.out, HasSubstr("\n1,units/east,east,2,4,0.5,"));
  EXPECT_THAT(csv.out, HasSubstr(",10000000000,10000000000,1,")) << "money in whole yuan, ratios as fractions";
}

TEST_F(CrmCliDashboardTest, AlertsComeMostSevereFirstAndPageWithAll) {
  Project p = MakeAlerts();
  Result r = Crm({"dashboard", "alerts"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("逾期天数  类型"));
  EXPECT_THAT(r.out, HasSubstr("(4 条)"));
  // RED 40 (milestone), RED 10 (stalled), YELLOW 5, BLUE 1: in that order.
  const size_t red40 = r.out.find("逾期40天节点"), stalled = r.out.find("项目停滞（签约未注册）"),
               yellow5 = r.out.find("逾期5天节点"), blue1 = r.out.find("逾期1天节点");
  ASSERT_NE(blue1, std::string::npos) << r.out;
  EXPECT_LT(red40, stalled);
  EXPECT_LT(stalled, yellow5);
  EXPECT_LT(yellow5, blue1);
  EXPECT_THAT(LineStartingWith(r.out, "40 "),
              AllOf(HasSubstr("节点逾期"), HasSubstr("项目"), HasSubstr("units/east"), HasSubstr(IsoDay(today_ - 40))));
  EXPECT_TRUE(absl::EndsWith(LineStartingWith(r.out, "40 "), "红")) << "the 督办 colour is the last column";
  EXPECT_TRUE(absl::EndsWith(LineStartingWith(r.out, "5 "), "黄"));
  EXPECT_TRUE(absl::EndsWith(LineStartingWith(r.out, "1 "), "蓝"));
  EXPECT_THAT(LineStartingWith(r.out, "10 "), HasSubstr(p.name()));
  EXPECT_THAT(r.out, Not(HasSubstr("--all"))) << "one page held them all";

  Result first = Crm({"dashboard", "alerts", "--page-size", "3"});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr("(3 条)"));
  EXPECT_THAT(first.out, HasSubstr("还有更多预警：加 --all 显示全部"));
  auto page = CrmJson<v1::ListAlertsResponse>({"dashboard", "alerts", "--page-size", "3"});
  EXPECT_EQ(page.alerts_size(), 3);
  EXPECT_FALSE(page.next_page_token().empty());
  Result all = Crm({"dashboard", "alerts", "--page-size", "1", "--all"});
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_THAT(all.out, HasSubstr("(4 条)"));
  EXPECT_EQ(all.out, r.out) << "page by page, the same list";
  auto paged = CrmJson<v1::ListAlertsResponse>({"dashboard", "alerts", "--page-size", "1", "--all"});
  ASSERT_EQ(paged.alerts_size(), 4);
  EXPECT_TRUE(paged.next_page_token().empty());
  EXPECT_EQ(paged.alerts(0).color(), v1::ESCALATION_COLOR_RED);
  EXPECT_EQ(paged.alerts(0).days_overdue(), 40);
  EXPECT_EQ(paged.alerts(3).color(), v1::ESCALATION_COLOR_BLUE);

  EXPECT_THAT(Crm({"dashboard", "alerts", "--kind", "milestone"}).out, HasSubstr("(3 条)"));
  Result stalled_only = Crm({"dashboard", "alerts", "--kind", "项目停滞"});
  EXPECT_THAT(stalled_only.out, AllOf(HasSubstr("(1 条)"), HasSubstr("签约未注册")));
  EXPECT_THAT(Crm({"dashboard", "alerts", "--kind", "request"}).out, HasSubstr("(0 条)"));
  EXPECT_THAT(Crm({"dashboard", "alerts", "--unit", "west"}).out, HasSubstr("(0 条)"));
  EXPECT_THAT(Crm({"dashboard", "alerts", "--industry", "I"}).out, HasSubstr("(0 条)"));

  Result csv = Crm({"--csv", "dashboard", "alerts", "--all"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_THAT(csv.out, HasSubstr("逾期天数,类型,预警对象,事项,所属,单位,责任人,到期日,督办\r\n40,节点逾期,"));
  EXPECT_EQ(LinesContaining(csv.out, ",units/east,"), 4);

  Result bad_kind = Crm({"dashboard", "alerts", "--kind", "超期"});
  EXPECT_EQ(bad_kind.code, cli::kExitInvalid) << bad_kind.err;
  EXPECT_THAT(bad_kind.err, AllOf(HasSubstr("--kind"), HasSubstr("\"超期\" is not an alert kind"),
                                  HasSubstr("节点逾期/overdue_milestone")));
  // Above the maximum, the server serves its largest page (AIP-158).
  Result too_many = Crm({"dashboard", "alerts", "--page-size", "501"});
  EXPECT_EQ(too_many.code, 0) << too_many.err;
}

TEST_F(CrmCliDashboardTest, TrendAndPool) {
  Project signed_ = AdvanceProject(NewUnitProject("units/east", 2'500'000'000), v1::PROJECT_STAGE_SIGNED);
  AdvanceProject(signed_, v1::PROJECT_STAGE_CONSTRUCTION_STARTED);
  v1::RecordCapitalArrivalRequest capital;
  capital.set_parent(signed_.name());
  capital.mutable_capital_arrival()->set_arrival_date(IsoDay(today_));
  capital.mutable_capital_arrival()->set_amount_cny(500'000'000);
  v1::CapitalArrival arrival;
  ASSERT_TRUE(server_.projects().RecordCapitalArrival(Ctx().get(), capital, &arrival).ok());

  Result trend = Crm({"dashboard", "trend"});
  ASSERT_EQ(trend.code, 0) << trend.err;
  EXPECT_THAT(trend.out, HasSubstr(absl::StrCat(year_, "年 月度趋势")));
  const std::string month = IsoDay(today_).substr(0, 7);
  // 月份, 签约项目, 签约投资(亿元), 开工项目, 到资(亿元).
  std::vector<std::string> cells = absl::StrSplit(LineStartingWith(trend.out, month), ' ', absl::SkipEmpty());
  EXPECT_THAT(cells, ::testing::ElementsAre(month, "1", "25", "1", "5")) << trend.out;
  cells = absl::StrSplit(LineStartingWith(trend.out, "合计"), ' ', absl::SkipEmpty());
  EXPECT_THAT(cells, ::testing::ElementsAre("合计", "1", "25", "1", "5")) << trend.out;
  auto json = CrmJson<v1::Trend>({"dashboard", "trend", "--unit", "east"});
  ASSERT_EQ(json.months_size(), 12);
  EXPECT_EQ(json.months(static_cast<int>(today_.month()) - 1).signed_investment_cny(), 2'500'000'000);
  Result csv = Crm({"--csv", "dashboard", "trend"});
  EXPECT_THAT(csv.out, HasSubstr(absl::StrCat("\n", month, ",1,2500000000,1,500000000\r\n")));
  EXPECT_THAT(csv.out, Not(HasSubstr("合计"))) << "CSV rows are months only";

  v1::Enterprise e = Create(NewEnterprise(1, "厦门高新技术有限公司"));
  v1::CreateCertificationRequest cert;
  cert.set_parent(e.name());
  cert.mutable_certification()->set_title(v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE);
  cert.mutable_certification()->set_level(v1::CERTIFICATION_LEVEL_NATIONAL);
  cert.mutable_certification()->set_batch_year(year_);
  v1::Certification c;
  ASSERT_TRUE(server_.enterprises().CreateCertification(Ctx().get(), cert, &c).ok());
  Result pool = Crm({"dashboard", "pool"});
  ASSERT_EQ(pool.code, 0) << pool.err;
  EXPECT_THAT(pool.out, HasSubstr(absl::StrCat(year_, "年 企业培育库  截至 ", IsoDay(today_), "  在库企业 1 家")));
  cells = absl::StrSplit(LineStartingWith(pool.out, "高新技术企业"), ' ', absl::SkipEmpty());
  EXPECT_THAT(cells, ::testing::ElementsAre("高新技术企业", "国家级", "1", "1")) << pool.out;
  EXPECT_THAT(pool.out, AllOf(HasSubstr("可申报"), HasSubstr("服务清单"), HasSubstr("未办结")));
  EXPECT_EQ(CrmJson<v1::EnterprisePoolSummary>({"dashboard", "pool"}).enterprise_count(), 1);
  EXPECT_THAT(Crm({"--csv", "dashboard", "pool"}).out,
              HasSubstr("称号,级别,企业数,本年新增\r\n高新技术企业,国家级,1,1\r\n"));
}

TEST_F(CrmCliDashboardTest, BadInputIsRefusedNamingTheFlagOrField) {
  for (const char* command : {"summary", "scoreboard", "pool", "trend"}) {
    Result r = Crm({"dashboard", command, "--year", "1800"});
    EXPECT_EQ(r.code, cli::kExitInvalid) << command << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("year: must be 0 (this year) or a year in 1949–2100")) << command;
  }
  Result industry = Crm({"dashboard", "summary", "--industry", "Z"});
  EXPECT_EQ(industry.code, cli::kExitInvalid);
  EXPECT_THAT(industry.err, HasSubstr("--industry: \"Z\" is not a GB/T 4754 section"));
  Result not_a_number = Crm({"dashboard", "trend", "--year", "今年"});
  EXPECT_EQ(not_a_number.code, cli::kExitUsage);
  EXPECT_THAT(not_a_number.err, HasSubstr("--year"));
  EXPECT_EQ(Crm({"dashboard"}).code, cli::kExitUsage) << "a dashboard command is required";

  // A unit's staff see their own unit's figures only.
  const std::string staff = MakeUser("staff-west", "units/west", v1::ROLE_STAFF);
  Result own = Crm({"--json", "dashboard", "summary"}, staff);
  ASSERT_EQ(own.code, 0) << own.err;
  EXPECT_THAT(own.out, HasSubstr("\"unit\": \"units/west\""));
  Result other = Crm({"dashboard", "summary", "--unit", "east"}, staff);
  EXPECT_EQ(other.code, cli::kExitAuth) << other.err;
  EXPECT_THAT(other.err, HasSubstr("PERMISSION_DENIED"));
}

TEST_F(CrmCliDashboardTest, CompletionKnowsTheDashboardCommands) {
  Result r = Crm({"completion", "bash"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("[\"dashboard\"]=\"summary scoreboard alerts pool trend"));
  EXPECT_THAT(LineStartingWith(r.out, "    [\"dashboard alerts\"]"),
              AllOf(HasSubstr("--kind"), HasSubstr("--page-size"), HasSubstr("--all")));
}

}  // namespace
}  // namespace crm

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc < 2) {
    std::fprintf(stderr, "usage: crm_cli_dashboard_test PATH_TO_CRM_BINARY\n");
    return 2;
  }
  crm::g_crm_binary = argv[1];
  return RUN_ALL_TESTS();
}
