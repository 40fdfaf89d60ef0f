#include "tests/integration/test_server.h"

#include <gtest/gtest.h>

namespace crm::testing {

LeadsServer::LeadsServer(size_t queue_capacity)
    : db_(TestDatabase::Create()),
      executor_(4, queue_capacity),
      authenticator_(kToken, Principal{"tester", "unit-a", Role::kAdmin}),
      runner_(&executor_, &authenticator_, {}) {
  if (db_ == nullptr) return;
  service_ = std::make_unique<LeadsService>(&runner_, &db_->pool());
  ServerConfig config;
  config.listen_address = "127.0.0.1:0";
  auto server = CrmServer::Start(config, {service_.get()}, {"crm.v1.LeadService"});
  EXPECT_TRUE(server.ok()) << server.status();
  if (!server.ok()) return;
  server_ = *std::move(server);
  stub_ = v1::LeadService::NewStub(grpc::CreateChannel(address(), grpc::InsecureChannelCredentials()));
}

LeadsServer::~LeadsServer() {
  if (server_) server_->Shutdown();
}

}  // namespace crm::testing
