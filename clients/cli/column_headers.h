#ifndef CRM_CLIENTS_CLI_COLUMN_HEADERS_H_
#define CRM_CLIENTS_CLI_COLUMN_HEADERS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "clients/cli/cell_parsers.h"

namespace crm::cli {

// Which column of a sheet holds which field, the way the lead and the
// enterprise readers both match a header row.
template <typename Column>
struct HeaderMatch {
  std::map<int, Column> by_index;  // column index → field
  // Multiplier for a bare number in the amount column, from its header's unit.
  int64_t amount_unit = 1;
  std::vector<std::string> ignored;  // headers that map to nothing

  bool Has(Column column) const {
    for (const auto& [index, mapped] : by_index) {
      if (mapped == column) return true;
    }
    return false;
  }
};

// Matches each header by its CellKey: first `amount_unit_of(key)` (an
// optional<int64_t>: the header names `amount_column` with this unit), else
// `column_of(key)` (an optional<Column>); headers matching neither are
// ignored, blank ones skipped. INVALID_ARGUMENT naming both headers, and the
// field as `name_of(column)` says it, when two columns map to the same field.
template <typename Column, typename UnitOf, typename ColumnOf, typename NameOf>
absl::StatusOr<HeaderMatch<Column>> MatchHeaders(const std::vector<std::string>& headers, Column amount_column,
                                                 UnitOf amount_unit_of, ColumnOf column_of, NameOf name_of) {
  HeaderMatch<Column> match;
  std::map<Column, int> index_of;
  for (int i = 0; i < static_cast<int>(headers.size()); ++i) {
    const std::string key = CellKey(headers[i]);
    if (key.empty()) continue;  // a blank header: a column Excel kept but nobody named
    std::optional<Column> column;
    if (std::optional<int64_t> unit = amount_unit_of(key)) {
      column = amount_column;
      match.amount_unit = *unit;
    } else {
      column = column_of(key);
    }
    if (!column) {
      match.ignored.emplace_back(TrimCell(headers[i]));
      continue;
    }
    const auto [it, inserted] = index_of.emplace(*column, i);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat("columns ", it->second + 1, " (", TrimCell(headers[it->second]),
                                                     ") and ", i + 1, " (", TrimCell(headers[i]), ") are both ",
                                                     name_of(*column), "; keep one"));
    }
    match.by_index[i] = *column;
  }
  return match;
}

// Calls `set(column, cell)` (returning absl::Status) for each mapped cell of
// `row` that is not empty once trimmed; a short row reads as if the rest were
// empty. Stops at the first error, returned as INVALID_ARGUMENT prefixed with
// `name_of(column)`.
template <typename Column, typename Set, typename NameOf>
absl::Status ReadCells(const std::map<int, Column>& by_index, const std::vector<std::string>& row, Set set,
                       NameOf name_of) {
  for (const auto& [index, column] : by_index) {
    const absl::string_view cell = index >= 0 && index < static_cast<int>(row.size()) ? TrimCell(row[index]) : "";
    if (cell.empty()) continue;
    absl::Status status = set(column, cell);
    if (!status.ok()) return absl::InvalidArgumentError(absl::StrCat(name_of(column), ": ", status.message()));
  }
  return absl::OkStatus();
}

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_COLUMN_HEADERS_H_
