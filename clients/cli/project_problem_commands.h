#ifndef CRM_CLIENTS_CLI_PROJECT_PROBLEM_COMMANDS_H_
#define CRM_CLIENTS_CLI_PROJECT_PROBLEM_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// Under `crm projects`: `problems list|add|update|resolve`, what blocks a
// project (问题), for leadership to act on.
void AddProjectProblemCommands(CLI::App* projects, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_PROJECT_PROBLEM_COMMANDS_H_
