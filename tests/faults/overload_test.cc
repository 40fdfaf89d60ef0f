// R8, overload: ten times the admission limit in concurrent calls. The
// admission limit is the executor's capacity: --pool_size workers plus
// --queue_capacity waiting calls (4 + 16 = 20 here). Pass: the excess is
// refused with RESOURCE_EXHAUSTED at once, without waiting for a worker; the
// admitted calls all succeed within their deadline; the server's memory stays
// bounded; and right after the burst a call succeeds at once.
//
// Two bursts: one whose admitted calls wait for row locks another session
// holds, so that no worker frees up during the burst and the limit shows
// exactly (20 admitted, 180 refused, every refusal before any admitted call
// ends); then bursts of real reads (1,000-lead pages) at full speed, for the
// latencies and memory.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
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

constexpr int kWorkers = 4;
constexpr int kQueue = 16;
constexpr int kAdmitted = kWorkers + kQueue;
constexpr int kBurst = 10 * kAdmitted;
constexpr int kSeededLeads = 1000;
constexpr int kReadRounds = 3;
// Generous functional bound on the server's memory (its steady state is some 50 MB).
constexpr int64_t kMaxRssKb = 300 * 1024;

// A field of /proc/PID/status in kB ("VmRSS", "VmHWM"); -1 when unreadable.
int64_t ProcStatusKb(pid_t pid, const std::string& field) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) != 0) continue;
    std::string value(absl::StripAsciiWhitespace(line.substr(field.size() + 1)));
    int64_t kb = 0;
    if (absl::SimpleAtoi(value.substr(0, value.find(' ')), &kb)) return kb;
  }
  return -1;
}

class OverloadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDatabase::Create();
    ASSERT_NE(db_, nullptr);
    server_ = std::make_unique<ServerProcess>(
        dir_.path(), DsnOf(db_->app_config()), DsnOf(db_->config()),
        std::vector<std::string>{"--migrate=false", absl::StrCat("--pool_size=", kWorkers),
                                 absl::StrCat("--queue_capacity=", kQueue)});
    ASSERT_TRUE(server_->Start());
    stub_ = v1::LeadService::NewStub(server_->NewChannel());
    leads_ = SeedLeads(*stub_, kSeededLeads, "过载演练企业");
    ASSERT_EQ(leads_.size(), static_cast<size_t>(kSeededLeads));
  }

  // One plain call, right after a burst: it must not be refused.
  grpc::Status OneCall() {
    v1::GetLeadRequest get;
    get.set_name(leads_[0].name());
    v1::Lead lead;
    return stub_->GetLead(ServerProcess::Context(absl::Seconds(10)).get(), get, &lead);
  }

  std::vector<absl::Duration> Latencies(const CallBurst& burst, grpc::StatusCode code) {
    std::vector<absl::Duration> out;
    for (int i = 0; i < burst.size(); ++i) {
      if (burst.outcome(i).code == code) out.push_back(burst.outcome(i).latency());
    }
    return out;
  }

  ScratchDir dir_{"overload"};
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::LeadService::Stub> stub_;
  std::vector<v1::Lead> leads_;
};

TEST_F(OverloadTest, TheLimitIsExactWhileNoWorkerFreesUp) {
  // Another session holds the rows of the leads the burst updates.
  std::vector<std::string> names;
  for (int i = 0; i < kBurst; ++i) names.push_back(leads_[i].name());
  std::unique_ptr<RowLock> lock = RowLock::Leads(db_->config(), names);
  ASSERT_NE(lock, nullptr);

  std::vector<v1::UpdateLeadRequest> updates(kBurst);
  std::vector<v1::Lead> answers(kBurst);
  CallBurst burst(kBurst, absl::Seconds(30));
  for (int i = 0; i < kBurst; ++i) {
    *updates[i].mutable_lead() = leads_[i];
    updates[i].mutable_lead()->set_notes(absl::StrCat("过载时的修改 ", i));
    updates[i].mutable_update_mask()->add_paths("notes");
    stub_->async()->UpdateLead(burst.Start(i), &updates[i], &answers[i], burst.Done(i));
  }
  // Every call but the admitted ones is answered while the admitted wait.
  bool refused_all = burst.WaitForAnswers(kBurst - kAdmitted, absl::Seconds(20));
  std::map<grpc::StatusCode, int> while_held = burst.Codes();
  const int64_t rss_kb = ProcStatusKb(server_->pid(), "VmRSS");
  lock->Release();
  ASSERT_TRUE(burst.Wait(absl::Seconds(30)));
  const absl::Time burst_over = absl::Now();
  grpc::Status after = OneCall();
  const absl::Duration recovery = absl::Now() - burst_over;

  std::map<grpc::StatusCode, int> codes = burst.Codes();
  std::vector<absl::Duration> refused = Latencies(burst, grpc::StatusCode::RESOURCE_EXHAUSTED);
  std::printf("fault-figures: R8 overload (admitted calls held by row locks): admission_limit=%d calls=%d "
              "codes{%s} answered_while_admitted_held{%s} refusal_p50_ms=%.1f refusal_p99_ms=%.1f "
              "refusal_max_ms=%.1f rss_mb=%.1f next_call=%s next_call_ms=%.1f\n",
              kAdmitted, kBurst, CodesText(codes).c_str(), CodesText(while_held).c_str(),
              absl::ToDoubleMilliseconds(Quantile(refused, 0.5)), absl::ToDoubleMilliseconds(Quantile(refused, 0.99)),
              absl::ToDoubleMilliseconds(Quantile(refused, 1.0)), static_cast<double>(rss_kb) / 1024,
              after.ok() ? "OK" : after.error_message().c_str(), absl::ToDoubleMilliseconds(recovery));

  // Exactly the admission limit got in; the excess was refused without
  // waiting for a worker: all of it while every admitted call still waited.
  EXPECT_TRUE(refused_all) << CodesText(while_held);
  EXPECT_EQ(while_held[grpc::StatusCode::RESOURCE_EXHAUSTED], kBurst - kAdmitted) << CodesText(while_held);
  EXPECT_EQ(while_held[grpc::StatusCode::OK], 0);
  EXPECT_EQ(codes[grpc::StatusCode::RESOURCE_EXHAUSTED], kBurst - kAdmitted) << CodesText(codes);
  EXPECT_EQ(codes[grpc::StatusCode::OK], kAdmitted) << CodesText(codes) << "\n" << server_->Log();
  EXPECT_LT(rss_kb, kMaxRssKb);
  // The admitted updates were applied, the refused ones not at all.
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM leads WHERE notes LIKE '过载时的修改%'"), std::to_string(kAdmitted));
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM audit_log WHERE method LIKE '%/UpdateLead'"),
            std::to_string(kAdmitted));
  // It recovers at once.
  EXPECT_TRUE(after.ok()) << after.error_message();
}

