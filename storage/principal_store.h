#ifndef CRM_STORAGE_PRINCIPAL_STORE_H_
#define CRM_STORAGE_PRINCIPAL_STORE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "base/principal.h"
#include "crm/v1/admin_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// Units, users and bearer tokens. Only a token's SHA-256 is stored; the secret
// leaves the server once, in IssueToken's answer. Also the server's
// Authenticator: every call's token is looked up here. A successful lookup is
// kept for `auth_cache_ttl` (2 s by default) so that a busy caller costs no
// extra query per call; revoking a token or changing a user through this store
// forgets every kept lookup at once, so in this process a revoked token or a
// deactivated user fails on the very next call (another replica's copy lives
// at most the TTL). An expiry is checked on every call, cached or not.
class PrincipalStore : public Authenticator {
 public:
  explicit PrincipalStore(ConnectionPool* pool, absl::Duration auth_cache_ttl = absl::Seconds(2))
      : pool_(pool), auth_cache_ttl_(auth_cache_ttl) {}

  // UNAUTHENTICATED for an unknown, expired or revoked token, or an inactive user.
  absl::StatusOr<Principal> Authenticate(absl::string_view token) const override;
  // mTLS: the active DEPARTMENT_SERVICE principal whose id is the certificate's common name.
  absl::StatusOr<Principal> AuthenticatePeer(absl::string_view common_name) const override;

  // First start: when no active ADMIN exists, creates unit `admin`, user
  // `admin` (ADMIN) and registers `token` for it, in one transaction. Returns
  // whether it did. Later starts change nothing (a revoked bootstrap token
  // stays revoked).
  absl::StatusOr<bool> BootstrapAdmin(absl::string_view token);

  absl::StatusOr<v1::Unit> CreateUnit(const MutationContext& ctx, const std::string& id, const v1::Unit& unit);
  // Ordered by id, after `after_id`; at most `page_size` + 1 (the extra one tells there are more).
  absl::StatusOr<std::vector<v1::Unit>> ListUnits(const std::string& after_id, int page_size, absl::Time deadline);

  // NOT_FOUND when the unit does not exist; ALREADY_EXISTS for a taken id.
  absl::StatusOr<v1::User> CreateUser(const MutationContext& ctx, const std::string& id, const v1::User& user);
  absl::StatusOr<v1::User> GetUser(const std::string& id, absl::Time deadline);
  absl::StatusOr<std::vector<v1::User>> ListUsers(const std::string& unit_id, const std::string& after_id,
                                                  int page_size, absl::Time deadline);
  // Loads, checks `etag`, lets `change` edit, writes back conditionally on the
  // version. FAILED_PRECONDITION when the change would leave no active ADMIN.
  absl::StatusOr<v1::User> MutateUser(const MutationContext& ctx, const std::string& id, const std::string& etag,
                                      absl::FunctionRef<absl::Status(v1::User&)> change);

  // A new token for an existing user: the stored record and the secret.
  absl::StatusOr<std::pair<v1::Token, std::string>> IssueToken(const MutationContext& ctx,
                                                               const std::string& principal_id,
                                                               const std::string& description,
                                                               std::optional<absl::Time> expire_time);
  absl::StatusOr<std::vector<v1::Token>> ListTokens(const std::string& principal_id, absl::Time deadline);
  // FAILED_PRECONDITION when already revoked.
  absl::StatusOr<v1::Token> RevokeToken(const MutationContext& ctx, int64_t token_id);

  // Appends the audit row of a call the permission table refused, in a transaction of its own.
  void RecordDenied(const MutationContext& ctx, absl::string_view outcome);

 private:
  struct CachedPrincipal {
    Principal principal;
    std::optional<absl::Time> expire_time;
    absl::Time fetched;
  };
  // Drops every kept lookup (after a change to users or tokens).
  void ForgetAuthentications();

  ConnectionPool* pool_;
  const absl::Duration auth_cache_ttl_;
  mutable absl::Mutex cache_mu_;
  // By the token's SHA-256.
  mutable absl::flat_hash_map<std::string, CachedPrincipal> cache_ ABSL_GUARDED_BY(cache_mu_);
};

// A fresh bearer token: "crm_" and 256 random bits, base64url.
std::string NewTokenSecret();

}  // namespace crm

#endif  // CRM_STORAGE_PRINCIPAL_STORE_H_
