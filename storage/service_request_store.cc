#include "storage/service_request_store.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/page_limit.h"
#include "base/status_macros.h"
#include "storage/enterprise_store.h"
#include "storage/row_codec.h"
#include "storage/transaction.h"
#include "storage/versioned_write.h"
#include "storage/where_clause.h"

namespace crm {
namespace {

using v1::ServiceRequest;

constexpr char kSelect[] =
    "SELECT r.id, r.enterprise_id, r.category, r.description, r.raised_date, r.priority,"
    " r.first_responder_unit_id, r.handling_unit_id, r.due_date, r.status, r.resolution, r.satisfaction,"
    " r.reopen_reason, r.creator_id, r.create_time, r.update_time, r.resolve_time, r.close_time, r.version,"
    " e.company_name, e.service_secretary_id"
    " FROM service_requests r JOIN enterprises e ON e.id = r.enterprise_id";

constexpr char kWritableAssignments[] =
    "category = ?, description = ?, raised_date = ?, priority = ?, first_responder_unit_id = ?,"
    " handling_unit_id = ?, due_date = ?, status = ?, resolution = ?, satisfaction = ?, reopen_reason = ?,"
    " resolve_time = ?, close_time = ?";
constexpr int kWritableCount = 13;

// Open = still waiting for an answer (the rules' IsOpen, as SQL).
constexpr char kOpen[] = "r.status IN (1, 2, 3, 6)";

ServiceRequest RequestFromRow(sql::ResultSet& rs) {
  ServiceRequest r;
  r.set_name(absl::StrCat("enterprises/", rs.getInt64("enterprise_id"), "/serviceRequests/", rs.getInt64("id")));
  r.set_category(static_cast<v1::ServiceCategory>(rs.getInt("category")));
  r.set_description(rs.getString("description"));
  r.set_raised_date(rs.getString("raised_date"));
  r.set_priority(static_cast<v1::ServiceRequestPriority>(rs.getInt("priority")));
  r.set_first_responder_unit(absl::StrCat("units/", std::string(rs.getString("first_responder_unit_id"))));
  r.set_handling_unit(absl::StrCat("units/", std::string(rs.getString("handling_unit_id"))));
  r.set_due_date(rs.getString("due_date"));
  r.set_status(static_cast<v1::ServiceRequestStatus>(rs.getInt("status")));
  r.set_resolution(rs.getString("resolution"));
  if (!rs.isNull("satisfaction")) r.set_satisfaction(rs.getInt("satisfaction"));
  r.set_reopen_reason(rs.getString("reopen_reason"));
  r.set_company_name(rs.getString("company_name"));
  if (!rs.isNull("service_secretary_id")) {
    r.set_service_secretary(absl::StrCat("users/", std::string(rs.getString("service_secretary_id"))));
  }
  r.set_creator(absl::StrCat("users/", std::string(rs.getString("creator_id"))));
  if (auto t = TimeColumn(rs, "create_time")) *r.mutable_create_time() = *t;
  if (auto t = TimeColumn(rs, "update_time")) *r.mutable_update_time() = *t;
  if (auto t = TimeColumn(rs, "resolve_time")) *r.mutable_resolve_time() = *t;
  if (auto t = TimeColumn(rs, "close_time")) *r.mutable_close_time() = *t;
  r.set_etag(std::to_string(rs.getUInt64("version")));
  return r;
}

void BindWritable(sql::PreparedStatement& ps, const ServiceRequest& r) {
  int i = 1;
  ps.setInt(i++, r.category());
  ps.setString(i++, r.description());
  ps.setString(i++, r.raised_date());
  ps.setInt(i++, r.priority());
  ps.setString(i++, IdOf(r.first_responder_unit()));
  ps.setString(i++, IdOf(r.handling_unit()));
  ps.setString(i++, r.due_date());
  ps.setInt(i++, r.status());
  ps.setString(i++, r.resolution());
  if (r.satisfaction() > 0) ps.setInt(i++, r.satisfaction()); else ps.setNull(i++, sql::DataType::TINYINT);
  ps.setString(i++, r.reopen_reason());
  BindTime(ps, i++, r.has_resolve_time(), r.resolve_time());
  BindTime(ps, i++, r.has_close_time(), r.close_time());
}

absl::StatusOr<ServiceRequest> LoadRequest(Connection& conn, int64_t enterprise_id, int64_t id) {
  sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(kSelect, " WHERE r.id = ? AND r.enterprise_id = ?"));
  ps.setInt64(1, id);
  ps.setInt64(2, enterprise_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) {
    return absl::NotFoundError(absl::StrCat("enterprises/", enterprise_id, "/serviceRequests/", id, " does not exist"));
  }
  return RequestFromRow(*rs);
}

// The column of each facet ServiceRequestVisibility names (`e` is the
// request's enterprise, `r` the request).
absl::string_view RequestColumn(Facet facet) {
  switch (facet) {
    case Facet::kServiceSecretary: return "e.service_secretary_id";
    case Facet::kFirstResponderUnit: return "r.first_responder_unit_id";
    case Facet::kHandlingUnit: return "r.handling_unit_id";
    default: return "NULL";  // no such facet: matches nothing
  }
}

}  // namespace

