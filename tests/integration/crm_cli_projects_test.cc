// The built `crm` binary's project commands, as staff run them, against the
// real server and MariaDB: a lead converted into a project, the stages with
// their history, the battle map, capital arrival, problems, 流失 and back,
// the refused advance (the allowed stages and the conflict exit code), and
// the units' targets.

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/uscc.h"
#include "clients/cli/exit_codes.h"
#include "crm/v1/leads_service.pb.h"
#include "crm/v1/projects_service.pb.h"
#include "gmock/gmock.h"
#include "tests/integration/cli_harness.h"
#include "tests/integration/test_server.h"

namespace crm {
namespace {

using ::testing::HasSubstr;
using Result = testing::CliResult;

std::string g_crm_binary;  // from the command line: the test runs the built binary

class CrmCliProjectsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ready());
    dir_ = std::filesystem::temp_directory_path() / absl::StrCat("crm_cli_projects_test_", getpid(), "_", counter_++);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `crm args…` as the server's admin.
  Result Crm(const std::vector<std::string>& args) {
    return testing::RunCrm(g_crm_binary, dir_, server_.address(), testing::kToken, args);
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

  // A qualified lead with a USCC and an industry, ready to convert.
  v1::Lead QualifiedLead(int n, const std::string& company) {
    const std::string uscc = WithUsccCheckCharacter(absl::StrFormat("91350200MA%07d", n));
    auto lead = CrmJson<v1::Lead>({"leads", "create", "--company", company, "--uscc", uscc, "--industry", "C",
                                   "--investment", "25亿", "--list", "行业领军企业", "--channel", "走出去"});
    Result qualified = Crm({"leads", "qualify", lead.name()});
    EXPECT_EQ(qualified.code, 0) << qualified.err;
    return lead;
  }

  static int counter_;
  testing::TestServer server_;
  std::filesystem::path dir_;
};
int CrmCliProjectsTest::counter_ = 0;

TEST_F(CrmCliProjectsTest, LeadToConstructionWithBattleMapCapitalAndHistory) {
  v1::Lead lead = QualifiedLead(1, "厦门某新能源科技股份有限公司");
  Result converted = Crm({"leads", "convert", lead.name(), "--form", "新设", "--planned", "25亿", "--founded",
                          "2020-05-01", "--project-name", "新能源电池生产基地项目"});
  ASSERT_EQ(converted.code, 0) << converted.err;
  EXPECT_THAT(converted.out, HasSubstr(lead.name()));
  EXPECT_THAT(converted.out, HasSubstr("enterprises/1"));
  EXPECT_THAT(converted.out, HasSubstr("新入库"));
  EXPECT_THAT(converted.out, HasSubstr("projects/1"));
  EXPECT_THAT(converted.out, HasSubstr("新能源电池生产基地项目"));
  Result again = Crm({"leads", "convert", lead.name()});
  EXPECT_EQ(again.code, 0) << "converting again answers with the same project: " << again.err;
  EXPECT_THAT(again.out, HasSubstr("projects/1"));

  Result listed = Crm({"projects", "list", "--stage", "negotiating"});
  ASSERT_EQ(listed.code, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr("计划投资(亿元)"));
  EXPECT_THAT(listed.out, HasSubstr("新能源电池生产基地项目"));
  EXPECT_THAT(listed.out, HasSubstr("20亿以上"));
  EXPECT_THAT(listed.out, HasSubstr("在谈"));
  EXPECT_THAT(listed.out, HasSubstr("(1 个)"));
  EXPECT_THAT(Crm({"projects", "list", "--tier", "50亿"}).out, HasSubstr("(0 个)"));

  Result signed_ = Crm({"projects", "advance", "1", "签约", "--evidence", "投资协议 HT-2026-018"});
  ASSERT_EQ(signed_.code, 0) << signed_.err;
  EXPECT_THAT(signed_.out, HasSubstr("签约"));
  EXPECT_THAT(signed_.out, HasSubstr("完成工商注册")) << "the next milestone of the battle map";
  Result map = Crm({"projects", "milestones", "list", "1"});
  ASSERT_EQ(map.code, 0) << map.err;
  EXPECT_THAT(map.out, HasSubstr("取得项目用地"));
  EXPECT_THAT(map.out, HasSubstr("竣工投产"));
  EXPECT_THAT(map.out, HasSubstr("(5 项)"));

  Result capital = Crm({"projects", "capital", "add", "1", "--amount", "5亿", "--note", "首期"});
  ASSERT_EQ(capital.code, 0) << capital.err;
  EXPECT_THAT(capital.out, HasSubstr("5亿元"));
  EXPECT_THAT(Crm({"projects", "capital", "list", "1"}).out, HasSubstr("合计 5亿元"));

  Result refused = Crm({"projects", "advance", "1", "投产"});
  EXPECT_EQ(refused.code, cli::kExitConflict) << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("REGISTERED")) << "names the allowed stages";
  EXPECT_THAT(refused.err, HasSubstr("FAILED_PRECONDITION"));

  ASSERT_EQ(Crm({"projects", "advance", "projects/1", "registered", "--evidence", "营业执照"}).code, 0);
  Result started = Crm({"projects", "advance", "1", "开工"});
  ASSERT_EQ(started.code, 0) << started.err;
  EXPECT_THAT(started.out, HasSubstr("开工"));

