#ifndef CRM_CLIENTS_CLI_COMMAND_ENV_H_
#define CRM_CLIENTS_CLI_COMMAND_ENV_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/output.h"
#include "clients/cpp/crm_client.h"

namespace crm::cli {

// What every command shares: the connection settings after flags, the output
// format, the chosen command (run after parsing), and its exit code.
struct CommandEnv {
  client::ClientOptions options;
  Format format = Format::kTable;
  bool color = false;
  std::function<void()> action;
  int exit_code = kExitOk;

  // The clients, connected on first use (after the flags are known); not
  // logged in or a bad TLS file ends the program with its error.
  client::LeadsClient& Leads();
  client::AdminClient& Admin();
  client::EnterprisesClient& Enterprises();
  client::ProjectsClient& Projects();
  client::DashboardClient& Dashboard();
  Printer Out() { return Printer(std::cout, format, color); }
  // Prints `status` as an error and sets the exit code from it.
  void Fail(const absl::Status& status);

  // A T owned by the environment, for values that CLI11 options bind to and
  // that command actions read after parsing.
  template <typename T, typename... Args>
  T* Make(Args&&... args) {
    auto owned = std::make_shared<T>(std::forward<Args>(args)...);
    owned_.push_back(owned);
    return owned.get();
  }

 private:
  std::shared_ptr<grpc::Channel> Channel();

  std::vector<std::shared_ptr<void>> owned_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<client::AdminClient> admin_;
  std::unique_ptr<client::LeadsClient> leads_;
  std::unique_ptr<client::EnterprisesClient> enterprises_;
  std::unique_ptr<client::ProjectsClient> projects_;
  std::unique_ptr<client::DashboardClient> dashboard_;
};

// Makes `work` (returning absl::Status) the action of `cmd`, run after
// parsing; a failure is printed and sets the exit code.
template <typename Work>
void Action(CLI::App* cmd, CommandEnv& env, Work work) {
  cmd->callback([&env, work] {
    env.action = [&env, work] {
      absl::Status status = work();
      if (!status.ok()) env.Fail(status);
    };
  });
}

// Appends to `out` the items of a paged list call, page after page, until
// there are no more or `limit` (0: no limit) were collected. `fetch(req)`
// returns a StatusOr of the response; `items(response)` its repeated field.
template <typename Item, typename Req, typename Fetch, typename Items>
absl::Status CollectPages(Req req, int limit, Fetch fetch, Items items, std::vector<Item>& out) {
  auto full = [&] { return limit > 0 && static_cast<int>(out.size()) >= limit; };
  do {
    auto page = fetch(req);
    if (!page.ok()) return page.status();
    for (const Item& item : items(*page)) {
      if (full()) return absl::OkStatus();
      out.push_back(item);
    }
    req.set_page_token(page->next_page_token());
  } while (!req.page_token().empty() && !full());
  return absl::OkStatus();
}

// `123` or `leads/123` → `leads/123`.
std::string LeadName(const std::string& arg);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_COMMAND_ENV_H_