absl::StatusOr<ServiceRequest> ServiceRequestStore::Get(int64_t enterprise_id, int64_t id, absl::Time deadline) {
  absl::StatusOr<ServiceRequest> r;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    r = LoadRequest(conn, enterprise_id, id);
    return absl::OkStatus();
  }));
  return r;
}

absl::StatusOr<ServiceRequestPage> ServiceRequestStore::List(const ServiceRequestQuery& q, absl::Time deadline) {
  WhereClause where;
  where.AddVisibility(q.scope, RequestColumn);
  if (q.enterprise_id) where.Add("r.enterprise_id = ?", {q.enterprise_id});
  if (q.status) where.Add("r.status = ?", {int64_t{q.status}});
  if (!q.unit_id.empty()) where.Add("(r.first_responder_unit_id = ? OR r.handling_unit_id = ?)", {q.unit_id, q.unit_id});
  if (q.category) where.Add("r.category = ?", {int64_t{q.category}});
  if (q.open_only) where.Add(kOpen);
  if (!q.due_from.empty()) where.Add("r.due_date >= ?", {q.due_from});
  if (!q.due_to.empty()) where.Add("r.due_date <= ?", {q.due_to});
  if (q.after) where.AddAfter("r.due_date", "r.id", /*descending=*/false, q.after->first, q.after->second);
  std::string sql = absl::StrCat(kSelect, where.Sql(), " ORDER BY r.due_date, r.id LIMIT ?");
  ServiceRequestPage page;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    page.requests.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(sql);
    ps.setInt(where.Bind(ps), q.page_size + 1);  // one more tells whether there is a next page
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) page.requests.push_back(RequestFromRow(*rs));
    return absl::OkStatus();
  }));
  if (TrimPage(page.requests, q.page_size, q.max_bytes)) {
    const ServiceRequest& last = page.requests.back();
    page.next = std::make_pair(last.due_date(), LastId(last.name()));
  }
  return page;
}

absl::StatusOr<ServiceRequest> ServiceRequestStore::Create(
    const MutationContext& ctx, int64_t enterprise_id, const ServiceRequest& input,
    absl::FunctionRef<absl::Status(const ServiceRequest&)> check) {
  ServiceRequest created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteCreated<ServiceRequest>(
        conn, ctx,
        [&](absl::Time now) -> absl::StatusOr<ServiceRequest> {
          RETURN_IF_ERROR(LockLiveEnterprise(conn, enterprise_id));
          // The enterprise's name and secretary, for the caller's check.
          sql::PreparedStatement& owner =
              conn.Prepare("SELECT company_name, service_secretary_id FROM enterprises WHERE id = ?");
          owner.setInt64(1, enterprise_id);
          std::unique_ptr<sql::ResultSet> ers(owner.executeQuery());
          ers->next();
          ServiceRequest candidate = input;
          candidate.set_company_name(ers->getString(1));
          if (!ers->isNull(2)) candidate.set_service_secretary(absl::StrCat("users/", std::string(ers->getString(2))));
          RETURN_IF_ERROR(check(candidate));
          sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
              "INSERT INTO service_requests SET ", kWritableAssignments,
              ", enterprise_id = ?, creator_id = ?, create_time = ?, update_time = ?, version = 1"));
          BindWritable(ps, input);
          int i = kWritableCount + 1;
          ps.setInt64(i++, enterprise_id);
          ps.setString(i++, IdOf(ctx.principal));
          ps.setString(i++, SqlTime(now));
          ps.setString(i++, SqlTime(now));
          ps.executeUpdate();
          std::unique_ptr<sql::ResultSet> rs(conn.Prepare("SELECT LAST_INSERT_ID()").executeQuery());
          rs->next();
          return LoadRequest(conn, enterprise_id, rs->getInt64(1));
        },
        created);
  }));
  return created;
}

absl::StatusOr<ServiceRequest> ServiceRequestStore::Mutate(const MutationContext& ctx, int64_t enterprise_id,
                                                           int64_t id, const std::string& etag,
                                                           absl::FunctionRef<absl::Status(ServiceRequest&)> change) {
  ServiceRequest after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteVersioned<ServiceRequest>(
        conn, ctx, etag, [&] { return LoadRequest(conn, enterprise_id, id); }, change,
        [&](const ServiceRequest& r, uint64_t version, absl::Time now) -> absl::StatusOr<int> {
          sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
              "UPDATE service_requests SET ", kWritableAssignments,
              ", update_time = ?, version = version + 1 WHERE id = ? AND version = ?"));
          BindWritable(ps, r);
          ps.setString(kWritableCount + 1, SqlTime(now));
          ps.setInt64(kWritableCount + 2, id);
          ps.setUInt64(kWritableCount + 3, version);
          return ps.executeUpdate();
        },
        after);
  }));
  return after;
}

}  // namespace crm
