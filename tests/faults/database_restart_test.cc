// R3, database restart under load: eight callers read and write through raw
// stubs with short deadlines while MariaDB goes away (SIGKILL, or a clean
// shutdown) and comes back. Callers may see only OK, UNAVAILABLE or ABORTED:
// never INTERNAL, and never DEADLINE_EXCEEDED, which would mean a call hung
// on the dead store until its deadline. Within 5 s of the database accepting
// connections again every call succeeds, on sessions the pool opened anew
// (and so on statements prepared anew), no more of them than the pool's size.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "tests/faults/fault_harness.h"
#include "tests/faults/lead_traffic.h"
#include "tests/integration/child_process.h"

namespace crm::testing {
namespace {

constexpr int kCallers = 8;
constexpr int kPoolSize = 4;
constexpr absl::Duration kDeadline = absl::Seconds(2);
// The pass condition: service resumes within 5 s of the database being back.
constexpr absl::Duration kResumeWithin = absl::Seconds(5);

enum class Outage { kKill9, kCleanStop };

class DatabaseRestartTest : public ::testing::TestWithParam<Outage> {
 protected:
  // One MariaDB for both outages (starting one costs seconds): each test
  // leaves it running again.
  static void SetUpTestSuite() {
    dir_ = new ScratchDir("database_restart");
    std::filesystem::create_directories(dir_->path() / "db");
    db_ = PrivateMariaDb::Start(dir_->path() / "db").release();
  }
  static void TearDownTestSuite() {
    delete db_;
    db_ = nullptr;
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(db_, nullptr);
    std::filesystem::path server_dir = dir_->path() / (GetParam() == Outage::kKill9 ? "server_kill9" : "server_stop");
    std::filesystem::create_directories(server_dir);
    server_ = std::make_unique<ServerProcess>(server_dir, DsnOf(db_->app()), DsnOf(db_->owner()),
                                              std::vector<std::string>{absl::StrCat("--pool_size=", kPoolSize)});
    ASSERT_TRUE(server_->Start());
    auto stub = v1::LeadService::NewStub(server_->NewChannel());
    grpc::Status s = stub->CreateLead(ServerProcess::Context(absl::Seconds(10)).get(),
                                      NewLeadRequest(NewRunNumber(), 0), &lead_);
    ASSERT_TRUE(s.ok()) << s.error_message() << "\n" << server_->Log();
  }

  // One caller's call: a write or one of two reads, by turns.
  grpc::Status Call(v1::LeadService::Stub& stub, uint32_t run, uint64_t n) {
    auto ctx = ServerProcess::Context(kDeadline);
    switch (n % 3) {
      case 0: {
        v1::Lead lead;
        return stub.CreateLead(ctx.get(), NewLeadRequest(run, n), &lead);
      }
      case 1: {
        v1::GetLeadRequest req;
        req.set_name(lead_.name());
        v1::Lead lead;
        return stub.GetLead(ctx.get(), req, &lead);
      }
      default: {
        v1::ListLeadsRequest req;
        req.set_page_size(10);
        v1::ListLeadsResponse resp;
        return stub.ListLeads(ctx.get(), req, &resp);
      }
    }
  }

