#include "base/principal.h"

#include <openssl/sha.h>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace crm {

std::string Sha256(absl::string_view data) {
  std::string digest(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(),
         reinterpret_cast<unsigned char*>(digest.data()));
  return digest;
}

absl::StatusOr<std::string> BearerToken(absl::string_view header) {
  if (header.empty()) {
    return absl::UnauthenticatedError("missing `authorization: Bearer <token>` metadata");
  }
  absl::string_view token = header;
  if (!absl::ConsumePrefix(&token, "Bearer ") && !absl::ConsumePrefix(&token, "bearer ")) {
    return absl::UnauthenticatedError("authorization metadata must be `Bearer <token>`");
  }
  token = absl::StripAsciiWhitespace(token);
  if (token.empty()) return absl::UnauthenticatedError("empty bearer token");
  return std::string(token);
}

}  // namespace crm
