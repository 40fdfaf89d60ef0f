#include "clients/cli/text_table.h"

#include <algorithm>
#include <iterator>
#include <cstddef>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace crm::cli {
namespace {

// One character of a UTF-8 string: its code point and how many bytes it takes.
// A byte that does not start a well-formed sequence is taken alone, with
// code point -1, so that broken text still has a width and is never split.
struct Char {
  char32_t code_point;
  size_t length;
  bool valid;
};

Char DecodeAt(absl::string_view s, size_t i) {
  const unsigned char lead = s[i];
  if (lead < 0x80) return {lead, 1, true};
  const int extra = (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || i + extra >= s.size()) return {0, 1, false};
  char32_t cp = lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    const unsigned char c = s[i + k];
    if ((c >> 6) != 0x2) return {0, 1, false};
    cp = (cp << 6) | (c & 0x3F);
  }
  return {cp, static_cast<size_t>(extra) + 1, true};
}

struct Range {
  char32_t first;
  char32_t last;
};

// Combining marks and zero-width characters of the scripts CRM data holds
// (Latin, Greek, Cyrillic, CJK, Hangul, Thai, emoji sequences).
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F},    // combining diacritical marks
    {0x0483, 0x0489},    // Cyrillic combining marks
    {0x0591, 0x05BD},    // Hebrew points
    {0x0610, 0x061A},    // Arabic marks
    {0x064B, 0x065F},    // Arabic vowel marks
    {0x0E31, 0x0E31},    // Thai vowel sign
    {0x0E34, 0x0E3A},    // Thai vowel signs
    {0x0E47, 0x0E4E},    // Thai tone marks
    {0x1160, 0x11FF},    // Hangul medial vowels and final consonants (join the lead)
    {0x1AB0, 0x1AFF},    // combining diacritical marks extended
    {0x1DC0, 0x1DFF},    // combining diacritical marks supplement
    {0x200B, 0x200F},    // zero-width space, non-joiner, joiner, direction marks
    {0x202A, 0x202E},    // bidirectional embeddings
    {0x2060, 0x2064},    // word joiner, invisible operators
    {0x20D0, 0x20FF},    // combining marks for symbols (keycaps)
    {0x302A, 0x302D},    // ideographic tone marks
    {0x3099, 0x309A},    // combining kana voiced marks
    {0xFE00, 0xFE0F},    // variation selectors (text or emoji presentation)
    {0xFE20, 0xFE2F},    // combining half marks
    {0xFEFF, 0xFEFF},    // zero-width no-break space (BOM)
    {0x1F3FB, 0x1F3FF},  // emoji skin tones, drawn inside the emoji before them
    {0xE0000, 0xE0FFF},  // tags, variation selectors supplement
};

