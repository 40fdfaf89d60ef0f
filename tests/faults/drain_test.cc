// R7, drain: SIGTERM while 200 calls are in flight: creates with request ids,
// reads of one lead, reads of 1,000-lead pages, and three writes that another
// session's open transaction keeps waiting, so that they are still at work
// when the drain deadline comes (two updates of a lead whose row it holds, a
// create whose request id it holds, as a first attempt still in flight
// would); and callers keep arriving during the drain. Pass: every call ends
// OK or UNAVAILABLE (never CANCELLED, never a hang); no write is half-applied
// (each lead has its audit row and request id; each create answered OK is
// stored as answered; one answered UNAVAILABLE is stored whole or not at all;
// the blocked writes left nothing); the process exits with status 0 within
// its drain deadline.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "tests/faults/call_burst.h"
#include "tests/faults/fault_harness.h"
#include "tests/faults/row_lock.h"
#include "tests/faults/seed_leads.h"
#include "tests/integration/test_db.h"

namespace crm::testing {
namespace {

constexpr int kInFlight = 200;
constexpr int kSeededLeads = 1000;
constexpr absl::Duration kDrainDeadline = absl::Seconds(2);
// How much later than its drain deadline the process may exit: the pass
// condition's generous functional bound (process start-up noise, loaded CI).
constexpr absl::Duration kExitMargin = absl::Seconds(2);

// The first calls wait for another session's locks: two updates, one create.
constexpr int kBlocked = 3;

enum class Kind { kBlockedUpdate, kBlockedCreate, kCreate, kGet, kListPage };
Kind KindOf(int i) {
  if (i < kBlocked) return i < 2 ? Kind::kBlockedUpdate : Kind::kBlockedCreate;
  return i % 4 == 0 ? Kind::kListPage : i % 4 == 1 ? Kind::kGet : Kind::kCreate;
}

class DrainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDatabase::Create();
    ASSERT_NE(db_, nullptr);
    server_ = std::make_unique<ServerProcess>(
        dir_.path(), DsnOf(db_->app_config()), DsnOf(db_->config()),
        std::vector<std::string>{"--migrate=false", "--pool_size=4",
                                 absl::StrCat("--drain_deadline=", absl::FormatDuration(kDrainDeadline))});
    ASSERT_TRUE(server_->Start());
    stub_ = v1::LeadService::NewStub(server_->NewChannel());
    std::vector<v1::Lead> seeded = SeedLeads(*stub_, kSeededLeads, "排空演练存量企业");
    ASSERT_EQ(seeded.size(), static_cast<size_t>(kSeededLeads));
    first_lead_ = seeded[0];
  }

  std::string Count(const std::string& sql) { return db_->QueryOne(sql); }

  ScratchDir dir_{"drain"};
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::LeadService::Stub> stub_;
  v1::Lead first_lead_;
};

