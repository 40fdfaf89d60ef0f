#include "storage/request_ids.h"

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "storage/sql_error.h"
#include "storage/transaction.h"

namespace crm {
namespace {

// The stored answer to `ctx.request_id` parsed into `response`: true when
// there is one; INVALID_ARGUMENT when the id belongs to another call.
absl::StatusOr<bool> LoadAnswer(Connection& conn, const MutationContext& ctx,
                                google::protobuf::Message& response) {
  sql::PreparedStatement& find =
      conn.Prepare("SELECT method, principal, response FROM idempotency_keys WHERE request_id = ?");
  find.setString(1, ctx.request_id);
  std::unique_ptr<sql::ResultSet> rs(find.executeQuery());
  if (!rs->next()) return false;
  if (rs->getString(1) != ctx.method || rs->getString(2) != ctx.principal) {
    return absl::InvalidArgumentError(
        absl::StrCat("request_id ", ctx.request_id, " was already used for another call"));
  }
  if (!response.ParseFromString(rs->getString(3))) {
    return absl::InternalError(absl::StrCat("stored answer of request_id ", ctx.request_id, " is corrupt"));
  }
  return true;
}

}  // namespace

absl::Status RecordAnswer(Connection& conn, const MutationContext& ctx, absl::string_view resource_name,
                          google::protobuf::Message& response, absl::Time at) {
  if (ctx.request_id.empty()) return absl::OkStatus();
  sql::PreparedStatement& ps = conn.Prepare(
      "INSERT INTO idempotency_keys (request_id, method, principal, resource_name, response, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?)");
  ps.setString(1, ctx.request_id);
  ps.setString(2, ctx.method);
  ps.setString(3, ctx.principal);
  ps.setString(4, std::string(resource_name));
  ps.setString(5, response.SerializeAsString());
  ps.setString(6, SqlTime(at));
  try {
    ps.executeUpdate();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (!IsDuplicateKey(e)) throw;
  }
  absl::StatusOr<bool> answered = LoadAnswer(conn, ctx, response);
  if (!answered.ok()) return answered.status();
  // The key exists but cannot be read: its first call has not committed yet
  // (READ COMMITTED), which the duplicate error rules out, or it was purged
  // in between. Either way trying again is right.
  if (!*answered) return absl::AbortedError(absl::StrCat("request_id ", ctx.request_id, " is in use"));
  return AnsweredBefore();
}

absl::Status AnswerInstead(Connection& conn, const MutationContext& ctx, absl::Status failure,
                           google::protobuf::Message& response) {
  if (failure.ok() || ctx.request_id.empty()) return failure;
  absl::StatusOr<bool> answered = LoadAnswer(conn, ctx, response);
  if (!answered.ok()) return answered.status();
  return *answered ? AnsweredBefore() : failure;
}

}  // namespace crm
