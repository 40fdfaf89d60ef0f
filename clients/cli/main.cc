// crm: the staff command-line client of the investment-promotion CRM.

#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "absl/strings/strip.h"
#include "clients/cli/admin_commands.h"
#include "clients/cli/cli_config.h"
#include "clients/cli/command_env.h"
#include "clients/cli/completion.h"
#include "clients/cli/dashboard_commands.h"
#include "clients/cli/enterprise_commands.h"
#include "clients/cli/leads_commands.h"
#include "clients/cli/project_commands.h"
#include "clients/cli/service_request_commands.h"
#include "clients/cli/target_commands.h"

namespace crm::cli {
namespace {

// Reads a token from the terminal without echo (or from piped standard input).
std::string PromptToken() {
  bool tty = isatty(STDIN_FILENO);
  termios old_mode{};
  if (tty) {
    std::cerr << "token: " << std::flush;
    tcgetattr(STDIN_FILENO, &old_mode);
    termios no_echo = old_mode;
    no_echo.c_lflag &= ~ECHO;
    tcsetattr(STDIN_FILENO, TCSANOW, &no_echo);
  }
  std::string token;
  std::getline(std::cin, token);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old_mode);
    std::cerr << "\n";
  }
  return std::string(absl::StripAsciiWhitespace(token));
}

void AddLoginCommand(CLI::App& app, CommandEnv& env) {
  auto* cmd = app.add_subcommand("login", "check a server address and token, and save them for later commands");
  auto* token_file = env.Make<std::string>();
  cmd->add_option("--token-file", *token_file, "read the token from this file (default: $CRM_TOKEN, else prompt)");
  cmd->callback([&env, token_file] {
    env.action = [&env, token_file] {
      if (!token_file->empty()) {
        std::ifstream in(*token_file);
        std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        env.options.token = std::string(absl::StripAsciiWhitespace(token));
      } else if (env.options.token.empty()) {
        env.options.token = PromptToken();
      }
      v1::ListLeadsRequest probe;
      probe.set_page_size(1);
      auto answer = env.Leads().ListLeads(probe);
      if (!answer.ok()) return env.Fail(answer.status());
      if (absl::Status saved = SaveClientOptions(env.options); !saved.ok()) return env.Fail(saved);
      std::cerr << "logged in to " << env.options.address << "; saved in " << ConfigPath() << " (mode 0600)\n";
    };
  });
}

int Main(int argc, char** argv) {
  CommandEnv env;
  auto loaded = LoadClientOptions();
  if (!loaded.ok()) {
    PrintError(std::cerr, loaded.status(), false);
    return kExitUsage;
  }
  env.options = *loaded;

  CLI::App app{"crm: the investment-promotion CRM from the command line (leads, enterprises, service requests, "
               "projects, targets, dashboard, import/export)",
               "crm"};
  app.require_subcommand(1);
  app.fallthrough();  // global flags may also follow the command, e.g. `crm login --addr …`
  app.set_version_flag("--version", "crm 0.1");
  std::string color = "auto";
  bool json = false, csv = false;
  double timeout_s = absl::ToDoubleSeconds(env.options.deadline);
  app.add_option("--addr", env.options.address, "server address (also $CRM_ADDR, or saved by `crm login`)");
  app.add_option("--ca-file", env.options.ca_file, "PEM CA file: use TLS and trust this CA");
  app.add_option("--cert-file", env.options.cert_file, "PEM client certificate, for mTLS");
  app.add_option("--key-file", env.options.key_file, "PEM client key, for mTLS");
  app.add_flag("--tls", env.options.tls, "use TLS with the system's CAs");
  app.add_option("--timeout", timeout_s, "seconds each call may take")->capture_default_str()->check(CLI::PositiveNumber);
  auto* json_flag = app.add_flag("--json", json, "print JSON (the protobuf JSON mapping)");
  app.add_flag("--csv", csv, "print CSV")->excludes(json_flag);
  app.add_option("--color", color, "auto (on a terminal, unless $NO_COLOR), always, never")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "always", "never"}));

  AddLoginCommand(app, env);
  AddLeadsCommands(app, env);
  AddEnterpriseCommands(app, env);  // after leads: adds to their `import` and `export`
  AddServiceRequestCommands(app, env);
  AddProjectCommands(app, env);
  AddTargetCommands(app, env);
  AddDashboardCommands(app, env);
  AddAdminCommands(app, env);
  AddCompletionCommand(app, env);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  env.format = json ? Format::kJson : csv ? Format::kCsv : Format::kTable;
  env.color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
  env.options.deadline = absl::Seconds(timeout_s);
  if (env.action) env.action();
  return env.exit_code;
}

}  // namespace
}  // namespace crm::cli

int main(int argc, char** argv) { return crm::cli::Main(argc, argv); }
