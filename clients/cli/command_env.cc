#include "clients/cli/command_env.h"

#include "absl/strings/ascii.h"
#include "absl/algorithm/container.h"

namespace crm::cli {

std::shared_ptr<grpc::Channel> CommandEnv::Channel() {
  if (!channel_) {
    if (options.token.empty() && options.cert_file.empty()) {
      Fail(absl::UnauthenticatedError("not logged in: run `crm login --addr HOST:PORT`, or set CRM_TOKEN"));
      std::exit(exit_code);
    }
    auto channel = client::MakeChannel(options);
    if (!channel.ok()) {
      Fail(channel.status());
      std::exit(exit_code);
    }
    channel_ = *std::move(channel);
  }
  return channel_;
}

client::LeadsClient& CommandEnv::Leads() {
  if (!leads_) leads_ = std::make_unique<client::LeadsClient>(Channel(), options);
  return *leads_;
}

client::AdminClient& CommandEnv::Admin() {
  if (!admin_) admin_ = std::make_unique<client::AdminClient>(Channel(), options);
  return *admin_;
}

client::EnterprisesClient& CommandEnv::Enterprises() {
  if (!enterprises_) enterprises_ = std::make_unique<client::EnterprisesClient>(Channel(), options);
  return *enterprises_;
}

client::ProjectsClient& CommandEnv::Projects() {
  if (!projects_) projects_ = std::make_unique<client::ProjectsClient>(Channel(), options);
  return *projects_;
}

client::DashboardClient& CommandEnv::Dashboard() {
  if (!dashboard_) dashboard_ = std::make_unique<client::DashboardClient>(Channel(), options);
  return *dashboard_;
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
