#include "clients/cli/completion.h"

#include <iostream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace crm::cli {
namespace {

// Each command path ("", "leads", "leads list", …) with the words that may follow it.
void Collect(const CLI::App& app, const std::string& path, std::vector<std::pair<std::string, std::string>>& out) {
  std::vector<std::string> words;
  std::vector<std::pair<const CLI::App*, std::string>> children;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    words.push_back(sub->get_name());
    children.push_back({sub, path.empty() ? sub->get_name() : absl::StrCat(path, " ", sub->get_name())});
  }
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& name : opt->get_lnames()) words.push_back("--" + name);
  }
  out.push_back({path, absl::StrJoin(words, " ")});
  for (const auto& [sub, sub_path] : children) Collect(*sub, sub_path, out);
}

}  // namespace

std::string CompletionScript(const CLI::App& app, bool zsh) {
  std::vector<std::pair<std::string, std::string>> paths;
  Collect(app, "", paths);
  std::string table;
  for (const auto& [path, words] : paths) absl::StrAppend(&table, "    [\"", path, "\"]=\"", words, "\"\n");
  std::string script = absl::StrCat(
      "# crm completion: source this file, e.g. from ~/.bashrc: source <(crm completion bash)\n",
      zsh ? "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" : "",
      "_crm() {\n"
      "  local -A next=(\n", table,
      "  )\n"
      "  local path=\"\" i w\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    w=\"${COMP_WORDS[i]}\"\n"
      "    if [[ -n \"${next[\"${path:+$path }$w\"]+x}\" ]]; then path=\"${path:+$path }$w\"; fi\n"
      "  done\n"
      "  COMPREPLY=($(compgen -W \"${next[\"$path\"]}\" -- \"${COMP_WORDS[COMP_CWORD]}\"))\n"
      "}\n"
      "complete -o default -F _crm crm\n");
  return script;
}

void AddCompletionCommand(CLI::App& app, CommandEnv& env) {
  auto* cmd = app.add_subcommand("completion", "print a shell completion script (bash or zsh)");
  auto* shell = env.Make<std::string>();
  cmd->add_option("shell", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  cmd->callback([&app, &env, shell] {
    env.action = [&app, shell] { std::cout << CompletionScript(app, *shell == "zsh"); };
  });
}

}  // namespace crm::cli
