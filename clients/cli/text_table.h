#ifndef CRM_CLIENTS_CLI_TEXT_TABLE_H_
#define CRM_CLIENTS_CLI_TEXT_TABLE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crm::cli {

// Columns a terminal gives `utf8`: 2 for East Asian wide and full-width
// characters (CJK, Hangul, full-width forms, most emoji), 0 for combining marks
// and zero-width characters, 1 otherwise.
int DisplayWidth(absl::string_view utf8);

// `utf8` cut to at most `width` columns, ending with "…" when cut; never splits
// a character.
std::string FitToWidth(absl::string_view utf8, int width);

struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;  // each as long as `headers`
  std::vector<bool> right_aligned;              // per column; missing means left
};

// A plain-text table: a header line, a line of `─` under it, then one line per
// row; columns aligned by display width and separated by two spaces; cells
// wider than `max_column_width` are cut with "…"; line breaks and tabs in cells
// become spaces; no trailing spaces.
std::string RenderTable(const Table& table, int max_column_width = 40);

// Whole yuan as people in the bureau say it: ≥ 1亿 → "12.5亿元" (up to two
// decimals, trailing zeros dropped), ≥ 1万 → "3,500万元" (likewise), below →
// "800元"; negative amounts get a leading "-"; 0 → "0元".
std::string FormatCny(int64_t yuan);

// Whole yuan as a number of 亿元, for columns headed (亿元): up to two decimals,
// trailing zeros dropped: 2,500,000,000 → "25", 50,000,000 → "0.5"; negative → "0".
std::string FormatYi(int64_t yuan);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_TEXT_TABLE_H_
