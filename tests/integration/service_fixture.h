#ifndef CRM_TESTS_INTEGRATION_SERVICE_FIXTURE_H_
#define CRM_TESTS_INTEGRATION_SERVICE_FIXTURE_H_

// What the service tests share: the server, users with tokens,
// contexts, valid enterprises and the field violations of an error.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "base/uscc.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "tests/integration/test_server.h"

namespace crm::testing {

class ServiceFixture : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server_.ready()); }

  v1::EnterpriseService::Stub& api() { return server_.enterprises(); }

  // A unit, created once.
  void MakeUnit(const std::string& id) {
    MutationContext ctx{"users/admin", "test-setup", "", absl::Now() + absl::Seconds(10)};
    v1::Unit u;
    u.set_display_name(id);
    ASSERT_TRUE(server_.principals().CreateUnit(ctx, id, u).ok());
  }

  // A user of `unit` (`units/…`) with a fresh token; returns the token.
  std::string MakeUser(const std::string& id, const std::string& unit, v1::Role role,
                       std::vector<std::string> scopes = {}) {
    MutationContext ctx{"users/admin", "test-setup", "", absl::Now() + absl::Seconds(10)};
    v1::User user;
    user.set_display_name(id);
    user.set_unit(unit);
    user.set_role(role);
    user.set_active(true);
    for (const std::string& s : scopes) user.add_scopes(s);
    auto created = server_.principals().CreateUser(ctx, id, user);
    EXPECT_TRUE(created.ok()) << created.status();
    auto issued = server_.principals().IssueToken(ctx, id, "test", std::nullopt);
    EXPECT_TRUE(issued.ok()) << issued.status();
    return issued.ok() ? issued->second : "";
  }

  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = kToken) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    ctx->AddMetadata("authorization", absl::StrCat("Bearer ", token));
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    return ctx;
  }

  // A valid USCC, different for each `n`.
  static std::string Uscc(int n) { return WithUsccCheckCharacter(absl::StrFormat("91110108MA%07d", n)); }

  // A valid enterprise to create.
  static v1::Enterprise NewEnterprise(int n, const std::string& name) {
    v1::Enterprise e;
    e.set_uscc(Uscc(n));
    e.set_company_name(name);
    e.set_founded_date("2022-03-01");
    e.set_industry(v1::INDUSTRY_SECTION_C);
    e.set_industry_division("39");
    e.set_in_zone(true);
    return e;
  }

  v1::Enterprise Create(const v1::Enterprise& e, const std::string& token = kToken) {
    v1::CreateEnterpriseRequest req;
    *req.mutable_enterprise() = e;
    v1::Enterprise out;
    grpc::Status s = api().CreateEnterprise(Ctx(token).get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  // A project of `unit` (`units/…`) in NEGOTIATING, created by the admin; half
  // the planned amount contracted.
  v1::Project NewUnitProject(const std::string& unit, int64_t amount,
                             v1::IndustrySection industry = v1::INDUSTRY_SECTION_C) {
    v1::CreateProjectRequest req;
    req.mutable_project()->set_display_name(absl::StrCat("项目", ++projects_made_));
    req.mutable_project()->set_investor_name("某投资方");
    req.mutable_project()->set_industry(industry);
    req.mutable_project()->set_unit(unit);
    req.mutable_project()->set_planned_investment_cny(amount);
    req.mutable_project()->set_contracted_investment_cny(amount / 2);
    v1::Project out;
    grpc::Status s = server_.projects().CreateProject(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  // Moves `p` to `to` as the admin (skipping with a justification when needed).
  v1::Project AdvanceProject(const v1::Project& p, v1::ProjectStage to) {
    v1::AdvanceProjectStageRequest req;
    req.set_name(p.name());
    req.set_to_stage(to);
    if (to > p.stage() + 1) req.set_justification("the steps happened together");
    v1::Project out;
    grpc::Status s = server_.projects().AdvanceProjectStage(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::Project LoseProject(const v1::Project& p, v1::LostReason reason) {
    v1::MarkProjectLostRequest req;
    req.set_name(p.name());
    req.set_reason(reason);
    req.set_note("去了别的园区");
    v1::Project out;
    grpc::Status s = server_.projects().MarkProjectLost(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  static std::vector<std::string> ViolatedFields(const grpc::Status& s) {
    google::rpc::Status details;
    google::rpc::BadRequest bad_request;
    std::vector<std::string> out;
    if (details.ParseFromString(s.error_details()) && details.details_size() == 1 &&
        details.details(0).UnpackTo(&bad_request)) {
      for (const auto& v : bad_request.field_violations()) out.push_back(v.field());
    }
    return out;
  }

  TestServer server_;
  int projects_made_ = 0;
};

}  // namespace crm::testing

#endif  // CRM_TESTS_INTEGRATION_SERVICE_FIXTURE_H_
