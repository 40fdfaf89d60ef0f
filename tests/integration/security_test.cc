// The permission model against the real server and MariaDB: the role × method
// table for every RPC of every service (from the descriptors), object- and
// field-level rules for leads, the token lifecycle, and the audit of changes
// and refusals.

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <future>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "crm/v1/admin_service.grpc.pb.h"
#include "services/common/permissions.h"
#include "tests/integration/test_server.h"

namespace crm {
namespace {

using testing::kToken;
using testing::TestServer;
using v1::Lead;

// The services the permission table must cover: every one crm-server can host.
const std::vector<const google::protobuf::ServiceDescriptor*>& Services() {
  static const auto* services = new std::vector<const google::protobuf::ServiceDescriptor*>{
      v1::Lead::descriptor()->file()->FindServiceByName("LeadService"),
      v1::User::descriptor()->file()->FindServiceByName("AdminService"),
      v1::Enterprise::descriptor()->file()->FindServiceByName("EnterpriseService"),
      v1::Project::descriptor()->file()->FindServiceByName("ProjectService"),
      v1::PipelineSummary::descriptor()->file()->FindServiceByName("DashboardService"),
  };
  return *services;
}

class SecurityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ready());
    MutationContext ctx{"users/admin", "test-setup", "", absl::Now() + absl::Seconds(10)};
    for (const char* unit : {"u1", "u2"}) {
      v1::Unit u;
      u.set_display_name(unit);
      ASSERT_TRUE(server_.principals().CreateUnit(ctx, unit, u).ok());
    }
    staff_a_ = MakeUser("staff-a", "units/u1", v1::ROLE_STAFF);
    staff_b_ = MakeUser("staff-b", "units/u2", v1::ROLE_STAFF);
    lead_u2_ = MakeUser("lead-u2", "units/u2", v1::ROLE_UNIT_LEAD);
    leadership_ = MakeUser("boss", "units/u1", v1::ROLE_LEADERSHIP);
    department_ = MakeUser("stats-bureau", "units/u2", v1::ROLE_DEPARTMENT_SERVICE);
    channel_ = grpc::CreateChannel(server_.address(), grpc::InsecureChannelCredentials());
    leads_ = v1::LeadService::NewStub(channel_);
    admin_ = v1::AdminService::NewStub(channel_);
  }

  // A user with a fresh token; returns the token.
  std::string MakeUser(const std::string& id, const std::string& unit, v1::Role role) {
    MutationContext ctx{"users/admin", "test-setup", "", absl::Now() + absl::Seconds(10)};
    v1::User user;
    user.set_display_name(id);
    user.set_unit(unit);
    user.set_role(role);
    user.set_active(true);
    EXPECT_TRUE(server_.principals().CreateUser(ctx, id, user).ok());
    auto issued = server_.principals().IssueToken(ctx, id, "test", std::nullopt);
    EXPECT_TRUE(issued.ok()) << issued.status();
    return issued.ok() ? issued->second : "";
  }

  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->AddMetadata("authorization", "Bearer " + token);
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    return ctx;
  }

  // Calls `method` ("/pkg.Service/Method") with an empty request, whatever its type.
  grpc::Status CallEmpty(const std::string& token, const std::string& method) {
    grpc::GenericStub stub(channel_);
    grpc::ByteBuffer request, response;
    grpc::Slice empty("");
    request = grpc::ByteBuffer(&empty, 1);
    auto ctx = Ctx(token);
    std::promise<grpc::Status> done;
    stub.UnaryCall(ctx.get(), method, {}, &request, &response, [&](grpc::Status s) { done.set_value(s); });
    return done.get_future().get();
  }

  Lead CreateLead(const std::string& token, const std::string& company, const std::string& phone = "") {
    v1::CreateLeadRequest req;
    req.mutable_lead()->set_company_name(company);
    req.mutable_lead()->set_target_list(v1::TARGET_LIST_OTHER);
    req.mutable_lead()->set_channel(v1::LEAD_CHANNEL_ONLINE);
    if (!phone.empty()) {
      auto* c = req.mutable_lead()->add_contacts();
      c->set_display_name("联系人");
      c->set_phone(phone);
      c->set_email("contact@example.cn");
    }
    Lead lead;
    grpc::Status s = leads_->CreateLead(Ctx(token).get(), req, &lead);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return lead;
  }

  TestServer server_;
  std::string staff_a_, staff_b_, lead_u2_, leadership_, department_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::LeadService::Stub> leads_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(SecurityTest, ThePermissionTableCoversExactlyTheRpcsOfEveryService) {
  std::set<std::string> rpcs;
  for (const auto* service : Services()) {
    ASSERT_NE(service, nullptr);
    for (int i = 0; i < service->method_count(); ++i) rpcs.insert(absl::StrCat(service->full_name(), "/", service->method(i)->name()));
  }
  std::set<std::string> table;
  for (const auto& [method, roles] : PermissionTable()) table.insert(method);
  EXPECT_EQ(rpcs, table) << "every RPC needs a method_policy in its contract (proto/crm/v1/method_options.proto)";
}

