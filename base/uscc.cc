#include "base/uscc.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "base/text.h"

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
  // Counted and quoted as characters, not bytes: a code typed with a Chinese
  // input method may hold full-width ones (９１３５…), and a message that cut
  // one in half would not be UTF-8 (and its google.rpc.BadRequest would not
  // parse on the client).
  const std::vector<absl::string_view> characters = Utf8Characters(uscc);
  if (characters.size() != 18) {
    return absl::StrCat("must be 18 characters, got ", characters.size());
  }
  for (size_t i = 0; i < 18; ++i) {
    const absl::string_view c = characters[i];
    if (c.size() != 1 || kAlphabet.find(c[0]) == absl::string_view::npos) {
      const std::string folded = FoldFullWidth(c);
      const bool full_width = c.size() > 1 && folded.size() == 1 && kAlphabet.find(folded[0]) != absl::string_view::npos;
      return absl::StrCat("character ", i + 1, " ", QuoteCharacter(c),
                          " is not one of 0-9 and A-Z without I, O, S, V, Z",
                          full_width ? absl::StrCat(" (full-width: type '", folded, "')") : "");
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
