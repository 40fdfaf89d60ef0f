#ifndef CRM_CLIENTS_CLI_ENTERPRISES_CONNECTION_H_
#define CRM_CLIENTS_CLI_ENTERPRISES_CONNECTION_H_

#include <memory>

#include "clients/cli/command_env.h"
#include "clients/cpp/crm_client.h"

namespace crm::cli {

// The EnterpriseService client of a command, connected on first use (after
// the flags are known) with `env`'s options, the way CommandEnv::Leads() is:
// not logged in or a bad TLS file ends the program with its error.
class EnterprisesConnection {
 public:
  explicit EnterprisesConnection(CommandEnv& env) : env_(env) {}

  client::EnterprisesClient& operator()();

 private:
  CommandEnv& env_;
  std::unique_ptr<client::EnterprisesClient> client_;
};

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_ENTERPRISES_CONNECTION_H_
