// The leads SQL against a real MariaDB: round trips, keyset pages, filters,
// optimistic concurrency, request ids, the USCC rule, audit rows, activities.

#include "storage/lead_store.h"

#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "services/leads/lead_rules.h"
#include "storage/migrations.h"
#include "storage/transaction.h"
#include "tests/integration/test_db.h"

namespace crm {
namespace {

using v1::Lead;

class LeadStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TestDatabase::Create();
    ASSERT_NE(db_, nullptr);
    store_ = std::make_unique<LeadStore>(&db_->pool(), &NormalizeCompanyName);
  }

  MutationContext Ctx(const std::string& method = "crm.v1.LeadService/CreateLead", const std::string& request_id = "") {
    return MutationContext{"users/tester", method, request_id, absl::Now() + absl::Seconds(10)};
  }

  static Lead NewLead(const std::string& company, const std::string& unit = "units/u1") {
    Lead lead;
    lead.set_company_name(company);
    lead.set_target_list(v1::TARGET_LIST_INDUSTRY_LEADER);
    lead.set_channel(v1::LEAD_CHANNEL_OUTBOUND_VISIT);
    lead.set_industry(v1::INDUSTRY_SECTION_C);
    lead.set_owner("users/tester");
    lead.set_unit(unit);
    lead.set_status(v1::LEAD_STATUS_NEW);
    return lead;
  }

  Lead MustCreate(const Lead& lead) {
    auto created = store_->Create(Ctx(), lead);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : Lead();
  }

  static int64_t IdOf(const Lead& lead) { return std::stoll(lead.name().substr(lead.name().find('/') + 1)); }

  absl::Time Deadline() { return absl::Now() + absl::Seconds(10); }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<LeadStore> store_;
};

