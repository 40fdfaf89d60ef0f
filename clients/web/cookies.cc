#include "clients/web/cookies.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace crm::web {
namespace {

constexpr size_t kSessionIdLength = 64;

bool IsSessionId(absl::string_view value) {
  if (value.size() != kSessionIdLength) return false;
  for (char c : value) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) && !(c >= 'a' && c <= 'f')) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> SessionIdFromCookieHeader(absl::string_view header) {
  for (absl::string_view pair : absl::StrSplit(header, ';')) {
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(pair, absl::MaxSplits('=', 1));
    if (absl::StripAsciiWhitespace(kv.first) != kSessionCookieName) continue;
    absl::string_view value = absl::StripAsciiWhitespace(kv.second);
    if (IsSessionId(value)) return std::string(value);
  }
  return std::nullopt;
}

std::string SessionCookie(absl::string_view session_id) {
  return absl::StrCat(kSessionCookieName, "=", session_id, "; HttpOnly; SameSite=Strict; Path=/");
}

std::string ClearedSessionCookie() {
  return absl::StrCat(kSessionCookieName, "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
}

}  // namespace crm::web
