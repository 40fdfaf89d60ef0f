// The built `crm` binary's enterprise and service-request commands, as staff
// run them, against the real server and MariaDB: output, exit codes, the
// evaluation's explanations, the 督办 colour, and import/export of the pool.

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "base/uscc.h"
#include "clients/cli/csv.h"
#include "clients/cli/exit_codes.h"
#include "crm/v1/enterprises_service.pb.h"
#include "gmock/gmock.h"
#include "tests/integration/cli_harness.h"
#include "tests/integration/test_server.h"

namespace crm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Result = testing::CliResult;

std::string g_crm_binary;  // from the command line: the test runs the built binary

// A valid USCC, different for each `n`.
std::string Uscc(int n) { return WithUsccCheckCharacter(absl::StrFormat("91350200MA%07d", n)); }

// Today in the zone's calendar (UTC+8), which due dates are counted in.
std::string ZoneToday() { return absl::FormatTime("%Y-%m-%d", absl::Now(), absl::FixedTimeZone(8 * 3600)); }

template <typename Message>
Message FromJson(const std::string& json) {
  Message m;
  auto status = google::protobuf::util::JsonStringToMessage(json, &m);
  EXPECT_TRUE(status.ok()) << status << "\n" << json;
  return m;
}

class CrmCliEnterprisesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ready());
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrCat("crm_cli_enterprises_test_", getpid(), "_", counter_++);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `crm args…` with the server's address and admin token, no colour.
  Result Crm(const std::vector<std::string>& args, std::map<std::string, std::string> env = {}) {
    env.emplace("CRM_ADDR", server_.address());
    env.emplace("CRM_TOKEN", testing::kToken);
    env.emplace("XDG_CONFIG_HOME", (dir_ / "config").string());
    env.emplace("NO_COLOR", "1");
    return testing::RunCli(g_crm_binary, dir_, args, env);
  }

  // Creates an enterprise through the CLI (founded 2022, industry C, in the zone).
  v1::Enterprise Create(int n, const std::string& company) {
    Result r = Crm({"--json", "enterprises", "create", "--uscc", Uscc(n), "--company", company, "--founded",
                    "2022-03-01", "--industry", "C", "--in-zone", "yes"});
    EXPECT_EQ(r.code, 0) << r.err;
    return FromJson<v1::Enterprise>(r.out);
  }

  static int counter_;
  testing::TestServer server_;
  std::filesystem::path dir_;
};
int CrmCliEnterprisesTest::counter_ = 0;

TEST_F(CrmCliEnterprisesTest, CreateShowsTheEnterpriseAndGetAndListFindIt) {
  Result r = Crm({"enterprises", "create", "--uscc", Uscc(1), "--company", "厦门某智能装备股份有限公司", "--founded",
                  "2015/3/8", "--industry", "C", "--capital", "5000万", "--tags", "民营企业、高校院所孵化", "--in-zone",
                  "是"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("厦门某智能装备股份有限公司"));
  EXPECT_THAT(r.out, HasSubstr("C 制造业"));
  EXPECT_THAT(r.out, HasSubstr("5,000万元"));
  EXPECT_THAT(r.out, HasSubstr("2015-03-08"));
  EXPECT_THAT(r.out, HasSubstr("民营企业、高校院所孵化"));

  Result got = Crm({"--json", "enterprises", "get", "1"});
  ASSERT_EQ(got.code, 0) << got.err;
  v1::Enterprise e = FromJson<v1::Enterprise>(got.out);
  EXPECT_EQ(e.name(), "enterprises/1");
  EXPECT_EQ(e.uscc(), Uscc(1));
  EXPECT_TRUE(e.in_zone());

  Create(2, "厦门某生物医药有限公司");
  Result listed = Crm({"enterprises", "list"});
  ASSERT_EQ(listed.code, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr("统一社会信用代码"));
  EXPECT_THAT(listed.out, HasSubstr("(2 家)"));
  EXPECT_THAT(Crm({"enterprises", "list", "--search", "生物"}).out, HasSubstr("(1 家)"));
  EXPECT_THAT(Crm({"enterprises", "list", "--limit", "1"}).out, HasSubstr("(1 家)"));
  Result csv = Crm({"--csv", "enterprises", "list"});
  auto rows = cli::ParseCsv(csv.out);
  ASSERT_TRUE(rows.ok()) << csv.out;
  EXPECT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0][0], "统一社会信用代码");
}

