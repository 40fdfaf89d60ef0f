#ifndef CRM_CLIENTS_CLI_TARGET_COMMANDS_H_
#define CRM_CLIENTS_CLI_TARGET_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// `crm targets set|get|list`: each unit's yearly targets (责任状).
void AddTargetCommands(CLI::App& app, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_TARGET_COMMANDS_H_
