#ifndef CRM_CLIENTS_CLI_ADMIN_COMMANDS_H_
#define CRM_CLIENTS_CLI_ADMIN_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// `crm admin unit create|list`, `crm admin user create|list|update`,
// `crm admin token issue|list|revoke` (ADMIN only), `crm admin audit` (also LEADERSHIP).
void AddAdminCommands(CLI::App& app, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_ADMIN_COMMANDS_H_
