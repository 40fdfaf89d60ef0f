#ifndef CRM_CLIENTS_CLI_LEAD_TRANSFER_H_
#define CRM_CLIENTS_CLI_LEAD_TRANSFER_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/cli/text_encoding.h"
#include "clients/cpp/crm_client.h"

namespace crm::cli {

struct ImportSummary {
  int rows = 0;      // data rows read
  int created = 0;   // new leads
  int existing = 0;  // rows imported before (same content → same request id → first answer)
  int rejected = 0;  // listed, with reasons, in `report_path`
  std::string report_path;
};

// The request id of an import row: a UUID made from the row's cells, so that
// importing the same rows again returns the first answers instead of creating
// leads twice.
std::string ImportRequestId(const std::vector<std::string>& cells);

// Imports the leads of a CSV file (as Excel saves it: UTF-8 with or without BOM,
// or GB18030/GBK), one CreateLead per row. A bad row never stops the import:
// it is written with its line number and reason to `<file>.rejected.csv` next
// to the input (UTF-8 with BOM, so that Excel opens it). A progress bar is
// drawn on standard error when it is a terminal and `show_progress`. Errors
// only for what stops the import: an unreadable file, no usable header, or the
// server unreachable (or refusing the token) even after the client's retries;
// then the rows before have been imported, and running the same import again
// continues where it stopped without creating anything twice.
absl::StatusOr<ImportSummary> ImportLeads(client::LeadsClient& client, const std::string& path,
                                          Encoding encoding, bool show_progress);

// Writes the leads matching `filters` as CSV (LeadExportHeaders), page after
// page; with `bom`, starts with a UTF-8 BOM so that Excel detects the encoding.
// Returns how many leads were written.
absl::StatusOr<int> ExportLeads(client::LeadsClient& client, const v1::ListLeadsRequest& filters, int limit,
                                bool bom, std::ostream& out);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_LEAD_TRANSFER_H_
