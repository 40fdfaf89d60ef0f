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

// The function-level permission table: for every RPC ("crm.v1.LeadService/GetLead"),
// the roles that may call it. One declarative table for every service; a
// method that is not in it is denied to everyone, so a new RPC is unreachable
// until it is added here (and the role × method test checks the table against
// the services' descriptors).
const std::map<std::string, std::vector<v1::Role>>& PermissionTable();

// OK when `principal`'s role may call `method`; PERMISSION_DENIED otherwise.
absl::Status AuthorizeMethod(const Principal& principal, absl::string_view method);

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_PERMISSIONS_H_
