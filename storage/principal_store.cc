#include "storage/principal_store.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <openssl/rand.h>

#include <memory>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "base/status_macros.h"
#include "storage/row_codec.h"
#include "storage/sql_error.h"
#include "storage/transaction.h"

namespace crm {
namespace {

constexpr char kUserColumns[] =
    "id, display_name, unit_id, role, scopes, active, create_time, update_time, version";

// Scopes are stored space-separated.
std::vector<std::string> SplitScopes(const std::string& text) {
  return absl::StrSplit(text, ' ', absl::SkipEmpty());
}
constexpr char kTokenColumns[] =
    "id, principal_id, prefix, description, create_time, expire_time, revoke_time";

absl::Time Deadline() { return absl::Now() + absl::Seconds(10); }

v1::User UserFromRow(sql::ResultSet& rs) {
  v1::User u;
  u.set_name(absl::StrCat("users/", std::string(rs.getString("id"))));
  u.set_display_name(rs.getString("display_name"));
  u.set_unit(absl::StrCat("units/", std::string(rs.getString("unit_id"))));
  u.set_role(static_cast<v1::Role>(rs.getInt("role")));
  for (std::string& scope : SplitScopes(rs.getString("scopes"))) u.add_scopes(std::move(scope));
  u.set_active(rs.getBoolean("active"));
  *u.mutable_create_time() = TimestampProto(ParseSqlTime(rs.getString("create_time")));
  *u.mutable_update_time() = TimestampProto(ParseSqlTime(rs.getString("update_time")));
  u.set_etag(std::to_string(rs.getUInt64("version")));
  return u;
}

v1::Token TokenFromRow(sql::ResultSet& rs) {
  v1::Token t;
  t.set_name(absl::StrCat("tokens/", rs.getInt64("id")));
  t.set_principal(absl::StrCat("users/", std::string(rs.getString("principal_id"))));
  t.set_prefix(rs.getString("prefix"));
  t.set_description(rs.getString("description"));
  *t.mutable_create_time() = TimestampProto(ParseSqlTime(rs.getString("create_time")));
  if (!rs.isNull("expire_time")) *t.mutable_expire_time() = TimestampProto(ParseSqlTime(rs.getString("expire_time")));
  if (!rs.isNull("revoke_time")) *t.mutable_revoke_time() = TimestampProto(ParseSqlTime(rs.getString("revoke_time")));
  return t;
}

absl::StatusOr<v1::User> LoadUser(Connection& conn, const std::string& id) {
  sql::PreparedStatement& ps =
      conn.Prepare(absl::StrCat("SELECT ", kUserColumns, " FROM principals WHERE id = ? AND kind = 1"));
  ps.setString(1, id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("users/", id, " does not exist"));
  return UserFromRow(*rs);
}

absl::Status UnitExists(Connection& conn, const std::string& unit_id) {
  sql::PreparedStatement& ps = conn.Prepare("SELECT 1 FROM units WHERE id = ?");
  ps.setString(1, unit_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  if (!rs->next()) return absl::NotFoundError(absl::StrCat("units/", unit_id, " does not exist"));
  return absl::OkStatus();
}

// Inserts a token row for `principal_id` and returns it.
v1::Token InsertToken(Connection& conn, const std::string& principal_id, absl::string_view secret,
                      const std::string& description, std::optional<absl::Time> expire_time, absl::Time now) {
  sql::PreparedStatement& ins = conn.Prepare(
      "INSERT INTO api_tokens (principal_id, token_sha256, prefix, description, create_time, expire_time)"
      " VALUES (?, ?, ?, ?, ?, ?)");
  ins.setString(1, principal_id);
  ins.setString(2, Sha256(secret));
  ins.setString(3, std::string(secret.substr(0, 8)));
  ins.setString(4, description);
  ins.setString(5, SqlTime(now));
  if (expire_time) ins.setString(6, SqlTime(*expire_time)); else ins.setNull(6, sql::DataType::TIMESTAMP);
  ins.executeUpdate();
  sql::PreparedStatement& read =
      conn.Prepare(absl::StrCat("SELECT ", kTokenColumns, " FROM api_tokens WHERE id = LAST_INSERT_ID()"));
  std::unique_ptr<sql::ResultSet> rs(read.executeQuery());
  rs->next();
  return TokenFromRow(*rs);
}

void InsertUnit(Connection& conn, const std::string& id, const std::string& display_name, absl::Time now) {
  sql::PreparedStatement& ps = conn.Prepare(
      "INSERT INTO units (id, display_name, create_time, update_time) VALUES (?, ?, ?, ?)");
  ps.setString(1, id);
  ps.setString(2, display_name);
  ps.setString(3, SqlTime(now));
  ps.setString(4, SqlTime(now));
  ps.executeUpdate();
}

void InsertUser(Connection& conn, const std::string& id, const v1::User& user, const std::string& unit_id,
                absl::Time now) {
  sql::PreparedStatement& ps = conn.Prepare(
      "INSERT INTO principals (id, kind, display_name, unit_id, role, scopes, active, create_time, update_time)"
      " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)");
  ps.setString(1, id);
  ps.setString(2, user.display_name());
  ps.setString(3, unit_id);
  ps.setInt(4, user.role());
  ps.setString(5, absl::StrJoin(user.scopes(), " "));
  ps.setBoolean(6, user.active());
  ps.setString(7, SqlTime(now));
  ps.setString(8, SqlTime(now));
  ps.executeUpdate();
}

}  // namespace

std::string NewTokenSecret() {
  unsigned char bytes[32];
  RAND_bytes(bytes, sizeof(bytes));
  std::string encoded;
  absl::WebSafeBase64Escape(absl::string_view(reinterpret_cast<const char*>(bytes), sizeof(bytes)), &encoded);
  return absl::StrCat("crm_", encoded);
}

absl::StatusOr<Principal> PrincipalStore::Authenticate(absl::string_view token) const {
  const std::string hash = Sha256(token);
  const absl::Time now = absl::Now();
  {
    absl::MutexLock lock(&cache_mu_);
    auto it = cache_.find(hash);
    if (it != cache_.end() && now - it->second.fetched < auth_cache_ttl_) {
      if (!it->second.expire_time || now < *it->second.expire_time) return it->second.principal;
      cache_.erase(it);
    }
  }
  absl::StatusOr<Principal> principal = absl::UnauthenticatedError("unknown bearer token");
  std::optional<absl::Time> expire_time;
  RETURN_IF_ERROR(RunRead(*pool_, Deadline(), [&](Connection& conn) {
    sql::PreparedStatement& ps = conn.Prepare(
        "SELECT p.id, p.unit_id, p.role, p.active, t.expire_time IS NOT NULL AND t.expire_time <= UTC_TIMESTAMP(6),"
        " t.revoke_time IS NOT NULL, p.scopes, t.expire_time FROM api_tokens t JOIN principals p"
        " ON p.id = t.principal_id WHERE t.token_sha256 = ?");
    ps.setString(1, hash);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    if (!rs->next()) return absl::OkStatus();
    if (rs->getBoolean(6)) {
      principal = absl::UnauthenticatedError("the bearer token was revoked");
    } else if (rs->getBoolean(5)) {
      principal = absl::UnauthenticatedError("the bearer token has expired");
    } else if (!rs->getBoolean(4)) {
      principal = absl::UnauthenticatedError("the token's user is deactivated");
    } else {
      principal = Principal{rs->getString(1), rs->getString(2), static_cast<v1::Role>(rs->getInt(3)),
                            SplitScopes(rs->getString(7))};
      if (auto t = TimeColumn(*rs, "expire_time")) expire_time = absl::FromUnixMicros(Micros(*t));
    }
    return absl::OkStatus();
  }));
  if (principal.ok() && auth_cache_ttl_ > absl::ZeroDuration()) {
    absl::MutexLock lock(&cache_mu_);
    if (cache_.size() >= 10'000) cache_.clear();  // bounded: a full cache starts over
    cache_[hash] = CachedPrincipal{*principal, expire_time, now};
  }
  return principal;
}

void PrincipalStore::ForgetAuthentications() {
  absl::MutexLock lock(&cache_mu_);
  cache_.clear();
}

absl::StatusOr<Principal> PrincipalStore::AuthenticatePeer(absl::string_view common_name) const {
  absl::StatusOr<Principal> principal =
      absl::UnauthenticatedError(absl::StrCat("no active department account for certificate ", common_name));
  RETURN_IF_ERROR(RunRead(*pool_, Deadline(), [&](Connection& conn) {
    sql::PreparedStatement& ps =
        conn.Prepare("SELECT id, unit_id, role, scopes FROM principals WHERE id = ? AND role = ? AND active");
    ps.setString(1, std::string(common_name));
    ps.setInt(2, v1::ROLE_DEPARTMENT_SERVICE);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    if (rs->next()) {
      principal = Principal{rs->getString(1), rs->getString(2), static_cast<v1::Role>(rs->getInt(3)),
                            SplitScopes(rs->getString(4))};
    }
    return absl::OkStatus();
  }));
  return principal;
}

absl::StatusOr<bool> PrincipalStore::BootstrapAdmin(absl::string_view token) {
  bool created = false;
  MutationContext ctx{"users/admin", "bootstrap", "", Deadline()};
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    created = false;
    sql::PreparedStatement& admins =
        conn.Prepare("SELECT COUNT(*) FROM principals WHERE role = ? AND active FOR UPDATE");
    admins.setInt(1, v1::ROLE_ADMIN);
    std::unique_ptr<sql::ResultSet> rs(admins.executeQuery());
    rs->next();
    if (rs->getInt(1) > 0) return absl::OkStatus();
    absl::Time now = absl::Now();
    if (!UnitExists(conn, "admin").ok()) InsertUnit(conn, "admin", "系统管理", now);
    v1::User admin;
    admin.set_display_name("系统管理员");
    admin.set_role(v1::ROLE_ADMIN);
    admin.set_active(true);
    InsertUser(conn, "admin", admin, "admin", now);
    v1::Token t = InsertToken(conn, "admin", token, "bootstrap", std::nullopt, now);
    ASSIGN_OR_RETURN(v1::User stored, LoadUser(conn, "admin"));
    AppendAudit(conn, ctx, stored.name(), nullptr, &stored, now);
    AppendAudit(conn, ctx, t.name(), nullptr, &t, now);
    created = true;
    return absl::OkStatus();
  }));
  return created;
}

