#include "storage/audit_store.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/status_macros.h"
#include "storage/mutation.h"
#include "storage/transaction.h"

namespace crm {

absl::StatusOr<std::vector<v1::AuditEvent>> AuditStore::List(const AuditQuery& q, absl::Time deadline) {
  std::vector<std::string> where;
  std::vector<std::string> values;
  for (const auto& [column, value] : {std::pair{"principal", &q.principal}, std::pair{"resource_name", &q.resource},
                                      std::pair{"method", &q.method}, std::pair{"outcome", &q.outcome}}) {
    if (value->empty()) continue;
    where.push_back(absl::StrCat(column, " = ?"));
    values.push_back(*value);
  }
  if (q.before_id > 0) where.push_back("id < ?");
  std::string sql = absl::StrCat(
      "SELECT id, occurred_at, principal, method, resource_name, outcome, request_id, before_json, after_json"
      " FROM audit_log",
      where.empty() ? "" : " WHERE ", absl::StrJoin(where, " AND "), " ORDER BY id DESC LIMIT ?");
  std::vector<v1::AuditEvent> events;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    events.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(sql);
    int i = 1;
    for (const std::string& v : values) ps.setString(i++, v);
    if (q.before_id > 0) ps.setInt64(i++, q.before_id);
    ps.setInt(i++, q.page_size + 1);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      v1::AuditEvent& e = events.emplace_back();
      e.set_name(absl::StrCat("auditEvents/", rs->getInt64(1)));
      *e.mutable_occur_time() = TimestampProto(ParseSqlTime(rs->getString(2)));
      e.set_principal(rs->getString(3));
      e.set_method(rs->getString(4));
      e.set_resource(rs->getString(5));
      e.set_outcome(rs->getString(6));
      if (!rs->isNull(7)) e.set_request_id(rs->getString(7));
      if (!rs->isNull(8)) e.set_before_json(rs->getString(8));
      if (!rs->isNull(9)) e.set_after_json(rs->getString(9));
    }
    return absl::OkStatus();
  }));
  return events;
}

}  // namespace crm
