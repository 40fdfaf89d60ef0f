#ifndef CRM_CLIENTS_CLI_ENTERPRISE_COMMANDS_H_
#define CRM_CLIENTS_CLI_ENTERPRISE_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// `crm enterprises list|get|create|update|delete|undelete|assign-secretary|secretaries`,
// their `metrics`, `titles`, `evaluate` and `screen` (enterprise_growth_commands.h),
// `crm import enterprises FILE` and `crm export enterprises [FILE]` (under the
// `import`/`export` commands: AddLeadsCommands makes them, so it must come
// first; they are made here when absent).
void AddEnterpriseCommands(CLI::App& app, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_ENTERPRISE_COMMANDS_H_
