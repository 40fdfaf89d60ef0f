#ifndef CRM_CLIENTS_CLI_PROJECT_PLAN_COMMANDS_H_
#define CRM_CLIENTS_CLI_PROJECT_PLAN_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// Under `crm projects`: `capital add|list` (到资), `milestones
// list|add|update|done|remove` (挂图作战) and `problems list|add|update|resolve`.
void AddProjectPlanCommands(CLI::App* projects, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_PROJECT_PLAN_COMMANDS_H_
