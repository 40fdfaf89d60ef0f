#ifndef CRM_TESTS_INTEGRATION_CLI_HARNESS_H_
#define CRM_TESTS_INTEGRATION_CLI_HARNESS_H_

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace crm::testing {

// What a run of the `crm` binary gave.
struct CliResult {
  int code = -1;  // the exit code; -1 when it did not exit normally
  std::string out;
  std::string err;
};

// Runs `binary args…` as a user would, through the shell, with only PATH and
// `env` in its environment (so no $HOME config or $CRM_* of the machine leaks
// in), `input` on standard input, and standard output and error captured
// through files in `dir` (which must exist).
CliResult RunCli(const std::string& binary, const std::filesystem::path& dir, const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env, const std::string& input = "");

// Runs `crm args…` (RunCli) as a logged-in user of the server at `address`:
// CRM_ADDR and CRM_TOKEN set, a config directory of its own under `dir`, no colour.
CliResult RunCrm(const std::string& binary, const std::filesystem::path& dir, const std::string& address,
                 const std::string& token, const std::vector<std::string>& args);

// The bytes of a file ("" when it cannot be read).
std::string ReadAll(const std::filesystem::path& path);

}  // namespace crm::testing

#endif  // CRM_TESTS_INTEGRATION_CLI_HARNESS_H_
