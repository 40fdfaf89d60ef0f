#include "clients/cli/lead_transfer.h"

#include <google/protobuf/util/time_util.h>
#include <unistd.h>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "base/field_violations.h"
#include "base/principal.h"
#include "clients/cli/csv.h"
#include "clients/cli/csv_files.h"
#include "clients/cli/lead_csv.h"
#include "clients/cli/progress.h"

namespace crm::cli {
namespace {

std::string ReasonOf(const absl::Status& status) {
  std::vector<FieldViolation> violations = ViolationsOf(status);
  if (violations.empty()) return std::string(status.message());
  std::vector<std::string> parts;
  for (const auto& v : violations) parts.push_back(absl::StrCat(v.field, ": ", v.description));
  return absl::StrJoin(parts, "; ");
}

}  // namespace

std::string ImportRequestId(const std::vector<std::string>& cells) {
  std::string bytes = Sha256(absl::StrCat("crm import leads\n", absl::StrJoin(cells, "\x1f"))).substr(0, 16);
  bytes[6] = static_cast<char>((bytes[6] & 0x0F) | 0x50);  // version 5: name-based (SHA)
  bytes[8] = static_cast<char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  std::string hex = absl::BytesToHexString(bytes);
  return absl::StrCat(hex.substr(0, 8), "-", hex.substr(8, 4), "-", hex.substr(12, 4), "-", hex.substr(16, 4), "-",
                      hex.substr(20, 12));
}

absl::StatusOr<ImportSummary> ImportLeads(client::LeadsClient& client, const std::string& path, Encoding encoding,
                                          bool show_progress) {
  auto records = ReadCsvFile(path, encoding);
  if (!records.ok()) return records.status();
  const std::vector<std::string>& headers = (*records)[0];
  auto columns = MapLeadHeaders(headers);
  if (!columns.ok()) return columns.status();

  ImportSummary summary;
  summary.report_path = RejectedReportPath(path);
  std::vector<RejectedRow> rejected;
  // A lead created before this import started was imported before (its request
  // id was answered from the first time). Compared with the server's clock: the
  // counts are only as right as the two clocks agree, the data is right anyway.
  google::protobuf::Timestamp started =
      google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(absl::Now()));
  size_t total = records->size() - 1;
  ProgressBar progress(stderr, show_progress && isatty(STDERR_FILENO), total);
  absl::Status stopped;  // the server became unreachable: later rows are not tried
  for (size_t i = 1; i < records->size() && stopped.ok(); ++i) {
    const std::vector<std::string>& row = (*records)[i];
    ++summary.rows;
    auto reject = [&](const std::string& reason) {
      rejected.push_back({row, static_cast<int>(i) + 1, reason});  // line i + 1: the header is line 1
    };
    auto lead = LeadFromRow(*columns, row);
    if (!lead.ok()) {
      reject(std::string(lead.status().message()));
    } else {
      v1::CreateLeadRequest req;
      *req.mutable_lead() = *lead;
      req.set_request_id(ImportRequestId(row));
      auto created = client.CreateLead(req);
      if (created.ok()) {
        (created->create_time() < started ? summary.existing : summary.created)++;
      } else if (created.status().code() == absl::StatusCode::kUnavailable ||
                 created.status().code() == absl::StatusCode::kUnauthenticated) {
        --summary.rows;  // not tried: the next import starts again here
        stopped = absl::Status(created.status().code(),
                               absl::StrCat("stopped at line ", i + 1, ": ", created.status().message(),
                                            ". Rows before it were imported; running the same import again "
                                            "continues without creating them twice."));
      } else {
        reject(ReasonOf(created.status()));
      }
    }
    progress.Update(i);
  }
  progress.Finish();
  summary.rejected = static_cast<int>(rejected.size());
  absl::Status reported = WriteRejectedReport(summary.report_path, headers, rejected);
  if (!reported.ok()) return reported;
  if (!stopped.ok() && !rejected.empty()) {
    return absl::Status(stopped.code(), absl::StrCat(stopped.message(), " Rejected rows so far: ", summary.report_path));
  }
  if (!stopped.ok()) return stopped;
  return summary;
}

absl::StatusOr<int> ExportLeads(client::LeadsClient& client, const v1::ListLeadsRequest& filters, int limit,
                                bool bom, std::ostream& out) {
  WriteCsvHeader(out, bom, LeadExportHeaders());
  int written = 0;
  absl::Status status = client.ForEachLead(filters, limit, [&](const v1::Lead& lead) {
    out << CsvLine(LeadExportRow(lead));
    ++written;
    return true;
  });
  if (!status.ok()) return status;
  out.flush();
  return written;
}

}  // namespace crm::cli
