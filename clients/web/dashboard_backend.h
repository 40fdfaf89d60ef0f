#ifndef CRM_CLIENTS_WEB_DASHBOARD_BACKEND_H_
#define CRM_CLIENTS_WEB_DASHBOARD_BACKEND_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "clients/cpp/crm_client.h"
#include "crm/v1/dashboard_service.grpc.pb.h"

namespace crm::web {

// crm.v1.DashboardService as the page's gateway uses it: every call made with
// the viewer's own bearer token, so the server's permission and unit rules
// apply to the viewer, not to this process. An interface so that the HTTP side
// is tested without a server.
class DashboardBackend {
 public:
  virtual ~DashboardBackend() = default;

  virtual absl::StatusOr<v1::PipelineSummary> GetPipelineSummary(const std::string& token,
                                                                 const v1::GetPipelineSummaryRequest& req) = 0;
  virtual absl::StatusOr<v1::UnitScoreboard> GetUnitScoreboard(const std::string& token,
                                                               const v1::GetUnitScoreboardRequest& req) = 0;
  virtual absl::StatusOr<v1::ListAlertsResponse> ListAlerts(const std::string& token,
                                                            const v1::ListAlertsRequest& req) = 0;
  virtual absl::StatusOr<v1::EnterprisePoolSummary> GetEnterprisePoolSummary(
      const std::string& token, const v1::GetEnterprisePoolSummaryRequest& req) = 0;
  virtual absl::StatusOr<v1::Trend> GetTrend(const std::string& token, const v1::GetTrendRequest& req) = 0;
};

// The real one, over `channel`: one attempt per call within `options.deadline`
// (the page refreshes on its own; a retry would only make it wait longer).
// `options.token` is ignored: each call brings its own.
std::unique_ptr<DashboardBackend> NewGrpcDashboardBackend(std::shared_ptr<grpc::Channel> channel,
                                                          client::ClientOptions options);

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_DASHBOARD_BACKEND_H_
