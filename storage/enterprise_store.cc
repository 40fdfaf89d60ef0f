#include "storage/enterprise_store.h"

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <map>
#include <memory>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "base/page_limit.h"
#include "base/status_macros.h"
#include "crm/v1/admin_service.pb.h"
#include "google/protobuf/util/message_differencer.h"
#include "storage/row_codec.h"
#include "storage/sql_error.h"
#include "storage/transaction.h"
#include "storage/versioned_write.h"

namespace crm {
namespace {

using v1::Enterprise;

// The columns of an enterprise, with the titles it holds on the day bound to
// the first placeholder.
constexpr char kSelect[] =
    "SELECT e.id, e.uscc, e.company_name, e.former_names_json, e.founded_date, e.registered_capital_cny,"
    " e.legal_representative, e.address, e.in_zone, e.industry, e.industry_division, e.listed, e.tags_json,"
    " e.service_secretary_id, e.create_time, e.update_time, e.delete_time, e.version,"
    " (SELECT GROUP_CONCAT(DISTINCT c.title ORDER BY c.title) FROM certifications c"
    "   WHERE c.enterprise_id = e.id AND c.delete_time IS NULL"
    "   AND (c.valid_until IS NULL OR c.valid_until >= ?)) AS held_titles"
    " FROM enterprises e";

// The writable columns, bound by BindWritable in this order.
constexpr char kWritableColumns[] =
    "uscc, company_name, former_names_json, founded_date, registered_capital_cny, legal_representative, address,"
    " in_zone, industry, industry_division, listed, tags_json, service_secretary_id";
constexpr int kWritableCount = 13;

// "uscc = ?, company_name = ?, …" for an UPDATE of the writable columns.
const std::string& WritableAssignments() {
  static const std::string* const assignments = new std::string(absl::StrJoin(
      absl::StrSplit(kWritableColumns, ", "), ", ",
      [](std::string* out, absl::string_view column) { absl::StrAppend(out, column, " = ?"); }));
  return *assignments;
}

Enterprise EnterpriseFromRow(sql::ResultSet& rs) {
  Enterprise e;
  e.set_name(absl::StrCat("enterprises/", rs.getInt64("id")));
  e.set_uscc(rs.getString("uscc"));
  e.set_company_name(rs.getString("company_name"));
  Enterprise former;
  RepeatedFromJson(rs.getString("former_names_json"), &former);
  e.mutable_former_names()->Swap(former.mutable_former_names());
  e.set_founded_date(rs.getString("founded_date"));
  e.set_registered_capital_cny(rs.getInt64("registered_capital_cny"));
  e.set_legal_representative(rs.getString("legal_representative"));
  e.set_address(rs.getString("address"));
  e.set_in_zone(rs.getBoolean("in_zone"));
  e.set_industry(static_cast<v1::IndustrySection>(rs.getInt("industry")));
  e.set_industry_division(rs.getString("industry_division"));
  e.set_listed(rs.getBoolean("listed"));
  Enterprise tags;
  RepeatedFromJson(rs.getString("tags_json"), &tags);
  e.mutable_tags()->Swap(tags.mutable_tags());
  if (!rs.isNull("service_secretary_id")) {
    e.set_service_secretary(absl::StrCat("users/", std::string(rs.getString("service_secretary_id"))));
  }
  if (!rs.isNull("held_titles")) {
    for (absl::string_view t : absl::StrSplit(std::string(rs.getString("held_titles")), ',')) {
      int title = 0;
      if (absl::SimpleAtoi(t, &title)) e.add_held_titles(static_cast<v1::CertificationTitle>(title));
    }
  }
  if (auto t = TimeColumn(rs, "create_time")) *e.mutable_create_time() = *t;
  if (auto t = TimeColumn(rs, "update_time")) *e.mutable_update_time() = *t;
  if (auto t = TimeColumn(rs, "delete_time")) *e.mutable_delete_time() = *t;
  e.set_etag(std::to_string(rs.getUInt64("version")));
  return e;
}

std::string FormerNamesJson(const Enterprise& e) {
  Enterprise holder;
  *holder.mutable_former_names() = e.former_names();
  return MessageToJson(holder);
}

std::string TagsJson(const Enterprise& e) {
  Enterprise holder;
  *holder.mutable_tags() = e.tags();
  return MessageToJson(holder);
}

// Binds the writable columns of `e` from placeholder `i` on; the next placeholder.
int BindWritable(sql::PreparedStatement& ps, const Enterprise& e, int i = 1) {
  ps.setString(i++, e.uscc());
  ps.setString(i++, e.company_name());
  ps.setString(i++, FormerNamesJson(e));
  ps.setString(i++, e.founded_date());
  ps.setInt64(i++, e.registered_capital_cny());
  ps.setString(i++, e.legal_representative());
  ps.setString(i++, e.address());
  ps.setBoolean(i++, e.in_zone());
  ps.setInt(i++, e.industry());
  ps.setString(i++, e.industry_division());
  ps.setBoolean(i++, e.listed());
  ps.setString(i++, TagsJson(e));
  BindTextOrNull(ps, i++, e.service_secretary().empty() ? "" : IdOf(e.service_secretary()));
  return i;
}

absl::StatusOr<Enterprise> LoadEnterprise(Connection& conn, int64_t id, const std::string& today) {
  sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(kSelect, " WHERE e.id = ?"));
  ps.setString(1, today);
  ps.setInt64(2, id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("enterprises/", id, " does not exist"));
  return EnterpriseFromRow(*rs);
}

// Runs `write`; a duplicate active USCC becomes ALREADY_EXISTS naming the holder.
absl::Status GuardUscc(Connection& conn, const std::string& uscc, absl::FunctionRef<void()> write) {
  try {
    write();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    if (!IsDuplicateKey(e)) throw;
    sql::PreparedStatement& ps = conn.Prepare("SELECT id FROM enterprises WHERE active_uscc = ?");
    ps.setString(1, uscc);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    std::string other = rs->next() ? absl::StrCat("enterprises/", rs->getInt64(1)) : "another enterprise";
    return absl::AlreadyExistsError(absl::StrCat("uscc ", uscc, " already belongs to ", other));
  }
}

// Inserts `rows` as version 1, created at `now`, with multi-row INSERTs; their
// ids, in order. Rows go in statements of 64 and the rest in powers of two, so
// a session prepares at most seven shapes of the statement.
std::vector<int64_t> InsertEnterprises(Connection& conn, const std::vector<const Enterprise*>& rows, absl::Time now) {
  std::vector<int64_t> ids;
  ids.reserve(rows.size());
  const std::string at = SqlTime(now);
  for (size_t next = 0; next < rows.size();) {
    size_t n = 64;
    while (n > rows.size() - next) n /= 2;
    std::string sql = absl::StrCat("INSERT INTO enterprises (", kWritableColumns, ", create_time, update_time, version) VALUES ");
    for (size_t k = 0; k < n; ++k) {
      absl::StrAppend(&sql, k ? ", (" : "(");
      for (int c = 0; c < kWritableCount + 2; ++c) absl::StrAppend(&sql, "?, ");  // + create and update time
      absl::StrAppend(&sql, "1)");
    }
    absl::StrAppend(&sql, " RETURNING id");  // the ids in the order of the rows, without another round trip
    sql::PreparedStatement& ps = conn.Prepare(sql);
    int p = 1;
    for (size_t k = 0; k < n; ++k) {
      p = BindWritable(ps, *rows[next + k], p);
      ps.setString(p++, at);
      ps.setString(p++, at);
    }
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) ids.push_back(rs->getInt64(1));
    next += n;
  }
  return ids;
}

