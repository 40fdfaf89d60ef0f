#ifndef CRM_CLIENTS_CLI_DASHBOARD_COMMANDS_H_
#define CRM_CLIENTS_CLI_DASHBOARD_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// `crm dashboard summary|scoreboard|alerts|pool|trend`: the leadership
// dashboard (crm.v1.DashboardService) read from the command line.
void AddDashboardCommands(CLI::App& app, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_DASHBOARD_COMMANDS_H_
