#ifndef CRM_CLIENTS_CLI_LEADS_COMMANDS_H_
#define CRM_CLIENTS_CLI_LEADS_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// `crm leads list|get|create|update|qualify|disqualify|reopen|dups|activity|delete|undelete`,
// `crm import leads FILE` and `crm export leads [FILE]`.
void AddLeadsCommands(CLI::App& app, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_LEADS_COMMANDS_H_
