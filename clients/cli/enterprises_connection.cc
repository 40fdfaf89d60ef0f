#include "clients/cli/enterprises_connection.h"

#include <cstdlib>

namespace crm::cli {

client::EnterprisesClient& EnterprisesConnection::operator()() {
  if (!client_) {
    // The same refusal as CommandEnv's, before any connection is tried.
    if (env_.options.token.empty() && env_.options.cert_file.empty()) {
      env_.Fail(absl::UnauthenticatedError("not logged in: run `crm login --addr HOST:PORT`, or set CRM_TOKEN"));
      std::exit(env_.exit_code);
    }
    auto connected = client::EnterprisesClient::Connect(env_.options);
    if (!connected.ok()) {
      env_.Fail(connected.status());
      std::exit(env_.exit_code);
    }
    client_ = *std::move(connected);
  }
  return *client_;
}

}  // namespace crm::cli
