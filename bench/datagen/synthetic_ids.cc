#include "bench/datagen/synthetic_ids.h"

#include "absl/strings/str_cat.h"
#include "base/uscc.h"

namespace crm::datagen {
namespace {

constexpr absl::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr unsigned __int128 kSpace = 26'439'622'160'671ULL;  // 31^9
// Coprime with 31, so x → (x·k + c) mod 31^9 is a bijection: consecutive
// serials give codes that look unrelated.
constexpr unsigned __int128 kMultiplier = 7'919'000'017ULL;
constexpr unsigned __int128 kOffset = 12'345'678'901ULL;

}  // namespace

std::string SyntheticUscc(int64_t serial, absl::string_view region_code) {
  auto x = static_cast<uint64_t>((static_cast<unsigned __int128>(serial) * kMultiplier + kOffset) % kSpace);
  std::string org(9, '0');
  for (int i = 8; i >= 0; --i) {
    org[i] = kAlphabet[x % 31];
    x /= 31;
  }
  return WithUsccCheckCharacter(absl::StrCat("91", region_code, org));
}

}  // namespace crm::datagen
