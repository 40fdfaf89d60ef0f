#ifndef CRM_STORAGE_MUTATION_H_
#define CRM_STORAGE_MUTATION_H_

#include <optional>
#include <string>
#include <vector>

#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "storage/connection_pool.h"

namespace crm {

// Who is writing, and which call: what every mutation needs for its audit row
// and its request-id record.
struct MutationContext {
  std::string principal;   // `users/{id}`
  std::string method;      // e.g. "crm.v1.LeadService/CreateLead"
  std::string request_id;  // empty when the caller sent none
  absl::Time deadline = absl::InfiniteFuture();
};

// Appends the audit row of one call, inside the caller's transaction.
// `before`/`after` are written as JSON (null for a create's before); `outcome`
// is "OK" for a change, or the status code name of a refused call.
void AppendAudit(Connection& conn, const MutationContext& ctx, absl::string_view resource_name,
                 const google::protobuf::Message* before, const google::protobuf::Message* after,
                 absl::Time at, absl::string_view outcome = "OK");

// The audit rows of many changes of one call (a bulk import), written with
// one multi-row INSERT per Flush instead of one statement each.
class AuditBatch {
 public:
  explicit AuditBatch(const MutationContext& ctx) : ctx_(ctx) {}
  // As AppendAudit, outcome "OK"; the messages are rendered now.
  void Add(absl::string_view resource_name, const google::protobuf::Message* before,
           const google::protobuf::Message* after, absl::Time at);
  // Inserts what was added (nothing when empty) and starts over.
  void Flush(Connection& conn);

 private:
  struct Row {
    std::string at, resource_name;
    std::optional<std::string> before_json, after_json;
  };
  const MutationContext& ctx_;
  std::vector<Row> rows_;
};

// `m` as JSON with proto field names (what audit rows and JSON columns hold).
std::string MessageToJson(const google::protobuf::Message& m);

// A time as a protobuf Timestamp.
google::protobuf::Timestamp TimestampProto(absl::Time t);

// A time as MySQL DATETIME(6) text in UTC, and back.
std::string SqlTime(absl::Time t);
absl::Time ParseSqlTime(const std::string& text);

}  // namespace crm

#endif  // CRM_STORAGE_MUTATION_H_