// Writes every writable column and delete_time back, if the version is still `version`.
int UpdateEnterprise(Connection& conn, int64_t id, const Enterprise& e, uint64_t version, absl::Time now) {
  sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
      "UPDATE enterprises SET ", WritableAssignments(),
      ", delete_time = ?, update_time = ?, version = version + 1 WHERE id = ? AND version = ?"));
  int i = BindWritable(ps, e);
  BindTime(ps, i++, e.has_delete_time(), e.delete_time());
  ps.setString(i++, SqlTime(now));
  ps.setInt64(i++, id);
  ps.setUInt64(i++, version);
  return ps.executeUpdate();
}

// An enterprise as written at `now` from `e`, without reading it back.
Enterprise AsWritten(Enterprise e, int64_t id, uint64_t version, absl::Time now) {
  e.set_name(absl::StrCat("enterprises/", id));
  if (version == 1) *e.mutable_create_time() = TimestampProto(now);
  *e.mutable_update_time() = TimestampProto(now);
  e.set_etag(std::to_string(version));
  return e;
}

}  // namespace

absl::Status LockLiveEnterprise(Connection& conn, int64_t enterprise_id) {
  sql::PreparedStatement& ps =
      conn.Prepare("SELECT delete_time IS NOT NULL FROM enterprises WHERE id = ? LOCK IN SHARE MODE");
  ps.setInt64(1, enterprise_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("enterprises/", enterprise_id, " does not exist"));
  if (rs->getBoolean(1)) {
    return absl::FailedPreconditionError(absl::StrCat("enterprises/", enterprise_id, " is deleted; undelete it first"));
  }
  return absl::OkStatus();
}

