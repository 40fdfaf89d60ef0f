#include "storage/lead_store.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <google/protobuf/util/time_util.h>

#include <memory>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "base/calendar.h"
#include "base/page_limit.h"
#include "base/status_macros.h"
#include "storage/row_codec.h"
#include "storage/sql_error.h"
#include "storage/transaction.h"
#include "storage/versioned_write.h"
#include "storage/where_clause.h"

namespace crm {
namespace {

using v1::Activity;
using v1::Lead;

constexpr char kLeadColumns[] =
    "id, company_name, uscc, target_list, channel, event_name, referrer, industry, country_region,"
    " estimated_investment_cny, owner_id, unit_id, status, disqualify_reason, contacts_json, notes,"
    " create_time, update_time, delete_time, version, converted_enterprise_id, converted_project_id";

std::string ContactsJson(const Lead& lead) {
  Lead holder;
  *holder.mutable_contacts() = lead.contacts();
  return MessageToJson(holder);
}

Lead LeadFromRow(sql::ResultSet& rs) {
  Lead lead;
  lead.set_name(absl::StrCat("leads/", rs.getInt64("id")));
  lead.set_company_name(rs.getString("company_name"));
  if (!rs.isNull("uscc")) lead.set_uscc(rs.getString("uscc"));
  lead.set_target_list(static_cast<v1::TargetList>(rs.getInt("target_list")));
  lead.set_channel(static_cast<v1::LeadChannel>(rs.getInt("channel")));
  lead.set_event_name(rs.getString("event_name"));
  lead.set_referrer(rs.getString("referrer"));
  lead.set_industry(static_cast<v1::IndustrySection>(rs.getInt("industry")));
  lead.set_country_region(rs.getString("country_region"));
  lead.set_estimated_investment_cny(rs.getInt64("estimated_investment_cny"));
  lead.set_owner(absl::StrCat("users/", std::string(rs.getString("owner_id"))));
  lead.set_unit(absl::StrCat("units/", std::string(rs.getString("unit_id"))));
  lead.set_status(static_cast<v1::LeadStatus>(rs.getInt("status")));
  lead.set_disqualify_reason(rs.getString("disqualify_reason"));
  Lead contacts;
  RepeatedFromJson(rs.getString("contacts_json"), &contacts);
  lead.mutable_contacts()->Swap(contacts.mutable_contacts());
  lead.set_notes(rs.getString("notes"));
  *lead.mutable_create_time() = TimestampProto(ParseSqlTime(rs.getString("create_time")));
  *lead.mutable_update_time() = TimestampProto(ParseSqlTime(rs.getString("update_time")));
  if (auto t = TimeColumn(rs, "delete_time")) *lead.mutable_delete_time() = *t;
  lead.set_etag(std::to_string(rs.getUInt64("version")));
  if (!rs.isNull("converted_enterprise_id")) {
    lead.set_converted_enterprise(absl::StrCat("enterprises/", rs.getInt64("converted_enterprise_id")));
  }
  if (!rs.isNull("converted_project_id")) {
    lead.set_converted_project(absl::StrCat("projects/", rs.getInt64("converted_project_id")));
  }
  return lead;
}

// Binds the writable columns of `lead`, in the order of kWritableColumns, from `first`.
constexpr char kWritableAssignments[] =
    "company_name = ?, company_name_key = ?, uscc = ?, target_list = ?, channel = ?, event_name = ?,"
    " referrer = ?, industry = ?, country_region = ?, estimated_investment_cny = ?, owner_id = ?,"
    " unit_id = ?, status = ?, disqualify_reason = ?, contacts_json = ?, notes = ?, converted_enterprise_id = ?,"
    " converted_project_id = ?";
constexpr int kWritableCount = 18;

void BindWritable(sql::PreparedStatement& ps, const Lead& lead, const std::string& name_key) {
  int i = 1;
  ps.setString(i++, lead.company_name());
  ps.setString(i++, name_key);
  if (lead.uscc().empty()) ps.setNull(i++, sql::DataType::CHAR); else ps.setString(i++, lead.uscc());
  ps.setInt(i++, lead.target_list());
  ps.setInt(i++, lead.channel());
  ps.setString(i++, lead.event_name());
  ps.setString(i++, lead.referrer());
  ps.setInt(i++, lead.industry());
  ps.setString(i++, lead.country_region());
  ps.setInt64(i++, lead.estimated_investment_cny());
  ps.setString(i++, IdOf(lead.owner()));
  ps.setString(i++, IdOf(lead.unit()));
  ps.setInt(i++, lead.status());
  ps.setString(i++, lead.disqualify_reason());
  ps.setString(i++, ContactsJson(lead));
  ps.setString(i++, lead.notes());
  for (const std::string* link : {&lead.converted_enterprise(), &lead.converted_project()}) {
    if (link->empty()) ps.setNull(i++, sql::DataType::BIGINT); else ps.setInt64(i++, LastId(*link));
  }
}

absl::StatusOr<Lead> LoadLead(Connection& conn, int64_t id) {
  sql::PreparedStatement& ps = conn.Prepare(absl::StrCat("SELECT ", kLeadColumns, " FROM leads WHERE id = ?"));
  ps.setInt64(1, id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("leads/", id, " does not exist"));
  return LeadFromRow(*rs);
}

// Runs `write`; a duplicate active USCC becomes ALREADY_EXISTS naming the lead that has it.
absl::Status GuardUscc(Connection& conn, const Lead& lead, absl::FunctionRef<void()> write) {
  try {
    write();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (!IsDuplicateKey(e) || lead.uscc().empty()) throw;
    sql::PreparedStatement& ps = conn.Prepare("SELECT id FROM leads WHERE active_uscc = ?");
    ps.setString(1, lead.uscc());
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    std::string other = rs->next() ? absl::StrCat("leads/", rs->getInt64(1)) : "another lead";
    return absl::AlreadyExistsError(absl::StrCat("uscc ", lead.uscc(), " already belongs to ", other));
  }
}

Activity ActivityFromRow(sql::ResultSet& rs) {
  Activity a;
  a.set_name(absl::StrCat("leads/", rs.getInt64("lead_id"), "/activities/", rs.getInt64("id")));
  a.set_kind(static_cast<v1::ActivityKind>(rs.getInt("kind")));
  a.set_occur_date(rs.getString("occur_date"));
  Activity holder;
  RepeatedFromJson(rs.getString("participants_json"), &holder);
  a.mutable_participants()->Swap(holder.mutable_participants());
  a.set_summary(rs.getString("summary"));
  a.set_next_step(rs.getString("next_step"));
  if (!rs.isNull("next_step_date")) a.set_next_step_date(rs.getString("next_step_date"));
  a.set_creator(absl::StrCat("users/", std::string(rs.getString("creator_id"))));
  *a.mutable_create_time() = TimestampProto(ParseSqlTime(rs.getString("create_time")));
  return a;
}

// The column of each facet LeadVisibility names.
absl::string_view LeadColumn(Facet facet) {
  switch (facet) {
    case Facet::kUnit: return "unit_id";
    case Facet::kOwner: return "owner_id";
    default: return "NULL";  // no such facet: matches nothing
  }
}

}  // namespace

absl::StatusOr<Lead> LeadStore::Get(int64_t id, absl::Time deadline) {
  absl::StatusOr<Lead> lead;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    lead = LoadLead(conn, id);
    return absl::OkStatus();
  }));
  return lead;
}

