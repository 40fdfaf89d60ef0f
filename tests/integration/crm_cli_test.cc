// The built `crm` binary as staff run it, against the real server and MariaDB:
// each command's success and failure path, exit codes, output formats, login,
// and the import/export round trip with a GBK file.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "clients/cli/csv.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/text_encoding.h"
#include "tests/integration/cli_harness.h"
#include "tests/integration/test_server.h"

namespace crm {
namespace {

std::string g_crm_binary;  // from the command line: the test runs the built binary

using testing::kToken;
using testing::ReadAll;
using Result = testing::CliResult;

class CrmCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ready());
    dir_ = std::filesystem::temp_directory_path() / absl::StrCat("crm_cli_test_", getpid(), "_", counter_++);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `crm args…` with the server's address and token in the environment
  // (unless `env` overrides them) and a private config directory.
  Result Crm(const std::vector<std::string>& args, std::map<std::string, std::string> env = {},
             const std::string& input = "") {
    env.emplace("CRM_ADDR", server_.address());
    env.emplace("CRM_TOKEN", kToken);
    env.emplace("XDG_CONFIG_HOME", (dir_ / "config").string());
    env.emplace("NO_COLOR", "1");
    return testing::RunCli(g_crm_binary, dir_, args, env, input);
  }

  // Creates a lead through the CLI and returns its name (from --json output).
  std::string CreateLead(const std::string& company) {
    Result r = Crm({"--json", "leads", "create", "--company", company, "--list", "行业领军企业", "--channel", "走出去"});
    EXPECT_EQ(r.code, 0) << r.err;
    size_t at = r.out.find("\"name\": \"leads/");
    if (at == std::string::npos) return "";
    size_t start = r.out.find("leads/", at);
    return r.out.substr(start, r.out.find('"', start) - start);
  }

  static int counter_;
  testing::TestServer server_;
  std::filesystem::path dir_;
};
int CrmCliTest::counter_ = 0;