TEST_F(SecurityTest, EveryRoleIsRefusedExactlyTheRpcsTheTableDoesNotGiveIt) {
  const std::vector<std::pair<v1::Role, std::string>> callers = {
      {v1::ROLE_STAFF, staff_a_},       {v1::ROLE_UNIT_LEAD, lead_u2_}, {v1::ROLE_LEADERSHIP, leadership_},
      {v1::ROLE_ADMIN, kToken},         {v1::ROLE_DEPARTMENT_SERVICE, department_}};
  int checked = 0;
  for (const auto* service : Services()) {
    for (int i = 0; i < service->method_count(); ++i) {
      std::string method = absl::StrCat(service->full_name(), "/", service->method(i)->name());
      const std::vector<v1::Role>& allowed = PermissionTable().at(method).roles;
      for (const auto& [role, token] : callers) {
        grpc::Status s = CallEmpty(token, "/" + method);
        bool may = std::find(allowed.begin(), allowed.end(), role) != allowed.end();
        EXPECT_EQ(s.error_code() == grpc::StatusCode::PERMISSION_DENIED, !may)
            << method << " as " << v1::Role_Name(role) << ": " << s.error_code() << " " << s.error_message();
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 5 * static_cast<int>(PermissionTable().size()));
}

TEST_F(SecurityTest, AnotherUnitsLeadIsNotFoundByNameAndNeverListed) {
  Lead lead = CreateLead(staff_a_, "只属于一局的线索有限公司", "13800000000");
  ASSERT_FALSE(lead.name().empty());
  for (const std::string& token : {staff_b_, lead_u2_}) {
    Lead out;
    v1::GetLeadRequest get;
    get.set_name(lead.name());
    EXPECT_EQ(leads_->GetLead(Ctx(token).get(), get, &out).error_code(), grpc::StatusCode::NOT_FOUND);
    v1::UpdateLeadRequest update;
    update.mutable_lead()->set_name(lead.name());
    update.mutable_lead()->set_notes("x");
    update.mutable_update_mask()->add_paths("notes");
    EXPECT_EQ(leads_->UpdateLead(Ctx(token).get(), update, &out).error_code(), grpc::StatusCode::NOT_FOUND);
    v1::DeleteLeadRequest del;
    del.set_name(lead.name());
    EXPECT_EQ(leads_->DeleteLead(Ctx(token).get(), del, &out).error_code(), grpc::StatusCode::NOT_FOUND);
    v1::UndeleteLeadRequest undel;
    undel.set_name(lead.name());
    EXPECT_EQ(leads_->UndeleteLead(Ctx(token).get(), undel, &out).error_code(), grpc::StatusCode::NOT_FOUND);
    v1::QualifyLeadRequest qualify;
    qualify.set_name(lead.name());
    EXPECT_EQ(leads_->QualifyLead(Ctx(token).get(), qualify, &out).error_code(), grpc::StatusCode::NOT_FOUND);
    v1::DisqualifyLeadRequest disqualify;
    disqualify.set_name(lead.name());
    disqualify.set_reason("r");
    EXPECT_EQ(leads_->DisqualifyLead(Ctx(token).get(), disqualify, &out).error_code(), grpc::StatusCode::NOT_FOUND);
    v1::ReopenLeadRequest reopen;
    reopen.set_name(lead.name());
    EXPECT_EQ(leads_->ReopenLead(Ctx(token).get(), reopen, &out).error_code(), grpc::StatusCode::NOT_FOUND);
    v1::AddLeadActivityRequest add;
    add.set_parent(lead.name());
    add.mutable_activity()->set_kind(v1::ACTIVITY_KIND_CALL);
    add.mutable_activity()->set_occur_date("2026-11-20");
    add.mutable_activity()->set_summary("x");
    v1::Activity activity;
    EXPECT_EQ(leads_->AddLeadActivity(Ctx(token).get(), add, &activity).error_code(), grpc::StatusCode::NOT_FOUND);
    v1::ListLeadActivitiesRequest list_activities;
    list_activities.set_parent(lead.name());
    v1::ListLeadActivitiesResponse activities;
    EXPECT_EQ(leads_->ListLeadActivities(Ctx(token).get(), list_activities, &activities).error_code(),
              grpc::StatusCode::NOT_FOUND);

    v1::ListLeadsResponse listed;
    ASSERT_TRUE(leads_->ListLeads(Ctx(token).get(), v1::ListLeadsRequest(), &listed).ok());
    EXPECT_EQ(listed.leads_size(), 0);
    v1::FindDuplicateLeadsRequest dups;
    dups.set_company_name("只属于一局的线索有限公司");
    v1::FindDuplicateLeadsResponse found;
    ASSERT_TRUE(leads_->FindDuplicateLeads(Ctx(token).get(), dups, &found).ok());
    EXPECT_EQ(found.matches_size(), 0);
  }
  // The owner's unit and leadership see it, with the contact's phone.
  for (const std::string& token : {staff_a_, leadership_}) {
    Lead out;
    v1::GetLeadRequest get;
    get.set_name(lead.name());
    ASSERT_TRUE(leads_->GetLead(Ctx(token).get(), get, &out).ok());
    EXPECT_EQ(out.contacts(0).phone(), "13800000000");
  }
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT notes FROM leads WHERE id = ", lead.name().substr(6))), "")
      << "nothing was changed by the refused calls";
}

TEST_F(SecurityTest, StaffSeeLeadsTheyOwnInAnotherUnitWithoutContactDetails) {
  v1::CreateLeadRequest req;
  req.mutable_lead()->set_company_name("跨单位负责的线索有限公司");
  req.mutable_lead()->set_target_list(v1::TARGET_LIST_OTHER);
  req.mutable_lead()->set_channel(v1::LEAD_CHANNEL_ONLINE);
  req.mutable_lead()->set_unit("units/u1");
  req.mutable_lead()->set_owner("users/staff-b");
  auto* c = req.mutable_lead()->add_contacts();
  c->set_display_name("张总");
  c->set_phone("13900000000");
  c->set_email("zhang@example.cn");
  Lead lead;
  ASSERT_TRUE(leads_->CreateLead(Ctx(kToken).get(), req, &lead).ok());
  Lead seen;
  v1::GetLeadRequest get;
  get.set_name(lead.name());
  ASSERT_TRUE(leads_->GetLead(Ctx(staff_b_).get(), get, &seen).ok());
  EXPECT_EQ(seen.contacts(0).display_name(), "张总");
  EXPECT_EQ(seen.contacts(0).phone(), "");
  EXPECT_EQ(seen.contacts(0).email(), "");
  v1::ListLeadsResponse listed;
  ASSERT_TRUE(leads_->ListLeads(Ctx(staff_b_).get(), v1::ListLeadsRequest(), &listed).ok());
  ASSERT_EQ(listed.leads_size(), 1);
  EXPECT_EQ(listed.leads(0).contacts(0).phone(), "");
}

TEST_F(SecurityTest, StaffMayNotPlaceOrGiveLeadsElsewhere) {
  v1::CreateLeadRequest req;
  req.mutable_lead()->set_company_name("越权测试有限公司");
  req.mutable_lead()->set_target_list(v1::TARGET_LIST_OTHER);
  req.mutable_lead()->set_channel(v1::LEAD_CHANNEL_ONLINE);
  req.mutable_lead()->set_unit("units/u2");
  Lead lead;
  EXPECT_EQ(leads_->CreateLead(Ctx(staff_a_).get(), req, &lead).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  req.mutable_lead()->set_unit("");
  req.mutable_lead()->set_owner("users/staff-b");
  EXPECT_EQ(leads_->CreateLead(Ctx(staff_a_).get(), req, &lead).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM leads"), "0");
  // A unit lead may assign within the unit.
  req.mutable_lead()->set_owner("users/staff-b");
  ASSERT_TRUE(leads_->CreateLead(Ctx(lead_u2_).get(), req, &lead).ok());
  EXPECT_EQ(lead.unit(), "units/u2");
}

TEST_F(SecurityTest, RevokedExpiredAndDeactivatedTokensAreRefusedAtOnce) {
  MutationContext ctx{"users/admin", "test", "", absl::Now() + absl::Seconds(10)};
  auto issued = server_.principals().IssueToken(ctx, "staff-a", "laptop", std::nullopt);
  ASSERT_TRUE(issued.ok());
  v1::ListLeadsResponse listed;
  ASSERT_TRUE(leads_->ListLeads(Ctx(issued->second).get(), v1::ListLeadsRequest(), &listed).ok());

  v1::RevokeTokenRequest revoke;
  revoke.set_name(issued->first.name());
  v1::Token revoked;
  ASSERT_TRUE(admin_->RevokeToken(Ctx(kToken).get(), revoke, &revoked).ok());
  EXPECT_TRUE(revoked.has_revoke_time());
  EXPECT_EQ(leads_->ListLeads(Ctx(issued->second).get(), v1::ListLeadsRequest(), &listed).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  auto expiring = server_.principals().IssueToken(ctx, "staff-a", "short", absl::Now() + absl::Hours(1));
  ASSERT_TRUE(expiring.ok());
  server_.db().Execute(absl::StrCat("UPDATE api_tokens SET expire_time = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ",
                                    expiring->first.name().substr(7)));
  EXPECT_EQ(leads_->ListLeads(Ctx(expiring->second).get(), v1::ListLeadsRequest(), &listed).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  v1::UpdateUserRequest deactivate;
  deactivate.mutable_user()->set_name("users/staff-a");
  deactivate.mutable_update_mask()->add_paths("active");
  v1::User user;
  ASSERT_TRUE(admin_->UpdateUser(Ctx(kToken).get(), deactivate, &user).ok());
  EXPECT_FALSE(user.active());
  EXPECT_EQ(leads_->ListLeads(Ctx(staff_a_).get(), v1::ListLeadsRequest(), &listed).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(leads_->ListLeads(Ctx("crm_not-a-real-token").get(), v1::ListLeadsRequest(), &listed).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(SecurityTest, UnitsAndUsersListPageByPage) {
  std::vector<std::string> units;
  v1::ListUnitsRequest list_units;
  list_units.set_page_size(2);
  do {
    v1::ListUnitsResponse page;
    ASSERT_TRUE(admin_->ListUnits(Ctx(kToken).get(), list_units, &page).ok());
    EXPECT_LE(page.units_size(), 2);
    for (const auto& u : page.units()) units.push_back(u.name());
    list_units.set_page_token(page.next_page_token());
  } while (!list_units.page_token().empty());
  EXPECT_EQ(units, (std::vector<std::string>{"units/admin", "units/u1", "units/u2"}));

  v1::ListUsersRequest list_users;
  list_users.set_unit("units/u2");
  list_users.set_page_size(1);
  std::vector<std::string> users;
  do {
    v1::ListUsersResponse page;
    ASSERT_TRUE(admin_->ListUsers(Ctx(kToken).get(), list_users, &page).ok());
    for (const auto& u : page.users()) users.push_back(u.name());
    list_users.set_page_token(page.next_page_token());
  } while (!list_users.page_token().empty());
  EXPECT_EQ(users, (std::vector<std::string>{"users/lead-u2", "users/staff-b", "users/stats-bureau"}));

  v1::ListUsersRequest other = list_users;
  other.set_unit("units/u1");
  v1::ListUsersResponse first;
  list_users.clear_page_token();
  ASSERT_TRUE(admin_->ListUsers(Ctx(kToken).get(), list_users, &first).ok());
  other.set_page_token(first.next_page_token());
  v1::ListUsersResponse ignored;
  EXPECT_EQ(admin_->ListUsers(Ctx(kToken).get(), other, &ignored).error_code(), grpc::StatusCode::INVALID_ARGUMENT)
      << "a page token belongs to its filter";
  v1::CreateUserRequest bad;
  bad.set_user_id("Bad Id");
  v1::User user;
  grpc::Status s = admin_->CreateUser(Ctx(kToken).get(), bad, &user);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("user_id"), std::string::npos) << s.error_message();
}

TEST_F(SecurityTest, TheLastActiveAdministratorCannotBeRemoved) {
  v1::UpdateUserRequest demote;
  demote.mutable_user()->set_name("users/admin");
  demote.mutable_user()->set_role(v1::ROLE_STAFF);
  demote.mutable_update_mask()->add_paths("role");
  v1::User user;
  grpc::Status s = admin_->UpdateUser(Ctx(kToken).get(), demote, &user);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
  v1::UpdateUserRequest promote;
  promote.mutable_user()->set_name("users/lead-u2");
  promote.mutable_user()->set_role(v1::ROLE_ADMIN);
  promote.mutable_update_mask()->add_paths("role");
  ASSERT_TRUE(admin_->UpdateUser(Ctx(kToken).get(), promote, &user).ok());
  EXPECT_TRUE(admin_->UpdateUser(Ctx(kToken).get(), demote, &user).ok()) << "with another admin it may go";
}

TEST_F(SecurityTest, IssuedTokensWorkAndNoTableHoldsARawToken) {
  v1::IssueTokenRequest issue;
  issue.set_principal("users/staff-b");
  issue.set_description("staff-b's laptop");
  v1::IssueTokenResponse issued;
  ASSERT_TRUE(admin_->IssueToken(Ctx(kToken).get(), issue, &issued).ok());
  EXPECT_EQ(issued.secret().rfind("crm_", 0), 0u);
  EXPECT_GE(issued.secret().size(), 4u + 43u) << "256 bits, base64url";
  EXPECT_EQ(issued.token().prefix(), issued.secret().substr(0, 8));
  CreateLead(issued.secret(), "用新令牌创建的线索");

  v1::ListTokensRequest list;
  list.set_principal("users/staff-b");
  v1::ListTokensResponse tokens;
  ASSERT_TRUE(admin_->ListTokens(Ctx(kToken).get(), list, &tokens).ok());
  EXPECT_EQ(tokens.tokens_size(), 2);

  // Every column of every table, as text: no secret anywhere (the audit rows included).
  std::string tables = server_.db().QueryOne(
      "SELECT GROUP_CONCAT(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()");
  for (const std::string& secret : {issued.secret(), std::string(kToken), staff_a_, staff_b_}) {
    for (absl::string_view table : absl::StrSplit(tables, ',')) {
      std::string columns = server_.db().QueryOne(absl::StrCat(
          "SELECT GROUP_CONCAT(CONCAT('COALESCE(CAST(`', column_name, '` AS CHAR), \\'\\')') SEPARATOR ', ')"
          " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '", table, "'"));
      std::string hits = server_.db().QueryOne(absl::StrCat("SELECT COUNT(*) FROM `", table, "` WHERE INSTR(CONCAT_WS('|', ",
                                                            columns, "), '", secret, "') > 0"));
      EXPECT_EQ(hits, "0") << "table " << table << " holds a raw token";
    }
  }
}

TEST_F(SecurityTest, EveryChangeAndEveryRefusalIsAudited) {
  auto count = [&] { return std::stoi(server_.db().QueryOne("SELECT COUNT(*) FROM audit_log")); };
  int before = count();
  Lead lead = CreateLead(staff_a_, "审计计数有限公司");  // 1 change
  v1::QualifyLeadRequest qualify;
  qualify.set_name(lead.name());
  Lead out;
  ASSERT_TRUE(leads_->QualifyLead(Ctx(staff_a_).get(), qualify, &out).ok());  // 2
  ASSERT_EQ(leads_->QualifyLead(Ctx(leadership_).get(), qualify, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);  // 1 refusal
  v1::ListUnitsResponse units;
  ASSERT_EQ(admin_->ListUnits(Ctx(staff_a_).get(), v1::ListUnitsRequest(), &units).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);  // 2
  v1::ListLeadsResponse listed;
  ASSERT_TRUE(leads_->ListLeads(Ctx(staff_a_).get(), v1::ListLeadsRequest(), &listed).ok());  // a read: no row
  EXPECT_EQ(count() - before, 4);
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM audit_log WHERE outcome = 'PERMISSION_DENIED'"), "2");
  EXPECT_EQ(server_.db().QueryOne(
                "SELECT CONCAT(principal, ' ', method) FROM audit_log WHERE outcome = 'PERMISSION_DENIED' ORDER BY id LIMIT 1"),
            "users/boss crm.v1.LeadService/QualifyLead");
}

TEST_F(SecurityTest, LeadershipReadsTheAuditLogPageByPageWithFilters) {
  Lead lead = CreateLead(staff_a_, "审计查询有限公司");
  for (int i = 0; i < 4; ++i) {
    v1::UpdateLeadRequest update;
    update.mutable_lead()->set_name(lead.name());
    update.mutable_lead()->set_notes(absl::StrCat("第", i, "次"));
    update.mutable_update_mask()->add_paths("notes");
    Lead out;
    ASSERT_TRUE(leads_->UpdateLead(Ctx(staff_a_).get(), update, &out).ok());
  }
  v1::ListAuditEventsRequest req;
  req.set_resource(lead.name());
  req.set_page_size(2);
  std::vector<std::string> methods;
  do {
    v1::ListAuditEventsResponse page;
    grpc::Status s = admin_->ListAuditEvents(Ctx(leadership_).get(), req, &page);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_LE(page.audit_events_size(), 2);
    for (const auto& e : page.audit_events()) {
      methods.push_back(e.method());
      EXPECT_EQ(e.principal(), "users/staff-a");
    }
    req.set_page_token(page.next_page_token());
  } while (!req.page_token().empty());
  ASSERT_EQ(methods.size(), 5u);
  EXPECT_EQ(methods.front(), "crm.v1.LeadService/UpdateLead") << "newest first";
  EXPECT_EQ(methods.back(), "crm.v1.LeadService/CreateLead");
  v1::ListAuditEventsResponse none;
  EXPECT_EQ(admin_->ListAuditEvents(Ctx(staff_a_).get(), v1::ListAuditEventsRequest(), &none).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(SecurityTest, ADepartmentReadsLeadsOfEveryUnitWithinItsScopeWithoutContactDetails) {
  MutationContext ctx{"users/admin", "test-setup", "", absl::Now() + absl::Seconds(10)};
  v1::User account;
  account.set_display_name("统计局");
  account.set_unit("units/u2");
  account.set_role(v1::ROLE_DEPARTMENT_SERVICE);
  account.set_active(true);
  account.add_scopes("leads.read");
  ASSERT_TRUE(server_.principals().CreateUser(ctx, "stats", account).ok());
  auto token = server_.principals().IssueToken(ctx, "stats", "statistics feed", std::nullopt);
  ASSERT_TRUE(token.ok());
  CreateLead(staff_a_, "一局的线索有限公司", "13700000000");
  v1::ListLeadsResponse listed;
  ASSERT_TRUE(leads_->ListLeads(Ctx(token->second).get(), v1::ListLeadsRequest(), &listed).ok());
  ASSERT_EQ(listed.leads_size(), 1);
  EXPECT_EQ(listed.leads(0).contacts(0).phone(), "");
  v1::CreateLeadRequest create;
  create.mutable_lead()->set_company_name("x");
  Lead out;
  EXPECT_EQ(leads_->CreateLead(Ctx(token->second).get(), create, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);

  v1::CreateUserRequest bad;
  bad.set_user_id("bad-scope");
  *bad.mutable_user() = account;
  bad.mutable_user()->add_scopes("leads.everything");
  v1::User ignored;
  EXPECT_EQ(admin_->CreateUser(Ctx(kToken).get(), bad, &ignored).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(SecurityTest, HostileStringsAreStoredVerbatimAndChangeNothingElse) {
  Lead bystander = CreateLead(staff_a_, "旁观者有限公司");
  const std::vector<std::string> hostile = {"' OR 1=1 --", "\"; DROP TABLE leads; --", "Robert'); DELETE FROM leads;--",
                                            std::string("nul\0byte", 8), "𠮷😀 ' \" \\ % _", "<script>alert(1)</script>"};
  for (const std::string& text : hostile) {
    v1::CreateLeadRequest req;
    Lead* lead = req.mutable_lead();
    lead->set_company_name(text);
    lead->set_target_list(v1::TARGET_LIST_OTHER);
    lead->set_channel(v1::LEAD_CHANNEL_EVENT);
    lead->set_event_name(text);
    lead->set_notes(text);
    auto* c = lead->add_contacts();
    c->set_display_name(text);
    c->set_title(text);
    Lead created;
    grpc::Status s = leads_->CreateLead(Ctx(staff_a_).get(), req, &created);
    ASSERT_TRUE(s.ok()) << s.error_message();
    Lead got;
    v1::GetLeadRequest get;
    get.set_name(created.name());
    ASSERT_TRUE(leads_->GetLead(Ctx(staff_a_).get(), get, &got).ok());
    for (const std::string* field : {&got.company_name(), &got.event_name(), &got.notes(), &got.contacts(0).display_name(),
                                     &got.contacts(0).title()}) {
      EXPECT_EQ(*field, text);
    }
    v1::ListLeadsRequest search;
    search.set_company_name_contains(text);
    v1::ListLeadsResponse found;
    ASSERT_TRUE(leads_->ListLeads(Ctx(staff_a_).get(), search, &found).ok());
    ASSERT_GE(found.leads_size(), 1) << "searching for the text finds it";
    for (const Lead& l : found.leads()) EXPECT_NE(l.name(), bystander.name());
  }
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM leads"), std::to_string(1 + hostile.size()));
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT company_name FROM leads WHERE id = ", bystander.name().substr(6))),
            "旁观者有限公司");
}

TEST(RateLimitTest, APrincipalOverItsRateIsToldToRetryLater) {
  RateLimiter limiter(/*rate_per_second=*/0.5, /*burst=*/2);
  TestServer server(100, {}, &limiter);
  ASSERT_TRUE(server.ready());
  std::vector<grpc::StatusCode> codes;
  for (int i = 0; i < 3; ++i) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
    v1::ListLeadsResponse listed;
    codes.push_back(server.stub().ListLeads(&ctx, v1::ListLeadsRequest(), &listed).error_code());
  }
  EXPECT_EQ(codes, (std::vector<grpc::StatusCode>{grpc::StatusCode::OK, grpc::StatusCode::OK,
                                                  grpc::StatusCode::RESOURCE_EXHAUSTED}));
}

}  // namespace
}  // namespace crm
