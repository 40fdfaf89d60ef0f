#include "services/common/auth.h"

#include <openssl/crypto.h>
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

StaticTokenAuthenticator::StaticTokenAuthenticator(absl::string_view token, Principal principal)
    : token_sha256_(Sha256(token)), principal_(std::move(principal)) {}

absl::StatusOr<Principal> StaticTokenAuthenticator::Authenticate(absl::string_view token) const {
  std::string digest = Sha256(token);
  if (CRYPTO_memcmp(digest.data(), token_sha256_.data(), digest.size()) != 0) {
    return absl::UnauthenticatedError("unknown bearer token");
  }
  return principal_;
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