TEST_F(CrmCliEnterprisesTest, BadInputIsRefusedWithTheReasonAndTheInvalidCode) {
  std::string bad = Uscc(3);
  bad.back() = bad.back() == 'A' ? 'B' : 'A';
  Result r = Crm({"enterprises", "create", "--uscc", bad, "--company", "某公司", "--founded", "2020-01-01", "--industry",
                  "C"});
  EXPECT_EQ(r.code, cli::kExitInvalid) << r.err;
  EXPECT_THAT(r.err, HasSubstr("uscc"));
  EXPECT_THAT(r.err, HasSubstr("check character should be"));

  Result bad_day = Crm({"enterprises", "create", "--uscc", Uscc(3), "--company", "某公司", "--founded", "2026-02-30"});
  EXPECT_EQ(bad_day.code, cli::kExitInvalid);
  EXPECT_THAT(bad_day.err, HasSubstr("--founded: \"2026-02-30\" is not a day of the calendar"));
  EXPECT_EQ(Crm({"enterprises", "create", "--company", "某公司"}).code, cli::kExitUsage) << "--uscc is required";
  EXPECT_EQ(Crm({"enterprises", "list", "--title", "神兽"}).code, cli::kExitInvalid);
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM enterprises"), "0");

  Result missing = Crm({"enterprises", "get", "424242"});
  EXPECT_EQ(missing.code, cli::kExitNotFound);
  EXPECT_THAT(missing.err, HasSubstr("enterprises/424242"));
}

TEST_F(CrmCliEnterprisesTest, UpdateChecksTheEtagAndDeleteIsUndone) {
  v1::Enterprise e = Create(4, "更新测试有限公司");
  Result updated = Crm({"--json", "enterprises", "update", e.name(), "--address", "集美区某路2号", "--etag", e.etag()});
  ASSERT_EQ(updated.code, 0) << updated.err;
  EXPECT_EQ(FromJson<v1::Enterprise>(updated.out).address(), "集美区某路2号");
  EXPECT_EQ(Crm({"enterprises", "update", e.name(), "--address", "x", "--etag", e.etag()}).code, cli::kExitConflict);
  EXPECT_EQ(Crm({"enterprises", "update", e.name()}).code, cli::kExitInvalid) << "nothing to change";

  EXPECT_EQ(Crm({"enterprises", "delete", e.name()}).code, 0);
  EXPECT_THAT(Crm({"enterprises", "list"}).out, HasSubstr("(0 家)"));
  EXPECT_THAT(Crm({"enterprises", "list", "--show-deleted"}).out, HasSubstr("(1 家)"));
  EXPECT_EQ(Crm({"enterprises", "undelete", e.name()}).code, 0);
  EXPECT_THAT(Crm({"enterprises", "list"}).out, HasSubstr("(1 家)"));
}

