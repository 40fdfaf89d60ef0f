#ifndef CRM_CLIENTS_CLI_CELL_PARSERS_H_
#define CRM_CLIENTS_CLI_CELL_PARSERS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crm/v1/common.pb.h"

namespace crm::cli {

// Cells of spreadsheets (and command-line values read like them) as people
// write them, shared by the lead and enterprise readers so that both accept
// the same text for the same kind of value. Money is in money.h.

// `cell` without surrounding spaces, including the ideographic space and the
// no-break space that cells pasted from web pages carry.
absl::string_view TrimCell(absl::string_view cell);

// What headers and enum cells are compared by: half-width, lower case, without
// spaces, line breaks, _ - / 、 or a BOM. "Company Name", "company_name" and
// "COMPANY-NAME" all become "companyname"; "国家/地区" becomes "国家地区".
std::string CellKey(absl::string_view text);
// CellKey without quotes (" “ ”) too: how typed values such as
// 专精特新“小巨人”企业 are compared.
std::string ValueKey(absl::string_view text);

// A GB/T 4754 section: a letter A–T, its name, or both ("C 制造业"), compared
// by CellKey. INVALID_ARGUMENT quoting the (trimmed) text otherwise, also when
// it is empty.
absl::StatusOr<v1::IndustrySection> ParseIndustrySection(absl::string_view text);
std::string IndustryLabel(v1::IndustrySection value);  // e.g. "C 制造业"; "" when unspecified

// 是/否, yes/no, y/n, true/false, 1/0, √/×.
absl::StatusOr<bool> ParseYesNo(absl::string_view text);
std::string YesNoLabel(bool value);  // 是, 否

// A calendar day as `YYYY-MM-DD`, from that or the way spreadsheets write it:
// 2015/3/8, 2015.3.8, 2015年3月8日. INVALID_ARGUMENT for anything else and for
// days that do not exist (2026-02-30).
absl::StatusOr<std::string> ParseDay(absl::string_view text);

// A whole number ≥ 0 (employees, patents), commas grouping allowed.
absl::StatusOr<int32_t> ParseCount(absl::string_view text);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_CELL_PARSERS_H_
