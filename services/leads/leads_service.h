#ifndef CRM_SERVICES_LEADS_LEADS_SERVICE_H_
#define CRM_SERVICES_LEADS_LEADS_SERVICE_H_

#include <atomic>
#include <memory>

#include "crm/v1/enterprises_service.grpc.pb.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "crm/v1/projects_service.grpc.pb.h"
#include "services/common/rpc_runner.h"
#include "services/leads/lead_rules.h"
#include "storage/lead_store.h"

namespace crm {

// The gRPC adapter of crm.v1.LeadService: validate → authorize → rules →
// store → respond. No SQL and no business rule of its own.
class LeadService final : public v1::LeadService::CallbackService {
 public:
  LeadService(RpcRunner* runner, ConnectionPool* pool);

  // Where ConvertLead finds the enterprises and projects services (this
  // process's own server, or other processes). Until set, ConvertLead is
  // UNAVAILABLE. `max_conversions` bounds the conversions running at once:
  // each holds an executor thread while it calls the other services, which
  // need threads of their own when they are hosted in this process, so it
  // must stay below the executor's size.
  void ConnectConversionPeers(std::shared_ptr<grpc::Channel> enterprises, std::shared_ptr<grpc::Channel> projects,
                              int max_conversions);

  grpc::ServerUnaryReactor* GetLead(grpc::CallbackServerContext* ctx, const v1::GetLeadRequest* req,
                                    v1::Lead* resp) override;
  grpc::ServerUnaryReactor* ListLeads(grpc::CallbackServerContext* ctx, const v1::ListLeadsRequest* req,
                                      v1::ListLeadsResponse* resp) override;
  grpc::ServerUnaryReactor* CreateLead(grpc::CallbackServerContext* ctx, const v1::CreateLeadRequest* req,
                                       v1::Lead* resp) override;
  grpc::ServerUnaryReactor* UpdateLead(grpc::CallbackServerContext* ctx, const v1::UpdateLeadRequest* req,
                                       v1::Lead* resp) override;
  grpc::ServerUnaryReactor* DeleteLead(grpc::CallbackServerContext* ctx, const v1::DeleteLeadRequest* req,
                                       v1::Lead* resp) override;
  grpc::ServerUnaryReactor* UndeleteLead(grpc::CallbackServerContext* ctx, const v1::UndeleteLeadRequest* req,
                                         v1::Lead* resp) override;
  grpc::ServerUnaryReactor* QualifyLead(grpc::CallbackServerContext* ctx, const v1::QualifyLeadRequest* req,
                                        v1::Lead* resp) override;
  grpc::ServerUnaryReactor* DisqualifyLead(grpc::CallbackServerContext* ctx,
                                           const v1::DisqualifyLeadRequest* req, v1::Lead* resp) override;
  grpc::ServerUnaryReactor* ReopenLead(grpc::CallbackServerContext* ctx, const v1::ReopenLeadRequest* req,
                                       v1::Lead* resp) override;
  grpc::ServerUnaryReactor* AddLeadActivity(grpc::CallbackServerContext* ctx,
                                            const v1::AddLeadActivityRequest* req, v1::Activity* resp) override;
  grpc::ServerUnaryReactor* ListLeadActivities(grpc::CallbackServerContext* ctx,
                                               const v1::ListLeadActivitiesRequest* req,
                                               v1::ListLeadActivitiesResponse* resp) override;
  grpc::ServerUnaryReactor* FindDuplicateLeads(grpc::CallbackServerContext* ctx,
                                               const v1::FindDuplicateLeadsRequest* req,
                                               v1::FindDuplicateLeadsResponse* resp) override;
  // lead_conversion.cc
  grpc::ServerUnaryReactor* ConvertLead(grpc::CallbackServerContext* ctx, const v1::ConvertLeadRequest* req,
                                        v1::ConvertLeadResponse* resp) override;

 private:
  // The saga of ConvertLead (see lead_conversion.cc).
  absl::Status Convert(const CallContext& call, const v1::ConvertLeadRequest& req, v1::ConvertLeadResponse& resp);

  // A status change by a custom method (Qualify, Disqualify, Reopen).
  absl::Status ChangeStatus(const CallContext& call, const std::string& name, const std::string& etag,
                            const std::string& request_id, LeadAction action, const std::string& reason,
                            v1::Lead* resp);

  // A written lead as its caller may see it; an ALREADY_EXISTS about a USCC
  // names the other lead only when the caller may see that one.
  absl::StatusOr<v1::Lead> Written(const CallContext& call, absl::StatusOr<v1::Lead> result,
                                   const std::string& uscc);

  RpcRunner* runner_;
  LeadStore store_;
  std::unique_ptr<v1::EnterpriseService::Stub> enterprises_;
  std::unique_ptr<v1::ProjectService::Stub> projects_;
  int max_conversions_ = 0;
  std::atomic<int> conversions_running_{0};
};

}  // namespace crm

#endif  // CRM_SERVICES_LEADS_LEADS_SERVICE_H_
