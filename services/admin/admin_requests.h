#ifndef CRM_SERVICES_ADMIN_ADMIN_REQUESTS_H_
#define CRM_SERVICES_ADMIN_ADMIN_REQUESTS_H_

// What the admin service checks of a request before it touches the store:
// pure functions (the time is passed in), so that they are unit-tested and
// fuzzed (tests/faults/fuzz) on their own.

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "base/field_violations.h"
#include "crm/v1/admin_service.pb.h"
#include "google/protobuf/field_mask.pb.h"

namespace crm {

// CreateUnit: an id of 1–64 characters of a-z, 0-9, `-` and `_`, and a display name.
absl::Status CheckCreateUnitRequest(const v1::CreateUnitRequest& req);

// A user as it will be stored: display name (1–200 bytes), unit
// `units/{id}`, a known role, scopes only for DEPARTMENT_SERVICE and only
// known ones. Adds a violation per problem, named `user.<field>`.
void CheckUserFields(const v1::User& user, FieldViolations& violations);

// CreateUser: the id (as for units) and CheckUserFields.
absl::Status CheckCreateUserRequest(const v1::CreateUserRequest& req);

// UpdateUser: the user's id from `user.name`, and a mask that names something.
absl::StatusOr<std::string> CheckUpdateUserRequest(const v1::UpdateUserRequest& req);

// Copies the fields `mask` names (display_name, unit, role, active, scopes)
// from `patch` into `user`; INVALID_ARGUMENT (field `update_mask`) for any
// other path.
absl::Status ApplyUserMask(const google::protobuf::FieldMask& mask, const v1::User& patch, v1::User& user);

// IssueToken at `now`: the principal's user id, and the expiry (none, or
// after `now`); a description of at most 200 bytes.
struct TokenRequest {
  std::string user_id;
  std::optional<absl::Time> expire;
};
absl::StatusOr<TokenRequest> CheckIssueTokenRequest(const v1::IssueTokenRequest& req, absl::Time now);

// ListUsers: the unit filter's id ("" for all units).
absl::StatusOr<std::string> ListUsersUnitOf(const v1::ListUsersRequest& req);

}  // namespace crm

#endif  // CRM_SERVICES_ADMIN_ADMIN_REQUESTS_H_
