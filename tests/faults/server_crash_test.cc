// R1, server crash: 1,000 concurrent CreateLead calls through the client
// library, each with its own request id, while crm-server is killed with
// SIGKILL twice and restarted on the same port. The library retries every
// call until it succeeds (ClientOptions::retry_deadline). Pass: every call
// ends OK, and the store holds exactly 1,000 leads, one per request id, each
// with exactly one audit row: nothing lost, nothing doubled.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "clients/cpp/crm_client.h"
#include "crm/v1/leads_service.pb.h"
#include "tests/faults/fault_harness.h"
#include "tests/integration/test_db.h"

namespace crm::testing {
namespace {

constexpr int kCalls = 1000;
constexpr int kCallers = 32;
// Each kill comes once this many creates were acknowledged.
constexpr int kKillAfter[] = {250, 600};
// How long the server stays down before its restart, so that calls meet it dead.
constexpr absl::Duration kDowntime = absl::Milliseconds(300);

// One kill and restart, as seen from the outside.
struct Crash {
  int acknowledged_at_kill = 0;
  absl::Time killed, listening;     // SIGKILL sent; the new process listens
  absl::Time first_success;         // the first create acknowledged after `listening`
};

class ServerCrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDatabase::Create();
    ASSERT_NE(db_, nullptr);
    server_ = std::make_unique<ServerProcess>(dir_.path(), DsnOf(db_->app_config()), DsnOf(db_->config()),
                                              std::vector<std::string>{"--migrate=false", "--pool_size=8"});
    ASSERT_TRUE(server_->Start());
  }

  std::string Count(const std::string& sql) { return db_->QueryOne(sql); }

