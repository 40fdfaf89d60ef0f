#ifndef CRM_CLIENTS_CLI_LEAD_CONVERT_COMMAND_H_
#define CRM_CLIENTS_CLI_LEAD_CONVERT_COMMAND_H_

#include <CLI/CLI.hpp>

#include "clients/cli/command_env.h"

namespace crm::cli {

// `crm leads convert LEAD`: a qualified lead becomes an enterprise of the
// pool and a NEGOTIATING project; prints the lead, the enterprise and the
// project.
void AddLeadConvertCommand(CLI::App* leads, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_LEAD_CONVERT_COMMAND_H_
