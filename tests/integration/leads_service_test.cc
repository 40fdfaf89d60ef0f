// The real LeadService on 127.0.0.1:0 over real gRPC, called through the
// generated stubs, against the real MariaDB.

#include "services/leads/leads_service.h"

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "tests/integration/test_server.h"

namespace crm {
namespace {

using v1::Lead;

using testing::kToken;
using testing::TestServer;

class LeadsServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server_.ready()); }

  // A context with the token and a deadline.
  static std::unique_ptr<grpc::ClientContext> Ctx(const char* token = kToken) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    if (token) ctx->AddMetadata("authorization", absl::StrCat("Bearer ", token));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return ctx;
  }

  static v1::CreateLeadRequest NewLead(const std::string& company) {
    v1::CreateLeadRequest req;
    req.mutable_lead()->set_company_name(company);
    req.mutable_lead()->set_target_list(v1::TARGET_LIST_FORTUNE_GLOBAL_500);
    req.mutable_lead()->set_channel(v1::LEAD_CHANNEL_HOSTED_VISIT);
    return req;
  }

  Lead Create(const v1::CreateLeadRequest& req) {
    Lead lead;
    grpc::Status s = server_.stub().CreateLead(Ctx().get(), req, &lead);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return lead;
  }

  Lead Get(const std::string& name) {
    v1::GetLeadRequest req;
    req.set_name(name);
    Lead lead;
    grpc::Status s = server_.stub().GetLead(Ctx().get(), req, &lead);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return lead;
  }

  std::vector<std::string> ListNames(v1::ListLeadsRequest req) {
    std::vector<std::string> names;
    do {
      v1::ListLeadsResponse resp;
      grpc::Status s = server_.stub().ListLeads(Ctx().get(), req, &resp);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      for (const Lead& l : resp.leads()) names.push_back(l.name());
      req.set_page_token(resp.next_page_token());
    } while (!req.page_token().empty());
    return names;
  }

  static std::vector<google::rpc::BadRequest::FieldViolation> Violations(const grpc::Status& s) {
    google::rpc::Status details;
    google::rpc::BadRequest bad_request;
    std::vector<google::rpc::BadRequest::FieldViolation> out;
    if (details.ParseFromString(s.error_details()) && details.details_size() == 1 &&
        details.details(0).UnpackTo(&bad_request)) {
      out.assign(bad_request.field_violations().begin(), bad_request.field_violations().end());
    }
    return out;
  }

  TestServer server_;
};

