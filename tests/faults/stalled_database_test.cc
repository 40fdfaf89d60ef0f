// R6, stalled database: the test holds FLUSH TABLES WITH READ LOCK (on a
// MariaDB of its own) for longer than the calls' deadline, so every write
// blocks inside MariaDB. Writes must end with DEADLINE_EXCEEDED within their
// deadline + 100 ms; the server's workers must not stay stuck in the blocked
// statements (reads, which the lock does not block, are served while it is
// still held, and a second wave of writes times out like the first, not
// refused by a full queue); after the lock is released the next writes
// succeed promptly; and no timed-out write left anything behind.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include <cppconn/resultset.h>

#include "storage/connection_pool.h"
#include "storage/transaction.h"
#include "tests/faults/fault_harness.h"
#include "tests/faults/lead_traffic.h"
#include "tests/integration/child_process.h"
#include "tests/integration/test_db.h"

namespace crm::testing {
namespace {

constexpr int kPoolSize = 4;
constexpr int kQueueCapacity = 8;
constexpr int kWritesPerWave = 8;  // every worker blocked, and as many queued
constexpr absl::Duration kDeadline = absl::Milliseconds(1500);
// The pass condition: calls end with DEADLINE_EXCEEDED within their
// deadline + 100 ms.
constexpr absl::Duration kDeadlineSlack = absl::Milliseconds(100);
constexpr int kReadsUnderLock = 8;
constexpr int kWritesAfter = 20;

class StalledDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_.path() / "db");
    std::filesystem::create_directories(dir_.path() / "server");
    db_ = PrivateMariaDb::Start(dir_.path() / "db");
    ASSERT_NE(db_, nullptr);
    server_ = std::make_unique<ServerProcess>(
        dir_.path() / "server", DsnOf(db_->app()), DsnOf(db_->owner()),
        std::vector<std::string>{absl::StrCat("--pool_size=", kPoolSize),
                                 absl::StrCat("--queue_capacity=", kQueueCapacity)});
    ASSERT_TRUE(server_->Start());
    stub_ = v1::LeadService::NewStub(server_->NewChannel());
    grpc::Status s = stub_->CreateLead(ServerProcess::Context(absl::Seconds(10)).get(), NewLeadRequest(run_, 0), &lead_);
    ASSERT_TRUE(s.ok()) << s.error_message() << "\n" << server_->Log();
  }

  struct Outcome {
    grpc::Status status;
    absl::Duration took;
  };

  // `kWritesPerWave` CreateLead calls at once, with request ids first..; their outcomes.
  std::vector<Outcome> WriteWave(uint64_t first) {
    std::vector<Outcome> outcomes(kWritesPerWave);
    std::vector<std::thread> callers;
    for (int i = 0; i < kWritesPerWave; ++i) {
      callers.emplace_back([&, i] {
        v1::Lead lead;
        absl::Time start = absl::Now();
        outcomes[i].status =
            stub_->CreateLead(ServerProcess::Context(kDeadline).get(), NewLeadRequest(run_, first + i), &lead);
        outcomes[i].took = absl::Now() - start;
      });
    }
    for (std::thread& t : callers) t.join();
    return outcomes;
  }

  // Whether the `kWritesPerWave` writes from `first` left no lead, audit row or request id.
  void ExpectNothingWritten(uint64_t first) {
    std::vector<std::string> ids, names;
    for (int i = 0; i < kWritesPerWave; ++i) {
      v1::CreateLeadRequest req = NewLeadRequest(run_, first + i);
      ids.push_back(absl::StrCat("'", req.request_id(), "'"));
      names.push_back(absl::StrCat("'", req.lead().company_name(), "'"));
    }
    EXPECT_EQ(db_->QueryOne(absl::StrCat("SELECT COUNT(*) FROM leads WHERE company_name IN (",
                                         absl::StrJoin(names, ","), ")")),
              "0");
    EXPECT_EQ(db_->QueryOne(absl::StrCat("SELECT COUNT(*) FROM idempotency_keys WHERE request_id IN (",
                                         absl::StrJoin(ids, ","), ")")),
              "0");
    EXPECT_EQ(db_->QueryOne(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE request_id IN (",
                                         absl::StrJoin(ids, ","), ")")),
              "0");
  }

  const uint32_t run_ = NewRunNumber();
  ScratchDir dir_{"stalled_database"};
  std::unique_ptr<PrivateMariaDb> db_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::LeadService::Stub> stub_;
  v1::Lead lead_;
};

