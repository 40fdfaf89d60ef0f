#include "clients/cli/money.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <utility>

#include "absl/numeric/int128.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "base/text.h"
#include "clients/cli/cell_parsers.h"

namespace crm::cli {
namespace {

constexpr int64_t kWan = 10'000;
constexpr int64_t kYi = 100'000'000;

// Amount units, longest first so that 万元 is not read as 万 then 元.
constexpr std::pair<absl::string_view, int64_t> kAmountUnits[] = {
    {"亿元", kYi},          {"亿", kYi},   {"千万元", 1000 * kWan}, {"千万", 1000 * kWan},
    {"百万元", 100 * kWan}, {"百万", 100 * kWan}, {"万元", kWan},   {"万", kWan},
    {"元", 1},
};

// A number as written before a unit: digits, optionally grouped by commas in
// threes, optionally with a decimal point.
struct Decimal {
  std::string whole;     // digits only
  std::string fraction;  // digits after the point, if any
};

bool ValidGrouping(absl::string_view digits_and_commas) {
  size_t group = 0;
  bool grouped = false;
  for (char c : digits_and_commas) {
    if (c != ',') {
      ++group;
      continue;
    }
    if (group == 0 || (grouped && group != 3) || (!grouped && group > 3)) return false;
    grouped = true;
    group = 0;
  }
  return !grouped || group == 3;
}

std::optional<Decimal> ConsumeDecimal(absl::string_view& text) {
  size_t end = 0;
  while (end < text.size() && (absl::ascii_isdigit(text[end]) || text[end] == ',')) ++end;
  const absl::string_view whole = text.substr(0, end);
  if (whole.empty() || !absl::ascii_isdigit(whole[0]) || !ValidGrouping(whole)) return std::nullopt;
  Decimal number{absl::StrReplaceAll(whole, {{",", ""}}), ""};
  if (end + 1 < text.size() && text[end] == '.' && absl::ascii_isdigit(text[end + 1])) {
    size_t fraction_end = end + 1;
    while (fraction_end < text.size() && absl::ascii_isdigit(text[fraction_end])) ++fraction_end;
    number.fraction = std::string(text.substr(end + 1, fraction_end - end - 1));
    end = fraction_end;
  }
  text.remove_prefix(end);
  return number;
}

// `number` × `multiplier` in whole yuan, rounded half up; nullopt on overflow.
std::optional<int64_t> Scale(const Decimal& number, int64_t multiplier) {
  constexpr absl::uint128 kMax = std::numeric_limits<int64_t>::max();
  const absl::uint128 scale = static_cast<uint64_t>(multiplier);
  absl::uint128 whole = 0;
  for (char c : number.whole) {
    whole = whole * 10 + (c - '0');
    if (whole > kMax) return std::nullopt;
  }
  // Digits beyond the 18th cannot change a whole-yuan result.
  absl::uint128 numerator = 0, denominator = 1;
  for (size_t i = 0; i < number.fraction.size() && i < 18; ++i) {
    numerator = numerator * 10 + (number.fraction[i] - '0');
    denominator *= 10;
  }
  const absl::uint128 yuan =
      whole * scale + (numerator * scale + denominator / 2) / denominator;
  if (yuan > kMax) return std::nullopt;
  return static_cast<int64_t>(absl::Uint128Low64(yuan));
}

absl::Status NotAnAmount(absl::string_view text) {
  return absl::InvalidArgumentError(
      absl::StrCat("\"", text, "\" is not an amount (examples: 1200000, 3亿, 5000万)"));
}

}  // namespace

absl::StatusOr<int64_t> ParseCny(absl::string_view text, int64_t unit) {
  if (unit < 1) return absl::InvalidArgumentError(absl::StrCat("unit ", unit, " is not positive"));
  text = TrimCell(text);
  std::string normal = FoldFullWidth(text);
  normal.erase(std::remove_if(normal.begin(), normal.end(),
                              [](char c) { return absl::ascii_isspace(c); }),
               normal.end());
  absl::string_view rest = normal;
  // ¥ and ￥ (U+00A5, U+FFE5) before the number.
  if (!absl::ConsumePrefix(&rest, "\xC2\xA5")) absl::ConsumePrefix(&rest, "\xEF\xBF\xA5");
  if (rest.size() > 1 && rest[0] == '-' && absl::ascii_isdigit(rest[1])) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", text, "\" is negative; amounts are 0 or more"));
  }
  if (rest.empty()) return NotAnAmount(text);

  // Parts such as 3亿 5000万 800元, in falling units; a bare number only alone.
  int64_t total = 0;
  int64_t previous_unit = std::numeric_limits<int64_t>::max();
  bool first = true;
  while (!rest.empty()) {
    std::optional<Decimal> number = ConsumeDecimal(rest);
    if (!number) return NotAnAmount(text);
    std::optional<int64_t> multiplier;
    for (const auto& [suffix, value] : kAmountUnits) {
      if (absl::ConsumePrefix(&rest, suffix)) {
        multiplier = value;
        break;
      }
    }
    if (!multiplier && first && rest.empty()) multiplier = unit;
    if (!multiplier || *multiplier >= previous_unit) return NotAnAmount(text);
    std::optional<int64_t> yuan = Scale(*number, *multiplier);
    if (!yuan || *yuan > std::numeric_limits<int64_t>::max() - total) {
      return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is too large"));
    }
    total += *yuan;
    previous_unit = *multiplier;
    first = false;
  }
  return total;
}

absl::StatusOr<int64_t> ParseSignedCny(absl::string_view text, int64_t unit) {
  absl::string_view rest = absl::StripAsciiWhitespace(text);
  const bool negative = absl::ConsumePrefix(&rest, "-") || absl::ConsumePrefix(&rest, "－");
  absl::StatusOr<int64_t> yuan = ParseCny(rest, unit);
  if (!yuan.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", text, "\" is not an amount (examples: 3.2亿, 5000万, -800万, 1200000)"));
  }
  return negative ? -*yuan : *yuan;
}

std::optional<int64_t> AmountHeaderUnit(absl::string_view key, absl::Span<const absl::string_view> bases) {
  constexpr std::pair<absl::string_view, int64_t> kUnits[] = {
      {"", 1}, {"元", 1}, {"cny", 1}, {"万元", kWan}, {"万", kWan}, {"亿元", kYi}, {"亿", kYi}};
  for (absl::string_view base : bases) {
    absl::string_view unit = key;
    if (!absl::ConsumePrefix(&unit, base)) continue;
    if (absl::ConsumePrefix(&unit, "(") && !absl::ConsumeSuffix(&unit, ")")) continue;
    for (const auto& [name, multiplier] : kUnits) {
      if (unit == name) return multiplier;
    }
  }
  return std::nullopt;
}

}  // namespace crm::cli
