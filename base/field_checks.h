#ifndef CRM_BASE_FIELD_CHECKS_H_
#define CRM_BASE_FIELD_CHECKS_H_

// Checks of single request fields and the application of update masks, as
// the services' rules share them. Each check adds a violation named `field`
// to `violations` (nothing when the value is fine).

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "base/field_violations.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/field_mask.pb.h"
#include "google/protobuf/message.h"

namespace crm {

// Text: when `required`, not blank ("is required"); at most `max_chars`
// Unicode characters ("must be at most 200 characters, got 201").
void CheckText(absl::string_view value, size_t max_chars, bool required, const std::string& field,
               FieldViolations& violations);

// An optional day: empty, or `YYYY-MM-DD` naming a real calendar day.
void CheckOptionalDay(absl::string_view value, const std::string& field, FieldViolations& violations);

// An optional unit: empty, or `units/{id}` (see PrincipalId).
void CheckUnit(absl::string_view value, const std::string& field, FieldViolations& violations);

// An optional user: empty, or `users/{id}` (see PrincipalId).
void CheckUser(absl::string_view value, const std::string& field, FieldViolations& violations);

// ---- Update masks

// Replaces field `f` of `to` with that of `from` (both of `f`'s message
// type); a field with presence that `from` lacks ends up cleared.
void CopyField(const google::protobuf::Message& from, google::protobuf::Message& to,
               const google::protobuf::FieldDescriptor* f);

// Copies the fields `mask` names from `patch` into `target` (a path named
// twice is copied once). `updatable` lists the proto field names an update
// may change; `*` means all of them. INVALID_ARGUMENT (field `update_mask`)
// when the mask is empty ("is required: name the <what>, or `*` for all") or
// names a field not in `updatable`: `read_only`'s explanation for it when it
// has one (how that field does change), else the list of updatable fields.
// Nothing is copied unless the whole mask is acceptable.
absl::Status ApplyMask(const google::protobuf::FieldMask& mask, const google::protobuf::Message& patch,
                       google::protobuf::Message& target, const std::vector<std::string>& updatable,
                       const std::map<std::string, std::string>& read_only,
                       absl::string_view what = "fields to change");

}  // namespace crm

#endif  // CRM_BASE_FIELD_CHECKS_H_