TEST_F(CrmCliEnterprisesTest, MetricsFeedTheEvaluationWhichExplainsEachCriterion) {
  v1::Enterprise e = Create(5, "厦门某人工智能科技有限公司");
  Result set = Crm({"enterprises", "metrics", "set", e.name(), "2025", "--revenue", "3.2亿", "--valuation", "8亿",
                    "--employees", "120", "--profit=-800万"});
  ASSERT_EQ(set.code, 0) << set.err;
  EXPECT_THAT(set.out, HasSubstr("3.2亿元"));
  EXPECT_THAT(set.out, HasSubstr("-800万元"));
  ASSERT_EQ(Crm({"enterprises", "metrics", "set", e.name(), "2024", "--revenue", "2亿"}).code, 0);
  Result listed = Crm({"enterprises", "metrics", "list", e.name()});
  ASSERT_EQ(listed.code, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr("+60.0%")) << "revenue growth 2亿 → 3.2亿";
  EXPECT_THAT(listed.out, HasSubstr("(2 年)"));
  EXPECT_EQ(Crm({"enterprises", "metrics", "set", e.name(), "2025", "--employees", "很多"}).code, cli::kExitInvalid);
  EXPECT_EQ(Crm({"enterprises", "metrics", "set", e.name(), "2025"}).code, cli::kExitInvalid) << "nothing to set";

  Result evaluated = Crm({"enterprises", "evaluate", e.name()});
  ASSERT_EQ(evaluated.code, 0) << evaluated.err;
  EXPECT_THAT(evaluated.out, HasSubstr("2025年数据"));
  EXPECT_THAT(evaluated.out, HasSubstr("✓ 准独角兽企业"));
  EXPECT_THAT(evaluated.out, HasSubstr("    ✓ valuation ¥8亿")) << evaluated.out;
  EXPECT_THAT(evaluated.out, HasSubstr("✗ 独角兽企业"));
  Result json = Crm({"--json", "enterprises", "evaluate", e.name(), "--year", "2025"});
  ASSERT_EQ(json.code, 0) << json.err;
  auto response = FromJson<v1::EvaluateEnterpriseResponse>(json.out);
  EXPECT_EQ(response.metrics_year(), 2025);
  EXPECT_GT(response.evaluations_size(), 0);

  Result screened = Crm({"enterprises", "screen", "--title", "potential_unicorn"});
  ASSERT_EQ(screened.code, 0) << screened.err;
  EXPECT_THAT(screened.out, HasSubstr("厦门某人工智能科技有限公司"));
  EXPECT_THAT(screened.out, HasSubstr("(1 家)"));
}

TEST_F(CrmCliEnterprisesTest, TitlesAndServiceSecretaries) {
  v1::Enterprise e = Create(6, "称号测试有限公司");
  Result added = Crm({"--json", "enterprises", "titles", "add", e.name(), "--title", "瞪羚", "--level", "national",
                      "--issuer", "科学技术部", "--year", "2025", "--valid-until", "2028-12-31"});
  ASSERT_EQ(added.code, 0) << added.err;
  auto cert = FromJson<v1::Certification>(added.out);
  EXPECT_EQ(cert.title(), v1::CERTIFICATION_TITLE_GAZELLE);
  Result listed = Crm({"enterprises", "titles", "list", e.name()});
  ASSERT_EQ(listed.code, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr("瞪羚企业"));
  EXPECT_THAT(listed.out, HasSubstr("国家级"));
  EXPECT_THAT(Crm({"enterprises", "get", e.name()}).out, HasSubstr("瞪羚企业"));
  EXPECT_THAT(Crm({"enterprises", "list", "--title", "gazelle"}).out, HasSubstr("(1 家)"));
  EXPECT_EQ(Crm({"enterprises", "titles", "add", e.name(), "--title", "gazelle", "--level", "galactic", "--year",
                 "2025"})
                .code,
            cli::kExitInvalid);
  EXPECT_EQ(Crm({"enterprises", "titles", "remove", cert.name()}).code, 0);
  EXPECT_THAT(Crm({"enterprises", "list", "--title", "gazelle"}).out, HasSubstr("(0 家)"));

  Result assigned = Crm({"enterprises", "assign-secretary", e.name(), "admin", "--note", "首次指派"});
  ASSERT_EQ(assigned.code, 0) << assigned.err;
  EXPECT_THAT(assigned.out, HasSubstr("users/admin"));
  Result history = Crm({"enterprises", "secretaries", e.name()});
  ASSERT_EQ(history.code, 0) << history.err;
  EXPECT_THAT(history.out, HasSubstr("首次指派"));
  EXPECT_THAT(history.out, HasSubstr("(1 条)"));
  EXPECT_THAT(Crm({"enterprises", "list", "--secretary", "admin"}).out, HasSubstr("(1 家)"));
}

