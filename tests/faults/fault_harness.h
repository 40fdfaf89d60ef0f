#ifndef CRM_TESTS_FAULTS_FAULT_HARNESS_H_
#define CRM_TESTS_FAULTS_FAULT_HARNESS_H_

// What the fault scenarios (tests/faults) break and mend: a MariaDB of the
// test's own, which it may kill, restart or lock without touching the shared
// one of the other tests, and crm-server as a process, which it may crash and
// restart on the same port.

#include <grpcpp/grpcpp.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "storage/store_config.h"
#include "tests/integration/child_process.h"

namespace crm::testing {

// A random port from 10000 to just below the kernel's ephemeral range
// (ip_local_port_range): no outgoing connection and no bind to port 0 takes
// one, so a process a test kills and starts again on the same port finds it
// free. Not reserved: a caller that cannot bind it picks another. Deliberately
// not from CRM_TEST_SEED: two runs with one seed at once must not pick the
// same port.
int PortOutsideEphemeralRange();

// The paths the scenarios run: set by each test binary's main from its arguments.
struct FaultPaths {
  std::string source_dir;  // the repository (for scripts/mariadb.sh)
  std::string crm_server;  // the built crm-server
};
FaultPaths& Paths();

// A fresh directory under the temporary directory, removed when destroyed.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A MariaDB in `dir` (scripts/mariadb.sh), with a database `crm` migrated by
// crm-server on its first start. Stopped when destroyed.
class PrivateMariaDb {
 public:
  // Started on a free port; nullptr (with a test failure) when it cannot start.
  static std::unique_ptr<PrivateMariaDb> Start(const std::filesystem::path& dir);
  ~PrivateMariaDb();

  // kill -9 of mariadbd: a crash (committed transactions must survive it).
  void Kill9();
  // A clean shutdown (SIGTERM, waiting until it has exited).
  void Stop();
  // Starts it again in the same directory, on the same port; false on failure.
  bool Restart();

  int port() const { return port_; }
  // The owner's and the application account's configurations for `crm`.
  const StoreConfig& owner() const { return owner_; }
  const StoreConfig& app() const { return app_; }

  // As the owner, on a connection of its own: the first column of the first
  // row ("" when none), or runs a statement.
  std::string QueryOne(const std::string& sql);
  void Execute(const std::string& sql);

 private:
  explicit PrivateMariaDb(std::filesystem::path dir) : dir_(std::move(dir)) {}
  bool RunScript(const std::string& command, const std::string& port);

  std::filesystem::path dir_;
  int port_ = 0;
  StoreConfig owner_, app_;
};

// crm-server as a child process on 127.0.0.1, with the bootstrap admin token
// Token(). Restarts keep the first start's port.
class ServerProcess {
 public:
  // `dsn`: the application account's; `migrate_dsn`: the owner's (migrations
  // run at start). `flags` are added to the command line.
  ServerProcess(const std::filesystem::path& dir, std::string dsn, std::string migrate_dsn,
                std::vector<std::string> flags = {});
  ~ServerProcess();

  // Starts it and waits until it listens; false (with the log in the
  // failure) when it does not.
  bool Start();
  void Kill9();
  // SIGTERM; its exit status (-1 when it had to be killed).
  int Terminate(int grace_ms = 15000);
  bool running() const { return child_ && child_->running(); }
  pid_t pid() const { return child_ ? child_->pid() : 0; }

  int port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  static const char* Token();
  std::shared_ptr<grpc::Channel> NewChannel() const;
  // A context with the admin's bearer token and `timeout` as its deadline.
  static std::unique_ptr<grpc::ClientContext> Context(absl::Duration timeout);

  // grpc.health.v1 for the whole server ("") until SERVING or `timeout`.
  bool WaitServing(absl::Duration timeout) const;
  // Likewise until it answers NOT_SERVING (serving == false) or SERVING.
  bool WaitHealth(bool serving, absl::Duration timeout) const;
  std::string Log() const;

 private:
  std::filesystem::path dir_;
  std::string dsn_, migrate_dsn_;
  std::vector<std::string> flags_;
  std::unique_ptr<Child> child_;
  int port_ = 0;
};

}  // namespace crm::testing

#endif  // CRM_TESTS_FAULTS_FAULT_HARNESS_H_
