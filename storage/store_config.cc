#include "storage/store_config.h"

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace crm {
namespace {

absl::StatusOr<std::string> PercentDecode(absl::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') { out += s[i]; continue; }
    int value = 0;
    if (i + 2 >= s.size() || !absl::SimpleHexAtoi(s.substr(i + 1, 2), &value)) {
      return absl::InvalidArgumentError("DSN: bad percent escape");
    }
    out += static_cast<char>(value);
    i += 2;
  }
  return out;
}

}  // namespace

absl::StatusOr<StoreConfig> ParseDsn(absl::string_view dsn) {
  StoreConfig config;
  absl::string_view rest = dsn;
  if (!absl::ConsumePrefix(&rest, "mysql://")) {
    return absl::InvalidArgumentError("DSN must start with mysql://");
  }
  size_t at = rest.rfind('@');
  if (at == absl::string_view::npos) return absl::InvalidArgumentError("DSN has no USER@HOST");
  absl::string_view userinfo = rest.substr(0, at);
  rest.remove_prefix(at + 1);
  size_t colon = userinfo.find(':');
  config.user = std::string(userinfo.substr(0, colon));
  if (colon != absl::string_view::npos) {
    absl::StatusOr<std::string> password = PercentDecode(userinfo.substr(colon + 1));
    if (!password.ok()) return password.status();
    config.password = *password;
  }
  size_t slash = rest.find('/');
  absl::string_view hostport = rest.substr(0, slash);
  config.database = slash == absl::string_view::npos ? "" : std::string(rest.substr(slash + 1));
  size_t port_colon = hostport.rfind(':');
  config.host = std::string(hostport.substr(0, port_colon));
  if (port_colon != absl::string_view::npos &&
      !absl::SimpleAtoi(hostport.substr(port_colon + 1), &config.port)) {
    return absl::InvalidArgumentError(absl::StrCat("DSN: bad port in ", hostport));
  }
  if (config.user.empty() || config.host.empty()) {
    return absl::InvalidArgumentError("DSN needs a user and a host");
  }
  return config;
}

}  // namespace crm
