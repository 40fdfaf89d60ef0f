#ifndef CRM_CLIENTS_CLI_CLI_CONFIG_H_
#define CRM_CLIENTS_CLI_CLI_CONFIG_H_

#include <string>

#include "absl/status/statusor.h"
#include "clients/cpp/crm_client.h"

namespace crm::cli {

// Where `crm login` keeps the server address and token:
// $XDG_CONFIG_HOME/crm/config, else ~/.config/crm/config.
std::string ConfigPath();

// The saved settings (address, token, TLS files), then CRM_ADDR / CRM_TOKEN
// from the environment over them. A missing file is not an error.
absl::StatusOr<client::ClientOptions> LoadClientOptions();

// Writes `options`' address, token and TLS files to ConfigPath(), creating the
// directory (0700) and the file with mode 0600 before any secret is written.
absl::Status SaveClientOptions(const client::ClientOptions& options);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_CLI_CONFIG_H_
