#ifndef CRM_BASE_FIELD_VIOLATIONS_H_
#define CRM_BASE_FIELD_VIOLATIONS_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crm {

struct FieldViolation {
  std::string field;        // proto field path, e.g. "lead.uscc"
  std::string description;  // why it is wrong, e.g. "check character should be 'A'"
};

// Collects the problems of one request so the caller hears about all of them at
// once. The resulting INVALID_ARGUMENT status carries them as a
// google.rpc.BadRequest payload, which ToGrpcStatus puts in the status details.
class FieldViolations {
 public:
  void Add(std::string field, std::string description) {
    violations_.push_back({std::move(field), std::move(description)});
  }
  bool empty() const { return violations_.empty(); }
  const std::vector<FieldViolation>& violations() const { return violations_; }

  // OK when nothing was added; otherwise INVALID_ARGUMENT naming every field.
  absl::Status ToStatus() const;

 private:
  std::vector<FieldViolation> violations_;
};

// INVALID_ARGUMENT for one field.
absl::Status InvalidField(absl::string_view field, absl::string_view description);

// The violations carried by `status` (empty when it has none).
std::vector<FieldViolation> ViolationsOf(const absl::Status& status);

// Type URL under which the BadRequest payload is stored in an absl::Status.
inline constexpr absl::string_view kBadRequestTypeUrl = "type.googleapis.com/google.rpc.BadRequest";

}  // namespace crm

#endif  // CRM_BASE_FIELD_VIOLATIONS_H_