TEST_F(StalledDatabaseTest, CallsEndAtTheirDeadlineAndTheWorkersComeBack) {
  absl::StatusOr<std::unique_ptr<Connection>> locker = ConnectionPool::Connect(db_->owner());
  ASSERT_TRUE(locker.ok()) << locker.status();
  (*locker)->Execute("FLUSH TABLES WITH READ LOCK");  // held until UNLOCK TABLES on this session
  const absl::Time locked = absl::Now();

  CodeTally codes;
  absl::Duration slowest_write = absl::ZeroDuration();
  for (int wave = 0; wave < 2; ++wave) {
    for (const Outcome& o : WriteWave(1 + wave * kWritesPerWave)) {
      codes.Add(o.status.error_code());
      slowest_write = std::max(slowest_write, o.took);
      EXPECT_EQ(o.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED)
          << "wave " << wave << ": " << o.status.error_message();
      EXPECT_LE(o.took, kDeadline + kDeadlineSlack) << "wave " << wave;
    }
    // Reads are not blocked by the lock: workers that are not stuck serve them at once.
    for (int i = 0; i < kReadsUnderLock; ++i) {
      v1::GetLeadRequest req;
      req.set_name(lead_.name());
      v1::Lead got;
      grpc::Status s = stub_->GetLead(ServerProcess::Context(absl::Seconds(2)).get(), req, &got);
      EXPECT_TRUE(s.ok()) << "wave " << wave << " read " << i << " under the lock: " << CodeName(s.error_code())
                          << " " << s.error_message();
    }
  }
  const absl::Duration held = absl::Now() - locked;
  EXPECT_GT(held, kDeadline) << "the lock must outlast the deadline";
  (*locker)->Execute("UNLOCK TABLES");

  // Back to normal: the next writes succeed, promptly.
  absl::Duration slowest_after = absl::ZeroDuration();
  int ok_after = 0;
  for (int i = 0; i < kWritesAfter; ++i) {
    v1::Lead lead;
    absl::Time start = absl::Now();
    grpc::Status s = stub_->CreateLead(ServerProcess::Context(absl::Seconds(5)).get(),
                                       NewLeadRequest(run_, 1000 + i), &lead);
    slowest_after = std::max(slowest_after, absl::Now() - start);
    if (s.ok()) ++ok_after;
    EXPECT_TRUE(s.ok()) << "write " << i << " after the lock: " << CodeName(s.error_code()) << " "
                        << s.error_message();
  }
  if (HasFailure()) std::printf("crm-server log:\n%s\n", server_->Log().c_str());
  // Nothing the timed-out writes did is left, now that nothing holds them back.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ExpectNothingWritten(1);
  ExpectNothingWritten(1 + kWritesPerWave);
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM leads"), std::to_string(1 + kWritesAfter));
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM audit_log WHERE method LIKE '%/CreateLead'"),
            std::to_string(1 + kWritesAfter));

  std::printf("fault-figures: R6 stalled database: writes_under_lock=%d codes[%s] slowest_ms=%.0f (deadline %.0f) "
              "lock_held_ms=%.0f reads_under_lock_ok=%s writes_after_unlock_ok=%d/%d slowest_after_ms=%.0f\n",
              codes.total(), codes.ToString().c_str(), absl::ToDoubleMilliseconds(slowest_write),
              absl::ToDoubleMilliseconds(kDeadline), absl::ToDoubleMilliseconds(held),
              HasFailure() ? "see failures" : "all", ok_after, kWritesAfter, absl::ToDoubleMilliseconds(slowest_after));
}

// The same at the storage level, on the shared test MariaDB: a statement
// still running at its deadline (here one that sleeps) is stopped, the work
// ends DEADLINE_EXCEEDED, and the pool serves the next work at once.
TEST(StatementWatchdogTest, AStatementPastItsDeadlineIsStoppedAndThePoolCarriesOn) {
  auto db = TestDatabase::Create();
  ASSERT_NE(db, nullptr);
  constexpr absl::Duration kShort = absl::Milliseconds(300);
  for (int round = 0; round < 3; ++round) {
    absl::Time start = absl::Now();
    absl::Status read = RunRead(db->pool(), start + kShort, [](Connection& conn) {
      std::unique_ptr<sql::ResultSet> rs(conn.Prepare("SELECT SLEEP(10)").executeQuery());
      return absl::OkStatus();
    });
    absl::Duration took = absl::Now() - start;
    EXPECT_EQ(read.code(), absl::StatusCode::kDeadlineExceeded) << read;
    EXPECT_LT(took, absl::Seconds(5)) << "the statement ran on after its deadline";
    absl::Status write = RunInTransaction(db->pool(), absl::Now() + kShort, [](Connection& conn) {
      conn.Execute("DO SLEEP(10)");
      return absl::OkStatus();
    });
    EXPECT_EQ(write.code(), absl::StatusCode::kDeadlineExceeded) << write;
    std::string answer;
    absl::Status next = RunRead(db->pool(), absl::Now() + absl::Seconds(5), [&](Connection& conn) {
      std::unique_ptr<sql::ResultSet> rs(conn.Prepare("SELECT 42").executeQuery());
      if (rs->next()) answer = rs->getString(1);
      return absl::OkStatus();
    });
    EXPECT_TRUE(next.ok()) << next;
    EXPECT_EQ(answer, "42");
    std::printf("fault-figures: R6 storage round %d: sleeping statement with a %.0f ms deadline ended after %.0f ms\n",
                round, absl::ToDoubleMilliseconds(kShort), absl::ToDoubleMilliseconds(took));
  }
}

}  // namespace
}  // namespace crm::testing
