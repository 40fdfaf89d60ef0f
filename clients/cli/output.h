#ifndef CRM_CLIENTS_CLI_OUTPUT_H_
#define CRM_CLIENTS_CLI_OUTPUT_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include "absl/status/status.h"
#include "crm/v1/leads_service.pb.h"

namespace crm::cli {

enum class Format { kTable, kJson, kCsv };

// Writes results as a human table (Chinese labels, 亿元/万元, local times; the
// header bold when colour is on), as JSON (the protobuf JSON mapping, a list as
// an array) or as CSV (the export columns).
class Printer {
 public:
  Printer(std::ostream& out, Format format, bool color) : out_(out), format_(format), color_(color) {}

  void Leads(const std::vector<v1::Lead>& leads);
  void Lead(const v1::Lead& lead);  // one lead in detail
  void Activities(const std::vector<v1::Activity>& activities);
  void Activity(const v1::Activity& activity);
  void Duplicates(const v1::FindDuplicateLeadsResponse& response);
  // Any records: a table or CSV of `rows` under `headers`, or the JSON of `messages`.
  void Records(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
               const std::vector<const google::protobuf::Message*>& messages);
  // One record as a "字段/值" table of the non-empty values.
  void Fields(const std::vector<std::pair<std::string, std::string>>& fields);
  // One record as an indented JSON object, whatever the format.
  void JsonObject(const google::protobuf::Message& message);
  // A table as RenderTable renders it, the header line bold when colour is on.
  void PrintTable(const std::string& rendered);

 private:
  void Json(const std::vector<const google::protobuf::Message*>& messages, bool as_array);

  std::ostream& out_;
  Format format_;
  bool color_;
};

// One line per problem on `err`: "error: <message>" and then, for invalid
// input, "  <field>: <why>" per field violation.
void PrintError(std::ostream& err, const absl::Status& status, bool color);

// A timestamp as local "YYYY-MM-DD HH:MM" ("" when unset).
std::string LocalTime(const google::protobuf::Timestamp& ts);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_OUTPUT_H_
