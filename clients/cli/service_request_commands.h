#ifndef CRM_CLIENTS_CLI_SERVICE_REQUEST_COMMANDS_H_
#define CRM_CLIENTS_CLI_SERVICE_REQUEST_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// `crm requests list|get|create|update|accept|start|resolve|close|reopen`: the
// enterprises' service checklists (服务清单), with the 三色督办 colour.
void AddServiceRequestCommands(CLI::App& app, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_SERVICE_REQUEST_COMMANDS_H_
