#ifndef CRM_SERVICES_COMMON_PERMISSIONS_H_
#define CRM_SERVICES_COMMON_PERMISSIONS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "crm/v1/admin_service.pb.h"
#include "services/common/auth.h"

namespace crm {

// Who may call one RPC: these roles, and DEPARTMENT_SERVICE accounts that
// hold `scope` (none when empty).
struct MethodPermission {
  std::vector<v1::Role> roles;
  std::string scope;
};

// The function-level permission table: for every RPC ("crm.v1.LeadService/GetLead"),
// who may call it. One declarative table for every service; a method that is
// not in it is denied to everyone, so a new RPC is unreachable until it is
// added here (and the role × method test checks the table against the
// services' descriptors).
const std::map<std::string, MethodPermission>& PermissionTable();

// The scopes that exist (those the table names), for validating accounts.
bool IsKnownScope(absl::string_view scope);

// OK when `principal`'s role may call `method`; PERMISSION_DENIED otherwise.
absl::Status AuthorizeMethod(const Principal& principal, absl::string_view method);

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_PERMISSIONS_H_
