#ifndef CRM_CLIENTS_CLI_PROJECT_COMMANDS_H_
#define CRM_CLIENTS_CLI_PROJECT_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// `crm projects list|get|create|update|advance|lose|reopen|history|stalled`
// and, under it, the battle map, capital arrival and problems
// (project_plan_commands.h).
void AddProjectCommands(CLI::App& app, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_PROJECT_COMMANDS_H_
