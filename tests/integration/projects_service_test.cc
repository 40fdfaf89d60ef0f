// The real ProjectService (and LeadService.ConvertLead) over real gRPC and
// MariaDB: a project's life from lead to production, the conversion saga
// retried after a failure between its steps, racing stage moves, the battle
// map, capital, problems, targets and who may do what.

#include <gmock/gmock.h>

#include <thread>

#include "absl/time/civil_time.h"
#include "base/calendar.h"
#include "tests/integration/service_fixture.h"

namespace crm {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::kToken;
using v1::Project;

class ProjectsServiceTest : public testing::ServiceFixture {
 protected:
  void SetUp() override {
    ServiceFixture::SetUp();
    MakeUnit("u1");
    MakeUnit("u2");
    staff_u1_ = MakeUser("staff-u1", "units/u1", v1::ROLE_STAFF);
    staff_u2_ = MakeUser("staff-u2", "units/u2", v1::ROLE_STAFF);
    boss_ = MakeUser("boss", "units/u1", v1::ROLE_LEADERSHIP);
  }

  v1::ProjectService::Stub& projects() { return server_.projects(); }
  static std::string DaysFromToday(int days) { return IsoDay(ZoneDay(absl::Now()) + days); }

  Project NewProject(const std::string& token, int64_t amount, grpc::Status* status = nullptr) {
    v1::CreateProjectRequest req;
    req.mutable_project()->set_display_name("新能源电池材料项目");
    req.mutable_project()->set_investor_name("某新能源科技股份有限公司");
    req.mutable_project()->set_industry(v1::INDUSTRY_SECTION_C);
    req.mutable_project()->set_investment_form(v1::INVESTMENT_FORM_NEW_ESTABLISHMENT);
    req.mutable_project()->set_planned_investment_cny(amount);
    Project out;
    grpc::Status s = projects().CreateProject(Ctx(token).get(), req, &out);
    if (status) *status = s; else EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  grpc::Status Advance(const std::string& token, const Project& p, v1::ProjectStage to, Project* out,
                       const std::string& etag = "", const std::string& justification = "",
                       const std::string& effective_date = "") {
    v1::AdvanceProjectStageRequest req;
    req.set_name(p.name());
    req.set_etag(etag);
    req.set_to_stage(to);
    req.set_justification(justification);
    req.set_effective_date(effective_date);
    req.set_evidence_note("合同编号 XM-2026-001");
    return projects().AdvanceProjectStage(Ctx(token).get(), req, out);
  }

  // A QUALIFIED lead with a USCC, in u1, owned by staff-u1.
  v1::Lead QualifiedLead(int n) {
    v1::CreateLeadRequest create;
    create.mutable_lead()->set_company_name(absl::StrCat("转化测试企业", n, "有限公司"));
    create.mutable_lead()->set_uscc(Uscc(5000 + n));
    create.mutable_lead()->set_target_list(v1::TARGET_LIST_INDUSTRY_LEADER);
    create.mutable_lead()->set_channel(v1::LEAD_CHANNEL_OUTBOUND_VISIT);
    create.mutable_lead()->set_industry(v1::INDUSTRY_SECTION_C);
    create.mutable_lead()->set_estimated_investment_cny(2'500'000'000);
    v1::Lead lead;
    EXPECT_TRUE(server_.stub().CreateLead(Ctx(staff_u1_).get(), create, &lead).ok());
    v1::QualifyLeadRequest qualify;
    qualify.set_name(lead.name());
    EXPECT_TRUE(server_.stub().QualifyLead(Ctx(staff_u1_).get(), qualify, &lead).ok());
    return lead;
  }

  std::string staff_u1_, staff_u2_, boss_;
};

TEST_F(ProjectsServiceTest, TierIsDecidedByTheAmountOnEveryWrite) {
  Project small = NewProject(staff_u1_, 999'999'999);
  EXPECT_EQ(small.tier(), v1::INVESTMENT_TIER_BELOW_1B);
  EXPECT_EQ(small.stage(), v1::PROJECT_STAGE_NEGOTIATING);
  EXPECT_THAT(small.project_code(), ::testing::MatchesRegex("[0-9]{8}-[0-9]{3}"));
  EXPECT_EQ(NewProject(staff_u1_, 1'000'000'000).tier(), v1::INVESTMENT_TIER_1B);
  EXPECT_EQ(NewProject(staff_u1_, 5'000'000'000).tier(), v1::INVESTMENT_TIER_5B);
  EXPECT_NE(NewProject(staff_u1_, 1).project_code(), small.project_code());

  v1::UpdateProjectRequest update;
  update.mutable_project()->set_name(small.name());
  update.mutable_project()->set_planned_investment_cny(2'000'000'000);
  update.mutable_update_mask()->add_paths("planned_investment_cny");
  Project updated;
  ASSERT_TRUE(projects().UpdateProject(Ctx(staff_u1_).get(), update, &updated).ok());
  EXPECT_EQ(updated.tier(), v1::INVESTMENT_TIER_2B);
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT tier FROM projects WHERE id = ",
                                               updated.name().substr(updated.name().find('/') + 1))),
            std::to_string(v1::INVESTMENT_TIER_2B));
  update.mutable_update_mask()->set_paths(0, "stage");  // only the stage methods move it
  EXPECT_EQ(projects().UpdateProject(Ctx(staff_u1_).get(), update, &updated).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  grpc::Status s;
  v1::CreateProjectRequest bad;
  bad.mutable_project()->set_planned_investment_cny(-1);
  Project out;
  s = projects().CreateProject(Ctx(staff_u1_).get(), bad, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(s), ::testing::IsSupersetOf({"project.display_name", "project.planned_investment_cny"}));
}

TEST_F(ProjectsServiceTest, FromLeadToProductionWithHistoryMilestonesAndCapital) {
  v1::Lead lead = QualifiedLead(1);
  v1::ConvertLeadRequest convert;
  convert.set_name(lead.name());
  convert.set_founded_date("2015-03-08");
  convert.set_investment_form(v1::INVESTMENT_FORM_NEW_ESTABLISHMENT);
  v1::ConvertLeadResponse converted;
  grpc::Status s = server_.stub().ConvertLead(Ctx(staff_u1_).get(), convert, &converted);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_TRUE(converted.enterprise_created());
  EXPECT_EQ(converted.lead().status(), v1::LEAD_STATUS_CONVERTED);
  EXPECT_EQ(converted.lead().converted_project(), converted.project());

  v1::GetProjectRequest get;
  get.set_name(converted.project());
  Project p;
  ASSERT_TRUE(projects().GetProject(Ctx(staff_u1_).get(), get, &p).ok());
  EXPECT_EQ(p.origin_lead(), lead.name());
  EXPECT_EQ(p.investor_enterprise(), converted.enterprise());
  EXPECT_EQ(p.planned_investment_cny(), 2'500'000'000);
  EXPECT_EQ(p.tier(), v1::INVESTMENT_TIER_2B);
  EXPECT_EQ(p.unit(), "units/u1");
  // The lead's activities stay reachable from the project through origin_lead.

  // Skipping a stage needs a justification; the error names the allowed moves.
  Project out;
  s = Advance(staff_u1_, p, v1::PROJECT_STAGE_REGISTERED, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(s.error_message(), HasSubstr("SIGNED"));
  // (Time passing: negotiations began a month ago.)
  server_.db().Execute(absl::StrCat("UPDATE projects SET stage_date = '", DaysFromToday(-30), "' WHERE id = ",
                                    p.name().substr(p.name().find('/') + 1)));
  s = Advance(staff_u1_, p, v1::PROJECT_STAGE_SIGNED, &out, "", "", DaysFromToday(-31));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);  // before the stage began
  ASSERT_TRUE(Advance(staff_u1_, p, v1::PROJECT_STAGE_SIGNED, &p, "", "", DaysFromToday(-10)).ok());
  EXPECT_EQ(p.signed_date(), DaysFromToday(-10));
  EXPECT_EQ(p.stopwatch().days_in_stage(), 10);

  // Signing drew the battle map.
  v1::ListMilestonesRequest list;
  list.set_parent(p.name());
  v1::ListMilestonesResponse map;
  ASSERT_TRUE(projects().ListMilestones(Ctx(staff_u1_).get(), list, &map).ok());
  ASSERT_EQ(map.milestones_size(), server_.project_policy().milestone_template_size());
  EXPECT_EQ(map.milestones(0).status() == v1::MILESTONE_STATUS_DONE, false);
  EXPECT_FALSE(p.stopwatch().next_milestone().empty());

  v1::RecordCapitalArrivalRequest capital;
  capital.set_parent(p.name());
  capital.mutable_capital_arrival()->set_arrival_date(DaysFromToday(-1));
  capital.mutable_capital_arrival()->set_amount_cny(500'000'000);
  v1::CapitalArrival arrival;
  ASSERT_TRUE(projects().RecordCapitalArrival(Ctx(staff_u1_).get(), capital, &arrival).ok());
  v1::UpdateProjectRequest contract;
  contract.mutable_project()->set_name(p.name());
  contract.mutable_project()->set_contracted_investment_cny(2'000'000'000);
  contract.mutable_update_mask()->add_paths("contracted_investment_cny");
  ASSERT_TRUE(projects().UpdateProject(Ctx(staff_u1_).get(), contract, &p).ok());
  EXPECT_EQ(p.capital_arrived_cny(), 500'000'000);
  EXPECT_DOUBLE_EQ(p.capital_arrival_rate(), 0.25);

  ASSERT_TRUE(Advance(staff_u1_, p, v1::PROJECT_STAGE_REGISTERED, &p).ok());
  // Registering completed the registration milestone of the battle map.
  ASSERT_TRUE(projects().ListMilestones(Ctx(staff_u1_).get(), list, &map).ok());
  EXPECT_EQ(map.milestones(0).status(), v1::MILESTONE_STATUS_DONE);
  EXPECT_EQ(map.milestones(0).actual_date(), DaysFromToday(0));
  EXPECT_NE(map.milestones(1).status(), v1::MILESTONE_STATUS_DONE);
  EXPECT_EQ(p.stopwatch().next_milestone(), map.milestones(1).title());
  ASSERT_TRUE(Advance(staff_u1_, p, v1::PROJECT_STAGE_CONSTRUCTION_STARTED, &p).ok());
  ASSERT_TRUE(Advance(staff_u1_, p, v1::PROJECT_STAGE_IN_PRODUCTION, &p).ok());
  s = Advance(staff_u1_, p, v1::PROJECT_STAGE_IN_PRODUCTION, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  v1::ListStageHistoryRequest history;
  history.set_parent(p.name());
  v1::ListStageHistoryResponse changes;
  ASSERT_TRUE(projects().ListStageHistory(Ctx(boss_).get(), history, &changes).ok());
  std::vector<v1::ProjectStage> to;
  for (const auto& c : changes.changes()) to.push_back(c.to_stage());
  EXPECT_THAT(to, ElementsAre(v1::PROJECT_STAGE_NEGOTIATING, v1::PROJECT_STAGE_SIGNED, v1::PROJECT_STAGE_REGISTERED,
                              v1::PROJECT_STAGE_CONSTRUCTION_STARTED, v1::PROJECT_STAGE_IN_PRODUCTION));
  EXPECT_EQ(changes.changes(1).changed_by(), "users/staff-u1");
  EXPECT_EQ(changes.changes(1).effective_date(), DaysFromToday(-10));

  // Converting again answers with the same links, even with the etag of before.
  convert.set_etag(lead.etag());
  v1::ConvertLeadResponse again;
  ASSERT_TRUE(server_.stub().ConvertLead(Ctx(staff_u1_).get(), convert, &again).ok());
  EXPECT_EQ(again.project(), converted.project());
}

TEST_F(ProjectsServiceTest, ConversionRetriedAfterAFailureBetweenStepsMakesOneOfEach) {
  v1::Lead lead = QualifiedLead(2);
  // A leads service whose projects peer is unreachable: the enterprise step
  // succeeds, the project step fails.
  BoundedExecutor executor(2, 10);
  RpcRunner runner(&executor, &server_.principals(), {});
  LeadService broken(&runner, &server_.db().pool());
  broken.ConnectConversionPeers(grpc::CreateChannel(server_.address(), grpc::InsecureChannelCredentials()),
                                grpc::CreateChannel("127.0.0.1:1", grpc::InsecureChannelCredentials()), 1);
  ServerConfig config;
  config.listen_address = "127.0.0.1:0";
  auto host = CrmServer::Start(config, {&broken}, {"crm.v1.LeadService"});
  ASSERT_TRUE(host.ok()) << host.status();
  auto broken_stub = v1::LeadService::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*host)->port()), grpc::InsecureChannelCredentials()));

  v1::ConvertLeadRequest convert;
  convert.set_name(lead.name());
  convert.set_founded_date("2018-06-01");
  v1::ConvertLeadResponse resp;
  grpc::Status s = broken_stub->ConvertLead(Ctx(staff_u1_).get(), convert, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAVAILABLE) << s.error_message();
  (*host)->Shutdown();
  const std::string uscc = lead.uscc();
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT COUNT(*) FROM enterprises WHERE uscc = '", uscc, "'")), "1");
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM projects"), "0");

  // The retry completes it; another retry changes nothing.
  ASSERT_TRUE(server_.stub().ConvertLead(Ctx(staff_u1_).get(), convert, &resp).ok());
  EXPECT_FALSE(resp.enterprise_created());  // found by USCC, not made twice
  ASSERT_TRUE(server_.stub().ConvertLead(Ctx(staff_u1_).get(), convert, &resp).ok());
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT COUNT(*) FROM enterprises WHERE uscc = '", uscc, "'")), "1");
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM projects"), "1");
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT status FROM leads WHERE id = ",
                                               lead.name().substr(lead.name().find('/') + 1))),
            std::to_string(v1::LEAD_STATUS_CONVERTED));

  // Only a qualified lead converts.
  v1::CreateLeadRequest fresh;
  fresh.mutable_lead()->set_company_name("未认定企业");
  fresh.mutable_lead()->set_target_list(v1::TARGET_LIST_OTHER);
  fresh.mutable_lead()->set_channel(v1::LEAD_CHANNEL_ONLINE);
  v1::Lead other;
  ASSERT_TRUE(server_.stub().CreateLead(Ctx(staff_u1_).get(), fresh, &other).ok());
  convert.set_name(other.name());
  EXPECT_EQ(server_.stub().ConvertLead(Ctx(staff_u1_).get(), convert, &resp).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  // Qualified but without a USCC: it cannot become an enterprise of the pool.
  v1::QualifyLeadRequest qualify;
  qualify.set_name(other.name());
  ASSERT_TRUE(server_.stub().QualifyLead(Ctx(staff_u1_).get(), qualify, &other).ok());
  s = server_.stub().ConvertLead(Ctx(staff_u1_).get(), convert, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(s.error_message(), HasSubstr("uscc"));
  // A new enterprise needs its founded date; nothing is created without it.
  v1::Lead fresh_firm = QualifiedLead(3);
  convert.set_name(fresh_firm.name());
  convert.clear_founded_date();
  s = server_.stub().ConvertLead(Ctx(staff_u1_).get(), convert, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(ViolatedFields(s), std::vector<std::string>{"founded_date"});
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM projects"), "1");
}

TEST_F(ProjectsServiceTest, RacingAdvancesWithOneEtagLetExactlyOneWin) {
  Project p = NewProject(staff_u1_, 3'000'000'000);
  constexpr int kRacers = 8;
  std::vector<grpc::StatusCode> codes(kRacers);
  std::vector<std::thread> racers;
  for (int i = 0; i < kRacers; ++i) {
    racers.emplace_back([&, i] {
      Project out;
      codes[i] = Advance(staff_u1_, p, v1::PROJECT_STAGE_SIGNED, &out, p.etag()).error_code();
    });
  }
  for (std::thread& t : racers) t.join();
  EXPECT_EQ(std::count(codes.begin(), codes.end(), grpc::StatusCode::OK), 1);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), grpc::StatusCode::ABORTED), kRacers - 1);
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT COUNT(*) FROM project_stage_history WHERE project_id = ",
                                               p.name().substr(p.name().find('/') + 1))),
            "2");  // created, signed once
}