absl::StatusOr<v1::Unit> PrincipalStore::CreateUnit(const MutationContext& ctx, const std::string& id,
                                                    const v1::Unit& unit) {
  v1::Unit created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    absl::Time now = absl::Now();
    try {
      InsertUnit(conn, id, unit.display_name(), now);
    } catch (const sql::SQLException& e) {
      if (!IsDuplicateKey(e)) throw;
      return absl::AlreadyExistsError(absl::StrCat("units/", id, " already exists"));
    }
    created.set_name(absl::StrCat("units/", id));
    created.set_display_name(unit.display_name());
    *created.mutable_create_time() = TimestampProto(now);
    AppendAudit(conn, ctx, created.name(), nullptr, &created, now);
    return absl::OkStatus();
  }));
  return created;
}

absl::StatusOr<std::vector<v1::Unit>> PrincipalStore::ListUnits(const std::string& after_id, int page_size,
                                                                absl::Time deadline) {
  std::vector<v1::Unit> units;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    units.clear();
    sql::PreparedStatement& ps =
        conn.Prepare("SELECT id, display_name, create_time FROM units WHERE id > ? ORDER BY id LIMIT ?");
    ps.setString(1, after_id);
    ps.setInt(2, page_size + 1);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) {
      v1::Unit& u = units.emplace_back();
      u.set_name(absl::StrCat("units/", std::string(rs->getString(1))));
      u.set_display_name(rs->getString(2));
      *u.mutable_create_time() = TimestampProto(ParseSqlTime(rs->getString(3)));
    }
    return absl::OkStatus();
  }));
  return units;
}

