// R4, idle connections killed: the store ends the server's idle sessions —
// an operator's KILL of every one of them, or its wait_timeout — and the next
// call must succeed anyway (raw stubs: no retry by the caller).
//
// KILL runs on the shared test MariaDB and ends only this test's sessions
// (those whose database is this test's); wait_timeout is a global setting, so
// that case runs on a MariaDB of its own.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "storage/connection_pool.h"
#include "tests/faults/fault_harness.h"
#include "tests/faults/lead_traffic.h"
#include "tests/integration/child_process.h"
#include "tests/integration/test_db.h"

namespace crm::testing {
namespace {

constexpr int kPoolSize = 4;
constexpr int kRounds = 5;

// What the next calls after a kill saw.
struct NextCalls {
  grpc::Status write, read, list;
  bool ok() const { return write.ok() && read.ok() && list.ok(); }
  std::string ToString() const {
    return absl::StrCat("CreateLead ", CodeName(write.error_code()), " ", write.error_message(), "; GetLead ",
                        CodeName(read.error_code()), " ", read.error_message(), "; ListLeads ",
                        CodeName(list.error_code()), " ", list.error_message());
  }
};

class KilledConnectionsTest : public ::testing::Test {
 protected:
  void StartServer(const std::filesystem::path& dir, const StoreConfig& app, const StoreConfig& owner) {
    server_ = std::make_unique<ServerProcess>(dir, DsnOf(app), DsnOf(owner),
                                              std::vector<std::string>{absl::StrCat("--pool_size=", kPoolSize)});
    ASSERT_TRUE(server_->Start());
    stub_ = v1::LeadService::NewStub(server_->NewChannel());
    grpc::Status s = stub_->CreateLead(ServerProcess::Context(absl::Seconds(10)).get(), NewLeadRequest(run_, 0), &lead_);
    ASSERT_TRUE(s.ok()) << s.error_message() << "\n" << server_->Log();
  }

  // Calls in parallel, so that the pool opens all its sessions.
  void UseEverySession() {
    std::vector<std::thread> callers;
    for (int i = 0; i < 2 * kPoolSize; ++i) {
      callers.emplace_back([this] {
        v1::ListLeadsRequest req;
        v1::ListLeadsResponse resp;
        (void)stub_->ListLeads(ServerProcess::Context(absl::Seconds(10)).get(), req, &resp);
      });
    }
    for (std::thread& t : callers) t.join();
  }

  NextCalls CallOnce() {
    NextCalls calls;
    v1::Lead created;
    calls.write = stub_->CreateLead(ServerProcess::Context(absl::Seconds(5)).get(), NewLeadRequest(run_, ++n_),
                                    &created);
    v1::GetLeadRequest get;
    get.set_name(lead_.name());
    v1::Lead got;
    calls.read = stub_->GetLead(ServerProcess::Context(absl::Seconds(5)).get(), get, &got);
    v1::ListLeadsRequest list;
    list.set_page_size(5);
    v1::ListLeadsResponse listed;
    calls.list = stub_->ListLeads(ServerProcess::Context(absl::Seconds(5)).get(), list, &listed);
    return calls;
  }

  const uint32_t run_ = NewRunNumber();
  uint64_t n_ = 0;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::LeadService::Stub> stub_;
  v1::Lead lead_;
};

// Kills every session of the application account on `database`, as `owner`; how many.
int KillSessions(const StoreConfig& owner, const std::string& database) {
  absl::StatusOr<std::unique_ptr<Connection>> conn = ConnectionPool::Connect(owner);
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status();
    return 0;
  }
  std::unique_ptr<sql::Statement> st((*conn)->raw().createStatement());
  std::vector<int64_t> ids;
  {
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(absl::StrCat(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'crm_app' AND DB = '", database, "'")));
    while (rs->next()) ids.push_back(rs->getInt64(1));
  }
  int killed = 0;
  for (int64_t id : ids) {
    try {
      st->execute(absl::StrCat("KILL CONNECTION ", id));
      ++killed;
    } catch (const sql::SQLException&) {
      // ended in the meantime
    }
  }
  return killed;
}

TEST_F(KilledConnectionsTest, NextCallSucceedsAfterEverySessionIsKilled) {
  auto db = TestDatabase::Create();
  ASSERT_NE(db, nullptr);
  ScratchDir dir("killed_connections");
  StartServer(dir.path(), db->app_config(), db->config());
  if (HasFatalFailure()) return;
  auto sessions = [&] {
    int n = 0;
    (void)absl::SimpleAtoi(db->QueryOne(absl::StrCat("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE "
                                                     "USER = 'crm_app' AND DB = '",
                                                     db->config().database, "'")),
                           &n);
    return n;
  };
  int killed_total = 0;
  for (int round = 0; round < kRounds; ++round) {
    // Until the pool has all its sessions open (and its health watcher one).
    for (int i = 0; i < 20 && sessions() < kPoolSize + 1; ++i) UseEverySession();
    int killed = KillSessions(db->config(), db->config().database);
    killed_total += killed;
    EXPECT_GE(killed, kPoolSize) << "round " << round << ": the pool's sessions were not all there to kill";
    NextCalls next = CallOnce();  // at once: the sessions were idle for far less than the pool's ping age
    EXPECT_TRUE(next.ok()) << "round " << round << ": " << next.ToString();
  }
  std::printf("fault-figures: R4 killed sessions: rounds=%d sessions_killed=%d next_calls_ok_in_every_round=%s\n",
              kRounds, killed_total, HasFailure() ? "no" : "yes");
}

TEST_F(KilledConnectionsTest, NextCallSucceedsAfterTheStoreTimedSessionsOut) {
  ScratchDir dir("idle_timeout");
  std::filesystem::create_directories(dir.path() / "db");
  std::filesystem::create_directories(dir.path() / "server");
  auto db = PrivateMariaDb::Start(dir.path() / "db");
  ASSERT_NE(db, nullptr);
  db->Execute("SET GLOBAL wait_timeout = 1");  // sessions opened from now on end after 1 s idle
  StartServer(dir.path() / "server", db->app(), db->owner());
  if (HasFatalFailure()) return;
  for (int round = 0; round < 2; ++round) {
    UseEverySession();
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    EXPECT_EQ(db->QueryOne("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'crm_app' AND "
                           "COMMAND = 'Sleep' AND TIME > 1"),
              "0")
        << "wait_timeout did not end the idle sessions";
    NextCalls next = CallOnce();
    EXPECT_TRUE(next.ok()) << "round " << round << ": " << next.ToString();
  }
  std::printf("fault-figures: R4 wait_timeout: rounds=2 next_calls_ok_in_every_round=%s\n",
              HasFailure() ? "no" : "yes");
}

}  // namespace
}  // namespace crm::testing
