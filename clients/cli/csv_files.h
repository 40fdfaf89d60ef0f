#ifndef CRM_CLIENTS_CLI_CSV_FILES_H_
#define CRM_CLIENTS_CLI_CSV_FILES_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "clients/cli/text_encoding.h"

namespace crm::cli {

// The files of `crm import` and `crm export`, whatever records they hold.

// The UTF-8 BOM, which makes Excel read a CSV file as UTF-8.
inline constexpr char kUtf8Bom[] = "\xEF\xBB\xBF";

// The records of the CSV file at `path` in `encoding` (see ToUtf8 and
// ParseCsv); the first is the header. NOT_FOUND when it cannot be opened,
// INVALID_ARGUMENT when it is not text in the encoding, not CSV, or empty.
absl::StatusOr<std::vector<std::vector<std::string>>> ReadCsvFile(const std::string& path, Encoding encoding);

// A row that an import could not take: its cells, its line in the file
// (counting the header as line 1) and why.
struct RejectedRow {
  std::vector<std::string> cells;
  int line = 0;
  std::string reason;
};

// Where the rejected rows of importing `input` are reported:
// `x.csv` → `x.rejected.csv`.
std::string RejectedReportPath(const std::string& input);

// Writes `rejected` to `report_path` as CSV for Excel (UTF-8 with BOM): the
// input's `headers` then 行号 and 错误原因, each row's cells cut or padded to
// the headers. With nothing rejected, removes the file instead (a report left
// from an earlier import would be misleading). INTERNAL when it cannot be written.
absl::Status WriteRejectedReport(const std::string& report_path, const std::vector<std::string>& headers,
                                 const std::vector<RejectedRow>& rejected);

// Starts an export: the BOM when `bom`, then the header record.
void WriteCsvHeader(std::ostream& out, bool bom, const std::vector<std::string>& headers);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_CSV_FILES_H_
