// The client library's retries, against a proxy in front of the real server
// that loses answers: the write reaches the store, the caller sees UNAVAILABLE.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <mutex>

#include "absl/strings/str_cat.h"
#include "base/field_violations.h"
#include "base/resource_name.h"
#include "clients/cpp/crm_client.h"
#include "tests/integration/test_server.h"

namespace crm {
namespace {

using testing::kToken;
using testing::TestServer;

// Forwards CreateLead and UpdateLead to the real server, but answers the first
// `lose` calls of each with UNAVAILABLE after the server has done the work.
class LossyProxy final : public v1::LeadService::Service {
 public:
  LossyProxy(v1::LeadService::Stub* upstream, int lose) : upstream_(upstream), lose_(lose) {}

  grpc::Status CreateLead(grpc::ServerContext* ctx, const v1::CreateLeadRequest* req, v1::Lead* resp) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      create_request_ids_.push_back(req->request_id());
    }
    return Forward(ctx, [&](grpc::ClientContext* up) { return upstream_->CreateLead(up, *req, resp); }, creates_);
  }

  grpc::Status UpdateLead(grpc::ServerContext* ctx, const v1::UpdateLeadRequest* req, v1::Lead* resp) override {
    return Forward(ctx, [&](grpc::ClientContext* up) { return upstream_->UpdateLead(up, *req, resp); }, updates_);
  }

  std::vector<std::string> create_request_ids() {
    std::lock_guard<std::mutex> lock(mu_);
    return create_request_ids_;
  }
  int updates() { return updates_; }

 private:
  template <typename Call>
  grpc::Status Forward(grpc::ServerContext* ctx, Call call, int& counter) {
    grpc::ClientContext up;
    for (const auto& [key, value] : ctx->client_metadata()) {
      if (key == "authorization") up.AddMetadata("authorization", std::string(value.data(), value.size()));
    }
    grpc::Status status = call(&up);
    std::lock_guard<std::mutex> lock(mu_);
    if (++counter <= lose_) return grpc::Status(grpc::StatusCode::UNAVAILABLE, "connection reset (simulated)");
    return status;
  }

  v1::LeadService::Stub* upstream_;
  const int lose_;
  std::mutex mu_;
  int creates_ = 0;
  int updates_ = 0;
  std::vector<std::string> create_request_ids_;
};

class ClientRetryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ready());
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &proxy_port_);
    builder.RegisterService(&proxy_);
    proxy_server_ = builder.BuildAndStart();
    ASSERT_NE(proxy_port_, 0);
    client::ClientOptions options;
    options.address = absl::StrCat("127.0.0.1:", proxy_port_);
    options.token = kToken;
    options.initial_backoff = absl::Milliseconds(5);
    auto client = client::LeadsClient::Connect(options);
    ASSERT_TRUE(client.ok()) << client.status();
    client_ = *std::move(client);
  }
  void TearDown() override {
    if (proxy_server_) proxy_server_->Shutdown();
  }

  TestServer server_;
  LossyProxy proxy_{&server_.stub(), /*lose=*/1};
  int proxy_port_ = 0;
  std::unique_ptr<grpc::Server> proxy_server_;
  std::unique_ptr<client::LeadsClient> client_;
};

TEST_F(ClientRetryTest, ACreateWhoseAnswerWasLostIsRetriedWithTheSameRequestIdAndMakesOneLead) {
  v1::CreateLeadRequest req;
  req.mutable_lead()->set_company_name("重试客户端测试有限公司");
  req.mutable_lead()->set_target_list(v1::TARGET_LIST_OTHER);
  req.mutable_lead()->set_channel(v1::LEAD_CHANNEL_ONLINE);
  auto lead = client_->CreateLead(req);  // no request id given: the library makes one
  ASSERT_TRUE(lead.ok()) << lead.status();
  std::vector<std::string> ids = proxy_.create_request_ids();
  ASSERT_EQ(ids.size(), 2u) << "one lost answer, one retry";
  EXPECT_FALSE(ids[0].empty());
  EXPECT_EQ(ids[0], ids[1]);
  EXPECT_EQ(server_.db().QueryOne("SELECT COUNT(*) FROM leads"), "1");
}

TEST_F(ClientRetryTest, AnUpdateIsNeverRetriedBlindly) {
  v1::CreateLeadRequest create;
  create.mutable_lead()->set_company_name("不重试更新测试有限公司");
  create.mutable_lead()->set_target_list(v1::TARGET_LIST_OTHER);
  create.mutable_lead()->set_channel(v1::LEAD_CHANNEL_ONLINE);
  auto lead = client_->CreateLead(create);
  ASSERT_TRUE(lead.ok()) << lead.status();
  v1::UpdateLeadRequest update;
  *update.mutable_lead() = *lead;
  update.mutable_lead()->set_notes("改一次");
  update.mutable_update_mask()->add_paths("notes");
  auto updated = client_->UpdateLead(update);
  EXPECT_EQ(updated.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(proxy_.updates(), 1);
}

TEST(ClientStatusTest, KeepsFieldViolationsFromTheServer) {
  TestServer server;
  ASSERT_TRUE(server.ready());
  client::ClientOptions options;
  options.address = server.address();
  options.token = kToken;
  auto client = client::LeadsClient::Connect(options);
  ASSERT_TRUE(client.ok());
  v1::CreateLeadRequest req;
  req.mutable_lead()->set_company_name("x");
  req.mutable_lead()->set_uscc("91350200776049653B");
  req.mutable_lead()->set_target_list(v1::TARGET_LIST_OTHER);
  req.mutable_lead()->set_channel(v1::LEAD_CHANNEL_ONLINE);
  auto lead = (*client)->CreateLead(req);
  ASSERT_EQ(lead.status().code(), absl::StatusCode::kInvalidArgument);
  auto violations = ViolationsOf(lead.status());
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "lead.uscc");
}

TEST(RequestIdTest, IsARandomVersion4Uuid) {
  std::string a = client::NewRequestId(), b = client::NewRequestId();
  EXPECT_NE(a, b);
  EXPECT_TRUE(IsUuid(a)) << a;
  EXPECT_EQ(a[14], '4');
  EXPECT_NE(std::string("89ab").find(a[19]), std::string::npos) << a;
}

}  // namespace
}  // namespace crm
