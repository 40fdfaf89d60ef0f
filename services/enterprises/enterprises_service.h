#ifndef CRM_SERVICES_ENTERPRISES_ENTERPRISES_SERVICE_H_
#define CRM_SERVICES_ENTERPRISES_ENTERPRISES_SERVICE_H_

#include "crm/v1/enterprise_policy.pb.h"
#include "crm/v1/enterprises_service.grpc.pb.h"
#include "services/common/rpc_runner.h"
#include "services/enterprises/enterprise_requests.h"
#include "services/enterprises/enterprise_rules.h"
#include "storage/certification_store.h"
#include "storage/enterprise_store.h"
#include "storage/metrics_store.h"
#include "storage/service_request_store.h"

namespace crm {

// The gRPC adapter of crm.v1.EnterpriseService: validate → authorize → rules
// → store → respond. The rules are in enterprise_rules.h and screening.h; the
// SQL in the stores. The handlers are spread over files by subject:
// enterprises_service.cc (enterprises, secretaries), enterprise_records.cc
// (yearly figures, titles, screening), service_requests.cc (the checklist)
// and enterprise_transfer.cc (the import and export streams).

// ImportEnterprises reads its stream as raw bytes and parses each message
// itself: gRPC reports a message it cannot parse exactly like the end of the
// stream (OnReadDone(false)), so a typed reader would take a malformed message
// for the client's last one and answer OK for an import cut short.
class EnterpriseService final
    : public v1::EnterpriseService::WithRawCallbackMethod_ImportEnterprises<v1::EnterpriseService::CallbackService> {
 public:
  // `policy` (screening criteria, SLA, escalation) must outlive the service.
  EnterpriseService(RpcRunner* runner, ConnectionPool* pool, const v1::EnterprisePolicy* policy);

  using Ctx = grpc::CallbackServerContext;
  using Reactor = grpc::ServerUnaryReactor;

  Reactor* GetEnterprise(Ctx* ctx, const v1::GetEnterpriseRequest* req, v1::Enterprise* resp) override;
  Reactor* ListEnterprises(Ctx* ctx, const v1::ListEnterprisesRequest* req,
                           v1::ListEnterprisesResponse* resp) override;
  Reactor* CreateEnterprise(Ctx* ctx, const v1::CreateEnterpriseRequest* req, v1::Enterprise* resp) override;
  Reactor* UpdateEnterprise(Ctx* ctx, const v1::UpdateEnterpriseRequest* req, v1::Enterprise* resp) override;
  Reactor* DeleteEnterprise(Ctx* ctx, const v1::DeleteEnterpriseRequest* req, v1::Enterprise* resp) override;
  Reactor* UndeleteEnterprise(Ctx* ctx, const v1::UndeleteEnterpriseRequest* req, v1::Enterprise* resp) override;
  Reactor* AssignServiceSecretary(Ctx* ctx, const v1::AssignServiceSecretaryRequest* req,
                                  v1::Enterprise* resp) override;
  Reactor* ListSecretaryAssignments(Ctx* ctx, const v1::ListSecretaryAssignmentsRequest* req,
                                    v1::ListSecretaryAssignmentsResponse* resp) override;

  Reactor* UpdateYearlyMetrics(Ctx* ctx, const v1::UpdateYearlyMetricsRequest* req,
                               v1::YearlyMetrics* resp) override;
  Reactor* ListYearlyMetrics(Ctx* ctx, const v1::ListYearlyMetricsRequest* req,
                             v1::ListYearlyMetricsResponse* resp) override;
  Reactor* CreateCertification(Ctx* ctx, const v1::CreateCertificationRequest* req,
                               v1::Certification* resp) override;
  Reactor* UpdateCertification(Ctx* ctx, const v1::UpdateCertificationRequest* req,
                               v1::Certification* resp) override;
  Reactor* DeleteCertification(Ctx* ctx, const v1::DeleteCertificationRequest* req,
                               v1::Certification* resp) override;
  Reactor* ListCertifications(Ctx* ctx, const v1::ListCertificationsRequest* req,
                              v1::ListCertificationsResponse* resp) override;
  Reactor* EvaluateEnterprise(Ctx* ctx, const v1::EvaluateEnterpriseRequest* req,
                              v1::EvaluateEnterpriseResponse* resp) override;
  Reactor* ScreenEnterprises(Ctx* ctx, const v1::ScreenEnterprisesRequest* req,
                             v1::ScreenEnterprisesResponse* resp) override;

  Reactor* CreateServiceRequest(Ctx* ctx, const v1::CreateServiceRequestRequest* req,
                                v1::ServiceRequest* resp) override;
  Reactor* GetServiceRequest(Ctx* ctx, const v1::GetServiceRequestRequest* req, v1::ServiceRequest* resp) override;
  Reactor* ListServiceRequests(Ctx* ctx, const v1::ListServiceRequestsRequest* req,
                               v1::ListServiceRequestsResponse* resp) override;
  Reactor* UpdateServiceRequest(Ctx* ctx, const v1::UpdateServiceRequestRequest* req,
                                v1::ServiceRequest* resp) override;
  Reactor* AcceptServiceRequest(Ctx* ctx, const v1::AcceptServiceRequestRequest* req,
                                v1::ServiceRequest* resp) override;
  Reactor* StartServiceRequest(Ctx* ctx, const v1::StartServiceRequestRequest* req,
                               v1::ServiceRequest* resp) override;
  Reactor* ResolveServiceRequest(Ctx* ctx, const v1::ResolveServiceRequestRequest* req,
                                 v1::ServiceRequest* resp) override;
  Reactor* CloseServiceRequest(Ctx* ctx, const v1::CloseServiceRequestRequest* req,
                               v1::ServiceRequest* resp) override;
  Reactor* ReopenServiceRequest(Ctx* ctx, const v1::ReopenServiceRequestRequest* req,
                                v1::ServiceRequest* resp) override;

  // The stream's messages are ImportEnterprisesRequest, its answer an
  // ImportEnterprisesResponse, both as bytes (see above).
  grpc::ServerReadReactor<grpc::ByteBuffer>* ImportEnterprises(Ctx* ctx, grpc::ByteBuffer* resp) override;
  grpc::ServerWriteReactor<v1::ExportEnterprisesResponse>* ExportEnterprises(
      Ctx* ctx, const v1::ExportEnterprisesRequest* req) override;

 private:
  class ImportReactor;
  class ExportReactor;

  // A status custom method on a service request: `action`, then `finish`
  // (which sets the resolution, rating or reason and their times).
  absl::Status ChangeRequestStatus(const CallContext& call, const std::string& name, const std::string& etag,
                                   const std::string& request_id, ServiceRequestAction action,
                                   const std::function<void(v1::ServiceRequest&)>& finish,
                                   v1::ServiceRequest* resp);

  // The figures of `enterprise_id`'s years with the derived fields, newest first.
  absl::StatusOr<std::vector<v1::YearlyMetrics>> DerivedMetrics(int64_t enterprise_id, absl::Time deadline);

  // The service request as the caller may see it (NOT_FOUND otherwise), with
  // its derived escalation fields.
  absl::Status Present(const CallContext& call, v1::ServiceRequest& r) const;

  RpcRunner* runner_;
  const v1::EnterprisePolicy* policy_;
  EnterpriseStore enterprises_;
  MetricsStore metrics_;
  CertificationStore certifications_;
  ServiceRequestStore requests_;
};

}  // namespace crm

#endif  // CRM_SERVICES_ENTERPRISES_ENTERPRISES_SERVICE_H_
