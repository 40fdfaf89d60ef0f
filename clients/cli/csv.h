#ifndef CRM_CLIENTS_CLI_CSV_H_
#define CRM_CLIENTS_CLI_CSV_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crm::cli {

// One CSV record (RFC 4180) ending with "\r\n": fields holding a comma, quote,
// CR or LF are quoted, quotes doubled. A field starting with = + - @ (formula
// injection when opened in Excel) is prefixed with a single quote unless it is
// a number such as "-5"; one already starting with ' before a formula gets one
// more. A record of one empty field is written `""` so that it is not read back
// as an empty line.
std::string CsvLine(const std::vector<std::string>& fields);

// The records of UTF-8 CSV text: quoted fields may hold commas, doubled quotes
// and line breaks; lines end with "\n" or "\r\n"; a last line without a break
// counts; wholly empty lines are skipped; a leading UTF-8 BOM is skipped. The
// ' that CsvLine puts before a formula is removed, so CsvLine → ParseCsv gives
// the fields back exactly. INVALID_ARGUMENT naming the line of an unterminated quote.
absl::StatusOr<std::vector<std::vector<std::string>>> ParseCsv(absl::string_view text);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_CSV_H_