TEST_F(LeadsServiceTest, MissingOrWrongTokenIsUnauthenticated) {
  Lead lead;
  v1::GetLeadRequest req;
  req.set_name("leads/1");
  EXPECT_EQ(server_.stub().GetLead(Ctx(nullptr).get(), req, &lead).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(server_.stub().GetLead(Ctx("wrong-token").get(), req, &lead).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(LeadsServiceTest, CreateFillsServerFieldsAndGetReturnsTheSame) {
  v1::CreateLeadRequest req = NewLead("中国某某集团有限公司");
  req.mutable_lead()->set_status(v1::LEAD_STATUS_CONVERTED);  // output only: ignored
  req.mutable_lead()->set_name("leads/999");                   // output only: ignored
  Lead created = Create(req);
  EXPECT_EQ(created.status(), v1::LEAD_STATUS_NEW);
  EXPECT_NE(created.name(), "leads/999");
  EXPECT_EQ(created.owner(), "users/admin");
  EXPECT_EQ(created.unit(), "units/admin");
  EXPECT_EQ(Get(created.name()).SerializeAsString(), created.SerializeAsString());
}

TEST_F(LeadsServiceTest, InvalidInputNamesEachFieldInBadRequest) {
  v1::CreateLeadRequest req = NewLead("");
  req.mutable_lead()->set_uscc("91350200776049653B");
  req.set_request_id("not-a-uuid");
  Lead lead;
  grpc::Status s = server_.stub().CreateLead(Ctx().get(), req, &lead);
  ASSERT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto v = Violations(s);
  ASSERT_EQ(v.size(), 3u) << s.error_message();
  EXPECT_EQ(v[0].field(), "lead.company_name");
  EXPECT_EQ(v[1].field(), "lead.uscc");
  EXPECT_EQ(v[1].description(), "check character should be 'A'");
  EXPECT_EQ(v[2].field(), "request_id");
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM leads"), "0");
}

TEST_F(LeadsServiceTest, BadNamesAreInvalidArgumentAndMissingLeadsNotFound) {
  Lead lead;
  v1::GetLeadRequest req;
  req.set_name("projects/1");
  grpc::Status bad = server_.stub().GetLead(Ctx().get(), req, &lead);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  ASSERT_EQ(Violations(bad).size(), 1u);
  EXPECT_EQ(Violations(bad)[0].field(), "name");
  req.set_name("leads/424242");
  EXPECT_EQ(server_.stub().GetLead(Ctx().get(), req, &lead).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(LeadsServiceTest, ListPagesWithoutGapsAndTokensAreBoundToTheirFilters) {
  std::vector<std::string> created;
  for (int i = 0; i < 12; ++i) created.push_back(Create(NewLead(absl::StrCat("分页公司", i))).name());
  v1::ListLeadsRequest req;
  req.set_page_size(5);
  std::vector<std::string> names = ListNames(req);
  std::vector<std::string> expected(created.rbegin(), created.rend());  // newest first
  EXPECT_EQ(names, expected);

  req.set_order_by("create_time");
  EXPECT_EQ(ListNames(req), created);

  v1::ListLeadsResponse first;
  ASSERT_TRUE(server_.stub().ListLeads(Ctx().get(), req, &first).ok());
  ASSERT_FALSE(first.next_page_token().empty());
  v1::ListLeadsRequest other = req;
  other.set_page_token(first.next_page_token());
  other.set_company_name_contains("分页");
  v1::ListLeadsResponse resp;
  grpc::Status s = server_.stub().ListLeads(Ctx().get(), other, &resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  ASSERT_EQ(Violations(s).size(), 1u);
  EXPECT_EQ(Violations(s)[0].field(), "page_token");

  v1::ListLeadsRequest bad_order;
  bad_order.set_order_by("company_name");
  EXPECT_EQ(server_.stub().ListLeads(Ctx().get(), bad_order, &resp).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(LeadsServiceTest, UpdateChangesOnlyMaskedFieldsAndChecksTheEtag) {
  v1::CreateLeadRequest req = NewLead("更新测试有限公司");
  req.mutable_lead()->set_notes("原备注");
  req.mutable_lead()->set_country_region("CN");
  Lead created = Create(req);

  v1::UpdateLeadRequest update;
  *update.mutable_lead() = created;
  update.mutable_lead()->set_notes("新备注");
  update.mutable_lead()->set_country_region("HK");  // not in the mask
  update.mutable_update_mask()->add_paths("notes");
  Lead updated;
  ASSERT_TRUE(server_.stub().UpdateLead(Ctx().get(), update, &updated).ok());
  EXPECT_EQ(updated.notes(), "新备注");
  EXPECT_EQ(updated.country_region(), "CN");
  EXPECT_NE(updated.etag(), created.etag());

  // The old etag is stale now.
  Lead ignored;
  grpc::Status stale = server_.stub().UpdateLead(Ctx().get(), update, &ignored);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED) << stale.error_message();

  v1::UpdateLeadRequest status_change = update;
  status_change.mutable_lead()->set_etag(updated.etag());
  status_change.mutable_update_mask()->add_paths("status");
  EXPECT_EQ(server_.stub().UpdateLead(Ctx().get(), status_change, &ignored).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  v1::UpdateLeadRequest invalid = update;
  invalid.mutable_lead()->set_etag(updated.etag());
  invalid.mutable_lead()->set_company_name("");
  invalid.mutable_update_mask()->add_paths("company_name");
  grpc::Status s = server_.stub().UpdateLead(Ctx().get(), invalid, &ignored);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(Get(created.name()).notes(), "新备注") << "a refused update changes nothing";
}

TEST_F(LeadsServiceTest, SameRequestIdTwiceGivesOneLead) {
  v1::CreateLeadRequest req = NewLead("重试测试有限公司");
  req.set_request_id("0b1e2a3c-4d5e-4f60-8a7b-9c0d1e2f3a4b");
  Lead a = Create(req);
  Lead b = Create(req);
  EXPECT_EQ(a.name(), b.name());
  EXPECT_EQ(ListNames(v1::ListLeadsRequest()).size(), 1u);
}

TEST_F(LeadsServiceTest, StatusMovesFollowTheFunnel) {
  Lead lead = Create(NewLead("状态测试有限公司"));
  Lead out;
  v1::QualifyLeadRequest qualify;
  qualify.set_name(lead.name());
  ASSERT_TRUE(server_.stub().QualifyLead(Ctx().get(), qualify, &out).ok());
  EXPECT_EQ(out.status(), v1::LEAD_STATUS_QUALIFIED);
  grpc::Status again = server_.stub().QualifyLead(Ctx().get(), qualify, &out);
  EXPECT_EQ(again.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(again.error_message().find("only from NEW or CONTACTING"), std::string::npos) << again.error_message();

  v1::DisqualifyLeadRequest disqualify;
  disqualify.set_name(lead.name());
  EXPECT_EQ(server_.stub().DisqualifyLead(Ctx().get(), disqualify, &out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT) << "a reason is required";
  disqualify.set_reason("投资方向与园区产业定位不符");
  ASSERT_TRUE(server_.stub().DisqualifyLead(Ctx().get(), disqualify, &out).ok());
  EXPECT_EQ(out.status(), v1::LEAD_STATUS_DISQUALIFIED);
  EXPECT_EQ(out.disqualify_reason(), "投资方向与园区产业定位不符");

  v1::ReopenLeadRequest reopen;
  reopen.set_name(lead.name());
  reopen.set_request_id("0b1e2a3c-4d5e-4f60-8a7b-000000000001");
  ASSERT_TRUE(server_.stub().ReopenLead(Ctx().get(), reopen, &out).ok());
  EXPECT_EQ(out.status(), v1::LEAD_STATUS_CONTACTING);
  EXPECT_EQ(out.disqualify_reason(), "");
  Lead retried;
  ASSERT_TRUE(server_.stub().ReopenLead(Ctx().get(), reopen, &retried).ok()) << "a retry gets the first answer";
  EXPECT_EQ(retried.SerializeAsString(), out.SerializeAsString());
}

TEST_F(LeadsServiceTest, SoftDeleteHidesFromListUntilUndeleted) {
  Lead keep = Create(NewLead("保留公司"));
  Lead gone = Create(NewLead("删除公司"));
  v1::DeleteLeadRequest del;
  del.set_name(gone.name());
  del.set_etag(gone.etag());
  Lead deleted;
  ASSERT_TRUE(server_.stub().DeleteLead(Ctx().get(), del, &deleted).ok());
  EXPECT_TRUE(deleted.has_delete_time());
  EXPECT_EQ(ListNames(v1::ListLeadsRequest()), std::vector<std::string>{keep.name()});
  v1::ListLeadsRequest with_deleted;
  with_deleted.set_show_deleted(true);
  EXPECT_EQ(ListNames(with_deleted).size(), 2u);
  EXPECT_TRUE(Get(gone.name()).has_delete_time());
  del.set_etag(deleted.etag());
  EXPECT_EQ(server_.stub().DeleteLead(Ctx().get(), del, &deleted).error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  v1::UndeleteLeadRequest undelete;
  undelete.set_name(gone.name());
  Lead back;
  ASSERT_TRUE(server_.stub().UndeleteLead(Ctx().get(), undelete, &back).ok());
  EXPECT_FALSE(back.has_delete_time());
  EXPECT_EQ(ListNames(v1::ListLeadsRequest()).size(), 2u);
}

TEST_F(LeadsServiceTest, ActivitiesStartContactAndListNewestFirst) {
  Lead lead = Create(NewLead("走访对象有限公司"));
  for (const char* day : {"2026-10-01", "2026-11-15", "2026-10-20"}) {
    v1::AddLeadActivityRequest add;
    add.set_parent(lead.name());
    add.mutable_activity()->set_kind(v1::ACTIVITY_KIND_MEETING);
    add.mutable_activity()->set_occur_date(day);
    add.mutable_activity()->set_summary("洽谈用地需求");
    add.mutable_activity()->set_next_step("报送项目建议书");
    add.mutable_activity()->set_next_step_date("2026-12-01");
    v1::Activity out;
    grpc::Status s = server_.stub().AddLeadActivity(Ctx().get(), add, &out);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(out.creator(), "users/admin");
  }
  EXPECT_EQ(Get(lead.name()).status(), v1::LEAD_STATUS_CONTACTING);
  v1::ListLeadActivitiesRequest list;
  list.set_parent(lead.name());
  list.set_page_size(2);
  std::vector<std::string> days;
  do {
    v1::ListLeadActivitiesResponse resp;
    ASSERT_TRUE(server_.stub().ListLeadActivities(Ctx().get(), list, &resp).ok());
    for (const auto& a : resp.activities()) days.push_back(a.occur_date());
    list.set_page_token(resp.next_page_token());
  } while (!list.page_token().empty());
  EXPECT_EQ(days, (std::vector<std::string>{"2026-11-15", "2026-10-20", "2026-10-01"}));

  v1::AddLeadActivityRequest bad;
  bad.set_parent(lead.name());
  bad.mutable_activity()->set_kind(v1::ACTIVITY_KIND_CALL);
  bad.mutable_activity()->set_occur_date("2026-02-30");
  bad.mutable_activity()->set_summary("x");
  v1::Activity out;
  grpc::Status s = server_.stub().AddLeadActivity(Ctx().get(), bad, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  ASSERT_EQ(Violations(s).size(), 1u);
  EXPECT_EQ(Violations(s)[0].field(), "activity.occur_date");
}

TEST_F(LeadsServiceTest, DuplicatesAreFoundAndADuplicateUsccIsRefused) {
  v1::CreateLeadRequest req = NewLead("宁德时代新能源科技股份有限公司");
  req.mutable_lead()->set_uscc("91350200776049653A");
  Lead original = Create(req);
  Create(NewLead("宁德时代新能源科技（中国）有限公司"));
  Create(NewLead("完全不同的公司"));

  v1::FindDuplicateLeadsRequest find;
  find.set_company_name("宁德时代新能源科技 有限公司");
  v1::FindDuplicateLeadsResponse resp;
  ASSERT_TRUE(server_.stub().FindDuplicateLeads(Ctx().get(), find, &resp).ok());
  EXPECT_EQ(resp.matches_size(), 2);

  v1::FindDuplicateLeadsRequest by_uscc;
  by_uscc.set_uscc("91350200776049653A");
  ASSERT_TRUE(server_.stub().FindDuplicateLeads(Ctx().get(), by_uscc, &resp).ok());
  ASSERT_EQ(resp.matches_size(), 1);
  EXPECT_EQ(resp.matches(0).matched_on(), "uscc");
  EXPECT_EQ(resp.matches(0).lead().name(), original.name());

  v1::CreateLeadRequest dup = NewLead("另一个名字");
  dup.mutable_lead()->set_uscc("91350200776049653A");
  Lead ignored;
  grpc::Status s = server_.stub().CreateLead(Ctx().get(), dup, &ignored);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_NE(s.error_message().find(original.name()), std::string::npos) << s.error_message();
}

TEST_F(LeadsServiceTest, WritesAreAudited) {
  Lead lead = Create(NewLead("审计对象有限公司"));
  v1::QualifyLeadRequest qualify;
  qualify.set_name(lead.name());
  Lead out;
  ASSERT_TRUE(server_.stub().QualifyLead(Ctx().get(), qualify, &out).ok());
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT GROUP_CONCAT(method ORDER BY id) FROM audit_log WHERE resource_name = '",
                                               lead.name(), "'")),
            "crm.v1.LeadService/CreateLead,crm.v1.LeadService/QualifyLead");
}

}  // namespace
}  // namespace crm
