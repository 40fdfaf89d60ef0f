// The bulk streams over real gRPC and MariaDB: ImportEnterprises upserts
// 10,000 rows by USCC with bad rows mixed in, re-imports change nothing, and
// ExportEnterprises streams the pool back.

#include <gmock/gmock.h>

#include <set>

#include "tests/integration/service_fixture.h"

namespace crm {
namespace {

using ::testing::HasSubstr;
using testing::kToken;
using v1::Enterprise;

constexpr int kRows = 10000;

class EnterpriseImportTest : public testing::ServiceFixture {
 protected:
  // kRows rows; every 100th (100 in all) is bad in one of a few ways.
  static std::vector<Enterprise> Rows() {
    std::vector<Enterprise> rows;
    for (int i = 0; i < kRows; ++i) {
      Enterprise e = NewEnterprise(100000 + i, absl::StrCat("导入测试企业", i, "有限公司"));
      if (i % 100 == 7) {
        switch ((i / 100) % 4) {
          case 0: e.set_uscc(e.uscc().substr(0, 17) + (e.uscc()[17] == 'A' ? "B" : "A")); break;
          case 1: e.clear_company_name(); break;
          case 2: e.set_founded_date("2023-02-29"); break;
          default: e.clear_industry(); break;
        }
      }
      rows.push_back(std::move(e));
    }
    return rows;
  }

  // Streams `rows` in messages of 250.
  v1::ImportEnterprisesResponse Import(const std::vector<Enterprise>& rows, grpc::Status* status = nullptr,
                                       const std::string& token = kToken) {
    v1::ImportEnterprisesResponse resp;
    auto ctx = Ctx(token);
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
    auto writer = api().ImportEnterprises(ctx.get(), &resp);
    v1::ImportEnterprisesRequest msg;
    for (size_t i = 0; i < rows.size(); ++i) {
      *msg.add_enterprises() = rows[i];
      if (msg.enterprises_size() == 250 || i + 1 == rows.size()) {
        if (!writer->Write(msg)) break;
        msg.Clear();
      }
    }
    writer->WritesDone();
    grpc::Status s = writer->Finish();
    if (status) *status = s; else EXPECT_TRUE(s.ok()) << s.error_message();
    return resp;
  }
};

TEST_F(EnterpriseImportTest, StoresGoodRowsRejectsBadOnesAndReimportsIdempotently) {
  std::vector<Enterprise> rows = Rows();
  v1::ImportEnterprisesResponse first = Import(rows);
  EXPECT_EQ(first.created_count(), 9900);
  EXPECT_EQ(first.rejected_count(), 100);
  EXPECT_EQ(first.updated_count() + first.unchanged_count(), 0);
  ASSERT_EQ(first.results_size(), kRows);
  std::set<std::string> reasons;
  for (int i = 0; i < kRows; ++i) {
    const auto& r = first.results(i);
    EXPECT_EQ(r.row(), i);
    if (i % 100 == 7) {
      EXPECT_EQ(r.outcome(), v1::IMPORT_OUTCOME_REJECTED) << i;
      EXPECT_TRUE(r.enterprise().empty());
      reasons.insert(r.reason().substr(0, r.reason().find(':')));
    } else {
      EXPECT_EQ(r.outcome(), v1::IMPORT_OUTCOME_CREATED) << i;
    }
  }
  // Each kind of bad row names its field.
  EXPECT_EQ(reasons, (std::set<std::string>{"uscc", "company_name", "founded_date", "industry"}));
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM enterprises"), "9900");
  EXPECT_EQ(server_.db().QueryOne(
                "SELECT COUNT(*) FROM audit_log WHERE method = 'crm.v1.EnterpriseService/ImportEnterprises'"),
            "9900");

  v1::ImportEnterprisesResponse again = Import(rows);
  EXPECT_EQ(again.created_count(), 0);
  EXPECT_EQ(again.updated_count(), 0);
  EXPECT_EQ(again.unchanged_count(), 9900);
  EXPECT_EQ(again.rejected_count(), 100);
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM enterprises"), "9900");

  // Changed rows update their enterprise in place (the secretary is kept).
  rows[0].set_address("软件园三期");
  rows[1].set_company_name("导入测试企业1（更名）有限公司");
  v1::ImportEnterprisesResponse changed = Import({rows[0], rows[1], rows[2]});
  EXPECT_EQ(changed.updated_count(), 2);
  EXPECT_EQ(changed.unchanged_count(), 1);
  EXPECT_EQ(changed.results(0).enterprise(), first.results(0).enterprise());
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT version FROM enterprises WHERE uscc = '", rows[0].uscc(), "'")),
            "2");

