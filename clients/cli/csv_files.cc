#include "clients/cli/csv_files.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/csv.h"

namespace crm::cli {

absl::StatusOr<std::vector<std::vector<std::string>>> ReadCsvFile(const std::string& path, Encoding encoding) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto text = ToUtf8(bytes.str(), encoding);
  if (!text.ok()) return text.status();
  auto records = ParseCsv(*text);
  if (!records.ok()) return records.status();
  if (records->empty()) return absl::InvalidArgumentError(absl::StrCat(path, " is empty"));
  return records;
}

std::string RejectedReportPath(const std::string& input) {
  absl::string_view stem = input;
  if (absl::EndsWithIgnoreCase(stem, ".csv")) stem.remove_suffix(4);
  return absl::StrCat(stem, ".rejected.csv");
}

absl::Status WriteRejectedReport(const std::string& report_path, const std::vector<std::string>& headers,
                                 const std::vector<RejectedRow>& rejected) {
  if (rejected.empty()) {
    std::remove(report_path.c_str());
    return absl::OkStatus();
  }
  std::ofstream report(report_path, std::ios::binary | std::ios::trunc);
  std::vector<std::string> report_headers = headers;
  report_headers.push_back("行号");
  report_headers.push_back("错误原因");
  report << kUtf8Bom << CsvLine(report_headers);
  for (const RejectedRow& row : rejected) {
    std::vector<std::string> line = row.cells;
    line.resize(headers.size());
    line.push_back(std::to_string(row.line));
    line.push_back(row.reason);
    report << CsvLine(line);
  }
  if (!report) return absl::InternalError(absl::StrCat("cannot write ", report_path));
  return absl::OkStatus();
}

void WriteCsvHeader(std::ostream& out, bool bom, const std::vector<std::string>& headers) {
  if (bom) out << kUtf8Bom;
  out << CsvLine(headers);
}

}  // namespace crm::cli
