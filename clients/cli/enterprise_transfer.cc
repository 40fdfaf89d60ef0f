#include "clients/cli/enterprise_transfer.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "clients/cli/csv.h"
#include "clients/cli/csv_files.h"
#include "clients/cli/enterprise_csv.h"

namespace crm::cli {

absl::StatusOr<EnterpriseImportSummary> ImportEnterprises(client::EnterprisesClient& client, const std::string& path,
                                                          Encoding encoding) {
  auto records = ReadCsvFile(path, encoding);
  if (!records.ok()) return records.status();
  const std::vector<std::string>& headers = (*records)[0];
  auto columns = MapEnterpriseHeaders(headers);
  if (!columns.ok()) return columns.status();

  EnterpriseImportSummary summary;
  summary.report_path = RejectedReportPath(path);
  summary.rows = static_cast<int>(records->size()) - 1;
  // The USCC cell of a record, for messages about rows that could not be read.
  int uscc_column = 0;
  for (const auto& [index, column] : columns->by_index) {
    if (column == EnterpriseColumn::kUscc) uscc_column = index;
  }
  auto uscc_of = [&](size_t record) {
    const std::vector<std::string>& cells = (*records)[record];
    return uscc_column < static_cast<int>(cells.size()) ? cells[uscc_column] : std::string();
  };

  std::vector<v1::Enterprise> rows;
  std::vector<size_t> record_of_row;  // the stream's row i is (*records)[record_of_row[i]]
  std::vector<std::pair<size_t, EnterpriseImportSummary::Rejected>> rejected;  // by record index
  for (size_t i = 1; i < records->size(); ++i) {
    auto enterprise = EnterpriseFromRow(*columns, (*records)[i]);
    if (!enterprise.ok()) {
      rejected.push_back({i, {static_cast<int>(i) + 1, uscc_of(i), std::string(enterprise.status().message())}});
      continue;
    }
    rows.push_back(*std::move(enterprise));
    record_of_row.push_back(i);
  }
  if (!rows.empty()) {
    auto answer = client.ImportEnterprises(rows);
    if (!answer.ok()) {
      return absl::Status(answer.status().code(),
                          absl::StrCat("import stopped: ", answer.status().message(),
                                       ". Rows are matched by USCC, so running the same import again is safe."));
    }
    summary.created = answer->created_count();
    summary.updated = answer->updated_count();
    summary.unchanged = answer->unchanged_count();
    for (const auto& result : answer->results()) {
      if (result.outcome() != v1::IMPORT_OUTCOME_REJECTED) continue;
      if (result.row() < 0 || static_cast<size_t>(result.row()) >= record_of_row.size()) {
        return absl::InternalError(absl::StrCat("the server answered for row ", result.row(), " of ", rows.size()));
      }
      size_t record = record_of_row[result.row()];
      rejected.push_back({record, {static_cast<int>(record) + 1, result.uscc(), result.reason()}});
    }
  }
  std::sort(rejected.begin(), rejected.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RejectedRow> report;
  for (const auto& [record, r] : rejected) {
    summary.rejected.push_back(r);
    report.push_back({(*records)[record], r.line, r.reason});
  }
  absl::Status reported = WriteRejectedReport(summary.report_path, headers, report);
  if (!reported.ok()) return reported;
  return summary;
}

absl::StatusOr<int> ExportEnterprises(client::EnterprisesClient& client, const v1::ListEnterprisesRequest& filter,
                                      bool bom, std::ostream& out) {
  WriteCsvHeader(out, bom, EnterpriseExportHeaders());
  int written = 0;
  v1::ExportEnterprisesRequest req;
  *req.mutable_filter() = filter;
  absl::Status status = client.ExportEnterprises(req, [&](const v1::Enterprise& e) {
    out << CsvLine(EnterpriseExportRow(e));
    ++written;
    return absl::OkStatus();
  });
  if (!status.ok()) return status;
  out.flush();
  return written;
}

}  // namespace crm::cli