absl::StatusOr<LeadPage> LeadStore::List(const LeadQuery& q, absl::Time deadline) {
  const char* time_col = q.by_update_time ? "update_time" : "create_time";
  WhereClause where;
  where.AddVisibility(q.scope, LeadColumn);
  if (!q.show_deleted) where.Add("delete_time IS NULL");
  if (q.status) where.Add("status = ?", {int64_t{q.status}});
  if (!q.owner_id.empty()) where.Add("owner_id = ?", {q.owner_id});
  if (!q.unit_id.empty()) where.Add("unit_id = ?", {q.unit_id});
  if (q.target_list) where.Add("target_list = ?", {int64_t{q.target_list}});
  if (q.channel) where.Add("channel = ?", {int64_t{q.channel}});
  if (q.industry) where.Add("industry = ?", {int64_t{q.industry}});
  if (!q.company_name_contains.empty()) where.AddContains("company_name", q.company_name_contains);
  if (q.after) where.AddAfter(time_col, "id", q.descending, SqlTime(absl::FromUnixMicros(q.after->first)), q.after->second);
  const char* dir = q.descending ? "DESC" : "ASC";
  std::string sql = absl::StrCat("SELECT ", kLeadColumns, " FROM leads", where.Sql(), " ORDER BY ", time_col, " ",
                                 dir, ", id ", dir, " LIMIT ?");
  LeadPage page;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    page.leads.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(sql);
    ps.setInt(where.Bind(ps), q.page_size + 1);  // one more tells whether there is a next page
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) page.leads.push_back(LeadFromRow(*rs));
    return absl::OkStatus();
  }));
  if (TrimPage(page.leads, q.page_size, q.max_bytes)) {
    const Lead& last = page.leads.back();
    int64_t id = 0;
    (void)absl::SimpleAtoi(IdOf(last.name()), &id);
    page.next = {Micros(q.by_update_time ? last.update_time() : last.create_time()), id};
  }
  return page;
}