TEST_F(CrmCliEnterprisesTest, ServiceRequestsShowTheirColourAndFollowTheirSteps) {
  v1::Enterprise e = Create(7, "服务清单测试有限公司");
  Result late = Crm({"--json", "requests", "create", e.name(), "--category", "用地", "--priority", "urgent",
                     "--description", "扩产用地指标", "--raised", "2020-01-01", "--due", "2020-01-10"});
  ASSERT_EQ(late.code, 0) << late.err;
  auto late_request = FromJson<v1::ServiceRequest>(late.out);
  EXPECT_EQ(late_request.escalation_color(), v1::ESCALATION_COLOR_RED);
  Result today = Crm({"--json", "requests", "create", e.name(), "--category", "talent", "--priority", "一般",
                      "--description", "人才公寓申请", "--due", ZoneToday()});
  ASSERT_EQ(today.code, 0) << today.err;
  auto today_request = FromJson<v1::ServiceRequest>(today.out);

  Result listed = Crm({"requests", "list"});
  ASSERT_EQ(listed.code, 0) << listed.err;
  EXPECT_THAT(listed.out, HasSubstr("督办"));
  EXPECT_THAT(listed.out, HasSubstr("(2 项)"));
  EXPECT_THAT(listed.out, HasSubstr("用地空间"));
  // The colour is the last column: each line ends with it.
  EXPECT_THAT(listed.out, HasSubstr("红\n"));
  EXPECT_THAT(listed.out, HasSubstr("蓝\n"));
  EXPECT_THAT(Crm({"requests", "list", "--escalation", "red"}).out, HasSubstr("(1 项)"));
  EXPECT_THAT(Crm({"requests", "list", "--enterprise", e.name(), "--overdue"}).out, HasSubstr("(2 项)"));
  Result colored = Crm({"requests", "list", "--escalation", "red", "--color", "always"});
  EXPECT_THAT(colored.out, HasSubstr("\033[1;31m红\033[0m")) << "coloured on request (as on a terminal)";
  EXPECT_EQ(Crm({"requests", "list", "--escalation", "green"}).code, cli::kExitInvalid);

  const std::string name = late_request.name();
  EXPECT_EQ(Crm({"requests", "close", name, "--satisfaction", "5"}).code, cli::kExitConflict) << "not resolved yet";
  ASSERT_EQ(Crm({"requests", "accept", name}).code, 0);
  ASSERT_EQ(Crm({"requests", "start", name}).code, 0);
  EXPECT_EQ(Crm({"requests", "resolve", name}).code, cli::kExitUsage) << "--resolution is required";
  ASSERT_EQ(Crm({"requests", "resolve", name, "--resolution", "已协调用地指标30亩"}).code, 0);
  Result reopened = Crm({"requests", "reopen", name, "--reason", "指标未落实"});
  ASSERT_EQ(reopened.code, 0) << reopened.err;
  EXPECT_THAT(reopened.out, HasSubstr("已重开"));
  ASSERT_EQ(Crm({"requests", "start", name}).code, 0);
  ASSERT_EQ(Crm({"requests", "resolve", name, "--resolution", "已签订用地协议"}).code, 0);
  Result closed = Crm({"requests", "close", name, "--satisfaction", "5"});
  ASSERT_EQ(closed.code, 0) << closed.err;
  EXPECT_THAT(closed.out, HasSubstr("已关闭"));
  EXPECT_THAT(closed.out, HasSubstr("5/5"));
  EXPECT_THAT(closed.out, Not(HasSubstr("督办"))) << "a closed request is not escalated";
  EXPECT_EQ(Crm({"requests", "close", name, "--satisfaction", "9"}).code, cli::kExitUsage);

  Result updated = Crm({"requests", "update", today_request.name(), "--priority", "急事"});
  ASSERT_EQ(updated.code, 0) << updated.err;
  EXPECT_THAT(updated.out, HasSubstr("急事"));
  Result got = Crm({"--csv", "requests", "get", today_request.name()});
  auto rows = cli::ParseCsv(got.out);
  ASSERT_TRUE(rows.ok() && rows->size() == 2) << got.out;
  EXPECT_EQ((*rows)[0].back(), "督办");
  EXPECT_EQ((*rows)[1].back(), "蓝");
}

