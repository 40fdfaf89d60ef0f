#include "tests/integration/cli_harness.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace crm::testing {
namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

CliResult RunCli(const std::string& binary, const std::filesystem::path& dir, const std::vector<std::string>& args,
                 const std::map<std::string, std::string>& env, const std::string& input) {
  std::ofstream(dir / "stdin") << input;
  std::string command = "env -i PATH=/usr/bin:/bin";
  for (const auto& [k, v] : env) absl::StrAppend(&command, " ", k, "=", ShellQuote(v));
  absl::StrAppend(&command, " ", ShellQuote(binary));
  for (const std::string& a : args) absl::StrAppend(&command, " ", ShellQuote(a));
  absl::StrAppend(&command, " <", ShellQuote((dir / "stdin").string()), " >", ShellQuote((dir / "stdout").string()),
                  " 2>", ShellQuote((dir / "stderr").string()));
  int raw = std::system(command.c_str());
  CliResult r;
  r.code = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ReadAll(dir / "stdout");
  r.err = ReadAll(dir / "stderr");
  return r;
}

CliResult RunCrm(const std::string& binary, const std::filesystem::path& dir, const std::string& address,
                 const std::string& token, const std::vector<std::string>& args) {
  return RunCli(binary, dir, args,
                {{"CRM_ADDR", address},
                 {"CRM_TOKEN", token},
                 {"XDG_CONFIG_HOME", (dir / "config").string()},
                 {"NO_COLOR", "1"}});
}

}  // namespace crm::testing