  // The same USCC twice in one stream: created, then updated.
  Enterprise twin = NewEnterprise(900001, "孪生企业");
  Enterprise twin2 = twin;
  twin2.set_address("第二行");
  v1::ImportEnterprisesResponse twins = Import({twin, twin2});
  EXPECT_EQ(twins.results(0).outcome(), v1::IMPORT_OUTCOME_CREATED);
  EXPECT_EQ(twins.results(1).outcome(), v1::IMPORT_OUTCOME_UPDATED);
  EXPECT_EQ(twins.results(1).enterprise(), twins.results(0).enterprise());
}

TEST_F(EnterpriseImportTest, ExportStreamsThePoolByFilter) {
  std::vector<Enterprise> rows;
  for (int i = 0; i < 1234; ++i) {
    Enterprise e = NewEnterprise(200000 + i, absl::StrCat("导出企业", i));
    e.set_in_zone(i % 2 == 0);
    rows.push_back(e);
  }
  ASSERT_EQ(Import(rows).created_count(), 1234);
  v1::ExportEnterprisesRequest req;
  req.mutable_filter()->set_in_zone_only(true);
  auto ctx = Ctx();
  auto reader = api().ExportEnterprises(ctx.get(), req);
  v1::ExportEnterprisesResponse msg;
  int messages = 0;
  std::set<std::string> usccs;
  while (reader->Read(&msg)) {
    ++messages;
    for (const Enterprise& e : msg.enterprises()) {
      EXPECT_TRUE(e.in_zone());
      usccs.insert(e.uscc());
    }
  }
  ASSERT_TRUE(reader->Finish().ok());
  EXPECT_EQ(usccs.size(), 617u);
  EXPECT_GT(messages, 1);  // in pages, not one message

  // A bad filter is refused before anything is sent.
  req.mutable_filter()->set_service_secretary("nobody");
  auto bad_ctx = Ctx();
  auto bad = api().ExportEnterprises(bad_ctx.get(), req);
  while (bad->Read(&msg)) {
  }
  EXPECT_EQ(bad->Finish().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(EnterpriseImportTest, ImportNeedsTheWriteRole) {
  MakeUnit("u1");
  std::string boss = MakeUser("boss", "units/u1", v1::ROLE_LEADERSHIP);
  grpc::Status s;
  Import({NewEnterprise(300000, "领导不导入")}, &s, boss);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  Import({NewEnterprise(300001, "无令牌")}, &s, "wrong-token-0123456789abcdef0123456789abcdef");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(server_.db().QueryOne("SELECT COUNT(*) FROM enterprises"), HasSubstr("0"));
}

TEST_F(EnterpriseImportTest, ACancelledImportKeepsWholeBatchesAndTheServerServesOn) {
  // Reading overlaps storing: the cancellation arrives while batches are
  // stored or queued. What was stored is whole batches of 500, with their
  // audit rows; the server goes on serving.
  for (int round = 0; round < 5; ++round) {
    v1::ImportEnterprisesResponse resp;
    auto ctx = Ctx();
    auto writer = api().ImportEnterprises(ctx.get(), &resp);
    v1::ImportEnterprisesRequest msg;
    for (int i = 0; i < 1600; ++i) {
      *msg.add_enterprises() = NewEnterprise(400000 + round * 10000 + i, absl::StrCat("取消导入企业", round, "-", i));
      if (msg.enterprises_size() == 100) {
        if (!writer->Write(msg)) break;
        msg.Clear();
      }
    }
    ctx->TryCancel();
    EXPECT_EQ(writer->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  // One statement, one snapshot: stores of the cancelled imports may still be committing.
  std::string counts = server_.db().QueryOne(
      "SELECT CONCAT(COUNT(*) % 500, ' ', COUNT(*) - (SELECT COUNT(*) FROM audit_log"
      " WHERE method LIKE '%/ImportEnterprises')) FROM enterprises");
  EXPECT_EQ(counts, "0 0") << "rows modulo 500, and rows without their audit row";
  v1::ImportEnterprisesResponse after = Import({NewEnterprise(499999, "取消之后的导入")});
  EXPECT_EQ(after.created_count(), 1);
}

}  // namespace
}  // namespace crm
