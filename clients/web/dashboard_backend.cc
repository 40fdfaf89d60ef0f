#include "clients/web/dashboard_backend.h"

#include <utility>

namespace crm::web {
namespace {

class GrpcDashboardBackend : public DashboardBackend {
 public:
  GrpcDashboardBackend(std::shared_ptr<grpc::Channel> channel, client::ClientOptions options)
      : stub_(v1::DashboardService::NewStub(std::move(channel))), options_(std::move(options)) {
    options_.max_attempts = 1;
  }

  absl::StatusOr<v1::PipelineSummary> GetPipelineSummary(const std::string& token,
                                                         const v1::GetPipelineSummaryRequest& req) override {
    return CallerFor(token).Call(*stub_, &v1::DashboardService::Stub::GetPipelineSummary, req);
  }
  absl::StatusOr<v1::UnitScoreboard> GetUnitScoreboard(const std::string& token,
                                                       const v1::GetUnitScoreboardRequest& req) override {
    return CallerFor(token).Call(*stub_, &v1::DashboardService::Stub::GetUnitScoreboard, req);
  }
  absl::StatusOr<v1::ListAlertsResponse> ListAlerts(const std::string& token,
                                                    const v1::ListAlertsRequest& req) override {
    return CallerFor(token).Call(*stub_, &v1::DashboardService::Stub::ListAlerts, req);
  }
  absl::StatusOr<v1::EnterprisePoolSummary> GetEnterprisePoolSummary(
      const std::string& token, const v1::GetEnterprisePoolSummaryRequest& req) override {
    return CallerFor(token).Call(*stub_, &v1::DashboardService::Stub::GetEnterprisePoolSummary, req);
  }
  absl::StatusOr<v1::Trend> GetTrend(const std::string& token, const v1::GetTrendRequest& req) override {
    return CallerFor(token).Call(*stub_, &v1::DashboardService::Stub::GetTrend, req);
  }

 private:
  // The client library's calling discipline (token header, deadline, status
  // conversion) with this viewer's token.
  client::Caller CallerFor(const std::string& token) const {
    client::ClientOptions options = options_;
    options.token = token;
    return client::Caller(std::move(options));
  }

  std::unique_ptr<v1::DashboardService::Stub> stub_;
  client::ClientOptions options_;
};

}  // namespace

std::unique_ptr<DashboardBackend> NewGrpcDashboardBackend(std::shared_ptr<grpc::Channel> channel,
                                                          client::ClientOptions options) {
  return std::make_unique<GrpcDashboardBackend>(std::move(channel), std::move(options));
}

}  // namespace crm::web
