#include "services/admin/admin_requests.h"

#include "absl/strings/str_cat.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "services/common/permissions.h"

namespace crm {
namespace {

// Ids chosen by the caller follow the same form as the names that hold them.
void CheckId(const std::string& id, absl::string_view collection, absl::string_view field,
             FieldViolations& violations) {
  if (PrincipalId(absl::StrCat(collection, "/", id), collection).empty()) {
    violations.Add(std::string(field), "must be 1–64 characters of a-z, 0-9, `-` and `_`");
  }
}

}  // namespace

absl::Status CheckCreateUnitRequest(const v1::CreateUnitRequest& req) {
  FieldViolations violations;
  CheckId(req.unit_id(), "units", "unit_id", violations);
  if (req.unit().display_name().empty()) violations.Add("unit.display_name", "is required");
  return violations.ToStatus();
}

void CheckUserFields(const v1::User& user, FieldViolations& violations) {
  if (user.display_name().empty() || user.display_name().size() > 200) {
    violations.Add("user.display_name", "is required, at most 200 bytes");
  }
  if (PrincipalId(user.unit(), "units").empty()) violations.Add("user.unit", "must be a unit name like `units/team-1`");
  if (user.role() == v1::ROLE_UNSPECIFIED || !v1::Role_IsValid(user.role())) {
    violations.Add("user.role", "is required (STAFF, UNIT_LEAD, LEADERSHIP, ADMIN or DEPARTMENT_SERVICE)");
  }
  if (!user.scopes().empty() && user.role() != v1::ROLE_DEPARTMENT_SERVICE) {
    violations.Add("user.scopes", "only DEPARTMENT_SERVICE accounts have scopes; roles decide for everyone else");
  }
  for (int i = 0; i < user.scopes_size(); ++i) {
    if (!IsKnownScope(user.scopes(i))) {
      violations.Add(absl::StrCat("user.scopes[", i, "]"), absl::StrCat("`", user.scopes(i), "` is not a scope"));
    }
  }
}

absl::Status CheckCreateUserRequest(const v1::CreateUserRequest& req) {
  FieldViolations violations;
  CheckId(req.user_id(), "users", "user_id", violations);
  CheckUserFields(req.user(), violations);
  return violations.ToStatus();
}

absl::StatusOr<std::string> CheckUpdateUserRequest(const v1::UpdateUserRequest& req) {
  std::string id = PrincipalId(req.user().name(), "users");
  if (id.empty()) return InvalidField("user.name", "must be a user name like `users/alice`");
  if (req.update_mask().paths().empty()) return InvalidField("update_mask", "is required");
  return id;
}

absl::Status ApplyUserMask(const google::protobuf::FieldMask& mask, const v1::User& patch, v1::User& user) {
  for (const std::string& path : mask.paths()) {
    if (path == "display_name") {
      user.set_display_name(patch.display_name());
    } else if (path == "unit") {
      user.set_unit(patch.unit());
    } else if (path == "role") {
      user.set_role(patch.role());
    } else if (path == "active") {
      user.set_active(patch.active());
    } else if (path == "scopes") {
      *user.mutable_scopes() = patch.scopes();
    } else {
      return InvalidField("update_mask",
                          absl::StrCat("`", path, "` can be one of: display_name, unit, role, scopes, active"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<TokenRequest> CheckIssueTokenRequest(const v1::IssueTokenRequest& req, absl::Time now) {
  FieldViolations violations;
  TokenRequest token;
  token.user_id = PrincipalId(req.principal(), "users");
  if (token.user_id.empty()) violations.Add("principal", "must be a user name like `users/alice`");
  if (req.description().size() > 200) violations.Add("description", "at most 200 bytes");
  if (req.has_expire_time()) {
    token.expire = absl::FromUnixSeconds(req.expire_time().seconds());
    if (*token.expire <= now) violations.Add("expire_time", "must be in the future");
  }
  RETURN_IF_ERROR(violations.ToStatus());
  return token;
}

absl::StatusOr<std::string> ListUsersUnitOf(const v1::ListUsersRequest& req) {
  if (req.unit().empty()) return std::string();
  std::string unit_id = PrincipalId(req.unit(), "units");
  if (unit_id.empty()) return InvalidField("unit", "must be a unit name like `units/team-1`");
  return unit_id;
}

}  // namespace crm