absl::StatusOr<v1::User> PrincipalStore::CreateUser(const MutationContext& ctx, const std::string& id,
                                                    const v1::User& user) {
  v1::User created;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    absl::Time now = absl::Now();
    std::string unit_id = user.unit().substr(user.unit().find('/') + 1);
    RETURN_IF_ERROR(UnitExists(conn, unit_id));
    try {
      InsertUser(conn, id, user, unit_id, now);
    } catch (const sql::SQLException& e) {
      if (!IsDuplicateKey(e)) throw;
      return absl::AlreadyExistsError(absl::StrCat("users/", id, " already exists"));
    }
    ASSIGN_OR_RETURN(created, LoadUser(conn, id));
    AppendAudit(conn, ctx, created.name(), nullptr, &created, now);
    return absl::OkStatus();
  }));
  return created;
}

absl::StatusOr<v1::User> PrincipalStore::GetUser(const std::string& id, absl::Time deadline) {
  absl::StatusOr<v1::User> user;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    user = LoadUser(conn, id);
    return absl::OkStatus();
  }));
  return user;
}

absl::StatusOr<std::vector<v1::User>> PrincipalStore::ListUsers(const std::string& unit_id,
                                                                const std::string& after_id, int page_size,
                                                                absl::Time deadline) {
  std::vector<v1::User> users;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) {
    users.clear();
    sql::PreparedStatement& ps = conn.Prepare(absl::StrCat(
        "SELECT ", kUserColumns, " FROM principals WHERE kind = 1 AND (? = '' OR unit_id = ?) AND id > ?",
        " ORDER BY id LIMIT ?"));
    ps.setString(1, unit_id);
    ps.setString(2, unit_id);
    ps.setString(3, after_id);
    ps.setInt(4, page_size + 1);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) users.push_back(UserFromRow(*rs));
    return absl::OkStatus();
  }));
  return users;
}

