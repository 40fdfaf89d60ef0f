#ifndef CRM_CLIENTS_WEB_COOKIES_H_
#define CRM_CLIENTS_WEB_COOKIES_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace crm::web {

inline constexpr absl::string_view kSessionCookieName = "crm_session";

// The session id in a `Cookie` request header (`a=1; crm_session=…`); nullopt
// when there is none or it is not 64 lowercase hex digits (what SessionStore
// makes), so junk never reaches the store.
std::optional<std::string> SessionIdFromCookieHeader(absl::string_view header);

// The `Set-Cookie` value that gives the browser a session: script cannot read
// it (HttpOnly) and other sites cannot send it (SameSite=Strict). No Max-Age:
// it ends with the browser, and the server ends it after 12 hours anyway.
std::string SessionCookie(absl::string_view session_id);

// The `Set-Cookie` value that makes the browser forget its session.
std::string ClearedSessionCookie();

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_COOKIES_H_
