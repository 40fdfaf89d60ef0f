#include "clients/web/same_origin.h"

#include "absl/strings/match.h"
#include "absl/strings/strip.h"

namespace crm::web {

bool OriginAllowed(std::optional<absl::string_view> origin, std::optional<absl::string_view> host) {
  if (!origin) return true;
  if (!host || host->empty()) return false;
  absl::string_view rest = *origin;
  if (!absl::ConsumePrefix(&rest, "http://") && !absl::ConsumePrefix(&rest, "https://")) return false;
  // Host names compare without case; an origin never has a path.
  return absl::EqualsIgnoreCase(rest, *host);
}

}  // namespace crm::web