TEST_F(DrainTest, CallsInFlightFinishOrGetUnavailableAndTheProcessExitsInTime) {
  // Another session holds the first lead's row: updates of it wait.
  std::unique_ptr<RowLock> lock = RowLock::Leads(db_->config(), {first_lead_.name()});
  ASSERT_NE(lock, nullptr);
  const std::string lead_id = first_lead_.name().substr(first_lead_.name().find('/') + 1);

  // The calls in flight, each with its own request and response.
  std::vector<v1::CreateLeadRequest> creates(kInFlight);
  std::vector<v1::UpdateLeadRequest> updates(kInFlight);
  std::vector<v1::Lead> leads(kInFlight);
  std::vector<v1::ListLeadsResponse> pages(kInFlight);
  v1::GetLeadRequest get;
  get.set_name(first_lead_.name());
  v1::ListLeadsRequest list;
  list.set_page_size(1000);
  CallBurst burst(kInFlight, absl::Seconds(30));
  for (int i = 0; i < kBlocked; ++i) {
    if (KindOf(i) == Kind::kBlockedCreate) {
      creates[i] = NewWeightyLead("排空时被挡住的新企业");
      ASSERT_TRUE(lock->HoldRequestId(creates[i].request_id()));
      stub_->async()->CreateLead(burst.Start(i), &creates[i], &leads[i], burst.Done(i));
      continue;
    }
    *updates[i].mutable_lead() = first_lead_;
    updates[i].mutable_lead()->set_notes(absl::StrCat("排空时被锁住的修改 ", i));
    updates[i].mutable_update_mask()->add_paths("notes");
    stub_->async()->UpdateLead(burst.Start(i), &updates[i], &leads[i], burst.Done(i));
  }
  // Each holds a worker, waiting for a lock (bounded wait).
  std::string waiting;
  for (int tries = 0; tries < 500 && waiting != std::to_string(kBlocked); ++tries) {
    absl::SleepFor(absl::Milliseconds(10));
    waiting = Count(absl::StrCat("SELECT COUNT(*) FROM information_schema.innodb_trx t JOIN "
                                 "information_schema.processlist p ON p.id = t.trx_mysql_thread_id "
                                 "WHERE t.trx_state = 'LOCK WAIT' AND p.db = '", db_->config().database, "'"));
  }
  ASSERT_EQ(waiting, std::to_string(kBlocked));
  for (int i = kBlocked; i < kInFlight; ++i) {
    switch (KindOf(i)) {
      case Kind::kBlockedUpdate:
      case Kind::kBlockedCreate:
        break;
      case Kind::kCreate:
        creates[i] = NewWeightyLead(absl::StrCat("排空演练新企业 第", i, "家"));
        stub_->async()->CreateLead(burst.Start(i), &creates[i], &leads[i], burst.Done(i));
        break;
      case Kind::kGet:
        stub_->async()->GetLead(burst.Start(i), &get, &leads[i], burst.Done(i));
        break;
      case Kind::kListPage:
        stub_->async()->ListLeads(burst.Start(i), &list, &pages[i], burst.Done(i));
        break;
    }
  }
  // Once the first answers came back, every call has reached the server.
  ASSERT_TRUE(burst.WaitForAnswers(5, absl::Seconds(20)));
  const int answered_before = burst.Codes()[grpc::StatusCode::OK];

  // SIGTERM, and callers that keep coming during the drain, on a connection of their own.
  std::atomic<bool> exited{false};
  int exit_status = -2;
  absl::Time exit_time;
  const absl::Time term_time = absl::Now();
  std::thread terminator([&] {
    exit_status = server_->Terminate(/*grace_ms=*/30000);
    exit_time = absl::Now();
    exited = true;
  });
  std::map<grpc::StatusCode, int> late_codes;
  {
    auto late_stub = v1::LeadService::NewStub(server_->NewChannel());
    absl::Time give_up = absl::Now() + absl::Seconds(30);
    while (!exited && absl::Now() < give_up) {
      v1::Lead lead;
      grpc::Status s = late_stub->GetLead(ServerProcess::Context(absl::Seconds(5)).get(), get, &lead);
      ++late_codes[s.error_code()];
      absl::SleepFor(absl::Milliseconds(20));
    }
  }
  terminator.join();
  ASSERT_TRUE(burst.Wait(absl::Seconds(30))) << "a call hung after the server exited";
  lock->Release();

  auto of_kind = [](Kind kind) { return [kind](int i) { return KindOf(i) == kind; }; };
  std::map<grpc::StatusCode, int> codes = burst.Codes();
  std::vector<absl::Duration> ok_latencies;
  for (int i = 0; i < kInFlight; ++i) {
    if (burst.outcome(i).code == grpc::StatusCode::OK) ok_latencies.push_back(burst.outcome(i).latency());
  }

  // Which creates are stored: the request id's answer, as the owner sees it.
  std::vector<int> create_ids;
  for (int i = 0; i < kInFlight; ++i) {
    if (KindOf(i) == Kind::kCreate) create_ids.push_back(i);
  }
  int ok_stored_as_answered = 0, ok_creates = 0, unavailable_creates = 0, unavailable_stored = 0;
  for (int i : create_ids) {
    std::string stored = Count(absl::StrCat("SELECT resource_name FROM idempotency_keys WHERE request_id = '",
                                            creates[i].request_id(), "'"));
    if (burst.outcome(i).code == grpc::StatusCode::OK) {
      ++ok_creates;
      if (!stored.empty() && stored == leads[i].name()) ++ok_stored_as_answered;
    } else if (burst.outcome(i).code == grpc::StatusCode::UNAVAILABLE) {
      ++unavailable_creates;
      if (!stored.empty()) ++unavailable_stored;
    }
  }

  std::printf("fault-figures: R7 drain: in_flight=%d answered_before_sigterm=%d drain_deadline_ms=%lld "
              "codes{%s} blocked_writes{%s} creates{%s} gets{%s} list_pages{%s} ok_p99_ms=%.1f "
              "unavailable_creates_stored_whole=%d/%d late_calls{%s} sigterm_to_exit_ms=%lld exit_status=%d\n",
              kInFlight, answered_before, static_cast<long long>(absl::ToInt64Milliseconds(kDrainDeadline)),
              CodesText(codes).c_str(), CodesText(burst.Codes([](int i) { return i < kBlocked; })).c_str(),
              CodesText(burst.Codes(of_kind(Kind::kCreate))).c_str(),
              CodesText(burst.Codes(of_kind(Kind::kGet))).c_str(),
              CodesText(burst.Codes(of_kind(Kind::kListPage))).c_str(),
              absl::ToDoubleMilliseconds(Quantile(ok_latencies, 0.99)), unavailable_stored, unavailable_creates,
              CodesText(late_codes).c_str(), static_cast<long long>(absl::ToInt64Milliseconds(exit_time - term_time)),
              exit_status);

  // Each call completed or was refused as UNAVAILABLE.
  EXPECT_EQ(codes[grpc::StatusCode::OK] + codes[grpc::StatusCode::UNAVAILABLE], kInFlight)
      << CodesText(codes) << "\n" << server_->Log();
  for (const auto& [code, n] : late_codes) {
    EXPECT_TRUE(code == grpc::StatusCode::OK || code == grpc::StatusCode::UNAVAILABLE)
        << "a call during the drain ended " << CodesText({{code, n}});
  }
  // The process exited by itself, in order and in time.
  EXPECT_EQ(exit_status, 0) << server_->Log();
  EXPECT_LT(exit_time - term_time, kDrainDeadline + kExitMargin);

  // No write is half-applied.
  EXPECT_EQ(ok_stored_as_answered, ok_creates) << "a create answered OK is stored as answered";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads l WHERE (SELECT COUNT(*) FROM audit_log a"
                  " WHERE a.resource_name = CONCAT('leads/', l.id) AND a.method LIKE '%/CreateLead') <> 1"),
            "0")
      << "every lead has exactly one audit row";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads l LEFT JOIN idempotency_keys k"
                  " ON k.resource_name = CONCAT('leads/', l.id) WHERE k.request_id IS NULL"),
            "0")
      << "every lead (each was created with a request id) has its request id";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM idempotency_keys k LEFT JOIN leads l"
                  " ON k.resource_name = CONCAT('leads/', l.id) WHERE l.id IS NULL"),
            "0")
      << "every stored answer names a stored lead";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads"),
            std::to_string(kSeededLeads + ok_creates + unavailable_stored));
  // The writes still waiting at the drain deadline were answered UNAVAILABLE
  // and rolled back: the lead is as it was, with no update in its audit
  // trail, and the blocked create left neither its lead nor its answer.
  EXPECT_EQ(burst.Codes([](int i) { return i < kBlocked; })[grpc::StatusCode::UNAVAILABLE], kBlocked);
  EXPECT_EQ(Count(absl::StrCat("SELECT version FROM leads WHERE id = ", lead_id)), "1");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE method LIKE '%/UpdateLead'"), "0");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads WHERE company_name = '排空时被挡住的新企业'"), "0");
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM idempotency_keys WHERE request_id = '",
                               creates[2].request_id(), "'")),
            "0");
}

}  // namespace
}  // namespace crm::testing
