#ifndef CRM_CLIENTS_CLI_ENTERPRISE_OUTPUT_H_
#define CRM_CLIENTS_CLI_ENTERPRISE_OUTPUT_H_

#include <ostream>
#include <vector>

#include "clients/cli/output.h"
#include "crm/v1/enterprises_service.pb.h"

namespace crm::cli {

// Writes the cultivation pool's records the way Printer writes leads: a human
// table (Chinese labels, 亿元/万元, local times; the header bold and the
// escalation colour coloured when colour is on), JSON (the protobuf JSON
// mapping: one record as an object, a list as an array) or CSV (enterprises
// in the export columns; other records in their table's columns, with money
// in whole yuan and ratios as fractions).
class EnterprisePrinter {
 public:
  EnterprisePrinter(std::ostream& out, Format format, bool color) : out_(out), format_(format), color_(color) {}

  void Enterprises(const std::vector<v1::Enterprise>& enterprises);
  void Enterprise(const v1::Enterprise& enterprise);  // one in detail
  void Metrics(const std::vector<v1::YearlyMetrics>& years);
  void YearlyMetrics(const v1::YearlyMetrics& year);  // one: a JSON object
  void Certifications(const std::vector<v1::Certification>& certifications);
  void Certification(const v1::Certification& certification);  // one: a JSON object
  // Each title ✓/✗ with its clause, then each criterion's explanation, indented.
  void Evaluation(const v1::EvaluateEnterpriseResponse& evaluation);
  void Candidates(const std::vector<v1::ScreenEnterprisesResponse::Candidate>& candidates);
  void Assignments(const std::vector<v1::SecretaryAssignment>& assignments);
  void ServiceRequests(const std::vector<v1::ServiceRequest>& requests);
  void ServiceRequest(const v1::ServiceRequest& request);  // one in detail

 private:
  // A table whose last column is the escalation colour when `colors` is given
  // (one per row): that cell is coloured when colour is on.
  void PrintTable(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                  const std::vector<v1::EscalationColor>& colors = {});
  // A "字段/值" table of the non-empty values.
  void PrintFields(const std::vector<std::pair<std::string, std::string>>& fields);
  Printer Generic() { return Printer(out_, format_, color_); }

  std::ostream& out_;
  Format format_;
  bool color_;
};

// `headers` and `rows` as a table on `out`, the header bold when `color` is
// on; when `colors` is given (one per row), each row's last cell is that
// escalation colour's label (ColorLabel), coloured when `color` is on.
void PrintEscalationTable(std::ostream& out, bool color, const std::vector<std::string>& headers,
                          const std::vector<std::vector<std::string>>& rows,
                          const std::vector<v1::EscalationColor>& colors = {});

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_ENTERPRISE_OUTPUT_H_