TEST_F(CrmCliTest, CreateShowsTheLeadAndGetFindsIt) {
  Result r = Crm({"leads", "create", "--company", "西门子（中国）有限公司", "--list", "世界500强", "--channel", "请进来",
                  "--industry", "C", "--investment", "12.5亿", "--contact-name", "王经理"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("西门子（中国）有限公司"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("12.5亿元"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("世界500强"), std::string::npos) << r.out;
  Result got = Crm({"leads", "get", "1"});
  ASSERT_EQ(got.code, 0) << got.err;
  EXPECT_NE(got.out.find("王经理"), std::string::npos) << got.out;
}

TEST_F(CrmCliTest, InvalidInputPrintsEachFieldAndExitsWithTheInvalidCode) {
  Result r = Crm({"leads", "create", "--company", "某公司", "--list", "其他", "--channel", "线上", "--uscc",
                  "91350200776049653B"});
  EXPECT_EQ(r.code, cli::kExitInvalid);
  EXPECT_NE(r.err.find("lead.uscc: check character should be 'A'"), std::string::npos) << r.err;
  Result bad_cell = Crm({"leads", "create", "--company", "某公司", "--list", "不存在的名录", "--channel", "线上"});
  EXPECT_EQ(bad_cell.code, cli::kExitInvalid) << bad_cell.err;
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM leads"), "0");
}

TEST_F(CrmCliTest, UsageErrorsAndMissingLeadsHaveTheirOwnCodes) {
  EXPECT_EQ(Crm({"leads", "frobnicate"}).code, cli::kExitUsage);
  EXPECT_EQ(Crm({"leads", "create"}).code, cli::kExitUsage) << "--company is required";
  Result missing = Crm({"leads", "get", "424242"});
  EXPECT_EQ(missing.code, cli::kExitNotFound);
  EXPECT_NE(missing.err.find("leads/424242"), std::string::npos) << missing.err;
}

TEST_F(CrmCliTest, AWrongTokenOrAnUnreachableServerExitWithTheirCodes) {
  EXPECT_EQ(Crm({"leads", "list"}, {{"CRM_TOKEN", "wrong"}}).code, cli::kExitAuth);
  Result down = Crm({"--timeout", "1", "leads", "list"}, {{"CRM_ADDR", "127.0.0.1:1"}});
  EXPECT_EQ(down.code, cli::kExitUnavailable) << down.err;
}

TEST_F(CrmCliTest, ListPagesAutomaticallyAndPrintsTableJsonAndCsv) {
  for (int i = 0; i < 5; ++i) CreateLead(absl::StrCat("列表测试", i, "号有限公司"));
  Result table = Crm({"leads", "list"});
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("企业名称"), std::string::npos);
  EXPECT_NE(table.out.find("(5 条)"), std::string::npos) << table.out;
  Result limited = Crm({"leads", "list", "--limit", "2"});
  EXPECT_NE(limited.out.find("(2 条)"), std::string::npos) << limited.out;
  Result json = Crm({"--json", "leads", "list"});
  ASSERT_EQ(json.code, 0);
  EXPECT_EQ(json.out.front(), '[');
  size_t names = 0;
  for (size_t at = 0; (at = json.out.find("\"name\":", at)) != std::string::npos; ++at) ++names;
  EXPECT_EQ(names, 5u);
  Result csv = Crm({"--csv", "leads", "list", "--search", "3号"});
  auto records = cli::ParseCsv(csv.out);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u) << csv.out;
  EXPECT_EQ((*records)[1][0].find("列表测试3号"), 0u) << csv.out;
  EXPECT_EQ(Crm({"leads", "list", "--status", "nonsense"}).code, cli::kExitInvalid);
}

TEST_F(CrmCliTest, UpdateChecksTheEtagAndStatusCommandsFollowTheFunnel) {
  std::string name = CreateLead("流程测试有限公司");
  Result updated = Crm({"--json", "leads", "update", name, "--notes", "第二次拜访后更新", "--etag", "1"});
  ASSERT_EQ(updated.code, 0) << updated.err;
  EXPECT_NE(updated.out.find("第二次拜访后更新"), std::string::npos);
  EXPECT_EQ(Crm({"leads", "update", name, "--notes", "x", "--etag", "1"}).code, cli::kExitConflict);
  EXPECT_EQ(Crm({"leads", "update", name}).code, cli::kExitInvalid) << "nothing to change";

  EXPECT_EQ(Crm({"leads", "qualify", name}).code, 0);
  Result again = Crm({"leads", "qualify", name});
  EXPECT_EQ(again.code, cli::kExitConflict);
  EXPECT_NE(again.err.find("only from NEW or CONTACTING"), std::string::npos) << again.err;
  EXPECT_EQ(Crm({"leads", "disqualify", name}).code, cli::kExitUsage) << "--reason is required";
  EXPECT_EQ(Crm({"leads", "disqualify", name, "--reason", "落地意向转向外省"}).code, 0);
  Result reopened = Crm({"leads", "reopen", name});
  EXPECT_EQ(reopened.code, 0) << reopened.err;
  EXPECT_NE(reopened.out.find("接洽中"), std::string::npos) << reopened.out;
}

TEST_F(CrmCliTest, ActivitiesDuplicatesAndSoftDelete) {
  std::string name = CreateLead("宁德某新能源科技股份有限公司");
  Result added = Crm({"leads", "activity", "add", name, "--kind", "visit", "--date", "2026-11-20", "--summary",
                      "赴宁德拜访，对方关注用地指标", "--participant", "招商一局 李四", "--next-date", "2026-12-05"});
  ASSERT_EQ(added.code, 0) << added.err;
  EXPECT_EQ(Crm({"leads", "activity", "add", name, "--summary", "x", "--date", "2026-02-30"}).code, cli::kExitInvalid);
  EXPECT_EQ(Crm({"leads", "activity", "add", name, "--summary", "x", "--kind", "dance"}).code, cli::kExitInvalid);
  Result listed = Crm({"leads", "activity", "list", name});
  ASSERT_EQ(listed.code, 0) << listed.err;
  EXPECT_NE(listed.out.find("对方关注用地指标"), std::string::npos) << listed.out;
  ASSERT_EQ(Crm({"leads", "activity", "add", name, "--kind", "call", "--summary", "电话跟进"}).code, 0);
  EXPECT_NE(Crm({"leads", "activity", "list", name}).out.find("(2 条)"), std::string::npos);
  EXPECT_NE(Crm({"leads", "activity", "list", name, "--limit", "1"}).out.find("(1 条)"), std::string::npos);

  Result dups = Crm({"leads", "dups", "--company", "宁德某新能源科技有限公司"});
  ASSERT_EQ(dups.code, 0) << dups.err;
  EXPECT_NE(dups.out.find("(1 条疑似重复)"), std::string::npos) << dups.out;
  EXPECT_EQ(Crm({"leads", "dups"}).code, cli::kExitInvalid);

  EXPECT_EQ(Crm({"leads", "delete", name}).code, 0);
  EXPECT_NE(Crm({"leads", "list"}).out.find("(0 条)"), std::string::npos);
  EXPECT_NE(Crm({"leads", "list", "--deleted"}).out.find("(1 条)"), std::string::npos);
  EXPECT_EQ(Crm({"leads", "delete", name}).code, cli::kExitConflict);
  EXPECT_EQ(Crm({"leads", "undelete", name}).code, 0);
}

TEST_F(CrmCliTest, LoginSavesAPrivateConfigThatLaterCommandsUse) {
  std::ofstream(dir_ / "token") << kToken << "\n";
  Result wrong = Crm({"--addr", server_.address(), "login"}, {{"CRM_TOKEN", "wrong"}});
  EXPECT_EQ(wrong.code, cli::kExitAuth);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "config/crm/config")) << "a failed login saves nothing";

  Result ok = Crm({"--addr", server_.address(), "login", "--token-file", (dir_ / "token").string()},
                  {{"CRM_TOKEN", ""}, {"CRM_ADDR", ""}});
  ASSERT_EQ(ok.code, 0) << ok.err;
  struct stat st {};
  ASSERT_EQ(stat((dir_ / "config/crm/config").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Result later = Crm({"leads", "list"}, {{"CRM_TOKEN", ""}, {"CRM_ADDR", ""}});
  EXPECT_EQ(later.code, 0) << later.err;

  Result prompted = Crm({"--addr", server_.address(), "login"}, {{"CRM_TOKEN", ""}}, std::string(kToken) + "\n");
  EXPECT_EQ(prompted.code, 0) << prompted.err;
}

TEST_F(CrmCliTest, AnAdminOnboardsAStaffMemberWhoseTokenWorksUntilRevoked) {
  ASSERT_EQ(Crm({"admin", "unit", "create", "team-1", "--name", "招商一局"}).code, 0);
  Result user = Crm({"admin", "user", "create", "zhangsan", "--name", "张三", "--unit", "team-1", "--role", "staff"});
  ASSERT_EQ(user.code, 0) << user.err;
  EXPECT_NE(user.out.find("STAFF"), std::string::npos) << user.out;
  EXPECT_EQ(Crm({"admin", "user", "create", "x", "--name", "x", "--unit", "team-1", "--role", "boss"}).code,
            cli::kExitInvalid);
  Result issued = Crm({"admin", "token", "issue", "zhangsan", "--description", "张三的笔记本"});
  ASSERT_EQ(issued.code, 0) << issued.err;
  std::string secret = issued.out.substr(0, issued.out.find('\n'));
  ASSERT_EQ(secret.rfind("crm_", 0), 0u) << issued.out;

  Result created = Crm({"leads", "create", "--company", "张三的线索有限公司", "--list", "其他", "--channel", "线上"},
                       {{"CRM_TOKEN", secret}});
  ASSERT_EQ(created.code, 0) << created.err;
  EXPECT_NE(created.out.find("units/team-1"), std::string::npos) << created.out;
  Result denied = Crm({"admin", "unit", "list"}, {{"CRM_TOKEN", secret}});
  EXPECT_EQ(denied.code, cli::kExitAuth);
  EXPECT_NE(denied.err.find("may not call crm.v1.AdminService/ListUnits"), std::string::npos) << denied.err;

  Result tokens = Crm({"--csv", "admin", "token", "list", "zhangsan"});
  ASSERT_EQ(tokens.code, 0) << tokens.err;
  EXPECT_EQ(tokens.out.find(secret), std::string::npos) << "only the prefix is listed";
  EXPECT_NE(tokens.out.find(secret.substr(0, 8)), std::string::npos) << tokens.out;
  auto rows = cli::ParseCsv(tokens.out);
  ASSERT_TRUE(rows.ok() && rows->size() == 2) << tokens.out;
  EXPECT_EQ(Crm({"admin", "token", "revoke", (*rows)[1][0]}).code, 0);
  EXPECT_EQ(Crm({"leads", "list"}, {{"CRM_TOKEN", secret}}).code, cli::kExitAuth);
}

TEST_F(CrmCliTest, CompletionScriptsKnowTheCommands) {
  Result bash = Crm({"completion", "bash"});
  ASSERT_EQ(bash.code, 0);
  EXPECT_NE(bash.out.find("[\"leads\"]=\"list get create"), std::string::npos) << bash.out;
  EXPECT_NE(bash.out.find("complete -o default -F _crm crm"), std::string::npos);
  Result zsh = Crm({"completion", "zsh"});
  EXPECT_NE(zsh.out.find("bashcompinit"), std::string::npos);
  EXPECT_EQ(Crm({"completion", "fish"}).code, cli::kExitUsage);
}

TEST_F(CrmCliTest, ImportOfAGbkFileCreatesTheGoodRowsReportsTheBadOnesAndIsSafeToRepeat) {
  // 以商招商 rows need a referrer (推荐企业); the cells hold commas, so they are quoted.
  std::string text = "企业名称,统一社会信用代码,名录,渠道,推荐企业,行业,预计投资额(万元),联系人,备注\r\n";
  int bad = 0;
  for (int i = 1; i <= 1000; ++i) {
    std::string uscc, list = "民企500强";
    if (i % 50 == 0) {  // 20 bad rows: 10 caught by the client, 10 by the server
      if ((i / 50) % 2 == 0) list = "不存在的名录"; else uscc = "91350200776049653B";
      ++bad;
    }
    absl::StrAppend(&text, "\"导入测试", i, "号科技有限公司\",", uscc, ",", list, ",以商招商,园区某企业,I,", 1000 + i,
                    ",张", i, ",\"第", i, "行, 含逗号\"\r\n");
  }
  ASSERT_EQ(bad, 20);
  auto gbk = cli::FromUtf8(text, cli::Encoding::kGb18030);
  ASSERT_TRUE(gbk.ok()) << gbk.status();
  std::ofstream(dir_ / "leads.csv", std::ios::binary) << *gbk;

  Result first = Crm({"import", "leads", (dir_ / "leads.csv").string()});
  EXPECT_EQ(first.code, cli::kExitPartial) << first.err;
  EXPECT_NE(first.err.find("1000 rows: 980 created, 0 imported before, 20 rejected"), std::string::npos) << first.err;
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM leads"), "980");
  EXPECT_EQ(server_.db().QueryOne("SELECT referrer FROM leads ORDER BY id LIMIT 1"), "园区某企业");
  EXPECT_EQ(server_.db().QueryOne("SELECT estimated_investment_cny FROM leads ORDER BY id LIMIT 1"), "10010000");

  std::string report = ReadAll(dir_ / "leads.rejected.csv");
  ASSERT_EQ(report.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM for Excel";
  auto rows = cli::ParseCsv(report.substr(3));
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 21u);
  EXPECT_EQ((*rows)[0].back(), "错误原因");
  for (size_t i = 1; i < rows->size(); ++i) EXPECT_FALSE((*rows)[i].back().empty()) << "row " << i;
  EXPECT_NE(report.find("check character should be 'A'"), std::string::npos);
  EXPECT_NE(report.find("不存在的名录"), std::string::npos);

  Result again = Crm({"import", "leads", (dir_ / "leads.csv").string()});
  EXPECT_EQ(again.code, cli::kExitPartial) << again.err;
  EXPECT_NE(again.err.find("1000 rows: 0 created, 980 imported before, 20 rejected"), std::string::npos) << again.err;
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM leads"), "980");
}

TEST_F(CrmCliTest, ImportStopsWhenTheServerIsUnreachableAndSaysHowToContinue) {
  std::ofstream(dir_ / "few.csv") << "企业名称,名录,渠道\n甲公司,其他,线上\n乙公司,其他,线上\n";
  Result r = Crm({"--timeout", "1", "import", "leads", (dir_ / "few.csv").string()}, {{"CRM_ADDR", "127.0.0.1:1"}});
  EXPECT_EQ(r.code, cli::kExitUnavailable) << r.err;
  EXPECT_NE(r.err.find("stopped at line 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("running the same import again"), std::string::npos) << r.err;
}

TEST_F(CrmCliTest, ExportWritesCsvThatExcelAndImportRead) {
  CreateLead("导出测试甲有限公司");
  CreateLead("导出测试乙有限公司");
  Result r = Crm({"export", "leads", (dir_ / "out.csv").string(), "--bom"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("2 leads written"), std::string::npos) << r.err;
  std::string csv = ReadAll(dir_ / "out.csv");
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  auto rows = cli::ParseCsv(csv.substr(3));
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->size(), 3u);
  // The export reads back through import. Nothing ties its rows to the originals (no USCC, and
  // import request ids come from row content), so this makes two copies: the point is that every
  // exported cell is accepted.
  Result imported = Crm({"import", "leads", (dir_ / "out.csv").string()});
  EXPECT_EQ(imported.code, 0) << imported.err;
  EXPECT_NE(imported.err.find("2 rows: 2 created"), std::string::npos) << imported.err;
}

}  // namespace
}  // namespace crm

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc < 2) {
    std::fprintf(stderr, "usage: crm_cli_test PATH_TO_CRM_BINARY\n");
    return 2;
  }
  crm::g_crm_binary = argv[1];
  return RUN_ALL_TESTS();
}
