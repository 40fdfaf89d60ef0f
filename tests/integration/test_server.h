#ifndef CRM_TESTS_INTEGRATION_TEST_SERVER_H_
#define CRM_TESTS_INTEGRATION_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "services/common/auth.h"
#include "services/common/executor.h"
#include "services/common/rpc_runner.h"
#include "services/common/server.h"
#include "services/leads/leads_service.h"
#include "tests/integration/test_db.h"

namespace crm::testing {

// The bearer token the test servers accept (an admin of unit `unit-a`, user `tester`).
inline constexpr char kToken[] = "test-token-0123456789abcdef0123456789abcdef";

// A LeadService server on a free loopback port with its own fresh database.
class LeadsServer {
 public:
  explicit LeadsServer(size_t queue_capacity = 100);
  ~LeadsServer();

  bool ready() const { return stub_ != nullptr; }
  int port() const { return server_->port(); }
  std::string address() const { return "127.0.0.1:" + std::to_string(port()); }
  v1::LeadService::Stub& stub() { return *stub_; }
  TestDatabase& db() { return *db_; }

 private:
  std::unique_ptr<TestDatabase> db_;
  BoundedExecutor executor_;
  BootstrapAuthenticator authenticator_;
  RpcRunner runner_;
  std::unique_ptr<LeadsService> service_;
  std::unique_ptr<CrmServer> server_;
  std::unique_ptr<v1::LeadService::Stub> stub_;
};

}  // namespace crm::testing

#endif  // CRM_TESTS_INTEGRATION_TEST_SERVER_H_
