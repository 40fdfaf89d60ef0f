#ifndef CRM_BASE_PRINCIPAL_H_
#define CRM_BASE_PRINCIPAL_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crm/v1/admin_service.pb.h"

namespace crm {

// Who is calling: resolved from the bearer token before any handler runs.
struct Principal {
  std::string user_id;  // the `{id}` of `users/{id}`
  std::string unit_id;  // the `{id}` of `units/{id}`
  v1::Role role = v1::ROLE_UNSPECIFIED;
  std::vector<std::string> scopes;  // DEPARTMENT_SERVICE accounts: the calls granted (see permissions.h)

  std::string user_name() const { return "users/" + user_id; }
  std::string unit_name() const { return "units/" + unit_id; }
};

// Resolves a bearer token to a principal. Thread-safe; may block (it runs on
// the executor, e.g. to look the token up in the store).
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // UNAUTHENTICATED for an unknown token. `token` is the raw secret.
  virtual absl::StatusOr<Principal> Authenticate(absl::string_view token) const = 0;

  // The principal of a client certificate that TLS has verified against the
  // client CA (mTLS), by its common name. UNAUTHENTICATED by default.
  virtual absl::StatusOr<Principal> AuthenticatePeer(absl::string_view common_name) const {
    return absl::UnauthenticatedError("client certificates are not accepted here");
  }
};

// The raw token from an `authorization: Bearer <token>` header value;
// UNAUTHENTICATED when missing or malformed.
absl::StatusOr<std::string> BearerToken(absl::string_view authorization_header);

// SHA-256 of `data`, as 32 raw bytes.
std::string Sha256(absl::string_view data);

}  // namespace crm

#endif  // CRM_BASE_PRINCIPAL_H_
