#ifndef CRM_BASE_USCC_H_
#define CRM_BASE_USCC_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace crm {

// Checks a unified social credit code (统一社会信用代码) against GB 32100-2015:
// 18 characters of 0-9 and A-Z without I, O, S, V, Z; the 18th is the check
// character over the first 17 with weights 3^(i-1) mod 31.
// Returns nullopt when valid, otherwise why not, in words fit for a field
// violation (e.g. "check character should be 'A'").
std::optional<std::string> UsccProblem(absl::string_view uscc);

// `first17` with its check character appended: a valid code (for generated
// and test data). Empty when `first17` is not 17 characters of the alphabet.
std::string WithUsccCheckCharacter(absl::string_view first17);

}  // namespace crm

#endif  // CRM_BASE_USCC_H_