TEST_F(OverloadTest, BurstsOfRealReadsAreAdmittedOrRefusedAndMemoryStaysBounded) {
  v1::ListLeadsRequest list;
  list.set_page_size(1000);
  std::map<grpc::StatusCode, int> codes;
  std::vector<absl::Duration> admitted, refused, recoveries;
  int64_t max_rss_kb = 0;
  int recovered = 0;
  for (int round = 0; round < kReadRounds; ++round) {
    std::vector<v1::ListLeadsResponse> pages(kBurst);
    CallBurst burst(kBurst, absl::Seconds(20));
    for (int i = 0; i < kBurst; ++i) stub_->async()->ListLeads(burst.Start(i), &list, &pages[i], burst.Done(i));
    ASSERT_TRUE(burst.Wait(absl::Seconds(60)));
    absl::Time burst_over = absl::Now();
    if (OneCall().ok()) ++recovered;
    recoveries.push_back(absl::Now() - burst_over);
    max_rss_kb = std::max(max_rss_kb, ProcStatusKb(server_->pid(), "VmRSS"));
    for (const auto& [code, n] : burst.Codes()) codes[code] += n;
    for (absl::Duration d : Latencies(burst, grpc::StatusCode::OK)) admitted.push_back(d);
    for (absl::Duration d : Latencies(burst, grpc::StatusCode::RESOURCE_EXHAUSTED)) refused.push_back(d);
    for (int i = 0; i < kBurst; ++i) {
      if (burst.outcome(i).code == grpc::StatusCode::OK) {
        EXPECT_EQ(pages[i].leads_size(), 1000) << "an admitted call answered in full";
      }
    }
  }
  const int64_t hwm_kb = ProcStatusKb(server_->pid(), "VmHWM");
  auto ms = [](absl::Duration d) { return absl::ToDoubleMilliseconds(d); };
  std::printf("fault-figures: R8 overload (1,000-lead pages): admission_limit=%d calls=%dx%d codes{%s} "
              "admitted_p50_ms=%.1f admitted_p99_ms=%.1f admitted_max_ms=%.1f refusal_p50_ms=%.1f "
              "refusal_p99_ms=%.1f max_rss_mb=%.1f hwm_mb=%.1f recovered=%d/%d next_call_max_ms=%.1f\n",
              kAdmitted, kReadRounds, kBurst, CodesText(codes).c_str(), ms(Quantile(admitted, 0.5)),
              ms(Quantile(admitted, 0.99)), ms(Quantile(admitted, 1.0)), ms(Quantile(refused, 0.5)),
              ms(Quantile(refused, 0.99)), static_cast<double>(max_rss_kb) / 1024,
              static_cast<double>(hwm_kb) / 1024, recovered, kReadRounds, ms(Quantile(recoveries, 1.0)));

  // Each call was admitted and answered in full, or refused as RESOURCE_EXHAUSTED:
  // no admitted call ran out of its deadline, none was dropped.
  EXPECT_EQ(codes[grpc::StatusCode::OK] + codes[grpc::StatusCode::RESOURCE_EXHAUSTED], kReadRounds * kBurst)
      << CodesText(codes) << "\n" << server_->Log();
  EXPECT_GE(codes[grpc::StatusCode::OK], kReadRounds * kAdmitted);
  EXPECT_LT(hwm_kb, kMaxRssKb);
  EXPECT_EQ(recovered, kReadRounds) << "a call right after each burst succeeds";
}

}  // namespace
}  // namespace crm::testing
