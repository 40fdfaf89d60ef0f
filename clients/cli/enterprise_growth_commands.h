#ifndef CRM_CLIENTS_CLI_ENTERPRISE_GROWTH_COMMANDS_H_
#define CRM_CLIENTS_CLI_ENTERPRISE_GROWTH_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// Under `crm enterprises`: what the growth titles are judged by and granted:
// `metrics list|set`, `titles list|add|remove`, `evaluate` and `screen`.
void AddEnterpriseGrowthCommands(CLI::App* enterprises_cmd, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_ENTERPRISE_GROWTH_COMMANDS_H_
