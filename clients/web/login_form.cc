#include "clients/web/login_form.h"

#include "absl/strings/ascii.h"

namespace crm::web {
namespace {

constexpr size_t kMaxTokenLength = 512;

}  // namespace

absl::StatusOr<std::string> TokenFromForm(const QueryParams& form) {
  auto it = form.find("token");
  std::string token = it == form.end() ? "" : std::string(absl::StripAsciiWhitespace(it->second));
  if (token.empty()) return absl::InvalidArgumentError("token: required");
  if (token.size() > kMaxTokenLength) return absl::InvalidArgumentError("token: too long");
  for (char c : token) {
    if (c < '!' || c > '~') return absl::InvalidArgumentError("token: only printable ASCII without spaces");
  }
  return token;
}

}  // namespace crm::web