  Result history = Crm({"projects", "history", "1"});
  ASSERT_EQ(history.code, 0) << history.err;
  EXPECT_THAT(history.out, HasSubstr("投资协议 HT-2026-018"));
  EXPECT_THAT(history.out, HasSubstr("注册"));
  EXPECT_THAT(history.out, HasSubstr("(4 次)")) << "creation and three advances";

  auto p = CrmJson<v1::Project>({"projects", "get", "1"});
  EXPECT_EQ(p.stage(), v1::PROJECT_STAGE_CONSTRUCTION_STARTED);
  EXPECT_EQ(p.capital_arrived_cny(), 500'000'000);
  EXPECT_EQ(p.tier(), v1::INVESTMENT_TIER_2B);
  EXPECT_EQ(p.origin_lead(), lead.name());
}

TEST_F(CrmCliProjectsTest, CreateLoseReopenProblemsAndMilestones) {
  Result created = Crm({"projects", "create", "--name", "智能装备技改项目", "--investor-name", "某装备有限公司",
                        "--planned", "8000万", "--form", "technical_upgrade", "--industry", "C"});
  ASSERT_EQ(created.code, 0) << created.err;
  EXPECT_THAT(created.out, HasSubstr("10亿以下"));
  EXPECT_THAT(created.out, HasSubstr("技改"));
  EXPECT_EQ(Crm({"projects", "create", "--name", "x", "--investor-name", "y", "--form", "捐赠"}).code,
            cli::kExitInvalid);
  EXPECT_EQ(Crm({"projects", "update", "1"}).code, cli::kExitInvalid) << "nothing to change";
  Result updated = Crm({"projects", "update", "1", "--planned", "12亿"});
  ASSERT_EQ(updated.code, 0) << updated.err;
  EXPECT_THAT(updated.out, HasSubstr("10亿以上"));

  Result lost = Crm({"projects", "lose", "1", "--reason", "外地竞争", "--note", "落户邻市"});
  ASSERT_EQ(lost.code, 0) << lost.err;
  EXPECT_THAT(lost.out, HasSubstr("流失"));
  EXPECT_THAT(lost.out, HasSubstr("外地竞争"));
  Result reopened = Crm({"projects", "reopen", "1", "--note", "对方重新接洽"});
  ASSERT_EQ(reopened.code, 0) << reopened.err;
  EXPECT_THAT(reopened.out, HasSubstr("在谈"));

  Result problem =
      Crm({"projects", "problems", "add", "1", "--type", "用地", "--description", "用地指标不足", "--level", "管委会"});
  ASSERT_EQ(problem.code, 0) << problem.err;
  EXPECT_THAT(problem.out, HasSubstr("待解决"));
  Result resolved = Crm({"projects", "problems", "resolve", "1/1", "--resolution", "调剂指标30亩"});
  ASSERT_EQ(resolved.code, 0) << resolved.err;
  EXPECT_THAT(resolved.out, HasSubstr("已解决"));
  EXPECT_THAT(Crm({"projects", "problems", "list", "1", "--open"}).out, HasSubstr("(0 个)"));

  Result added = Crm({"projects", "milestones", "add", "1", "--title", "完成项目备案", "--planned", "2026-01-15"});
  ASSERT_EQ(added.code, 0) << added.err;
  Result done = Crm({"projects", "milestones", "done", "1/1", "--date", "2026-01-10"});
  ASSERT_EQ(done.code, 0) << done.err;
  EXPECT_THAT(done.out, HasSubstr("已完成"));
  ASSERT_EQ(Crm({"projects", "milestones", "remove", "1/1"}).code, 0);
  EXPECT_THAT(Crm({"projects", "milestones", "list", "1"}).out, HasSubstr("(0 项)"));
}

TEST_F(CrmCliProjectsTest, TargetsAreSetByTheAdminAndRead) {
  Result set = Crm({"targets", "set", "admin", "2026", "--signed", "12", "--signed-1b", "4", "--signed-5b", "1",
                    "--investment", "120亿", "--starts", "6", "--capital", "30亿"});
  ASSERT_EQ(set.code, 0) << set.err;
  EXPECT_THAT(set.out, HasSubstr("units/admin/targets/2026"));
  EXPECT_THAT(set.out, HasSubstr("120亿元"));
  auto t = CrmJson<v1::UnitTarget>({"targets", "get", "units/admin", "2026"});
  EXPECT_EQ(t.signed_projects(), 12);
  EXPECT_EQ(t.signed_projects_1b(), 4);
  EXPECT_EQ(t.capital_arrived_cny(), 3'000'000'000);
  EXPECT_THAT(Crm({"targets", "list", "2026"}).out, HasSubstr("(1 份)"));
  EXPECT_EQ(Crm({"targets", "set", "admin", "2026", "--capital", "很多"}).code, cli::kExitInvalid);
}

}  // namespace
}  // namespace crm

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc < 2) {
    std::fprintf(stderr, "usage: crm_cli_projects_test PATH_TO_CRM_BINARY\n");
    return 2;
  }
  crm::g_crm_binary = argv[1];
  return RUN_ALL_TESTS();
}
