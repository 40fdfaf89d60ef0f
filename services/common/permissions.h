#ifndef CRM_SERVICES_COMMON_PERMISSIONS_H_
#define CRM_SERVICES_COMMON_PERMISSIONS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "base/principal.h"
#include "crm/v1/admin_service.pb.h"

namespace crm {

// Who may call one RPC: these roles, and DEPARTMENT_SERVICE accounts that
// hold `scope` (none when empty).
struct MethodPermission {
  std::vector<v1::Role> roles;
  std::string scope;
};

// The function-level permission table: for every RPC ("crm.v1.LeadService/GetLead"),
// who may call it, as its `method_policy` option in the contract says
// (proto/crm/v1/method_options.proto). A method without a policy is denied to
// everyone, so a new RPC is unreachable until its contract says who may call it.
const std::map<std::string, MethodPermission>& PermissionTable();

// The scopes that exist (those the table names), for validating accounts.
bool IsKnownScope(absl::string_view scope);

// OK when `principal`'s role may call `method`; PERMISSION_DENIED otherwise.
absl::Status AuthorizeMethod(const Principal& principal, absl::string_view method);

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_PERMISSIONS_H_
