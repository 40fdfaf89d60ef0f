#ifndef CRM_SERVICES_DASHBOARD_DASHBOARD_SERVICE_H_
#define CRM_SERVICES_DASHBOARD_DASHBOARD_SERVICE_H_

#include "crm/v1/dashboard_service.grpc.pb.h"
#include "crm/v1/enterprise_policy.pb.h"
#include "crm/v1/project_policy.pb.h"
#include "services/common/rpc_runner.h"
#include "services/dashboard/pool_screening.h"
#include "storage/dashboard_store.h"
#include "storage/unit_target_store.h"

namespace crm {

// The gRPC adapter of crm.v1.DashboardService: validate → decide whose
// figures (DashboardUnit) → read the rollups and indexed lists → rules
// (dashboard_rules.h) → respond. Writes nothing.
class DashboardService final : public v1::DashboardService::CallbackService {
 public:
  // The policies (stage probabilities, 三未 thresholds, colours; screening and
  // request colours) must outlive the service.
  DashboardService(RpcRunner* runner, ConnectionPool* pool, const v1::ProjectPolicy* project_policy,
                   const v1::EnterprisePolicy* enterprise_policy);

  using Ctx = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;

  Reactor* GetPipelineSummary(Ctx* ctx, const v1::GetPipelineSummaryRequest* req,
                              v1::PipelineSummary* resp) override;
  Reactor* GetUnitScoreboard(Ctx* ctx, const v1::GetUnitScoreboardRequest* req, v1::UnitScoreboard* resp) override;
  Reactor* ListAlerts(Ctx* ctx, const v1::ListAlertsRequest* req, v1::ListAlertsResponse* resp) override;
  Reactor* GetEnterprisePoolSummary(Ctx* ctx, const v1::GetEnterprisePoolSummaryRequest* req,
                                    v1::EnterprisePoolSummary* resp) override;
  Reactor* GetTrend(Ctx* ctx, const v1::GetTrendRequest* req, v1::Trend* resp) override;

 private:
  RpcRunner* runner_;
  const v1::ProjectPolicy* project_policy_;
  const v1::EnterprisePolicy* enterprise_policy_;
  DashboardStore store_;
  UnitTargetStore targets_;
  PoolScreening screening_;
};

}  // namespace crm

#endif  // CRM_SERVICES_DASHBOARD_DASHBOARD_SERVICE_H_
