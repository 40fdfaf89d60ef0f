#include "tests/faults/fault_harness.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <algorithm>
#include <fstream>
#include <random>
#include <thread>

#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "health.grpc.pb.h"
#include "storage/connection_pool.h"
#include "tests/integration/cli_harness.h"

namespace crm::testing {

FaultPaths& Paths() {
  static FaultPaths paths;
  return paths;
}

ScratchDir::ScratchDir(const std::string& name) {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() / absl::StrCat("crm_fault_", name, "_", getpid(), "_", counter++);
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

int PortOutsideEphemeralRange() {
  int low = 32768;
  std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
  range >> low;
  static std::mt19937 random(std::random_device{}());
  return 10000 + static_cast<int>(random() % static_cast<unsigned>(std::max(1, low - 10000)));
}

// --- PrivateMariaDb ---------------------------------------------------------------------------

std::unique_ptr<PrivateMariaDb> PrivateMariaDb::Start(const std::filesystem::path& dir) {
  std::unique_ptr<PrivateMariaDb> db(new PrivateMariaDb(dir));
  if (!db->RunScript("start", "")) return nullptr;
  auto read_dsn = [&](const char* file) { return ParseDsn(absl::StripAsciiWhitespace(ReadAll(dir / file))); };
  absl::StatusOr<StoreConfig> owner = read_dsn("dsn");
  absl::StatusOr<StoreConfig> app = read_dsn("app_dsn");
  if (!owner.ok() || !app.ok()) {
    ADD_FAILURE() << "no DSNs in " << dir << ": " << owner.status() << " " << app.status();
    return nullptr;
  }
  db->owner_ = *owner;
  db->app_ = *app;
  db->owner_.database = db->app_.database = "crm";
  db->port_ = owner->port;
  StoreConfig server = *owner;  // without a database: `crm` does not exist yet
  absl::StatusOr<std::unique_ptr<Connection>> conn = ConnectionPool::Connect(server);
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status();
    return nullptr;
  }
  std::unique_ptr<sql::Statement>((*conn)->raw().createStatement())
      ->execute("CREATE DATABASE crm CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
  return db;
}

PrivateMariaDb::~PrivateMariaDb() { RunScript("stop", ""); }

bool PrivateMariaDb::RunScript(const std::string& command, const std::string& port) {
  // Its temporary files in a directory of its own (mariadbd takes its tmpdir
  // from $TMPDIR): a MariaDB starting up deletes the `#sql*` files it finds in
  // its tmpdir, which in a shared /tmp are another instance's, and a parallel
  // test's mariadb-install-db then fails.
  std::filesystem::create_directories(dir_ / "tmp");
  std::string line = absl::StrCat("TMPDIR='", (dir_ / "tmp").string(), "' '", Paths().source_dir,
                                  "/scripts/mariadb.sh' ", command, " '", dir_.string(), "' ", port, " >>'",
                                  (dir_ / "script.log").string(), "' 2>&1");
  int status = std::system(line.c_str());
  if (status != 0) ADD_FAILURE() << "mariadb.sh " << command << " failed:\n" << ReadAll(dir_ / "script.log");
  return status == 0;
}

void PrivateMariaDb::Kill9() {
  int pid = 0;
  if (absl::SimpleAtoi(absl::StripAsciiWhitespace(ReadAll(dir_ / "mysqld.pid")), &pid) && pid > 0) {
    kill(pid, SIGKILL);
    // Gone once signal 0 fails (it is not our child, so it cannot be reaped here).
    for (int i = 0; i < 500 && kill(pid, 0) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

void PrivateMariaDb::Stop() { RunScript("stop", ""); }

bool PrivateMariaDb::Restart() { return RunScript("start", std::to_string(port_)); }

std::string PrivateMariaDb::QueryOne(const std::string& sql) {
  absl::StatusOr<std::unique_ptr<Connection>> conn = ConnectionPool::Connect(owner_);
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status();
    return "";
  }
  std::unique_ptr<sql::Statement> st((*conn)->raw().createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery(sql));
  return rs->next() ? std::string(rs->getString(1)) : "";
}

void PrivateMariaDb::Execute(const std::string& sql) {
  absl::StatusOr<std::unique_ptr<Connection>> conn = ConnectionPool::Connect(owner_);
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status();
    return;
  }
  std::unique_ptr<sql::Statement>((*conn)->raw().createStatement())->execute(sql);
}

// --- ServerProcess ----------------------------------------------------------------------------

ServerProcess::ServerProcess(const std::filesystem::path& dir, std::string dsn, std::string migrate_dsn,
                             std::vector<std::string> flags)
    : dir_(dir), dsn_(std::move(dsn)), migrate_dsn_(std::move(migrate_dsn)), flags_(std::move(flags)) {
  std::ofstream(dir_ / "token") << Token() << "\n";
  std::filesystem::permissions(dir_ / "token", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

ServerProcess::~ServerProcess() {
  if (child_) child_->Stop();
}

const char* ServerProcess::Token() { return "fault-suite-token-0123456789abcdef0123456789abcdef"; }

bool ServerProcess::Start() {
  std::filesystem::remove(dir_ / "port");
  std::vector<std::string> argv = {Paths().crm_server,
                                   absl::StrCat("--listen=127.0.0.1:", port_),
                                   absl::StrCat("--port_file=", (dir_ / "port").string()),
                                   absl::StrCat("--dsn=", dsn_),
                                   absl::StrCat("--migrate_dsn=", migrate_dsn_),
                                   absl::StrCat("--bootstrap_token_file=", (dir_ / "token").string()),
                                   "--rate_limit=0"};
  argv.insert(argv.end(), flags_.begin(), flags_.end());
  // The first start takes a port outside the ephemeral range (see
  // PortOutsideEphemeralRange), another one if that is taken; a restart keeps
  // its port, which may be in TIME_WAIT for a moment: try a few times.
  const bool first_start = port_ == 0;
  for (int attempt = 0; attempt < 20; ++attempt) {
    if (first_start) argv[1] = absl::StrCat("--listen=127.0.0.1:", PortOutsideEphemeralRange());
    child_ = std::make_unique<Child>(argv, dir_ / "server.log");
    int port = WaitForPort(*child_, dir_ / "port");
    if (port > 0) {
      port_ = port;
      return true;
    }
    child_->Stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  ADD_FAILURE() << "crm-server did not start:\n" << Log();
  return false;
}

void ServerProcess::Kill9() {
  if (child_) child_->Kill9();
}

int ServerProcess::Terminate(int grace_ms) { return child_ ? child_->Stop(grace_ms) : -1; }

std::shared_ptr<grpc::Channel> ServerProcess::NewChannel() const {
  grpc::ChannelArguments args;
  args.SetInt("grpc.use_local_subchannel_pool", 1);  // a channel of its own, not shared with others
  return grpc::CreateCustomChannel(address(), grpc::InsecureChannelCredentials(), args);
}

std::unique_ptr<grpc::ClientContext> ServerProcess::Context(absl::Duration timeout) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->AddMetadata("authorization", absl::StrCat("Bearer ", Token()));
  ctx->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  return ctx;
}

bool ServerProcess::WaitServing(absl::Duration timeout) const { return WaitHealth(true, timeout); }

bool ServerProcess::WaitHealth(bool serving, absl::Duration timeout) const {
  const auto wanted = serving ? grpc::health::v1::HealthCheckResponse::SERVING
                              : grpc::health::v1::HealthCheckResponse::NOT_SERVING;
  auto stub = grpc::health::v1::Health::NewStub(NewChannel());
  absl::Time give_up = absl::Now() + timeout;
  while (absl::Now() < give_up) {
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Milliseconds(500)));
    grpc::health::v1::HealthCheckRequest req;
    grpc::health::v1::HealthCheckResponse resp;
    if (stub->Check(&ctx, req, &resp).ok() && resp.status() == wanted) {
      return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string ServerProcess::Log() const { return ReadAll(dir_ / "server.log"); }

}  // namespace crm::testing
