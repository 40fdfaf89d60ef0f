#ifndef CRM_CLIENTS_WEB_LISTEN_ADDRESS_H_
#define CRM_CLIENTS_WEB_LISTEN_ADDRESS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crm::web {

struct ListenAddress {
  std::string host;  // an IPv6 address without its brackets
  int port = 0;      // 0: any free port
};

// `HOST:PORT` (`127.0.0.1:8080`, `0.0.0.0:0`, `[::1]:8080`, `localhost:80`);
// INVALID_ARGUMENT naming the flag's value otherwise.
absl::StatusOr<ListenAddress> ParseListenAddress(absl::string_view text);

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_LISTEN_ADDRESS_H_