absl::StatusOr<Lead> LeadStore::Create(const MutationContext& ctx, const Lead& input) {
  Lead created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteCreated<Lead>(
        conn, ctx,
        [&](absl::Time now) -> absl::StatusOr<Lead> {
          // RETURNING (MariaDB 10.5+) answers with the stored row: one round
          // trip instead of the insert, LAST_INSERT_ID() and a reload.
          sql::PreparedStatement& ps = conn.Prepare(absl::StrCat("INSERT INTO leads SET ", kWritableAssignments,
                                                                 ", create_time = ?, update_time = ?, version = 1",
                                                                 " RETURNING ", kLeadColumns));
          BindWritable(ps, input, name_key_(input.company_name()));
          ps.setString(kWritableCount + 1, SqlTime(now));
          ps.setString(kWritableCount + 2, SqlTime(now));
          std::unique_ptr<sql::ResultSet> rs;
          RETURN_IF_ERROR(GuardUscc(conn, input, [&] { rs.reset(ps.executeQuery()); }));
          if (!rs->next()) return absl::InternalError("INSERT … RETURNING gave no row");
          return LeadFromRow(*rs);
        },
        created);
  }));
  return created;
}

absl::StatusOr<Lead> LeadStore::Mutate(const MutationContext& ctx, int64_t id, const std::string& etag,
                                       absl::FunctionRef<absl::Status(Lead&)> change) {
  Lead after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteVersioned<Lead>(
        conn, ctx, etag, [&] { return LoadLead(conn, id); }, change,
        [&](const Lead& lead, uint64_t version, absl::Time now) -> absl::StatusOr<int> {
          sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
              "UPDATE leads SET ", kWritableAssignments,
              ", delete_time = ?, update_time = ?, version = version + 1 WHERE id = ? AND version = ?"));
          BindWritable(ps, lead, name_key_(lead.company_name()));
          int i = kWritableCount + 1;
          BindTime(ps, i++, lead.has_delete_time(), lead.delete_time());
          ps.setString(i++, SqlTime(now));
          ps.setInt64(i++, id);
          ps.setUInt64(i++, version);
          int updated = 0;
          RETURN_IF_ERROR(GuardUscc(conn, lead, [&] { updated = ps.executeUpdate(); }));
          return updated;
        },
        after);
  }));
  return after;
}

