#include "clients/cli/cell_parsers.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "base/text.h"

namespace crm::cli {
namespace {

// GB/T 4754-2017 sections A to T (IndustrySection 1 to 20).
constexpr absl::string_view kIndustryNames[] = {
    "农、林、牧、渔业",
    "采矿业",
    "制造业",
    "电力、热力、燃气及水生产和供应业",
    "建筑业",
    "批发和零售业",
    "交通运输、仓储和邮政业",
    "住宿和餐饮业",
    "信息传输、软件和信息技术服务业",
    "金融业",
    "房地产业",
    "租赁和商务服务业",
    "科学研究和技术服务业",
    "水利、环境和公共设施管理业",
    "居民服务、修理和其他服务业",
    "教育",
    "卫生和社会工作",
    "文化、体育和娱乐业",
    "公共管理、社会保障和社会组织",
    "国际组织",
};
constexpr int kIndustryCount = sizeof(kIndustryNames) / sizeof(kIndustryNames[0]);

}  // namespace

absl::string_view TrimCell(absl::string_view cell) {
  constexpr absl::string_view kIdeographicSpace = "\xE3\x80\x80";
  constexpr absl::string_view kNoBreakSpace = "\xC2\xA0";
  size_t size_before;
  do {
    size_before = cell.size();
    cell = absl::StripAsciiWhitespace(cell);
    for (absl::string_view space : {kIdeographicSpace, kNoBreakSpace}) {
      absl::ConsumePrefix(&cell, space);
      absl::ConsumeSuffix(&cell, space);
    }
  } while (cell.size() != size_before);
  return cell;
}

std::string CellKey(absl::string_view text) {
  std::string key = absl::AsciiStrToLower(FoldFullWidth(text));
  key = absl::StrReplaceAll(
      key, {{"_", ""}, {"-", ""}, {"/", ""}, {"、", ""}, {"\xEF\xBB\xBF", ""}});
  key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return absl::ascii_isspace(c); }),
            key.end());
  return key;
}

std::string ValueKey(absl::string_view text) {
  return absl::StrReplaceAll(CellKey(text), {{"\"", ""}, {"“", ""}, {"”", ""}});
}

absl::StatusOr<v1::IndustrySection> ParseIndustrySection(absl::string_view text) {
  const absl::string_view cell = TrimCell(text);
  if (cell.empty()) return absl::InvalidArgumentError("empty: give a GB/T 4754 section, a letter A to T");
  const std::string key = CellKey(cell);
  for (int i = 0; i < kIndustryCount; ++i) {
    const std::string letter(1, static_cast<char>('a' + i));
    const std::string name = CellKey(kIndustryNames[i]);
    if (key == letter || key == name || key == letter + name || key == "industrysection" + letter) {
      return static_cast<v1::IndustrySection>(i + 1);
    }
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "\"", cell, "\" is not a GB/T 4754 section (use a letter A to T or a name such as C 制造业)"));
}

std::string IndustryLabel(v1::IndustrySection value) {
  if (value == v1::INDUSTRY_SECTION_UNSPECIFIED) return "";
  if (value < 1 || value > kIndustryCount) return absl::StrCat(static_cast<int>(value));
  return absl::StrCat(std::string(1, static_cast<char>('A' + value - 1)), " ",
                      kIndustryNames[value - 1]);
}

absl::StatusOr<bool> ParseYesNo(absl::string_view text) {
  const std::string key = ValueKey(text);
  for (absl::string_view yes : {"是", "yes", "y", "true", "1", "√", "✓"}) {
    if (key == yes) return true;
  }
  for (absl::string_view no : {"否", "no", "n", "false", "0", "×", "✗"}) {
    if (key == no) return false;
  }
  return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not yes or no (use 是/否, yes/no, 1/0)"));
}

std::string YesNoLabel(bool value) { return value ? "是" : "否"; }

absl::StatusOr<std::string> ParseDay(absl::string_view text) {
  const std::string folded(absl::StripAsciiWhitespace(FoldFullWidth(text)));
  // 2015年3月8日 → 2015-3-8-; then / and . as separators too.
  std::string dashed = absl::StrReplaceAll(folded, {{"年", "-"}, {"月", "-"}, {"日", ""}, {"/", "-"}, {".", "-"}});
  std::vector<absl::string_view> parts = absl::StrSplit(dashed, '-');
  int year = 0, month = 0, day = 0;
  auto bad = [&] {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a day (use YYYY-MM-DD, e.g. 2015-03-08)"));
  };
  if (parts.size() != 3 || parts[0].size() != 4 || parts[1].empty() || parts[1].size() > 2 || parts[2].empty() ||
      parts[2].size() > 2 || !absl::SimpleAtoi(parts[0], &year) || !absl::SimpleAtoi(parts[1], &month) ||
      !absl::SimpleAtoi(parts[2], &day)) {
    return bad();
  }
  const absl::CivilDay civil(year, month, day);
  if (civil.year() != year || civil.month() != month || civil.day() != day) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a day of the calendar"));
  }
  return absl::FormatCivilTime(civil);
}

absl::StatusOr<int32_t> ParseCount(absl::string_view text) {
  const std::string digits = absl::StrReplaceAll(absl::StripAsciiWhitespace(FoldFullWidth(text)), {{",", ""}});
  int64_t value = 0;
  if (!absl::SimpleAtoi(digits, &value) || value < 0 || value > std::numeric_limits<int32_t>::max() ||
      digits.empty() || !absl::ascii_isdigit(digits[0])) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not a whole number ≥ 0"));
  }
  return static_cast<int32_t>(value);
}

}  // namespace crm::cli
