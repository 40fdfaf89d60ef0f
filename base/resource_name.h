#ifndef CRM_BASE_RESOURCE_NAME_H_
#define CRM_BASE_RESOURCE_NAME_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "base/field_violations.h"

namespace crm {

// The numeric id of `name` in `collection` (`leads/42` → 42). INVALID_ARGUMENT
// naming `field` when the name has another form.
absl::StatusOr<int64_t> ParseResourceId(absl::string_view name, absl::string_view collection,
                                        absl::string_view field);

// The ids of a child resource's name, `parents/{parent}/children/{id}`
// (`enterprises/7/serviceRequests/42` → {7, 42}). INVALID_ARGUMENT naming
// `field` when the name has another form.
struct ChildId {
  int64_t parent = 0;
  int64_t id = 0;
};
absl::StatusOr<ChildId> ParseChildResourceId(absl::string_view name, absl::string_view parent_collection,
                                             absl::string_view collection, absl::string_view field);

// The `{id}` of a principal or unit name like `users/alice` or `units/zsj-1`:
// 1–64 characters of a-z, 0-9, `-`, `_`. Empty when `name` is not of that form.
std::string PrincipalId(absl::string_view name, absl::string_view collection);

// True for a UUID in its 36-character text form (any version), as AIP-155
// asks of `request_id`.
bool IsUuid(absl::string_view s);

// Adds a violation of `request_id` unless it is empty or a UUID.
void CheckRequestId(const std::string& request_id, FieldViolations& violations);

}  // namespace crm

#endif  // CRM_BASE_RESOURCE_NAME_H_
