#include "storage/certification_store.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "storage/enterprise_store.h"
#include "storage/read_rows.h"
#include "storage/row_codec.h"
#include "storage/transaction.h"
#include "storage/versioned_write.h"

namespace crm {
namespace {

using v1::Certification;

constexpr char kSelect[] =
    "SELECT id, enterprise_id, title, level, issuer, batch_year, valid_until, evidence_note, create_time,"
    " update_time, delete_time, version FROM certifications";

constexpr char kWritableAssignments[] =
    "title = ?, level = ?, issuer = ?, batch_year = ?, valid_until = ?, evidence_note = ?";
constexpr int kWritableCount = 6;

Certification CertificationFromRow(sql::ResultSet& rs) {
  Certification c;
  c.set_name(absl::StrCat("enterprises/", rs.getInt64("enterprise_id"), "/certifications/", rs.getInt64("id")));
  c.set_title(static_cast<v1::CertificationTitle>(rs.getInt("title")));
  c.set_level(static_cast<v1::CertificationLevel>(rs.getInt("level")));
  c.set_issuer(rs.getString("issuer"));
  c.set_batch_year(rs.getInt("batch_year"));
  if (!rs.isNull("valid_until")) c.set_valid_until(rs.getString("valid_until"));
  c.set_evidence_note(rs.getString("evidence_note"));
  if (auto t = TimeColumn(rs, "create_time")) *c.mutable_create_time() = *t;
  if (auto t = TimeColumn(rs, "update_time")) *c.mutable_update_time() = *t;
  if (auto t = TimeColumn(rs, "delete_time")) *c.mutable_delete_time() = *t;
  c.set_etag(std::to_string(rs.getUInt64("version")));
  return c;
}

void BindWritable(sql::PreparedStatement& ps, const Certification& c) {
  ps.setInt(1, c.title());
  ps.setInt(2, c.level());
  ps.setString(3, c.issuer());
  ps.setInt(4, c.batch_year());
  if (c.valid_until().empty()) ps.setNull(5, sql::DataType::DATE); else ps.setString(5, c.valid_until());
  ps.setString(6, c.evidence_note());
}

absl::StatusOr<Certification> LoadCertification(Connection& conn, int64_t enterprise_id, int64_t id) {
  sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(kSelect, " WHERE id = ? AND enterprise_id = ?"));
  ps.setInt64(1, id);
  ps.setInt64(2, enterprise_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) {
    return absl::NotFoundError(absl::StrCat("enterprises/", enterprise_id, "/certifications/", id, " does not exist"));
  }
  return CertificationFromRow(*rs);
}

}  // namespace

absl::StatusOr<Certification> CertificationStore::Create(const MutationContext& ctx, int64_t enterprise_id,
                                                         const Certification& input) {
  Certification created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    return WriteCreated<Certification>(
        conn, ctx,
        [&](absl::Time now) -> absl::StatusOr<Certification> {
          RETURN_IF_ERROR(LockLiveEnterprise(conn, enterprise_id));
          sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
              "INSERT INTO certifications SET ", kWritableAssignments,
              ", enterprise_id = ?, create_time = ?, update_time = ?, version = 1"));
          BindWritable(ps, input);
          ps.setInt64(kWritableCount + 1, enterprise_id);
          ps.setString(kWritableCount + 2, SqlTime(now));
          ps.setString(kWritableCount + 3, SqlTime(now));
          ps.executeUpdate();
          std::unique_ptr<sql::ResultSet> rs(conn.Prepare("SELECT LAST_INSERT_ID()").executeQuery());
          rs->next();
          return LoadCertification(conn, enterprise_id, rs->getInt64(1));
        },
        created);
  }));
  return created;
}

absl::StatusOr<Certification> CertificationStore::Mutate(const MutationContext& ctx, int64_t enterprise_id,
                                                         int64_t id, const std::string& etag,
                                                         absl::FunctionRef<absl::Status(Certification&)> change) {
  Certification after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    RETURN_IF_ERROR(LockLiveEnterprise(conn, enterprise_id));
    return WriteVersioned<Certification>(
        conn, ctx, etag, [&] { return LoadCertification(conn, enterprise_id, id); }, change,
        [&](const Certification& c, uint64_t version, absl::Time now) -> absl::StatusOr<int> {
          sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
              "UPDATE certifications SET ", kWritableAssignments,
              ", delete_time = ?, update_time = ?, version = version + 1 WHERE id = ? AND version = ?"));
          BindWritable(ps, c);
          BindTime(ps, kWritableCount + 1, c.has_delete_time(), c.delete_time());
          ps.setString(kWritableCount + 2, SqlTime(now));
          ps.setInt64(kWritableCount + 3, id);
          ps.setUInt64(kWritableCount + 4, version);
          return ps.executeUpdate();
        },
        after);
  }));
  return after;
}

absl::StatusOr<std::vector<Certification>> CertificationStore::List(int64_t enterprise_id, bool show_deleted,
                                                                    absl::Time deadline) {
  return ReadRows<Certification>(
      *pool_, deadline,
      absl::StrCat(kSelect, " WHERE enterprise_id = ?", show_deleted ? "" : " AND delete_time IS NULL", " ORDER BY id"),
      [&](sql::PreparedStatement& ps) { ps.setInt64(1, enterprise_id); }, &CertificationFromRow);
}

}  // namespace crm
