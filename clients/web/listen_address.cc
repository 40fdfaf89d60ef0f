#include "clients/web/listen_address.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace crm::web {

absl::StatusOr<ListenAddress> ParseListenAddress(absl::string_view text) {
  auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("listen address \"", text, "\": ", why));
  };
  size_t colon = text.rfind(':');
  if (colon == absl::string_view::npos) return bad("expected HOST:PORT");
  absl::string_view host = text.substr(0, colon);
  absl::string_view port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != absl::string_view::npos) {
    return bad("an IPv6 address goes in brackets, [::1]:8080");
  }
  if (host.empty()) return bad("no host");
  int port = -1;
  if (port_text.empty() || !absl::ascii_isdigit(static_cast<unsigned char>(port_text.front())) ||
      !absl::SimpleAtoi(port_text, &port) || port < 0 || port > 65535) {
    return bad("the port must be a number from 0 to 65535");
  }
  return ListenAddress{std::string(host), port};
}

}  // namespace crm::web
