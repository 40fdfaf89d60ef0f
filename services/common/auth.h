#ifndef CRM_SERVICES_COMMON_AUTH_H_
#define CRM_SERVICES_COMMON_AUTH_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crm {

enum class Role { kStaff, kUnitLead, kLeadership, kAdmin, kDepartmentService };

// Who is calling: resolved from the bearer token before any handler runs.
struct Principal {
  std::string user_id;  // the `{id}` of `users/{id}`
  std::string unit_id;  // the `{id}` of `units/{id}`
  Role role = Role::kStaff;

  std::string user_name() const { return "users/" + user_id; }
  std::string unit_name() const { return "units/" + unit_id; }
};

// Resolves a bearer token to a principal. Implementations must be cheap and
// non-blocking (they run on gRPC threads) and thread-safe.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // UNAUTHENTICATED for an unknown token. `token` is the raw secret.
  virtual absl::StatusOr<Principal> Authenticate(absl::string_view token) const = 0;
};

// Until the security issue brings users and token tables: one administrator
// token, configured at start-up, compared by its SHA-256 in constant time. The
// raw token is not kept in memory after construction.
class BootstrapAuthenticator : public Authenticator {
 public:
  BootstrapAuthenticator(absl::string_view token, Principal admin);
  absl::StatusOr<Principal> Authenticate(absl::string_view token) const override;

 private:
  std::string token_sha256_;
  Principal admin_;
};

// The raw token from an `authorization: Bearer <token>` header value;
// UNAUTHENTICATED when missing or malformed.
absl::StatusOr<std::string> BearerToken(absl::string_view authorization_header);

// SHA-256 of `data`, as 32 raw bytes.
std::string Sha256(absl::string_view data);

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_AUTH_H_
