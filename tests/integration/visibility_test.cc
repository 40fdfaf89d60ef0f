// One visibility rule per entity, two uses: the in-memory check a Get makes
// (CanSee*) and the SQL scope a List applies (the same Visibility turned into
// a WHERE clause by the store) must admit exactly the same records. Checked
// for every role, on generated records whose units, owners and secretaries
// vary, including empty ones.

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/calendar.h"
#include "base/status_macros.h"
#include "services/enterprises/enterprise_rules.h"
#include "services/leads/lead_rules.h"
#include "services/projects/project_rules.h"
#include "storage/enterprise_store.h"
#include "storage/lead_store.h"
#include "storage/project_store.h"
#include "storage/service_request_store.h"
#include "tests/integration/service_fixture.h"
#include "tests/support/test_seed.h"

namespace crm::testing {
namespace {

const std::vector<std::string> kUnits = {"east", "west", "north"};
const std::vector<std::string> kUsers = {"ann", "bob", "cai"};  // ann and bob in east, cai in west

class VisibilityTest : public ServiceFixture {
 protected:
  void SetUp() override {
    ServiceFixture::SetUp();
    for (const std::string& u : kUnits) MakeUnit(u);
    MakeUser("ann", "units/east", v1::ROLE_STAFF);
    MakeUser("bob", "units/east", v1::ROLE_UNIT_LEAD);
    MakeUser("cai", "units/west", v1::ROLE_STAFF);
  }

  MutationContext Write() const {
    return MutationContext{"users/admin", "test-setup", "", absl::Now() + absl::Seconds(30)};
  }
  static absl::Time Deadline() { return absl::Now() + absl::Seconds(30); }

  // Every caller worth asking about: each role in each unit, as each user, and
  // a role the rules do not know.
  static std::vector<Principal> Callers() {
    std::vector<Principal> out;
    for (int r = v1::Role_MIN; r <= v1::Role_MAX; ++r) {
      for (const std::string& unit : kUnits) {
        for (const std::string& user : kUsers) out.push_back(Principal{user, unit, static_cast<v1::Role>(r), {}});
      }
    }
    out.push_back(Principal{"ann", "east", static_cast<v1::Role>(99), {}});
    return out;
  }

  // A unit or user name picked at random, sometimes none.
  template <typename Rng>
  static std::string Pick(Rng& rng, const std::string& collection, const std::vector<std::string>& ids) {
    size_t i = std::uniform_int_distribution<size_t>(0, ids.size())(rng);
    return i == ids.size() ? "" : absl::StrCat(collection, "/", ids[i]);
  }

