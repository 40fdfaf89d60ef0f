#include "services/common/permissions.h"

#include "absl/algorithm/container.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "base/method_policy.h"

namespace crm {
namespace {

using v1::Role;
constexpr Role kStaff = v1::ROLE_STAFF;
constexpr Role kUnitLead = v1::ROLE_UNIT_LEAD;
constexpr Role kLeadership = v1::ROLE_LEADERSHIP;
constexpr Role kAdmin = v1::ROLE_ADMIN;

// The roles of each audience of method_options.proto. LEADERSHIP reads
// everything and changes nothing but the pledges; a DEPARTMENT_SERVICE account
// gets only the calls whose scope it was granted (e.g. statistics: leads.read).
std::vector<Role> RolesOf(v1::Audience audience) {
  switch (audience) {
    case v1::AUDIENCE_READERS:
      return {kStaff, kUnitLead, kLeadership, kAdmin};
    case v1::AUDIENCE_WRITERS:
      return {kStaff, kUnitLead, kAdmin};
    case v1::AUDIENCE_UNIT_LEADS:
      return {kUnitLead, kAdmin};
    case v1::AUDIENCE_LEADERSHIP:
      return {kLeadership, kAdmin};
    case v1::AUDIENCE_ADMINS:
      return {kAdmin};
    default:
      return {};
  }
}

}  // namespace

const std::map<std::string, MethodPermission>& PermissionTable() {
  static const auto* const table = [] {
    auto* t = new std::map<std::string, MethodPermission>;
    for (const google::protobuf::MethodDescriptor* method : CrmMethods()) {
      const v1::MethodPolicy& policy = PolicyOf(*method);
      (*t)[MethodName(*method)] = MethodPermission{RolesOf(policy.audience()), policy.department_scope()};
    }
    return t;
  }();
  return *table;
}

bool IsKnownScope(absl::string_view scope) {
  for (const auto& [method, permission] : PermissionTable()) {
    if (!scope.empty() && permission.scope == scope) return true;
  }
  return false;
}

absl::Status AuthorizeMethod(const Principal& principal, absl::string_view method) {
  const auto& table = PermissionTable();
  auto it = table.find(std::string(method));
  if (it != table.end()) {
    const MethodPermission& permission = it->second;
    if (absl::c_linear_search(permission.roles, principal.role)) return absl::OkStatus();
    if (principal.role == v1::ROLE_DEPARTMENT_SERVICE && !permission.scope.empty() &&
        absl::c_linear_search(principal.scopes, permission.scope)) {
      return absl::OkStatus();
    }
  }
  return absl::PermissionDeniedError(absl::StrCat(
      principal.user_name(), " (", absl::StripPrefix(v1::Role_Name(principal.role), "ROLE_"), ") may not call ",
      method));
}

}  // namespace crm