// East Asian Wide and Fullwidth characters (Unicode's EastAsianWidth.txt,
// condensed to blocks): CJK, kana, Hangul, full-width forms and emoji. A few
// pictographs inside the emoji blocks that terminals draw narrow are counted
// wide; company names and notes hardly ever hold them.
constexpr Range kWide[] = {
    {0x1100, 0x115F},    // Hangul Jamo leading consonants
    {0x231A, 0x231B},    // ⌚⌛
    {0x2329, 0x232A},    // 〈〉
    {0x23E9, 0x23EC},    // ⏩⏪⏫⏬
    {0x23F0, 0x23F0},    // ⏰
    {0x23F3, 0x23F3},    // ⏳
    {0x25FD, 0x25FE},    // ◽◾
    {0x2614, 0x2615},    // ☔☕
    {0x2648, 0x2653},    // zodiac
    {0x267F, 0x267F},    // ♿
    {0x2693, 0x2693},    // ⚓
    {0x26A1, 0x26A1},    // ⚡
    {0x26AA, 0x26AB},    // ⚪⚫
    {0x26BD, 0x26BE},    // ⚽⚾
    {0x26C4, 0x26C5},    // ⛄⛅
    {0x26D4, 0x26D4},    // ⛔
    {0x2705, 0x2705},    // ✅
    {0x270A, 0x270B},    // ✊✋
    {0x2728, 0x2728},    // ✨
    {0x274C, 0x274C},    // ❌
    {0x2753, 0x2757},    // ❓❔❕❗
    {0x2B1B, 0x2B1C},    // ⬛⬜
    {0x2B50, 0x2B50},    // ⭐
    {0x2B55, 0x2B55},    // ⭕
    {0x2E80, 0x303E},    // CJK radicals, Kangxi radicals, CJK symbols and punctuation
    {0x3041, 0x33FF},    // kana, bopomofo, Hangul compatibility Jamo, CJK compatibility
    {0x3400, 0x4DBF},    // CJK extension A
    {0x4E00, 0xA4CF},    // CJK unified ideographs, Yi
    {0xA960, 0xA97F},    // Hangul Jamo extended A
    {0xAC00, 0xD7A3},    // Hangul syllables
    {0xF900, 0xFAFF},    // CJK compatibility ideographs
    {0xFE10, 0xFE19},    // vertical forms
    {0xFE30, 0xFE6F},    // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},    // full-width ASCII forms
    {0xFFE0, 0xFFE6},    // full-width signs ￥
    {0x1F004, 0x1F004},  // 🀄
    {0x1F0CF, 0x1F0CF},  // 🃏
    {0x1F18E, 0x1F18E},  // 🆎
    {0x1F191, 0x1F19A},  // 🆑…🆚
    {0x1F200, 0x1F64F},  // enclosed ideographs, pictographs, emoticons
    {0x1F680, 0x1F6FF},  // transport and map symbols
    {0x1F7E0, 0x1F7EB},  // coloured circles and squares
    {0x1F90C, 0x1F9FF},  // supplemental pictographs
    {0x1FA70, 0x1FAFF},  // pictographs extended A
    {0x20000, 0x3FFFD},  // CJK extensions B and later (𠮷)
};

template <size_t N>
bool InRanges(const Range (&ranges)[N], char32_t cp) {
  // The tables are sorted, so find the first range that ends at or after cp.
  const Range* it = std::lower_bound(std::begin(ranges), std::end(ranges), cp,
                                     [](const Range& r, char32_t c) { return r.last < c; });
  return it != std::end(ranges) && it->first <= cp;
}

int CharWidth(const Char& c) {
  if (!c.valid) return 1;  // shown as one replacement character
  if (InRanges(kZeroWidth, c.code_point)) return 0;
  if (InRanges(kWide, c.code_point)) return 2;
  return 1;
}

