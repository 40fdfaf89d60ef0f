#include "tests/integration/test_server.h"

#include <gtest/gtest.h>

#include "services/enterprises/screening.h"
#include "services/projects/project_rules.h"

namespace crm::testing {

TestServer::TestServer(size_t queue_capacity, ServerConfig config, RateLimiter* rate_limiter)
    : db_(TestDatabase::Create()),
      principals_(db_ ? std::make_unique<PrincipalStore>(&db_->pool()) : nullptr),
      executor_(4, queue_capacity),
      runner_(&executor_, principals_.get(), Options(rate_limiter)) {
  if (db_ == nullptr) return;
  auto bootstrapped = principals_->BootstrapAdmin(kToken);
  EXPECT_TRUE(bootstrapped.ok() && *bootstrapped) << bootstrapped.status();
  service_ = std::make_unique<LeadService>(&runner_, &db_->pool());
  admin_ = std::make_unique<AdminService>(&runner_, principals_.get(), &db_->pool());
  auto policy = ParseEnterprisePolicy(DefaultEnterprisePolicyText());
  EXPECT_TRUE(policy.ok()) << policy.status();
  if (policy.ok()) policy_ = *std::move(policy);
  enterprises_service_ = std::make_unique<EnterpriseService>(&runner_, &db_->pool(), &policy_);
  auto project_policy = ParseProjectPolicy(DefaultProjectPolicyText());
  EXPECT_TRUE(project_policy.ok()) << project_policy.status();
  if (project_policy.ok()) project_policy_ = *std::move(project_policy);
  projects_service_ = std::make_unique<ProjectService>(&runner_, &db_->pool(), &project_policy_);
  dashboard_service_ = std::make_unique<DashboardService>(&runner_, &db_->pool(), &project_policy_, &policy_);
  config.listen_address = "127.0.0.1:0";
  auto server = CrmServer::Start(
      config,
      {service_.get(), admin_.get(), enterprises_service_.get(), projects_service_.get(), dashboard_service_.get()},
      {"crm.v1.LeadService", "crm.v1.AdminService", "crm.v1.EnterpriseService", "crm.v1.ProjectService",
       "crm.v1.DashboardService"});
  EXPECT_TRUE(server.ok()) << server.status();
  if (!server.ok()) return;
  server_ = *std::move(server);
  service_->ConnectConversionPeers(server_->InProcessChannel(), server_->InProcessChannel(), 2);
  auto channel = grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
  stub_ = v1::LeadService::NewStub(channel);
  enterprises_stub_ = v1::EnterpriseService::NewStub(channel);
  projects_stub_ = v1::ProjectService::NewStub(channel);
  dashboard_stub_ = v1::DashboardService::NewStub(channel);
}

RpcRunnerOptions TestServer::Options(RateLimiter* rate_limiter) {
  RpcRunnerOptions options;
  options.rate_limiter = rate_limiter;
  options.clock = [this] { return absl::Now() + absl::Microseconds(clock_offset_us_.load()); };
  options.on_denied = [this](const CallContext& call, const absl::Status& status) {
    principals_->RecordDenied({call.principal.user_name(), call.method, "", call.deadline},
                              absl::StatusCodeToString(status.code()));
  };
  return options;
}

TestServer::~TestServer() {
  if (server_) server_->Shutdown();
}

}  // namespace crm::testing