TEST_F(LeadStoreTest, CreateThenGetRoundTripsEveryFieldIncludingFourByteText) {
  Lead lead = NewLead("𠮷野家（中国）餐饮有限公司 😀");
  lead.set_uscc("91350200776049653A");
  lead.set_event_name("");
  lead.set_country_region("JP");
  lead.set_estimated_investment_cny(5'000'000'000);
  lead.set_notes("第一次拜访：对园区的人才政策很感兴趣 🚀");
  auto* contact = lead.add_contacts();
  contact->set_display_name("山田太郎");
  contact->set_email("yamada@example.jp");
  Lead created = MustCreate(lead);
  EXPECT_EQ(created.etag(), "1");
  EXPECT_TRUE(created.has_create_time());

  auto got = store_->Get(IdOf(created), Deadline());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->company_name(), "𠮷野家（中国）餐饮有限公司 😀");
  EXPECT_EQ(got->notes(), "第一次拜访：对园区的人才政策很感兴趣 🚀");
  EXPECT_EQ(got->uscc(), "91350200776049653A");
  EXPECT_EQ(got->estimated_investment_cny(), 5'000'000'000);
  ASSERT_EQ(got->contacts_size(), 1);
  EXPECT_EQ(got->contacts(0).display_name(), "山田太郎");
  EXPECT_EQ(got->SerializeAsString(), created.SerializeAsString());
}

TEST_F(LeadStoreTest, GetOfAMissingLeadIsNotFound) {
  EXPECT_EQ(store_->Get(999999, Deadline()).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(LeadStoreTest, PagesCoverEveryLeadOnceInOrder) {
  std::set<std::string> all;
  for (int i = 0; i < 23; ++i) all.insert(MustCreate(NewLead(absl::StrCat("公司", i))).name());
  for (bool descending : {true, false}) {
    LeadQuery q;
    q.page_size = 5;
    q.descending = descending;
    std::vector<std::string> seen;
    int pages = 0;
    while (true) {
      auto page = store_->List(q, Deadline());
      ASSERT_TRUE(page.ok()) << page.status();
      ++pages;
      for (const Lead& l : page->leads) seen.push_back(l.name());
      if (!page->next) break;
      q.after = page->next;
    }
    EXPECT_EQ(pages, 5);
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), all);
    EXPECT_EQ(seen.size(), all.size()) << "no duplicates";
    std::vector<std::string> sorted = seen;
    std::sort(sorted.begin(), sorted.end(), [&](const std::string& a, const std::string& b) {
      int64_t x = std::stoll(a.substr(6)), y = std::stoll(b.substr(6));
      return descending ? x > y : x < y;
    });
    EXPECT_EQ(seen, sorted);
  }
}

TEST_F(LeadStoreTest, FiltersNarrowTheList) {
  Lead a = NewLead("厦门甲科技有限公司", "units/u1");
  Lead b = NewLead("厦门乙生物有限公司", "units/u2");
  b.set_channel(v1::LEAD_CHANNEL_EVENT);
  b.set_industry(v1::INDUSTRY_SECTION_M);
  Lead c = NewLead("100%_真实公司", "units/u2");
  c.set_target_list(v1::TARGET_LIST_FORTUNE_GLOBAL_500);
  MustCreate(a);
  MustCreate(b);
  MustCreate(c);
  auto names = [&](LeadQuery q) {
    std::vector<std::string> out;
    auto page = store_->List(q, Deadline());
    EXPECT_TRUE(page.ok()) << page.status();
    if (page.ok()) for (const Lead& l : page->leads) out.push_back(l.company_name());
    std::sort(out.begin(), out.end());
    return out;
  };
  LeadQuery by_unit;
  by_unit.unit_id = "u2";
  EXPECT_EQ(names(by_unit), (std::vector<std::string>{"100%_真实公司", "厦门乙生物有限公司"}));
  LeadQuery by_channel;
  by_channel.channel = v1::LEAD_CHANNEL_EVENT;
  EXPECT_EQ(names(by_channel), std::vector<std::string>{"厦门乙生物有限公司"});
  LeadQuery by_industry;
  by_industry.industry = v1::INDUSTRY_SECTION_C;
  EXPECT_EQ(names(by_industry).size(), 2u);
  LeadQuery by_list;
  by_list.target_list = v1::TARGET_LIST_FORTUNE_GLOBAL_500;
  EXPECT_EQ(names(by_list), std::vector<std::string>{"100%_真实公司"});
  LeadQuery by_text;
  by_text.company_name_contains = "厦门";
  EXPECT_EQ(names(by_text).size(), 2u);
  LeadQuery wildcard;  // % and _ are literal characters, not patterns
  wildcard.company_name_contains = "0%_";
  EXPECT_EQ(names(wildcard), std::vector<std::string>{"100%_真实公司"});
  LeadQuery by_status;
  by_status.status = v1::LEAD_STATUS_QUALIFIED;
  EXPECT_TRUE(names(by_status).empty());
}

TEST_F(LeadStoreTest, StaleEtagIsAbortedAndLeavesTheRowAlone) {
  Lead lead = MustCreate(NewLead("乐观锁测试公司"));
  auto first = store_->Mutate(Ctx("crm.v1.LeadService/UpdateLead"), IdOf(lead), "1", [](Lead& l) {
    l.set_notes("first");
    return absl::OkStatus();
  });
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->etag(), "2");
  auto stale = store_->Mutate(Ctx("crm.v1.LeadService/UpdateLead"), IdOf(lead), "1", [](Lead& l) {
    l.set_notes("second");
    return absl::OkStatus();
  });
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(store_->Get(IdOf(lead), Deadline())->notes(), "first");
}

TEST_F(LeadStoreTest, ConcurrentWritersLoseNoUpdate) {
  Lead lead = MustCreate(NewLead("并发写入测试公司"));
  constexpr int kWriters = 8;
  std::atomic<int> ok{0}, aborted{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      auto r = store_->Mutate(Ctx("crm.v1.LeadService/UpdateLead"), IdOf(lead), "", [w](Lead& l) {
        l.set_notes(absl::StrCat(l.notes(), "[", w, "]"));
        return absl::OkStatus();
      });
      (r.ok() ? ok : aborted)++;
      if (!r.ok()) {
        EXPECT_EQ(r.status().code(), absl::StatusCode::kAborted) << r.status();
      }
    });
  }
  for (auto& t : threads) t.join();
  Lead final = *store_->Get(IdOf(lead), Deadline());
  EXPECT_EQ(ok + aborted, kWriters);
  EXPECT_EQ(final.etag(), std::to_string(1 + ok.load()));
  int marks = 0;
  for (int w = 0; w < kWriters; ++w) marks += final.notes().find(absl::StrCat("[", w, "]")) != std::string::npos;
  EXPECT_EQ(marks, ok.load()) << "every acknowledged write is in the row: " << final.notes();
}