  // For every caller: the records the store lists under the caller's
  // visibility (`list`) are exactly those the in-memory check admits.
  template <typename Record>
  static void ExpectListsMatchGets(const std::vector<Record>& records, Visibility (*visibility)(const Principal&),
                                   bool (*can_see)(const Principal&, const Record&),
                                   const std::function<absl::StatusOr<std::vector<Record>>(Visibility)>& list) {
    for (const Principal& p : Callers()) {
      absl::StatusOr<std::vector<Record>> listed = list(visibility(p));
      ASSERT_TRUE(listed.ok()) << listed.status();
      std::set<std::string> names, expected;
      for (const Record& r : *listed) names.insert(r.name());
      for (const Record& r : records) {
        if (can_see(p, r)) expected.insert(r.name());
      }
      EXPECT_EQ(names, expected) << p.user_name() << " of " << p.unit_name() << " as " << v1::Role_Name(p.role);
    }
  }
};

TEST_F(VisibilityTest, LeadsListedAreExactlyTheLeadsAGetWouldShow) {
  const TestSeed seed;
  std::mt19937 rng(seed.value());
  LeadStore store(&server_.db().pool(), &NormalizeCompanyName);
  std::vector<v1::Lead> leads;
  for (int i = 0; i < 60; ++i) {
    v1::Lead lead;
    lead.set_company_name(absl::StrCat("可见性测试企业", i));
    lead.set_target_list(v1::TARGET_LIST_INDUSTRY_LEADER);
    lead.set_channel(v1::LEAD_CHANNEL_OUTBOUND_VISIT);
    lead.set_status(v1::LEAD_STATUS_NEW);
    lead.set_unit(Pick(rng, "units", kUnits));
    lead.set_owner(Pick(rng, "users", kUsers));
    auto created = store.Create(Write(), lead);
    ASSERT_TRUE(created.ok()) << created.status();
    leads.push_back(*created);
  }
  ExpectListsMatchGets<v1::Lead>(leads, LeadVisibility, CanSeeLead,
                                 [&](Visibility scope) -> absl::StatusOr<std::vector<v1::Lead>> {
                                   LeadQuery q;
                                   q.scope = std::move(scope);
                                   q.page_size = 1000;
                                   ASSIGN_OR_RETURN(LeadPage page, store.List(q, Deadline()));
                                   return page.leads;
                                 });
}

TEST_F(VisibilityTest, ProjectsListedAreExactlyTheProjectsAGetWouldShow) {
  const TestSeed seed;
  std::mt19937 rng(seed.value());
  ProjectStore store(&server_.db().pool());
  const std::string today = IsoDay(ZoneDay(absl::Now()));
  std::vector<v1::Project> projects;
  for (int i = 0; i < 60; ++i) {
    v1::Project p;
    p.set_display_name(absl::StrCat("可见性测试项目", i));
    p.set_investor_name("某投资方");
    p.set_industry(v1::INDUSTRY_SECTION_C);
    p.set_planned_investment_cny(1'000'000'000);
    p.set_stage(v1::PROJECT_STAGE_NEGOTIATING);
    p.set_tier(v1::INVESTMENT_TIER_1B);
    p.set_stage_date(today);
    std::string unit = Pick(rng, "units", kUnits);
    p.set_unit(unit.empty() ? "units/east" : unit);  // a project always has a unit
    p.set_owner(Pick(rng, "users", kUsers));
    p.set_service_secretary(Pick(rng, "users", kUsers));
    auto created = store.Create(Write(), p, today);
    ASSERT_TRUE(created.ok()) << created.status();
    projects.push_back(*created);
  }
  ExpectListsMatchGets<v1::Project>(projects, ProjectVisibility, CanSeeProject,
                                    [&](Visibility scope) -> absl::StatusOr<std::vector<v1::Project>> {
                                      ProjectQuery q;
                                      q.scope = std::move(scope);
                                      q.page_size = 1000;
                                      ASSIGN_OR_RETURN(ProjectPage page, store.List(q, Deadline()));
                                      return page.projects;
                                    });
}

TEST_F(VisibilityTest, ServiceRequestsListedAreExactlyTheRequestsAGetWouldShow) {
  const TestSeed seed;
  std::mt19937 rng(seed.value());
  EnterpriseStore enterprises(&server_.db().pool());
  ServiceRequestStore store(&server_.db().pool());
  const std::string today = IsoDay(ZoneDay(absl::Now()));
  std::vector<int64_t> enterprise_ids;
  for (int i = 0; i < 6; ++i) {
    auto e = enterprises.Create(Write(), NewEnterprise(900 + i, absl::StrCat("可见性测试企业", i)), today);
    ASSERT_TRUE(e.ok()) << e.status();
    const int64_t id = std::stoll(e->name().substr(e->name().find('/') + 1));
    const std::string secretary = kUsers[i % kUsers.size()];
    if (i < 4) {  // two enterprises keep no secretary
      auto assigned = enterprises.AssignSecretary(Write(), id, "", secretary, "", today,
                                                  [](const v1::Enterprise&) { return absl::OkStatus(); });
      ASSERT_TRUE(assigned.ok()) << assigned.status();
    }
    enterprise_ids.push_back(id);
  }
  std::vector<v1::ServiceRequest> requests;
  for (int i = 0; i < 60; ++i) {
    v1::ServiceRequest r;
    r.set_category(v1::SERVICE_CATEGORY_LAND_SPACE);
    r.set_description("用地指标");
    r.set_raised_date(today);
    r.set_priority(v1::SERVICE_REQUEST_PRIORITY_NORMAL);
    std::string first = Pick(rng, "units", kUnits), handling = Pick(rng, "units", kUnits);
    r.set_first_responder_unit(first.empty() ? "units/north" : first);
    r.set_handling_unit(handling.empty() ? "units/north" : handling);
    r.set_due_date(today);
    r.set_status(v1::SERVICE_REQUEST_STATUS_OPEN);
    const int64_t enterprise = enterprise_ids[std::uniform_int_distribution<size_t>(0, enterprise_ids.size() - 1)(rng)];
    auto created = store.Create(Write(), enterprise, r, [](const v1::ServiceRequest&) { return absl::OkStatus(); });
    ASSERT_TRUE(created.ok()) << created.status();
    requests.push_back(*created);
  }
  ExpectListsMatchGets<v1::ServiceRequest>(requests, ServiceRequestVisibility, CanSeeServiceRequest,
                                           [&](Visibility scope) -> absl::StatusOr<std::vector<v1::ServiceRequest>> {
                                             ServiceRequestQuery q;
                                             q.scope = std::move(scope);
                                             q.page_size = 1000;
                                             ASSIGN_OR_RETURN(ServiceRequestPage page, store.List(q, Deadline()));
                                             return page.requests;
                                           });
}

}  // namespace
}  // namespace crm::testing