// A table cell on one line: line breaks and tabs would break the alignment.
std::string OneLine(absl::string_view cell) {
  std::string out(cell);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

std::string Pad(const std::string& cell, int width, bool right_aligned) {
  const std::string padding(std::max(0, width - DisplayWidth(cell)), ' ');
  return right_aligned ? padding + cell : cell + padding;
}

void StripTrailingSpaces(std::string& line) {
  line.erase(line.find_last_not_of(' ') + 1);
}

std::string RenderLine(const std::vector<std::string>& cells, const std::vector<int>& widths,
                       const std::vector<bool>& right_aligned) {
  std::vector<std::string> padded;
  padded.reserve(widths.size());
  for (size_t i = 0; i < widths.size(); ++i) {
    padded.push_back(Pad(cells[i], widths[i], right_aligned[i]));
  }
  std::string line = absl::StrJoin(padded, "  ");
  StripTrailingSpaces(line);
  return line;
}

// `value` with a comma every three digits: 1234567 → "1,234,567".
std::string GroupThousands(uint64_t value) {
  std::string digits = absl::StrCat(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// `hundredths` / 100 with up to two decimals, trailing zeros dropped: 1250 → "12.5".
std::string WithTwoDecimals(uint64_t hundredths) {
  std::string out = GroupThousands(hundredths / 100);
  const uint64_t fraction = hundredths % 100;
  if (fraction == 0) return out;
  absl::StrAppend(&out, ".", fraction / 10);
  if (fraction % 10 != 0) absl::StrAppend(&out, fraction % 10);
  return out;
}

}  // namespace

int DisplayWidth(absl::string_view utf8) {
  int width = 0;
  for (size_t i = 0; i < utf8.size();) {
    const Char c = DecodeAt(utf8, i);
    width += CharWidth(c);
    i += c.length;
  }
  return width;
}

std::string FitToWidth(absl::string_view utf8, int width) {
  if (DisplayWidth(utf8) <= width) return std::string(utf8);
  if (width <= 0) return "";
  const int room = width - 1;  // "…" takes one column
  size_t end = 0;
  int used = 0;
  while (end < utf8.size()) {
    const Char c = DecodeAt(utf8, end);
    const int w = CharWidth(c);
    if (used + w > room) break;
    used += w;
    end += c.length;
  }
  return absl::StrCat(utf8.substr(0, end), "…");
}

std::string RenderTable(const Table& table, int max_column_width) {
  const size_t columns = table.headers.size();
  if (columns == 0) return "";

  // Every line's cells, fitted, the header line first.
  std::vector<std::vector<std::string>> lines;
  lines.reserve(table.rows.size() + 1);
  auto add_line = [&](const std::vector<std::string>& cells) {
    std::vector<std::string> fitted(columns);
    for (size_t i = 0; i < columns && i < cells.size(); ++i) {
      fitted[i] = FitToWidth(OneLine(cells[i]), max_column_width);
    }
    lines.push_back(std::move(fitted));
  };
  add_line(table.headers);
  for (const auto& row : table.rows) add_line(row);

  std::vector<int> widths(columns, 0);
  for (const auto& line : lines) {
    for (size_t i = 0; i < columns; ++i) widths[i] = std::max(widths[i], DisplayWidth(line[i]));
  }
  std::vector<bool> right_aligned(columns, false);
  for (size_t i = 0; i < columns && i < table.right_aligned.size(); ++i) {
    right_aligned[i] = table.right_aligned[i];
  }

  std::vector<std::string> rules;
  for (int w : widths) {
    std::string rule;
    for (int k = 0; k < w; ++k) rule += "─";
    rules.push_back(std::move(rule));
  }

  std::string out = RenderLine(lines[0], widths, right_aligned) + "\n";
  std::string rule_line = absl::StrJoin(rules, "  ");
  StripTrailingSpaces(rule_line);  // a column of empty cells has no rule
  absl::StrAppend(&out, rule_line, "\n");
  for (size_t i = 1; i < lines.size(); ++i) {
    absl::StrAppend(&out, RenderLine(lines[i], widths, right_aligned), "\n");
  }
  return out;
}

std::string FormatCny(int64_t yuan) {
  // The magnitude as unsigned, so that INT64_MIN has one too.
  const uint64_t magnitude =
      yuan < 0 ? ~static_cast<uint64_t>(yuan) + 1 : static_cast<uint64_t>(yuan);
  const std::string sign = yuan < 0 ? "-" : "";
  constexpr uint64_t kWan = 10'000;
  constexpr uint64_t kYi = 100'000'000;

  if (magnitude < kWan) return absl::StrCat(sign, GroupThousands(magnitude), "元");
  // Rounded to hundredths of a 万; amounts that round up to 10,000万 read as 1亿.
  const uint64_t wan_hundredths = (magnitude + kWan / 200) / (kWan / 100);
  if (wan_hundredths < 100 * (kYi / kWan)) {
    return absl::StrCat(sign, WithTwoDecimals(wan_hundredths), "万元");
  }
  const uint64_t yi_hundredths = (magnitude + kYi / 200) / (kYi / 100);
  return absl::StrCat(sign, WithTwoDecimals(yi_hundredths), "亿元");
}

std::string FormatYi(int64_t yuan) {
  constexpr int64_t kHundredthYi = 1'000'000;
  // Non-negative amounts only (planned investments); a negative one reads as 0.
  const uint64_t magnitude = yuan < 0 ? 0 : static_cast<uint64_t>(yuan);
  return WithTwoDecimals((magnitude + kHundredthYi / 2) / kHundredthYi);
}

}  // namespace crm::cli