absl::StatusOr<v1::User> PrincipalStore::MutateUser(const MutationContext& ctx, const std::string& id,
                                                    const std::string& etag,
                                                    absl::FunctionRef<absl::Status(v1::User&)> change) {
  v1::User after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    absl::Time now = absl::Now();
    ASSIGN_OR_RETURN(v1::User before, LoadUser(conn, id));
    if (!etag.empty() && etag != before.etag()) {
      return absl::AbortedError(absl::StrCat("etag ", etag, " is stale: ", before.name(), " has changed"));
    }
    after = before;
    RETURN_IF_ERROR(change(after));
    bool stops_being_admin = before.active() && before.role() == v1::ROLE_ADMIN &&
                             !(after.active() && after.role() == v1::ROLE_ADMIN);
    if (stops_being_admin) {
      // Locks the other admins' rows, so two such changes cannot both pass.
      sql::PreparedStatement& others = conn.Prepare(
          "SELECT COUNT(*) FROM principals WHERE role = ? AND active AND id <> ? FOR UPDATE");
      others.setInt(1, v1::ROLE_ADMIN);
      others.setString(2, id);
      std::unique_ptr<sql::ResultSet> rs(others.executeQuery());
      rs->next();
      if (rs->getInt(1) == 0) {
        return absl::FailedPreconditionError(absl::StrCat(
            before.name(), " is the last active administrator; make another user ADMIN first"));
      }
    }
    std::string unit_id = after.unit().substr(after.unit().find('/') + 1);
    RETURN_IF_ERROR(UnitExists(conn, unit_id));
    sql::PreparedStatement& ps = conn.Prepare(
        "UPDATE principals SET display_name = ?, unit_id = ?, role = ?, scopes = ?, active = ?, update_time = ?,"
        " version = version + 1 WHERE id = ? AND version = ?");
    ps.setString(1, after.display_name());
    ps.setString(2, unit_id);
    ps.setInt(3, after.role());
    ps.setString(4, absl::StrJoin(after.scopes(), " "));
    ps.setBoolean(5, after.active());
    ps.setString(6, SqlTime(now));
    ps.setString(7, id);
    ps.setString(8, before.etag());
    if (ps.executeUpdate() != 1) return absl::AbortedError(absl::StrCat(before.name(), " was changed by another call"));
    ASSIGN_OR_RETURN(after, LoadUser(conn, id));
    AppendAudit(conn, ctx, after.name(), &before, &after, now);
    return absl::OkStatus();
  }));
  ForgetAuthentications();  // a role, unit, scope or deactivation applies from the next call
  return after;
}

