// crm-load (bench/load) for about a second per workload against the built
// crm-server (a fresh database on the test MariaDB) and crm-echo-server: every
// workload must complete calls, and none may fail other than with the errors
// the workload expects. So the benchmark harness cannot rot. Nothing here
// looks at a time or a rate: benchmarks are not tests.
//
//   load_smoke_test CRM_SERVER CRM_LOAD CRM_ECHO_SERVER

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "tests/integration/child_process.h"
#include "tests/integration/cli_harness.h"
#include "tests/integration/test_db.h"

namespace crm::testing {
namespace {

std::string g_server, g_load, g_echo;

// Every workload crm-load knows (bench/load/workload_registry.cc).
const std::vector<std::string> kWorkloads = {
    "GetLead",    "GetProject",          "ListProjects",       "ListProjectsDeepPage",
    "CreateLead", "AdvanceProjectStage", "GetPipelineSummary", "ImportEnterprises",
    "Echo"};

// The `key=value` fields of crm-load's machine-readable lines for the whole of
// each workload (`series=*`), by workload.
std::map<std::string, std::map<std::string, std::string>> WorkloadLines(const std::string& out) {
  std::map<std::string, std::map<std::string, std::string>> lines;
  for (absl::string_view line : absl::StrSplit(out, '\n')) {
    if (!absl::ConsumePrefix(&line, "load ")) continue;
    std::map<std::string, std::string> fields;
    for (absl::string_view field : absl::StrSplit(line, ' ', absl::SkipEmpty())) {
      std::pair<std::string, std::string> kv = absl::StrSplit(field, absl::MaxSplits('=', 1));
      fields[kv.first] = kv.second;
    }
    if (fields["series"] == "*") lines[fields["workload"]] = fields;
  }
  return lines;
}

TEST(LoadSmokeTest, EveryWorkloadCompletesCallsWithoutFailures) {
  std::unique_ptr<TestDatabase> db = TestDatabase::Create();
  ASSERT_NE(db, nullptr);
  std::filesystem::path dir = std::filesystem::temp_directory_path() / absl::StrCat("crm_load_smoke_", getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "token") << "load-smoke-token-0123456789abcdef0123456789abcdef\n";
  std::filesystem::permissions(dir / "token", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  std::string dsn = DsnOf(db->app_config());
  Child server({g_server, "--listen=127.0.0.1:0", absl::StrCat("--port_file=", (dir / "port").string()),
                absl::StrCat("--dsn=", dsn), "--migrate=false", "--rate_limit=0", "--pool_size=4",
                absl::StrCat("--bootstrap_token_file=", (dir / "token").string())},
               dir / "server.log");
  Child echo({g_echo, "--listen=127.0.0.1:0", absl::StrCat("--port_file=", (dir / "echo_port").string())},
             dir / "echo.log");
  int port = WaitForPort(server, dir / "port");
  int echo_port = WaitForPort(echo, dir / "echo_port");
  ASSERT_GT(port, 0) << "crm-server did not start:\n" << ReadAll(dir / "server.log");
  ASSERT_GT(echo_port, 0) << "crm-echo-server did not start:\n" << ReadAll(dir / "echo.log");

  std::string workloads;
  for (const std::string& w : kWorkloads) absl::StrAppend(&workloads, workloads.empty() ? "" : ",", w);
  CliResult run =
      RunCli(g_load, dir,
             {absl::StrCat("--addr=127.0.0.1:", port), absl::StrCat("--echo_addr=127.0.0.1:", echo_port),
              absl::StrCat("--token_file=", (dir / "token").string()), "--workloads=" + workloads, "--concurrency=4",
              "--channels=2", "--warmup_s=0.2", "--duration_s=1", "--page_size=5", "--deep_page=4", "--import_rows=300",
              "--import_stream_rows=100", "--import_message_rows=40", "--advance_projects=60"},
             {});
  EXPECT_EQ(run.code, 0) << run.out << run.err;
  std::map<std::string, std::map<std::string, std::string>> lines = WorkloadLines(run.out);
  for (const std::string& w : kWorkloads) {
    SCOPED_TRACE(w);
    ASSERT_TRUE(lines.count(w)) << "no figures for " << w << ":\n" << run.out << run.err;
    std::map<std::string, std::string>& f = lines[w];
    EXPECT_FALSE(f.count("failed")) << run.out;
    int64_t calls = 0;
    EXPECT_TRUE(absl::SimpleAtoi(f["calls"], &calls) && calls > 0) << run.out;
    EXPECT_EQ(f["errors"], "0") << run.out;
  }
  // The import's rows arrived, and the server stops cleanly.
  EXPECT_EQ(db->QueryOne("SELECT COUNT(*) >= 300 FROM enterprises WHERE uscc LIKE '9199%'"), "1");
  EXPECT_EQ(server.Stop(), 0) << ReadAll(dir / "server.log").substr(0, 4000);
  EXPECT_EQ(echo.Stop(), 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace crm::testing

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  if (argc != 4) {
    fprintf(stderr, "usage: %s CRM_SERVER CRM_LOAD CRM_ECHO_SERVER\n", argv[0]);
    return 2;
  }
  crm::testing::g_server = argv[1];
  crm::testing::g_load = argv[2];
  crm::testing::g_echo = argv[3];
  return RUN_ALL_TESTS();
}