absl::StatusOr<Activity> LeadStore::AddActivity(const MutationContext& ctx, int64_t lead_id,
                                                const Activity& input,
                                                absl::FunctionRef<absl::Status(Lead&)> change_lead) {
  Activity created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteCreated<Activity>(
        conn, ctx,
        [&](absl::Time now) -> absl::StatusOr<Activity> {
          // Lock the lead row: its status change and the activity go together.
          sql::PreparedStatement& lock = conn.Prepare("SELECT version FROM leads WHERE id = ? FOR UPDATE");
          lock.setInt64(1, lead_id);
          std::unique_ptr<sql::ResultSet> locked(lock.executeQuery());
          if (!locked->next()) return absl::NotFoundError(absl::StrCat("leads/", lead_id, " does not exist"));
          ASSIGN_OR_RETURN(Lead before, LoadLead(conn, lead_id));
          if (before.has_delete_time()) {
            return absl::NotFoundError(absl::StrCat(before.name(), " is deleted; undelete it first"));
          }
          Lead after = before;
          RETURN_IF_ERROR(change_lead(after));
          if (after.status() != before.status()) {
            sql::PreparedStatement& ps = conn.Prepare(
                "UPDATE leads SET status = ?, update_time = ?, version = version + 1 WHERE id = ?");
            ps.setInt(1, after.status());
            ps.setString(2, SqlTime(now));
            ps.setInt64(3, lead_id);
            ps.executeUpdate();
            ASSIGN_OR_RETURN(after, LoadLead(conn, lead_id));
            AppendAudit(conn, ctx, after.name(), &before, &after, now);
          }
          Activity participants;
          *participants.mutable_participants() = input.participants();
          sql::PreparedStatement& ins = conn.Prepare(
              "INSERT INTO lead_activities (lead_id, kind, occur_date, participants_json, summary, next_step,"
              " next_step_date, creator_id, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
          ins.setInt64(1, lead_id);
          ins.setInt(2, input.kind());
          ins.setString(3, input.occur_date());
          ins.setString(4, MessageToJson(participants));
          ins.setString(5, input.summary());
          ins.setString(6, input.next_step());
          if (input.next_step_date().empty()) ins.setNull(7, sql::DataType::DATE); else ins.setString(7, input.next_step_date());
          ins.setString(8, IdOf(ctx.principal));
          ins.setString(9, SqlTime(now));
          ins.executeUpdate();
          sql::PreparedStatement& read = conn.Prepare(
              "SELECT id, lead_id, kind, occur_date, participants_json, summary, next_step, next_step_date,"
              " creator_id, create_time FROM lead_activities WHERE id = LAST_INSERT_ID()");
          std::unique_ptr<sql::ResultSet> rs(read.executeQuery());
          rs->next();
          return ActivityFromRow(*rs);
        },
        created);
  }));
  return created;
}

absl::StatusOr<ActivityPage> LeadStore::ListActivities(int64_t lead_id, int page_size, size_t max_bytes,
                                                       std::optional<std::pair<int64_t, int64_t>> after,
                                                       absl::Time deadline) {
  ActivityPage page;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) -> absl::Status {
    page.activities.clear();  // the body may run twice (see RunRead)
    std::string sql =
        "SELECT id, lead_id, kind, occur_date, participants_json, summary, next_step, next_step_date,"
        " creator_id, create_time FROM lead_activities WHERE lead_id = ?";
    if (after) sql += " AND (occur_date < ? OR (occur_date = ? AND id < ?))";
    sql += " ORDER BY occur_date DESC, id DESC LIMIT ?";
    sql::PreparedStatement& ps = conn.Prepare(sql);
    int i = 1;
    ps.setInt64(i++, lead_id);
    if (after) {
      std::string day = IsoDayOfNumber(after->first);
      ps.setString(i++, day);
      ps.setString(i++, day);
      ps.setInt64(i++, after->second);
    }
    ps.setInt(i++, page_size + 1);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) page.activities.push_back(ActivityFromRow(*rs));
    return absl::OkStatus();
  }));
  if (TrimPage(page.activities, page_size, max_bytes)) {
    const Activity& last = page.activities.back();
    int64_t id = 0;
    (void)absl::SimpleAtoi(last.name().substr(last.name().rfind('/') + 1), &id);
    page.next = {DayNumber(last.occur_date()), id};
  }
  return page;
}

absl::StatusOr<std::vector<Lead>> LeadStore::FindActive(const Visibility& scope, const std::string& uscc,
                                                        const std::string& name_key, int limit, absl::Time deadline) {
  std::vector<Lead> found;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    found.clear();  // the body may run twice (see RunRead)
    WhereClause where;
    where.Add("delete_time IS NULL");
    // An empty key matches nothing (NULL never equals).
    where.Add("(active_uscc = NULLIF(?, '') OR company_name_key = NULLIF(?, ''))", {uscc, name_key});
    where.AddVisibility(scope, LeadColumn);
    sql::PreparedStatement& ps =
        conn.Prepare(absl::StrCat("SELECT ", kLeadColumns, " FROM leads", where.Sql(), " ORDER BY id LIMIT ?"));
    ps.setInt(where.Bind(ps), limit);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) found.push_back(LeadFromRow(*rs));
    return absl::OkStatus();
  }));
  return found;
}

}  // namespace crm