  static ScratchDir* dir_;
  static PrivateMariaDb* db_;
  std::unique_ptr<ServerProcess> server_;
  v1::Lead lead_;
};

ScratchDir* DatabaseRestartTest::dir_ = nullptr;
PrivateMariaDb* DatabaseRestartTest::db_ = nullptr;

TEST_P(DatabaseRestartTest, CallersSeeOnlyRetryableCodesAndServiceResumes) {
  const uint32_t run = NewRunNumber();
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> next{1};
  CodeTally codes, codes_after_back;
  absl::Mutex mu;
  absl::Time restarting = absl::InfiniteFuture();  // when its start began
  absl::Time back = absl::InfiniteFuture();        // when the database accepts connections again
  absl::Time first_ok_after_restarting = absl::InfiniteFuture();
  absl::Time last_failure_end = absl::InfinitePast();
  absl::Duration slowest = absl::ZeroDuration();
  std::vector<std::thread> callers;
  for (int c = 0; c < kCallers; ++c) {
    callers.emplace_back([&] {
      auto stub = v1::LeadService::NewStub(server_->NewChannel());
      for (int i = 0; i < 50'000 && !stop.load(); ++i) {  // bounded; stopped long before
        absl::Time start = absl::Now();
        grpc::Status s = Call(*stub, run, next.fetch_add(1));
        absl::Time end = absl::Now();
        codes.Add(s.error_code());
        absl::ReleasableMutexLock lock(&mu);
        slowest = std::max(slowest, end - start);
        if (start >= back) codes_after_back.Add(s.error_code());
        if (s.ok() && start >= restarting) first_ok_after_restarting = std::min(first_ok_after_restarting, end);
        if (!s.ok()) last_failure_end = std::max(last_failure_end, end);
        lock.Release();
        if (!s.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(5));  // as a client's backoff would
      }
    });
  }
  auto stop_callers = [&] {
    stop = true;
    for (std::thread& t : callers) t.join();
    callers.clear();
  };

  std::this_thread::sleep_for(std::chrono::seconds(1));  // load before the outage
  const int ok_before = codes.count(grpc::StatusCode::OK);
  if (GetParam() == Outage::kKill9) {
    db_->Kill9();
  } else {
    db_->Stop();
  }
  std::this_thread::sleep_for(std::chrono::seconds(1));  // load against no database
  {
    absl::MutexLock lock(&mu);
    restarting = absl::Now();
  }
  if (!db_->Restart()) {
    stop_callers();
    FAIL() << "MariaDB did not start again";
  }
  {
    absl::MutexLock lock(&mu);
    back = absl::Now();
  }
  // Until one quiet second (no failure) has passed, or long enough to judge.
  for (int i = 0; i < 400; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    absl::MutexLock lock(&mu);
    absl::Time now = absl::Now();
    if (now - std::max(back, last_failure_end) >= absl::Seconds(1) || now - back >= kResumeWithin + absl::Seconds(2)) {
      break;
    }
  }
  stop_callers();

  absl::Duration resumed_after = std::max(absl::ZeroDuration(), last_failure_end - back);
  EXPECT_GT(ok_before, 0) << codes.ToString() << "\n" << server_->Log();
  EXPECT_EQ(codes.Except({grpc::StatusCode::OK, grpc::StatusCode::UNAVAILABLE, grpc::StatusCode::ABORTED}).size(),
            0u)
      << "callers may only see OK, UNAVAILABLE or ABORTED: " << codes.ToString();
  EXPECT_GT(codes_after_back.count(grpc::StatusCode::OK), 0) << codes_after_back.ToString();
  EXPECT_LE(resumed_after, kResumeWithin) << "calls still failed " << resumed_after << " after the database was back";

  // The pool replaced its sessions: the new database instance prepared the
  // statements again, and the server holds no more sessions than the pool
  // (plus its health watcher's).
  std::string prepares = db_->QueryOne(
      "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_STMT_PREPARE'");
  int prepared = 0;
  EXPECT_TRUE(absl::SimpleAtoi(prepares, &prepared) && prepared > 0) << prepares;
  std::string sessions = db_->QueryOne("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'crm_app'");
  int app_sessions = 0;
  EXPECT_TRUE(absl::SimpleAtoi(sessions, &app_sessions) && app_sessions <= kPoolSize + 1) << sessions;
  EXPECT_TRUE(server_->running());

  std::printf("fault-figures: R3 database restart (%s): calls=%d codes[%s] after_db_back[%s] "
              "db_start_ms=%.0f first_ok_after_db_start_began_ms=%.0f last_failure_after_db_back_ms=%.0f "
              "slowest_call_ms=%.0f deadline_ms=%.0f prepares_since_restart=%d app_sessions=%d\n",
              GetParam() == Outage::kKill9 ? "kill -9" : "clean stop", codes.total(), codes.ToString().c_str(),
              codes_after_back.ToString().c_str(), absl::ToDoubleMilliseconds(back - restarting),
              absl::ToDoubleMilliseconds(first_ok_after_restarting - restarting),
              absl::ToDoubleMilliseconds(resumed_after),
              absl::ToDoubleMilliseconds(slowest), absl::ToDoubleMilliseconds(kDeadline), prepared, app_sessions);
}

INSTANTIATE_TEST_SUITE_P(Outages, DatabaseRestartTest, ::testing::Values(Outage::kKill9, Outage::kCleanStop),
                         [](const ::testing::TestParamInfo<Outage>& info) {
                           return info.param == Outage::kKill9 ? std::string("Kill9") : std::string("CleanStop");
                         });

}  // namespace
}  // namespace crm::testing