absl::StatusOr<Enterprise> EnterpriseStore::Get(int64_t id, const std::string& today, absl::Time deadline) {
  absl::StatusOr<Enterprise> e;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    e = LoadEnterprise(conn, id, today);
    return absl::OkStatus();
  }));
  return e;
}

absl::StatusOr<EnterprisePage> EnterpriseStore::List(const EnterpriseQuery& q, const std::string& today,
                                                     absl::Time deadline) {
  std::vector<std::string> where;
  if (!q.show_deleted) where.push_back("e.delete_time IS NULL");
  if (q.title || q.level) {
    where.push_back(absl::StrCat(
        "EXISTS (SELECT 1 FROM certifications c WHERE c.enterprise_id = e.id AND c.delete_time IS NULL"
        " AND (c.valid_until IS NULL OR c.valid_until >= ?)",
        q.title ? " AND c.title = ?" : "", q.level ? " AND c.level = ?" : "", ")"));
  }
  if (q.industry) where.push_back("e.industry = ?");
  if (!q.secretary_id.empty()) where.push_back("e.service_secretary_id = ?");
  if (q.in_zone_only) where.push_back("e.in_zone");
  if (!q.name_contains.empty()) {
    where.push_back("(e.company_name LIKE ? ESCAPE '!' OR e.former_names_json LIKE ? ESCAPE '!')");
  }
  if (!q.uscc.empty()) where.push_back("e.uscc = ?");
  if (q.after_id) where.push_back("e.id > ?");
  std::string sql = absl::StrCat(kSelect, where.empty() ? "" : " WHERE ", absl::StrJoin(where, " AND "),
                                 " ORDER BY e.id LIMIT ?");
  EnterprisePage page;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    page.enterprises.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(sql);
    int i = 1;
    ps.setString(i++, today);
    if (q.title || q.level) {
      ps.setString(i++, today);
      if (q.title) ps.setInt(i++, q.title);
      if (q.level) ps.setInt(i++, q.level);
    }
    if (q.industry) ps.setInt(i++, q.industry);
    if (!q.secretary_id.empty()) ps.setString(i++, q.secretary_id);
    if (!q.name_contains.empty()) {
      std::string pattern;
      for (char c : q.name_contains) {
        if (c == '%' || c == '_' || c == '!') pattern += '!';
        pattern += c;
      }
      ps.setString(i++, absl::StrCat("%", pattern, "%"));
      ps.setString(i++, absl::StrCat("%", pattern, "%"));
    }
    if (!q.uscc.empty()) ps.setString(i++, q.uscc);
    if (q.after_id) ps.setInt64(i++, q.after_id);
    ps.setInt(i++, q.page_size + 1);  // one more tells whether there is a next page
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) page.enterprises.push_back(EnterpriseFromRow(*rs));
    return absl::OkStatus();
  }));
  if (TrimPage(page.enterprises, q.page_size, q.max_bytes)) {
    page.next_after_id = LastId(page.enterprises.back().name());
  }
  return page;
}

absl::StatusOr<Enterprise> EnterpriseStore::Create(const MutationContext& ctx, const Enterprise& input,
                                                   const std::string& today) {
  Enterprise created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteCreated<Enterprise>(
        conn, ctx,
        [&](absl::Time now) -> absl::StatusOr<Enterprise> {
          int64_t id = 0;
          RETURN_IF_ERROR(GuardUscc(conn, input.uscc(), [&] { id = InsertEnterprises(conn, {&input}, now).at(0); }));
          return LoadEnterprise(conn, id, today);
        },
        created);
  }));
  return created;
}

