#ifndef CRM_CLIENTS_CLI_ENTERPRISE_TRANSFER_H_
#define CRM_CLIENTS_CLI_ENTERPRISE_TRANSFER_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/cli/text_encoding.h"
#include "clients/cpp/crm_client.h"

namespace crm::cli {

struct EnterpriseImportSummary {
  struct Rejected {
    int line = 0;  // in the file, counting the header as line 1
    std::string uscc;
    std::string reason;
  };
  int rows = 0;       // data rows read
  int created = 0;    // new enterprises
  int updated = 0;    // registration fields replaced
  int unchanged = 0;  // the same as stored
  std::vector<Rejected> rejected;  // also written, with the row's cells, to `report_path`
  std::string report_path;
};

// Imports the enterprises of a CSV file (UTF-8 with or without BOM, or
// GB18030/GBK, Chinese or English headers; see enterprise_csv.h) in one
// ImportEnterprises stream: the server upserts each row by USCC and answers
// for each. A row this client cannot read (a bad cell) is not sent and counts
// as rejected. Rejected rows are written with their line and reason to
// `<file>.rejected.csv` next to the input (UTF-8 with BOM, for Excel). Errors
// only for what stops the import: an unreadable file, no usable header, or
// the stream failing (then the rows the server took before are stored;
// running the same import again is safe, being an upsert by USCC).
absl::StatusOr<EnterpriseImportSummary> ImportEnterprises(client::EnterprisesClient& client, const std::string& path,
                                                          Encoding encoding);

// Writes the enterprises matching `filter` (ExportEnterprises, streamed) as
// CSV (EnterpriseExportHeaders); with `bom`, starts with a UTF-8 BOM so that
// Excel detects the encoding. Returns how many enterprises were written.
absl::StatusOr<int> ExportEnterprises(client::EnterprisesClient& client, const v1::ListEnterprisesRequest& filter,
                                      bool bom, std::ostream& out);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_ENTERPRISE_TRANSFER_H_