TEST_F(LeadStoreTest, SameRequestIdCreatesOneLeadEvenConcurrently) {
  const std::string rid = "6f1c2d3e-0000-4000-8000-000000000001";
  std::vector<std::string> names(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      auto r = store_->Create(Ctx("crm.v1.LeadService/CreateLead", rid), NewLead("幂等测试公司"));
      EXPECT_TRUE(r.ok()) << r.status();
      if (r.ok()) names[i] = r->name();
    });
  }
  for (auto& t : threads) t.join();
  for (const std::string& n : names) EXPECT_EQ(n, names[0]);
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM leads"), "1");
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM audit_log"), "1");
  auto again = store_->Create(Ctx("crm.v1.LeadService/CreateLead", rid), NewLead("另一个名字"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->company_name(), "幂等测试公司") << "the first answer, not a new lead";
}

TEST_F(LeadStoreTest, ARetriedUpdateGetsTheFirstAnswerThoughItsEtagIsNowStale) {
  const std::string rid = "6f1c2d3e-0000-4000-8000-000000000003";
  Lead lead = MustCreate(NewLead("重试更新公司"));
  auto append = [](Lead& l) {
    l.set_notes(l.notes() + "+");
    return absl::OkStatus();
  };
  auto first = store_->Mutate(Ctx("crm.v1.LeadService/UpdateLead", rid), IdOf(lead), lead.etag(), append);
  ASSERT_TRUE(first.ok()) << first.status();
  auto retry = store_->Mutate(Ctx("crm.v1.LeadService/UpdateLead", rid), IdOf(lead), lead.etag(), append);
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->SerializeAsString(), first->SerializeAsString());
  // Without an etag the retry's change applies again before the stored key is
  // met; it must be rolled back.
  auto blind = store_->Mutate(Ctx("crm.v1.LeadService/UpdateLead", rid), IdOf(lead), "", append);
  ASSERT_TRUE(blind.ok()) << blind.status();
  EXPECT_EQ(blind->SerializeAsString(), first->SerializeAsString());
  Lead stored = *store_->Get(IdOf(lead), Deadline());
  EXPECT_EQ(stored.notes(), first->notes());
  EXPECT_EQ(stored.etag(), first->etag());
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM audit_log WHERE method = 'crm.v1.LeadService/UpdateLead'"), "1");
}

