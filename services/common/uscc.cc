#include "services/common/uscc.h"

#include "absl/strings/str_cat.h"

namespace crm {
namespace {

constexpr absl::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

}  // namespace

std::optional<std::string> UsccProblem(absl::string_view uscc) {
  if (uscc.size() != 18) {
    return absl::StrCat("must be 18 characters, got ", uscc.size());
  }
  int sum = 0;
  for (size_t i = 0; i < 18; ++i) {
    size_t value = kAlphabet.find(uscc[i]);
    if (value == absl::string_view::npos) {
      return absl::StrCat("character ", i + 1, " '", uscc.substr(i, 1),
                          "' is not one of 0-9 and A-Z without I, O, S, V, Z");
    }
    if (i < 17) sum += kWeights[i] * static_cast<int>(value);
  }
  char expected = kAlphabet[(31 - sum % 31) % 31];
  if (uscc[17] != expected) {
    return absl::StrCat("check character should be '", std::string(1, expected), "'");
  }
  return std::nullopt;
}

}  // namespace crm
