#include "storage/mutation.h"

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "storage/proto_json.h"

namespace crm {

std::string MessageToJson(const google::protobuf::Message& m) { return ProtoToJson(m); }

google::protobuf::Timestamp TimestampProto(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  ts.set_nanos(static_cast<int32_t>((t - absl::FromUnixSeconds(ts.seconds())) / absl::Nanoseconds(1)));
  return ts;
}

std::string SqlTime(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%E6S", t, absl::UTCTimeZone());
}

absl::Time ParseSqlTime(const std::string& text) {
  absl::Time t;
  std::string err;
  if (!absl::ParseTime("%Y-%m-%d %H:%M:%E*S", text, absl::UTCTimeZone(), &t, &err)) {
    return absl::UnixEpoch();
  }
  return t;
}

void AppendAudit(Connection& conn, const MutationContext& ctx, absl::string_view resource_name,
                 const google::protobuf::Message* before, const google::protobuf::Message* after,
                 absl::Time at, absl::string_view outcome) {
  sql::PreparedStatement& ps = conn.Prepare(
      "INSERT INTO audit_log (occurred_at, principal, method, resource_name, request_id,"
      " before_json, after_json, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  ps.setString(1, SqlTime(at));
  ps.setString(2, ctx.principal);
  ps.setString(3, ctx.method);
  ps.setString(4, std::string(resource_name));
  if (ctx.request_id.empty()) ps.setNull(5, sql::DataType::VARCHAR); else ps.setString(5, ctx.request_id);
  if (before) ps.setString(6, MessageToJson(*before)); else ps.setNull(6, sql::DataType::VARCHAR);
  if (after) ps.setString(7, MessageToJson(*after)); else ps.setNull(7, sql::DataType::VARCHAR);
  ps.setString(8, std::string(outcome));
  ps.executeUpdate();
}

void AuditBatch::Add(absl::string_view resource_name, const google::protobuf::Message* before,
                     const google::protobuf::Message* after, absl::Time at) {
  Row& row = rows_.emplace_back();
  row.at = SqlTime(at);
  row.resource_name = std::string(resource_name);
  if (before) row.before_json = MessageToJson(*before);
  if (after) row.after_json = MessageToJson(*after);
}

void AuditBatch::Flush(Connection& conn) {
  if (rows_.empty()) return;
  std::string sql =
      "INSERT INTO audit_log (occurred_at, principal, method, resource_name, request_id, before_json, after_json,"
      " outcome) VALUES ";
  for (size_t i = 0; i < rows_.size(); ++i) absl::StrAppend(&sql, i ? ", " : "", "(?, ?, ?, ?, ?, ?, ?, 'OK')");
  sql::PreparedStatement& ps = conn.Prepare(sql);
  int p = 1;
  for (const Row& row : rows_) {
    ps.setString(p++, row.at);
    ps.setString(p++, ctx_.principal);
    ps.setString(p++, ctx_.method);
    ps.setString(p++, row.resource_name);
    if (ctx_.request_id.empty()) ps.setNull(p++, sql::DataType::VARCHAR); else ps.setString(p++, ctx_.request_id);
    if (row.before_json) ps.setString(p++, *row.before_json); else ps.setNull(p++, sql::DataType::VARCHAR);
    if (row.after_json) ps.setString(p++, *row.after_json); else ps.setNull(p++, sql::DataType::VARCHAR);
  }
  ps.executeUpdate();
  rows_.clear();
}

}  // namespace crm