TEST_F(CrmCliEnterprisesTest, ImportReportsBadRowsStoresTheOthersAndAnExportReadsBack) {
  std::string bad_uscc = Uscc(12);
  bad_uscc.back() = bad_uscc.back() == 'A' ? 'B' : 'A';
  std::string text = "统一社会信用代码,企业名称,成立日期,注册资本(万元),行业,是否在园区,标签\r\n";
  absl::StrAppend(&text, Uscc(10), ",导入甲科技有限公司,2019-05-01,500,I,是,民营企业\r\n");
  absl::StrAppend(&text, Uscc(11), ",导入乙制造有限公司,2010/1/2,\"1,000\",C,否,\r\n");
  absl::StrAppend(&text, bad_uscc, ",信用代码错误有限公司,2018-01-01,100,C,是,\r\n");
  absl::StrAppend(&text, Uscc(13), ",日期错误有限公司,去年,100,C,是,\r\n");
  absl::StrAppend(&text, Uscc(14), ",导入丙服务有限公司,2021-07-07,50,M,是,海归创业\r\n");
  std::ofstream(dir_ / "pool.csv", std::ios::binary) << text;

  Result first = Crm({"import", "enterprises", (dir_ / "pool.csv").string()});
  EXPECT_EQ(first.code, cli::kExitPartial) << first.err;
  EXPECT_THAT(first.err, HasSubstr("5 rows: 3 created, 0 updated, 0 unchanged, 2 rejected"));
  EXPECT_THAT(first.err, HasSubstr(absl::StrCat("line 4 (", bad_uscc, "): ")));
  EXPECT_THAT(first.err, HasSubstr("check character should be"));
  EXPECT_THAT(first.err, HasSubstr("line 5"));
  EXPECT_THAT(first.err, HasSubstr("成立日期: \"去年\" is not a day"));
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM enterprises"), "3");
  std::string report = testing::ReadAll(dir_ / "pool.rejected.csv");
  ASSERT_EQ(report.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM for Excel";
  auto report_rows = cli::ParseCsv(report.substr(3));
  ASSERT_TRUE(report_rows.ok());
  EXPECT_EQ(report_rows->size(), 3u);

  Result exported = Crm({"export", "enterprises", (dir_ / "out.csv").string(), "--bom"});
  ASSERT_EQ(exported.code, 0) << exported.err;
  EXPECT_THAT(exported.err, HasSubstr("3 enterprises written"));
  std::string csv = testing::ReadAll(dir_ / "out.csv");
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  auto rows = cli::ParseCsv(csv.substr(3));
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[1][1], "导入甲科技有限公司");
  EXPECT_EQ((*rows)[2][4], "10000000") << "1,000万 in 元";
  EXPECT_THAT(Crm({"export", "enterprises", "--industry", "C"}).out, HasSubstr("导入乙制造有限公司"));

  // The export is an import file: matched by USCC, every row is as stored.
  Result again = Crm({"import", "enterprises", (dir_ / "out.csv").string()});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_THAT(again.err, HasSubstr("3 rows: 0 created, 0 updated, 3 unchanged, 0 rejected"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "out.rejected.csv"));
}

}  // namespace
}  // namespace crm

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc < 2) {
    std::fprintf(stderr, "usage: crm_cli_enterprises_test PATH_TO_CRM_BINARY\n");
    return 2;
  }
  crm::g_crm_binary = argv[1];
  return RUN_ALL_TESTS();
}
