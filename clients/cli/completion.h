#ifndef CRM_CLIENTS_CLI_COMPLETION_H_
#define CRM_CLIENTS_CLI_COMPLETION_H_

#include <CLI/CLI.hpp>
#include <string>

#include "clients/cli/command_env.h"

namespace crm::cli {

// A bash completion script for `app`, made from its commands and flags, so it
// never falls behind them. zsh uses the same through bashcompinit.
std::string CompletionScript(const CLI::App& app, bool zsh);

// `crm completion bash|zsh`.
void AddCompletionCommand(CLI::App& app, CommandEnv& env);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_COMPLETION_H_
