// R2, database crash: MariaDB is killed with SIGKILL in the middle of a stream
// of CreateLead calls and started again. Every write the server acknowledged
// must be there afterwards (its lead and its audit row); health must turn
// NOT_SERVING while the store is gone and SERVING again by itself, without a
// restart of crm-server; and writes must succeed again.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "tests/faults/fault_harness.h"
#include "tests/faults/lead_traffic.h"
#include "tests/integration/child_process.h"

namespace crm::testing {
namespace {

constexpr int kWriters = 4;
constexpr int kAckedBeforeCrash = 60;
constexpr int kAckedAfterRestart = 60;

class DatabaseCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.path() / "db");
    std::filesystem::create_directories(dir_.path() / "server");
    db_ = PrivateMariaDb::Start(dir_.path() / "db");
    ASSERT_NE(db_, nullptr);
    server_ = std::make_unique<ServerProcess>(dir_.path() / "server", DsnOf(db_->app()), DsnOf(db_->owner()),
                                              std::vector<std::string>{"--pool_size=4"});
    ASSERT_TRUE(server_->Start());
    ASSERT_TRUE(server_->WaitServing(absl::Seconds(10))) << server_->Log();
  }

  // A lead created and acknowledged (OK) by the server.
  struct Acked {
    std::string request_id;
    std::string name;
  };

  int acked_count() {
    absl::MutexLock lock(&mu_);
    return static_cast<int>(acked_.size());
  }

  // Until `done` returns true or `timeout` passes; whether it did.
  template <typename Done>
  static bool WaitFor(Done done, absl::Duration timeout) {
    absl::Time give_up = absl::Now() + timeout;
    while (!done()) {
      if (absl::Now() >= give_up) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }

  ScratchDir dir_{"database_crash"};
  std::unique_ptr<PrivateMariaDb> db_;
  std::unique_ptr<ServerProcess> server_;
  absl::Mutex mu_;
  std::vector<Acked> acked_ ABSL_GUARDED_BY(mu_);
};

TEST_F(DatabaseCrashTest, AcknowledgedWritesSurviveAndTheServerRecoversByItself) {
  const pid_t server_pid = server_->pid();
  const uint32_t run = NewRunNumber();
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> next{0};
  CodeTally codes;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&] {
      auto stub = v1::LeadService::NewStub(server_->NewChannel());
      // Bounded: the test stops the writers long before this many calls.
      for (int i = 0; i < 20'000 && !stop.load(); ++i) {
        v1::CreateLeadRequest req = NewLeadRequest(run, next.fetch_add(1));
        v1::Lead lead;
        grpc::Status s = stub->CreateLead(ServerProcess::Context(absl::Seconds(3)).get(), req, &lead);
        codes.Add(s.error_code());
        if (s.ok()) {
          absl::MutexLock lock(&mu_);
          acked_.push_back({req.request_id(), lead.name()});
        } else {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));  // no busy loop while the store is down
        }
      }
    });
  }
  auto stop_writers = [&] {
    stop = true;
    for (std::thread& t : writers) t.join();
    writers.clear();
  };

  if (!WaitFor([&] { return acked_count() >= kAckedBeforeCrash; }, absl::Seconds(30))) {
    stop_writers();
    FAIL() << "no writes before the crash: " << codes.ToString() << "\n" << server_->Log();
  }
  db_->Kill9();
  const absl::Time killed = absl::Now();
  const int acked_at_crash = acked_count();
  bool went_down = server_->WaitHealth(false, absl::Seconds(10));
  const absl::Duration noticed = absl::Now() - killed;
  EXPECT_TRUE(went_down) << "health stayed SERVING with the store gone";
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the writers meet the outage

  const int acked_while_down = acked_count() - acked_at_crash;
  const absl::Time restarting = absl::Now();
  if (!db_->Restart()) {
    stop_writers();
    FAIL() << "MariaDB did not start again";
  }
  const absl::Time back = absl::Now();
  bool serving = server_->WaitHealth(true, absl::Seconds(15));
  const absl::Duration health_recovery = absl::Now() - back;
  EXPECT_TRUE(serving) << "health did not return to SERVING by itself";
  const int acked_at_serving = acked_count();
  bool wrote_again = WaitFor([&] { return acked_count() >= acked_at_serving + kAckedAfterRestart; },
                             absl::Seconds(30));
  stop_writers();
  EXPECT_TRUE(wrote_again) << "writes did not succeed again: " << codes.ToString();
  EXPECT_EQ(server_->pid(), server_pid);
  EXPECT_TRUE(server_->running()) << "crm-server must ride out the outage, not exit";

  // Every acknowledged write is stored, with its audit row and its request id.
  std::vector<std::string> ids, names, request_ids;
  {
    absl::MutexLock lock(&mu_);
    for (const Acked& a : acked_) {
      ids.push_back(a.name.substr(a.name.find('/') + 1));
      names.push_back(absl::StrCat("'", a.name, "'"));
      request_ids.push_back(absl::StrCat("'", a.request_id, "'"));
    }
  }
  const std::string acked = std::to_string(ids.size());
  EXPECT_EQ(db_->QueryOne(absl::StrCat("SELECT COUNT(*) FROM leads WHERE id IN (", absl::StrJoin(ids, ","), ")")),
            acked);
  EXPECT_EQ(db_->QueryOne(absl::StrCat("SELECT COUNT(DISTINCT resource_name) FROM audit_log WHERE method LIKE "
                                       "'%/CreateLead' AND resource_name IN (",
                                       absl::StrJoin(names, ","), ")")),
            acked);
  EXPECT_EQ(db_->QueryOne(absl::StrCat("SELECT COUNT(*) FROM idempotency_keys WHERE request_id IN (",
                                       absl::StrJoin(request_ids, ","), ")")),
            acked);
  // Nothing is half-written: no lead without its audit row.
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM leads l WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE "
                          "a.resource_name = CONCAT('leads/', l.id))"),
            "0");
  EXPECT_EQ(codes.Except({grpc::StatusCode::OK, grpc::StatusCode::UNAVAILABLE}).size(), 0u) << codes.ToString();

  std::printf("fault-figures: R2 database crash: acknowledged=%s (before the crash %d, while down %d, during the "
              "restart %d, after SERVING %d) all present with audit rows; calls=%d codes[%s] "
              "not_serving_after_kill_ms=%.0f db_restart_ms=%.0f serving_again_after_db_back_ms=%.0f\n",
              acked.c_str(), acked_at_crash, acked_while_down, acked_at_serving - acked_at_crash - acked_while_down,
              static_cast<int>(ids.size()) - acked_at_serving, codes.total(), codes.ToString().c_str(),
              absl::ToDoubleMilliseconds(noticed), absl::ToDoubleMilliseconds(back - restarting),
              absl::ToDoubleMilliseconds(health_recovery));
}

}  // namespace
}  // namespace crm::testing