TEST_F(ProjectsServiceTest, OtherUnitsCannotSeeOrMoveAProject) {
  Project p = NewProject(staff_u1_, 1'500'000'000);
  Project out;
  EXPECT_EQ(Advance(staff_u2_, p, v1::PROJECT_STAGE_SIGNED, &out).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Advance(boss_, p, v1::PROJECT_STAGE_SIGNED, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  v1::GetProjectRequest get;
  get.set_name(p.name());
  EXPECT_EQ(projects().GetProject(Ctx(staff_u2_).get(), get, &out).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(projects().GetProject(Ctx(boss_).get(), get, &out).ok());
  v1::ListProjectsRequest list;
  v1::ListProjectsResponse listed;
  ASSERT_TRUE(projects().ListProjects(Ctx(staff_u2_).get(), list, &listed).ok());
  EXPECT_EQ(listed.projects_size(), 0);
  // Staff file projects only in their own unit.
  v1::CreateProjectRequest elsewhere;
  elsewhere.mutable_project()->set_display_name("越权项目");
  elsewhere.mutable_project()->set_investor_name("某公司");
  elsewhere.mutable_project()->set_unit("units/u2");
  EXPECT_EQ(projects().CreateProject(Ctx(staff_u1_).get(), elsewhere, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(ProjectsServiceTest, LostReopenStalledProblemsAndTargets) {
  Project p = NewProject(staff_u1_, 800'000'000);
  v1::MarkProjectLostRequest lose;
  lose.set_name(p.name());
  lose.set_reason(v1::LOST_REASON_OTHER);
  Project out;
  EXPECT_EQ(projects().MarkProjectLost(Ctx(staff_u1_).get(), lose, &out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);  // OTHER needs a note
  lose.set_reason(v1::LOST_REASON_COMPETING_REGION);
  ASSERT_TRUE(projects().MarkProjectLost(Ctx(staff_u1_).get(), lose, &out).ok());
  EXPECT_EQ(out.stage(), v1::PROJECT_STAGE_LOST);
  EXPECT_EQ(Advance(staff_u1_, out, v1::PROJECT_STAGE_SIGNED, &out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  v1::ReopenProjectRequest reopen;
  reopen.set_name(p.name());
  reopen.set_note("企业重新接洽");
  ASSERT_TRUE(projects().ReopenProject(Ctx(staff_u1_).get(), reopen, &out).ok());
  EXPECT_EQ(out.stage(), v1::PROJECT_STAGE_NEGOTIATING);
  EXPECT_EQ(out.lost_reason(), v1::LOST_REASON_UNSPECIFIED);

  // Signed long ago and not registered: on the 三未 list.
  const int threshold = server_.project_policy().signed_not_registered_days();
  // (Time passing: the project has been negotiated since long ago.)
  server_.SetClockOffset(absl::Hours(-24 * (threshold + 30)));
  Project stalled = NewProject(staff_u1_, 1'200'000'000);
  server_.SetClockOffset(absl::ZeroDuration());
  EXPECT_EQ(stalled.stage_date(), DaysFromToday(-threshold - 30));
  ASSERT_TRUE(Advance(staff_u1_, stalled, v1::PROJECT_STAGE_SIGNED, &stalled, "", "",
                      DaysFromToday(-threshold - 5)).ok());
  EXPECT_EQ(stalled.stopwatch().stall(), v1::STALL_KIND_SIGNED_NOT_REGISTERED);
  EXPECT_EQ(stalled.stopwatch().days_over_threshold(), 5);
  v1::ListStalledProjectsRequest stalls;
  v1::ListStalledProjectsResponse found;
  ASSERT_TRUE(projects().ListStalledProjects(Ctx(boss_).get(), stalls, &found).ok());
  ASSERT_EQ(found.projects_size(), 1);
  EXPECT_EQ(found.projects(0).name(), stalled.name());
  v1::ListProjectsRequest only_stalled;
  only_stalled.set_stalled_only(true);
  v1::ListProjectsResponse listed;
  ASSERT_TRUE(projects().ListProjects(Ctx(staff_u1_).get(), only_stalled, &listed).ok());
  EXPECT_EQ(listed.projects_size(), 1);

  v1::CreateProjectProblemRequest problem;
  problem.set_parent(stalled.name());
  problem.mutable_problem()->set_type(v1::PROBLEM_TYPE_APPROVAL);
  problem.mutable_problem()->set_description("环评批复未下达");
  problem.mutable_problem()->set_escalation_level(v1::ESCALATION_LEVEL_BUREAU);
  v1::ProjectProblem raised;
  ASSERT_TRUE(projects().CreateProjectProblem(Ctx(staff_u1_).get(), problem, &raised).ok());
  EXPECT_EQ(raised.status(), v1::PROBLEM_STATUS_OPEN);
  v1::UpdateProjectProblemRequest resolve;
  resolve.mutable_problem()->set_name(raised.name());
  resolve.mutable_problem()->set_status(v1::PROBLEM_STATUS_RESOLVED);
  resolve.mutable_update_mask()->add_paths("status");
  EXPECT_EQ(projects().UpdateProjectProblem(Ctx(staff_u1_).get(), resolve, &raised).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);  // a resolution is required
  resolve.mutable_problem()->set_resolution("协调生态环境局加急审批");
  resolve.mutable_update_mask()->add_paths("resolution");
  ASSERT_TRUE(projects().UpdateProjectProblem(Ctx(staff_u1_).get(), resolve, &raised).ok());
  v1::ListProjectProblemsRequest open_problems;
  open_problems.set_parent(stalled.name());
  open_problems.set_open_only(true);
  v1::ListProjectProblemsResponse problems;
  ASSERT_TRUE(projects().ListProjectProblems(Ctx(boss_).get(), open_problems, &problems).ok());
  EXPECT_EQ(problems.problems_size(), 0);

  v1::SetUnitTargetRequest target;
  target.mutable_unit_target()->set_name("units/u1/targets/2026");
  target.mutable_unit_target()->set_signed_projects(12);
  target.mutable_unit_target()->set_signed_projects_1b(3);
  target.mutable_unit_target()->set_signed_investment_cny(8'000'000'000);
  v1::UnitTarget set;
  EXPECT_EQ(projects().SetUnitTarget(Ctx(staff_u1_).get(), target, &set).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(projects().SetUnitTarget(Ctx(boss_).get(), target, &set).ok());
  EXPECT_EQ(set.year(), 2026);
  target.mutable_unit_target()->set_signed_projects_1b(20);  // more 10亿+ than projects
  EXPECT_EQ(projects().SetUnitTarget(Ctx(boss_).get(), target, &set).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  target.mutable_unit_target()->set_name("units/nowhere/targets/2026");
  target.mutable_unit_target()->set_signed_projects_1b(1);
  EXPECT_EQ(projects().SetUnitTarget(Ctx(boss_).get(), target, &set).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ListUnitTargetsRequest year;
  year.set_year(2026);
  v1::ListUnitTargetsResponse targets;
  ASSERT_TRUE(projects().ListUnitTargets(Ctx(staff_u2_).get(), year, &targets).ok());
  ASSERT_EQ(targets.unit_targets_size(), 1);
  EXPECT_EQ(targets.unit_targets(0).signed_projects(), 12);
}

TEST_F(ProjectsServiceTest, ADeletedProjectLeavesListsAndTakesNoChangesUntilUndeleted) {
  const std::string lead_u1 = MakeUser("lead-u1", "units/u1", v1::ROLE_UNIT_LEAD);
  const std::string lead_u2 = MakeUser("lead-u2", "units/u2", v1::ROLE_UNIT_LEAD);
  Project p = NewProject(staff_u1_, 2'000'000'000);
  EXPECT_EQ(p.negotiation_date(), DaysFromToday(0));
  v1::DeleteProjectRequest del;
  del.set_name(p.name());
  Project out;
  EXPECT_EQ(projects().DeleteProject(Ctx(staff_u1_).get(), del, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);  // not for staff
  EXPECT_EQ(projects().DeleteProject(Ctx(lead_u2).get(), del, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);  // another unit's project is invisible
  del.set_etag("999");
  EXPECT_EQ(projects().DeleteProject(Ctx(lead_u1).get(), del, &out).error_code(), grpc::StatusCode::ABORTED);
  del.set_etag(p.etag());
  ASSERT_TRUE(projects().DeleteProject(Ctx(lead_u1).get(), del, &out).ok());
  EXPECT_TRUE(out.has_delete_time());
  EXPECT_EQ(projects().DeleteProject(Ctx(lead_u1).get(), del, &out).error_code(),
            grpc::StatusCode::ABORTED);  // the etag moved on
  del.clear_etag();
  EXPECT_EQ(projects().DeleteProject(Ctx(lead_u1).get(), del, &out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  v1::ListProjectsRequest list;
  v1::ListProjectsResponse listed;
  ASSERT_TRUE(projects().ListProjects(Ctx(staff_u1_).get(), list, &listed).ok());
  EXPECT_EQ(listed.projects_size(), 0);
  list.set_show_deleted(true);
  ASSERT_TRUE(projects().ListProjects(Ctx(staff_u1_).get(), list, &listed).ok());
  ASSERT_EQ(listed.projects_size(), 1);
  v1::GetProjectRequest get;
  get.set_name(p.name());
  ASSERT_TRUE(projects().GetProject(Ctx(staff_u1_).get(), get, &out).ok());
  EXPECT_TRUE(out.has_delete_time());
  grpc::Status moved = Advance(staff_u1_, p, v1::PROJECT_STAGE_SIGNED, &out);
  EXPECT_EQ(moved.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(moved.error_message(), HasSubstr("UndeleteProject"));

  v1::UndeleteProjectRequest undelete;
  undelete.set_name(p.name());
  ASSERT_TRUE(projects().UndeleteProject(Ctx(lead_u1).get(), undelete, &out).ok());
  EXPECT_FALSE(out.has_delete_time());
  ASSERT_TRUE(Advance(staff_u1_, p, v1::PROJECT_STAGE_REGISTERED, &out, "", "registered on the signing day").ok());
  EXPECT_EQ(out.signed_date(), DaysFromToday(0));  // the skipped stage counts as reached
  EXPECT_EQ(out.registered_date(), DaysFromToday(0));
  EXPECT_TRUE(out.construction_start_date().empty());
}

}  // namespace
}  // namespace crm
