#include "base/resource_name.h"

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "base/field_violations.h"

namespace crm {

absl::StatusOr<int64_t> ParseResourceId(absl::string_view name, absl::string_view collection,
                                        absl::string_view field) {
  absl::string_view id = name;
  int64_t value = 0;
  if (!absl::ConsumePrefix(&id, collection) || !absl::ConsumePrefix(&id, "/") || id.empty() ||
      id.size() > 18 || !absl::c_all_of(id, absl::ascii_isdigit) || !absl::SimpleAtoi(id, &value) ||
      value <= 0) {
    return InvalidField(field, absl::StrCat("must be a resource name like `", collection, "/123`"));
  }
  return value;
}

absl::StatusOr<ChildId> ParseChildResourceId(absl::string_view name, absl::string_view parent_collection,
                                             absl::string_view collection, absl::string_view field) {
  auto invalid = [&] {
    return InvalidField(field, absl::StrCat("must be a resource name like `", parent_collection, "/1/", collection, "/2`"));
  };
  size_t middle = name.find(absl::StrCat("/", collection, "/"));
  if (middle == absl::string_view::npos) return invalid();
  absl::StatusOr<int64_t> parent = ParseResourceId(name.substr(0, middle), parent_collection, field);
  absl::StatusOr<int64_t> id = ParseResourceId(name.substr(middle + 1), collection, field);
  if (!parent.ok() || !id.ok()) return invalid();
  return ChildId{*parent, *id};
}


std::string PrincipalId(absl::string_view name, absl::string_view collection) {
  absl::string_view id = name;
  if (!absl::ConsumePrefix(&id, collection) || !absl::ConsumePrefix(&id, "/") || id.empty() || id.size() > 64) {
    return "";
  }
  for (char c : id) {
    if (!(absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-' || c == '_')) return "";
  }
  return std::string(id);
}

bool IsUuid(absl::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !absl::ascii_isxdigit(s[i])) return false;
  }
  return true;
}

void CheckRequestId(const std::string& request_id, FieldViolations& violations) {
  if (!request_id.empty() && !IsUuid(request_id)) {
    violations.Add("request_id", "must be a UUID like 123e4567-e89b-12d3-a456-426614174000");
  }
}

}  // namespace crm
