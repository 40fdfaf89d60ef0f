#ifndef CRM_TESTS_UNIT_RULES_TEST_UTIL_H_
#define CRM_TESTS_UNIT_RULES_TEST_UTIL_H_

// Small readers the domain-rule tests share.

#include <initializer_list>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "base/field_violations.h"
#include "google/protobuf/field_mask.pb.h"

namespace crm::testing {

// The fields named by `v`, in order.
inline std::vector<std::string> Fields(const FieldViolations& v) {
  std::vector<std::string> out;
  for (const auto& fv : v.violations()) out.push_back(fv.field);
  return out;
}

// Why `field` is wrong according to `v` ("" when it is not named).
inline std::string DescriptionOf(const FieldViolations& v, absl::string_view field) {
  for (const auto& fv : v.violations()) {
    if (fv.field == field) return fv.description;
  }
  return "";
}

inline google::protobuf::FieldMask Mask(std::initializer_list<const char*> paths) {
  google::protobuf::FieldMask mask;
  for (const char* p : paths) mask.add_paths(p);
  return mask;
}

}  // namespace crm::testing

#endif  // CRM_TESTS_UNIT_RULES_TEST_UTIL_H_
