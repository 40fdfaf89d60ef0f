#include "clients/cli/command_env.h"

#include "absl/strings/ascii.h"
#include "absl/algorithm/container.h"

namespace crm::cli {

client::LeadsClient& CommandEnv::Leads() {
  if (!leads_) {
    if (options.token.empty()) {
      Fail(absl::UnauthenticatedError("not logged in: run `crm login --addr HOST:PORT`, or set CRM_TOKEN"));
      std::exit(exit_code);
    }
    auto channel = client::MakeChannel(options);
    if (!channel.ok()) {
      Fail(channel.status());
      std::exit(exit_code);
    }
    leads_ = std::make_unique<client::LeadsClient>(*channel, options);
  }
  return *leads_;
}

void CommandEnv::Fail(const absl::Status& status) {
  PrintError(std::cerr, status, color);
  exit_code = ExitCodeFor(status);
}

std::string LeadName(const std::string& arg) {
  bool digits = !arg.empty() && absl::c_all_of(arg, [](char c) { return absl::ascii_isdigit(c); });
  return digits ? "leads/" + arg : arg;
}

}  // namespace crm::cli
