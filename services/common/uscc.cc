#include "services/common/uscc.h"

#include "absl/strings/str_cat.h"

namespace crm {
namespace {

constexpr absl::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

// The check character of the first 17 characters; 0 when one is not in the alphabet.
char CheckCharacter(absl::string_view first17) {
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    size_t value = kAlphabet.find(first17[i]);
    if (value == absl::string_view::npos) return 0;
    sum += kWeights[i] * static_cast<int>(value);
  }
  return kAlphabet[(31 - sum % 31) % 31];
}

}  // namespace

std::optional<std::string> UsccProblem(absl::string_view uscc) {
  if (uscc.size() != 18) {
    return absl::StrCat("must be 18 characters, got ", uscc.size());
  }
  for (size_t i = 0; i < 18; ++i) {
    if (kAlphabet.find(uscc[i]) == absl::string_view::npos) {
      return absl::StrCat("character ", i + 1, " '", uscc.substr(i, 1),
                          "' is not one of 0-9 and A-Z without I, O, S, V, Z");
    }
  }
  char expected = CheckCharacter(uscc.substr(0, 17));
  if (uscc[17] != expected) {
    return absl::StrCat("check character should be '", std::string(1, expected), "'");
  }
  return std::nullopt;
}

std::string WithUsccCheckCharacter(absl::string_view first17) {
  if (first17.size() != 17) return "";
  char check = CheckCharacter(first17);
  return check ? absl::StrCat(first17, std::string(1, check)) : "";
}

}  // namespace crm
