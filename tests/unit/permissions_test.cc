#include "services/common/permissions.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"

namespace crm {
namespace {

Principal As(v1::Role role) { return Principal{"someone", "team-1", role, {}}; }

TEST(PermissionsTest, AMethodOutsideTheTableIsDeniedToEveryone) {
  for (int r = v1::Role_MIN; r <= v1::Role_MAX; ++r) {
    EXPECT_EQ(AuthorizeMethod(As(static_cast<v1::Role>(r)), "crm.v1.LeadService/NoSuchMethod").code(),
              absl::StatusCode::kPermissionDenied);
  }
}

TEST(PermissionsTest, ADepartmentAccountMayCallWhatItsScopesGrant) {
  Principal stats{"stats-bureau", "stats", v1::ROLE_DEPARTMENT_SERVICE, {"leads.read"}};
  EXPECT_TRUE(AuthorizeMethod(stats, "crm.v1.LeadService/ListLeads").ok());
  EXPECT_EQ(AuthorizeMethod(stats, "crm.v1.LeadService/CreateLead").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(AuthorizeMethod(stats, "crm.v1.AdminService/ListUnits").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(AuthorizeMethod(Principal{"x", "y", v1::ROLE_LEADERSHIP, {"leads.write"}}, "crm.v1.LeadService/CreateLead").code(),
            absl::StatusCode::kPermissionDenied)
      << "scopes count for department accounts only";
  EXPECT_TRUE(IsKnownScope("leads.read"));
  EXPECT_FALSE(IsKnownScope("leads.everything"));
  EXPECT_FALSE(IsKnownScope(""));
}

TEST(PermissionsTest, TheDenialNamesTheCallerAndTheMethod) {
  absl::Status s = AuthorizeMethod(As(v1::ROLE_LEADERSHIP), "crm.v1.LeadService/CreateLead");
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(s.message(), "users/someone (LEADERSHIP) may not call crm.v1.LeadService/CreateLead");
  EXPECT_TRUE(AuthorizeMethod(As(v1::ROLE_STAFF), "crm.v1.LeadService/CreateLead").ok());
}

// The README's "Security" table must say what the code enforces.
TEST(PermissionsTest, TheReadmeListsTheTableAsItIs) {
  std::ifstream in(CRM_SOURCE_DIR "/README.md");
  std::stringstream readme;
  readme << in.rdbuf();
  ASSERT_FALSE(readme.str().empty());
  for (const auto& [method, permission] : PermissionTable()) {
    std::vector<std::string> names;
    for (v1::Role role : permission.roles) names.push_back(std::string(absl::StripPrefix(v1::Role_Name(role), "ROLE_")));
    std::string row = absl::StrCat("| `", method, "` | ", absl::StrJoin(names, ", "), " | ", permission.scope, " |");
    EXPECT_NE(readme.str().find(row), std::string::npos) << "README.md lacks the row: " << row;
  }
}

}  // namespace
}  // namespace crm