TEST_F(LeadStoreTest, RequestIdOfAnotherMethodIsRefused) {
  const std::string rid = "6f1c2d3e-0000-4000-8000-000000000002";
  Lead lead = MustCreate(NewLead("请求号测试公司"));
  ASSERT_TRUE(store_->Create(Ctx("crm.v1.LeadService/CreateLead", rid), NewLead("x")).ok());
  auto other = store_->Mutate(Ctx("crm.v1.LeadService/QualifyLead", rid), IdOf(lead), "", [](Lead&) {
    return absl::OkStatus();
  });
  EXPECT_EQ(other.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(LeadStoreTest, UsccIsUniqueAmongActiveLeads) {
  Lead first = NewLead("统一代码甲公司");
  first.set_uscc("91440101MA5CJQ4N59");
  Lead created = MustCreate(first);
  Lead second = NewLead("统一代码乙公司");
  second.set_uscc("91440101MA5CJQ4N59");
  auto dup = store_->Create(Ctx(), second);
  EXPECT_EQ(dup.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_NE(dup.status().message().find(created.name()), std::string::npos) << dup.status();
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM leads"), "1") << "nothing half-written";

  // Once the first is deleted, the code is free; undeleting the first then collides.
  auto deleted = store_->Mutate(Ctx("crm.v1.LeadService/DeleteLead"), IdOf(created), "", [](Lead& l) {
    *l.mutable_delete_time() = google::protobuf::Timestamp();
    l.mutable_delete_time()->set_seconds(absl::ToUnixSeconds(absl::Now()));
    return absl::OkStatus();
  });
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  Lead replacement = MustCreate(second);
  auto undelete = store_->Mutate(Ctx("crm.v1.LeadService/UndeleteLead"), IdOf(created), "", [](Lead& l) {
    l.clear_delete_time();
    return absl::OkStatus();
  });
  EXPECT_EQ(undelete.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_NE(undelete.status().message().find(replacement.name()), std::string::npos) << undelete.status();
}

TEST_F(LeadStoreTest, EveryMutationWritesOneAuditRowWithBeforeAndAfter) {
  Lead lead = MustCreate(NewLead("审计测试公司"));
  ASSERT_TRUE(store_->Mutate(Ctx("crm.v1.LeadService/UpdateLead"), IdOf(lead), "", [](Lead& l) {
    l.set_notes("改过了");
    return absl::OkStatus();
  }).ok());
  auto failed = store_->Mutate(Ctx("crm.v1.LeadService/UpdateLead"), IdOf(lead), "", [](Lead&) {
    return absl::FailedPreconditionError("rule says no");
  });
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kFailedPrecondition);
  std::string where = absl::StrCat(" FROM audit_log WHERE resource_name = '", lead.name(), "'");
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*)" + where), "2") << "the refused change left no row";
  EXPECT_EQ(db_->QueryOne("SELECT before_json IS NULL" + where + " ORDER BY id LIMIT 1"), "1");
  EXPECT_EQ(db_->QueryOne("SELECT JSON_VALUE(before_json, '$.notes')" + where + " ORDER BY id DESC LIMIT 1"), "");
  EXPECT_EQ(db_->QueryOne("SELECT JSON_VALUE(after_json, '$.notes')" + where + " ORDER BY id DESC LIMIT 1"), "改过了");
  EXPECT_EQ(db_->QueryOne("SELECT principal" + where + " ORDER BY id DESC LIMIT 1"), "users/tester");
}

TEST_F(LeadStoreTest, ActivitiesPageNewestFirstAndMayChangeTheLead) {
  Lead lead = MustCreate(NewLead("走访测试公司"));
  for (int day = 1; day <= 7; ++day) {
    v1::Activity a;
    a.set_kind(v1::ACTIVITY_KIND_VISIT);
    a.set_occur_date(absl::StrCat("2026-11-0", day));
    a.add_participants("李四");
    a.set_summary(absl::StrCat("第", day, "次拜访"));
    auto added = store_->AddActivity(Ctx("crm.v1.LeadService/AddLeadActivity"), IdOf(lead), a, [](Lead& l) {
      if (l.status() == v1::LEAD_STATUS_NEW) l.set_status(v1::LEAD_STATUS_CONTACTING);
      return absl::OkStatus();
    });
    ASSERT_TRUE(added.ok()) << added.status();
  }
  EXPECT_EQ(store_->Get(IdOf(lead), Deadline())->status(), v1::LEAD_STATUS_CONTACTING);
  EXPECT_EQ(store_->Get(IdOf(lead), Deadline())->etag(), "2") << "the lead changed once";
  std::vector<std::string> days;
  std::optional<std::pair<int64_t, int64_t>> after;
  do {
    auto page = store_->ListActivities(IdOf(lead), 3, 0, after, Deadline());
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& a : page->activities) days.push_back(a.occur_date());
    after = page->next;
  } while (after);
  EXPECT_EQ(days, (std::vector<std::string>{"2026-11-07", "2026-11-06", "2026-11-05", "2026-11-04", "2026-11-03",
                                            "2026-11-02", "2026-11-01"}));
}

TEST_F(LeadStoreTest, FindActiveMatchesNormalisedNamesAndUscc) {
  Lead a = NewLead("华为技术有限公司");
  a.set_uscc("91350200776049653A");
  MustCreate(a);
  MustCreate(NewLead("华为终端有限公司"));
  auto by_name = store_->FindActive(Visibility::All(), "", NormalizeCompanyName("华为技术（中国）有限公司"), 10, Deadline());
  ASSERT_TRUE(by_name.ok());
  ASSERT_EQ(by_name->size(), 1u);
  EXPECT_EQ((*by_name)[0].company_name(), "华为技术有限公司");
  auto by_uscc = store_->FindActive(Visibility::All(), "91350200776049653A", "", 10, Deadline());
  ASSERT_TRUE(by_uscc.ok());
  EXPECT_EQ(by_uscc->size(), 1u);

  // Another unit's lead without an owner stays out of a unit lead's scope: an
  // empty id matches nobody, not every lead whose owner is empty.
  Lead ownerless = NewLead("无主科技有限公司", "units/u2");
  ownerless.clear_owner();
  MustCreate(ownerless);
  const std::string key = NormalizeCompanyName("无主科技有限公司");
  auto elsewhere = store_->FindActive(Visibility::AnyOf({{Facet::kUnit, "u3"}, {Facet::kOwner, ""}}), "", key, 10,
                                      Deadline());
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_TRUE(elsewhere->empty());
  auto at_home = store_->FindActive(Visibility::AnyOf({{Facet::kUnit, "u2"}}), "", key, 10, Deadline());
  ASSERT_TRUE(at_home.ok());
  EXPECT_EQ(at_home->size(), 1u);
}

TEST_F(LeadStoreTest, MigrationsApplyOnce) {
  auto owner = ConnectionPool::Create(db_->config());
  ASSERT_TRUE(owner.ok()) << owner.status();
  EXPECT_TRUE(ApplyMigrations(**owner, BuiltInMigrations()).ok());
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM schema_migrations"), std::to_string(BuiltInMigrations().size()));
}

TEST_F(LeadStoreTest, TheApplicationAccountCanNeitherRewriteTheAuditLogNorDeleteAnything) {
  MustCreate(NewLead("权限测试有限公司"));
  auto app = ConnectionPool::Connect(db_->app_config());
  ASSERT_TRUE(app.ok()) << app.status();
  for (const char* statement : {"UPDATE audit_log SET principal = 'users/nobody'", "DELETE FROM audit_log",
                                "DELETE FROM leads", "DROP TABLE leads"}) {
    int error = 0;
    try {
      std::unique_ptr<sql::Statement>((*app)->raw().createStatement())->execute(statement);
    } catch (const sql::SQLException& e) {
      error = e.getErrorCode();
    }
    EXPECT_EQ(error, 1142) << statement;  // ER_TABLEACCESS_DENIED_ERROR
  }
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM audit_log WHERE principal = 'users/tester'"), "1");
}

TEST_F(LeadStoreTest, AKilledConnectionIsReplacedAndTheNextReadSucceeds) {
  Lead lead = MustCreate(NewLead("断线测试公司"));
  // Kill every session of the pool from outside, as a DBA or wait_timeout would.
  {
    auto lease = db_->pool().Acquire(Deadline());
    ASSERT_TRUE(lease.ok());
  }
  db_->Execute(absl::StrCat(
      "BEGIN NOT ATOMIC FOR s IN (SELECT id FROM information_schema.PROCESSLIST WHERE db = '", db_->config().database,
      "' AND id <> CONNECTION_ID()) DO KILL CONNECTION s.id; END FOR; END"));
  auto got = store_->Get(IdOf(lead), Deadline());
  EXPECT_TRUE(got.ok()) << got.status();
  auto written = store_->Mutate(Ctx("crm.v1.LeadService/UpdateLead"), IdOf(lead), "", [](Lead& l) {
    l.set_notes("after the kill");
    return absl::OkStatus();
  });
  EXPECT_TRUE(written.ok()) << written.status();
}

}  // namespace
}  // namespace crm
