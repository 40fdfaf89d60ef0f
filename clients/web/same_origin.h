#ifndef CRM_CLIENTS_WEB_SAME_ORIGIN_H_
#define CRM_CLIENTS_WEB_SAME_ORIGIN_H_

#include <optional>

#include "absl/strings/string_view.h"

namespace crm::web {

// Whether a POST may go on, judged by its `Origin` header against its `Host`
// header (the page's own origin is http(s)://Host). Without an Origin header it
// may (older clients, curl); with one it must name this host and port exactly
// (`null`, another host, or no Host to compare with: refused). Together with
// the SameSite=Strict cookie this stops cross-site form posts (login CSRF,
// forced logout).
bool OriginAllowed(std::optional<absl::string_view> origin, std::optional<absl::string_view> host);

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_SAME_ORIGIN_H_