absl::StatusOr<Enterprise> EnterpriseStore::Mutate(const MutationContext& ctx, int64_t id, const std::string& etag,
                                                   const std::string& today,
                                                   absl::FunctionRef<absl::Status(Enterprise&)> change) {
  Enterprise after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteVersioned<Enterprise>(
        conn, ctx, etag, [&] { return LoadEnterprise(conn, id, today); }, change,
        [&](const Enterprise& e, uint64_t version, absl::Time now) -> absl::StatusOr<int> {
          int updated = 0;
          RETURN_IF_ERROR(GuardUscc(conn, e.uscc(), [&] { updated = UpdateEnterprise(conn, id, e, version, now); }));
          return updated;
        },
        after);
  }));
  return after;
}

absl::StatusOr<Enterprise> EnterpriseStore::AssignSecretary(const MutationContext& ctx, int64_t id,
                                                            const std::string& etag, const std::string& secretary_id,
                                                            const std::string& note, const std::string& today,
                                                            absl::FunctionRef<absl::Status(const Enterprise&)> check) {
  Enterprise after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    std::string previous;
    return WriteVersioned<Enterprise>(
        conn, ctx, etag, [&] { return LoadEnterprise(conn, id, today); },
        [&](Enterprise& e) -> absl::Status {
          RETURN_IF_ERROR(check(e));
          previous = e.service_secretary().empty() ? "" : IdOf(e.service_secretary());
          if (!secretary_id.empty()) {
            // Roles 1–4 are people (staff to admin); 5 is a department's service account.
            sql::PreparedStatement& ps =
                conn.Prepare("SELECT active, role FROM principals WHERE id = ? LOCK IN SHARE MODE");
            ps.setString(1, secretary_id);
            std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
            if (!rs->next()) {
              return absl::FailedPreconditionError(absl::StrCat("users/", secretary_id, " does not exist"));
            }
            if (!rs->getBoolean(1) || rs->getInt(2) < v1::ROLE_STAFF || rs->getInt(2) > v1::ROLE_ADMIN) {
              return absl::FailedPreconditionError(
                  absl::StrCat("users/", secretary_id, " is inactive or a service account; a secretary is a person"));
            }
          }
          if (secretary_id == previous) {
            return absl::FailedPreconditionError(absl::StrCat(
                e.name(), secretary_id.empty() ? " has no service secretary already"
                                               : " has this service secretary already"));
          }
          if (secretary_id.empty()) e.clear_service_secretary(); else e.set_service_secretary("users/" + secretary_id);
          return absl::OkStatus();
        },
        [&](const Enterprise& e, uint64_t version, absl::Time now) -> absl::StatusOr<int> {
          int updated = UpdateEnterprise(conn, id, e, version, now);
          sql::PreparedStatement& ps = conn.Prepare(
              "INSERT INTO secretary_assignments (enterprise_id, secretary_id, previous_secretary_id, note,"
              " assigned_by, assign_time) VALUES (?, ?, ?, ?, ?, ?)");
          ps.setInt64(1, id);
          BindTextOrNull(ps, 2, secretary_id);
          BindTextOrNull(ps, 3, previous);
          ps.setString(4, note);
          ps.setString(5, IdOf(ctx.principal));
          ps.setString(6, SqlTime(now));
          ps.executeUpdate();
          return updated;
        },
        after);
  }));
  return after;
}

absl::StatusOr<std::vector<v1::SecretaryAssignment>> EnterpriseStore::ListAssignments(int64_t id,
                                                                                     absl::Time deadline) {
  std::vector<v1::SecretaryAssignment> out;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    out.clear();  // the body may run twice (see RunRead)
    sql::PreparedStatement& ps = conn.Prepare(
        "SELECT secretary_id, previous_secretary_id, note, assigned_by, assign_time FROM secretary_assignments"
        " WHERE enterprise_id = ? ORDER BY id DESC");
    ps.setInt64(1, id);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      v1::SecretaryAssignment& a = out.emplace_back();
      if (!rs->isNull(1)) a.set_service_secretary(absl::StrCat("users/", std::string(rs->getString(1))));
      if (!rs->isNull(2)) a.set_previous_secretary(absl::StrCat("users/", std::string(rs->getString(2))));
      a.set_note(rs->getString(3));
      a.set_assigned_by(absl::StrCat("users/", std::string(rs->getString(4))));
      if (auto t = TimeColumn(*rs, "assign_time")) *a.mutable_assign_time() = *t;
    }
    return absl::OkStatus();
  }));
  return out;
}