  ScratchDir dir_{"server_crash"};
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ServerCrashTest, EveryCreateLandsExactlyOnceAcrossTwoKills) {
  std::vector<std::string> request_ids(kCalls);
  for (std::string& id : request_ids) id = client::NewRequestId();

  absl::Mutex mu;
  std::map<absl::StatusCode, int> retried_codes;  // codes of the attempts that were retried
  int retries = 0;
  client::ClientOptions options;
  options.address = server_->address();
  options.token = ServerProcess::Token();
  options.deadline = absl::Seconds(5);
  options.retry_deadline = absl::Seconds(45);
  options.on_retry = [&](const absl::Status& failed) {
    absl::MutexLock lock(&mu);
    ++retried_codes[failed.code()];
    ++retries;
  };
  absl::StatusOr<std::unique_ptr<client::LeadsClient>> client = client::LeadsClient::Connect(options);
  ASSERT_TRUE(client.ok()) << client.status();

  std::vector<absl::Status> statuses(kCalls);
  std::vector<std::string> names(kCalls);
  std::vector<absl::Time> answered(kCalls);
  std::atomic<int> next{0}, acknowledged{0};
  const absl::Time start = absl::Now();
  std::vector<std::thread> callers;
  for (int t = 0; t < kCallers; ++t) {
    callers.emplace_back([&] {
      for (int i = next++; i < kCalls; i = next++) {
        v1::CreateLeadRequest req;
        req.set_request_id(request_ids[i]);
        req.mutable_lead()->set_company_name(absl::StrCat("崩溃演练企业 第", i, "家"));
        req.mutable_lead()->set_target_list(v1::TARGET_LIST_OTHER);
        req.mutable_lead()->set_channel(v1::LEAD_CHANNEL_ONLINE);
        absl::StatusOr<v1::Lead> lead = (*client)->CreateLead(req);
        answered[i] = absl::Now();
        statuses[i] = lead.status();
        if (lead.ok()) {
          names[i] = lead->name();
          ++acknowledged;
        }
      }
    });
  }

  // The crashes, each once enough creates were acknowledged (bounded waits).
  std::vector<Crash> crashes;
  for (int threshold : kKillAfter) {
    absl::Time give_up = absl::Now() + absl::Seconds(60);
    while (acknowledged < threshold && absl::Now() < give_up) absl::SleepFor(absl::Milliseconds(1));
    Crash crash;
    crash.acknowledged_at_kill = acknowledged;
    crash.killed = absl::Now();
    server_->Kill9();
    absl::SleepFor(kDowntime);
    bool restarted = server_->Start();
    EXPECT_TRUE(restarted);  // not ASSERT: the callers must be joined first
    if (!restarted) break;
    crash.listening = absl::Now();
    crashes.push_back(crash);
  }
  for (std::thread& t : callers) t.join();
  const absl::Duration took = absl::Now() - start;

  std::map<absl::StatusCode, int> final_codes;
  for (const absl::Status& s : statuses) ++final_codes[s.code()];
  for (Crash& crash : crashes) {
    crash.first_success = absl::InfiniteFuture();
    for (int i = 0; i < kCalls; ++i) {
      if (statuses[i].ok() && answered[i] > crash.listening) {
        crash.first_success = std::min(crash.first_success, answered[i]);
      }
    }
  }

  // The figures (printed, not asserted: a test does not time things).
  auto codes_text = [](const std::map<absl::StatusCode, int>& codes) {
    std::vector<std::string> parts;
    for (const auto& [code, n] : codes) parts.push_back(absl::StrCat(absl::StatusCodeToString(code), "=", n));
    return absl::StrJoin(parts, ",");
  };
  std::string crash_text;
  for (size_t k = 0; k < crashes.size(); ++k) {
    const Crash& c = crashes[k];
    absl::StrAppend(&crash_text, " kill", k + 1, "{acknowledged_before=", c.acknowledged_at_kill,
                    " kill_to_listening_ms=", absl::ToInt64Milliseconds(c.listening - c.killed),
                    " listening_to_first_success_ms=", absl::ToInt64Milliseconds(c.first_success - c.listening),
                    " kill_to_first_success_ms=", absl::ToInt64Milliseconds(c.first_success - c.killed), "}");
  }
  {
    absl::MutexLock lock(&mu);
    std::printf("fault-figures: R1 server crash: calls=%d callers=%d final{%s} retries=%d retried_attempts{%s}%s "
                "total_ms=%lld\n",
                kCalls, kCallers, codes_text(final_codes).c_str(), retries, codes_text(retried_codes).c_str(),
                crash_text.c_str(), static_cast<long long>(absl::ToInt64Milliseconds(took)));
  }

  // Both kills came while calls were still being made.
  ASSERT_EQ(crashes.size(), 2u);
  for (const Crash& c : crashes) EXPECT_LT(c.acknowledged_at_kill, kCalls);
  // Every call succeeded, each with a lead of its own.
  EXPECT_EQ(final_codes[absl::StatusCode::kOk], kCalls) << codes_text(final_codes) << "\n" << server_->Log();
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), static_cast<size_t>(kCalls));

  // Exactly 1,000 leads, one per request id, each the one its call was answered with.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads"), std::to_string(kCalls));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM idempotency_keys WHERE method LIKE '%/CreateLead'"), std::to_string(kCalls));
  std::vector<std::string> pairs;
  for (int i = 0; i < kCalls; ++i) pairs.push_back(absl::StrCat("('", request_ids[i], "','", names[i], "')"));
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM idempotency_keys WHERE (request_id, resource_name) IN (",
                               absl::StrJoin(pairs, ","), ")")),
            std::to_string(kCalls))
      << "each request id maps to the lead its call was answered with";
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT k.resource_name) FROM idempotency_keys k JOIN leads l"
                  " ON k.resource_name = CONCAT('leads/', l.id)"),
            std::to_string(kCalls));

  // Each lead has exactly one audit row, the create with its request id.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE method LIKE '%/CreateLead'"), std::to_string(kCalls));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM leads l WHERE (SELECT COUNT(*) FROM audit_log a"
                  " WHERE a.resource_name = CONCAT('leads/', l.id)) <> 1"),
            "0");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log a JOIN idempotency_keys k"
                  " ON a.request_id = k.request_id AND a.resource_name = k.resource_name"
                  " WHERE a.method LIKE '%/CreateLead'"),
            std::to_string(kCalls));
}

}  // namespace
}  // namespace crm::testing