absl::StatusOr<std::pair<v1::Token, std::string>> PrincipalStore::IssueToken(
    const MutationContext& ctx, const std::string& principal_id, const std::string& description,
    std::optional<absl::Time> expire_time) {
  std::pair<v1::Token, std::string> issued;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    absl::Time now = absl::Now();
    RETURN_IF_ERROR(LoadUser(conn, principal_id).status());
    issued.second = NewTokenSecret();
    issued.first = InsertToken(conn, principal_id, issued.second, description, expire_time, now);
    AppendAudit(conn, ctx, issued.first.name(), nullptr, &issued.first, now);  // no secret in it
    return absl::OkStatus();
  }));
  return issued;
}

absl::StatusOr<std::vector<v1::Token>> PrincipalStore::ListTokens(const std::string& principal_id,
                                                                  absl::Time deadline) {
  std::vector<v1::Token> tokens;
  RETURN_IF_ERROR(RunRead(*pool_, deadline, [&](Connection& conn) -> absl::Status {
    tokens.clear();
    RETURN_IF_ERROR(LoadUser(conn, principal_id).status());
    sql::PreparedStatement& ps = conn.Prepare(
        absl::StrCat("SELECT ", kTokenColumns, " FROM api_tokens WHERE principal_id = ? ORDER BY id"));
    ps.setString(1, principal_id);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    while (rs->next()) tokens.push_back(TokenFromRow(*rs));
    return absl::OkStatus();
  }));
  return tokens;
}

absl::StatusOr<v1::Token> PrincipalStore::RevokeToken(const MutationContext& ctx, int64_t token_id) {
  v1::Token after;
  RETURN_IF_ERROR(RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) -> absl::Status {
    absl::Time now = absl::Now();
    sql::PreparedStatement& read =
        conn.Prepare(absl::StrCat("SELECT ", kTokenColumns, " FROM api_tokens WHERE id = ? FOR UPDATE"));
    read.setInt64(1, token_id);
    std::unique_ptr<sql::ResultSet> rs(read.executeQuery());
    if (!rs->next()) return absl::NotFoundError(absl::StrCat("tokens/", token_id, " does not exist"));
    v1::Token before = TokenFromRow(*rs);
    if (before.has_revoke_time()) return absl::FailedPreconditionError(absl::StrCat(before.name(), " is already revoked"));
    sql::PreparedStatement& ps = conn.Prepare("UPDATE api_tokens SET revoke_time = ? WHERE id = ?");
    ps.setString(1, SqlTime(now));
    ps.setInt64(2, token_id);
    ps.executeUpdate();
    after = before;
    *after.mutable_revoke_time() = TimestampProto(now);
    AppendAudit(conn, ctx, after.name(), &before, &after, now);
    return absl::OkStatus();
  }));
  ForgetAuthentications();  // the revoked token fails from the next call
  return after;
}

void PrincipalStore::RecordDenied(const MutationContext& ctx, absl::string_view outcome) {
  // Best effort: a refused call is refused whether or not its audit row could be written.
  (void)RunInTransaction(*pool_, ctx.deadline, [&](Connection& conn) {
    AppendAudit(conn, ctx, "", nullptr, nullptr, absl::Now(), outcome);
    return absl::OkStatus();
  });
}

}  // namespace crm