absl::StatusOr<std::vector<ImportedRow>> EnterpriseStore::ImportBatch(
    const MutationContext& ctx, const std::vector<Enterprise>& rows, const std::string& today,
    absl::FunctionRef<void(const Enterprise& row, Enterprise& e)> merge) {
  std::vector<ImportedRow> results;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    results.assign(rows.size(), ImportedRow{});
    absl::Time now = absl::Now();
    AuditBatch audit(ctx);  // the batch's audit rows, in one statement at the end
    // The active enterprises holding the batch's codes, locked, in one query.
    std::map<std::string, Enterprise> current;  // by USCC, as the batch leaves them
    std::vector<std::string> marks(rows.size(), "?");
    sql::PreparedStatement& find = conn.Prepare(absl::StrCat(
        kSelect, " WHERE e.active_uscc IN (", absl::StrJoin(marks, ","), ") FOR UPDATE"));
    find.setString(1, today);
    for (size_t i = 0; i < rows.size(); ++i) find.setString(static_cast<int>(i) + 2, rows[i].uscc());
    std::unique_ptr<sql::ResultSet> rs(find.executeQuery());
    while (rs->next()) {
      Enterprise e = EnterpriseFromRow(*rs);
      current.emplace(e.uscc(), std::move(e));
    }
    // The rows whose code no active enterprise holds (the first of each code)
    // are created together; the others, in order, update what they find,
    // including an enterprise created by an earlier row of the batch.
    std::vector<size_t> fresh_rows;
    std::vector<Enterprise> fresh;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (current.count(rows[i].uscc())) continue;
      Enterprise& e = fresh.emplace_back();
      merge(rows[i], e);
      fresh_rows.push_back(i);
      current.emplace(rows[i].uscc(), Enterprise());  // filled in below, once it has an id
    }
    std::vector<const Enterprise*> inserts;
    for (const Enterprise& e : fresh) inserts.push_back(&e);
    std::vector<int64_t> ids;
    try {
      ids = InsertEnterprises(conn, inserts, now);
    } catch (const sql::SQLException& e) {
      if (!IsDuplicateKey(e)) throw;
      // A concurrent import created one of them since the lookup: retrying the batch finds it.
      return absl::AbortedError("an enterprise of the batch was created by a concurrent call");
    }
    if (ids.size() != fresh.size()) {
      return absl::InternalError(absl::StrCat("the store returned ", ids.size(), " ids for ", fresh.size(), " rows"));
    }
    for (size_t k = 0; k < fresh.size(); ++k) {
      Enterprise created = AsWritten(std::move(fresh[k]), ids[k], 1, now);
      audit.Add(created.name(), nullptr, &created, now);
      results[fresh_rows[k]] = {v1::IMPORT_OUTCOME_CREATED, created.name()};
      current[created.uscc()] = std::move(created);
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      if (results[i].outcome == v1::IMPORT_OUTCOME_CREATED) continue;
      const Enterprise& row = rows[i];
      Enterprise& e = current.at(row.uscc());
      Enterprise merged = e;
      merge(row, merged);
      if (google::protobuf::util::MessageDifferencer::Equals(merged, e)) {
        results[i] = {v1::IMPORT_OUTCOME_UNCHANGED, e.name()};
        continue;
      }
      uint64_t version = 0;
      (void)absl::SimpleAtoi(e.etag(), &version);
      // The row is locked (FOR UPDATE above), so the version check cannot fail.
      if (UpdateEnterprise(conn, LastId(e.name()), merged, version, now) != 1) {
        return absl::AbortedError(absl::StrCat(e.name(), " was changed by another call"));
      }
      Enterprise updated = AsWritten(merged, LastId(e.name()), version + 1, now);
      audit.Add(updated.name(), &e, &updated, now);
      results[i] = {v1::IMPORT_OUTCOME_UPDATED, updated.name()};
      e = std::move(updated);
    }
    audit.Flush(conn);
    return absl::OkStatus();
  }));
  return results;
}

}  // namespace crm
