#ifndef CRM_TESTS_INTEGRATION_TEST_SERVER_H_
#define CRM_TESTS_INTEGRATION_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <memory>
#include <string>

#include "base/principal.h"
#include "services/admin/admin_service.h"
#include "services/common/executor.h"
#include "services/common/rpc_runner.h"
#include "services/common/server.h"
#include "services/dashboard/dashboard_service.h"
#include "services/enterprises/enterprises_service.h"
#include "services/leads/leads_service.h"
#include "services/projects/projects_service.h"
#include "storage/principal_store.h"
#include "tests/integration/test_db.h"

namespace crm::testing {

// The bootstrap token of the test servers: users/admin (ADMIN) of units/admin.
inline constexpr char kToken[] = "test-token-0123456789abcdef0123456789abcdef";

// The crm.v1 services (leads, admin, enterprises, projects, dashboard with the built-in
// policies; ConvertLead reaching the others in process) on
// a free loopback port, with a fresh database, the store's tokens
// (bootstrapped with kToken) and the permission table.
class TestServer {
 public:
  // `config`'s TLS settings are used; it always listens on 127.0.0.1:0.
  explicit TestServer(size_t queue_capacity = 100, ServerConfig config = {}, RateLimiter* rate_limiter = nullptr);
  ~TestServer();

  bool ready() const { return stub_ != nullptr; }
  int port() const { return server_->port(); }
  std::string address() const { return "127.0.0.1:" + std::to_string(port()); }
  v1::LeadService::Stub& stub() { return *stub_; }
  v1::EnterpriseService::Stub& enterprises() { return *enterprises_stub_; }
  v1::ProjectService::Stub& projects() { return *projects_stub_; }
  v1::DashboardService::Stub& dashboard() { return *dashboard_stub_; }
  const v1::EnterprisePolicy& policy() const { return policy_; }
  const v1::ProjectPolicy& project_policy() const { return project_policy_; }
  TestDatabase& db() { return *db_; }
  PrincipalStore& principals() { return *principals_; }

  // Moves the handlers' clock (CallContext::now) by `offset` from the real
  // time: a test makes time pass this way instead of backdating rows.
  void SetClockOffset(absl::Duration offset) { clock_offset_us_ = absl::ToInt64Microseconds(offset); }

 private:
  RpcRunnerOptions Options(RateLimiter* rate_limiter);

  std::atomic<int64_t> clock_offset_us_{0};

  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<PrincipalStore> principals_;
  BoundedExecutor executor_;
  RpcRunner runner_;
  std::unique_ptr<LeadService> service_;
  std::unique_ptr<AdminService> admin_;
  v1::EnterprisePolicy policy_;
  std::unique_ptr<EnterpriseService> enterprises_service_;
  v1::ProjectPolicy project_policy_;
  std::unique_ptr<ProjectService> projects_service_;
  std::unique_ptr<DashboardService> dashboard_service_;
  std::unique_ptr<CrmServer> server_;
  std::unique_ptr<v1::LeadService::Stub> stub_;
  std::unique_ptr<v1::EnterpriseService::Stub> enterprises_stub_;
  std::unique_ptr<v1::ProjectService::Stub> projects_stub_;
  std::unique_ptr<v1::DashboardService::Stub> dashboard_stub_;
};

}  // namespace crm::testing

#endif  // CRM_TESTS_INTEGRATION_TEST_SERVER_H_
