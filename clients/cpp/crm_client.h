#ifndef CRM_CLIENTS_CPP_CRM_CLIENT_H_
#define CRM_CLIENTS_CPP_CRM_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "base/method_policy.h"
#include "crm/v1/admin_service.grpc.pb.h"
#include "crm/v1/dashboard_service.grpc.pb.h"
#include "crm/v1/enterprises_service.grpc.pb.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "crm/v1/projects_service.grpc.pb.h"

namespace crm::client {

// How to reach the server and how patient to be.
struct ClientOptions {
  std::string address = "127.0.0.1:50051";
  std::string token;  // bearer token, sent as `authorization: Bearer <token>`
  // TLS: on when `tls` or a CA file is set; the CA file (PEM) replaces the
  // system roots. A client certificate and key (PEM files) make it mTLS.
  bool tls = false;
  std::string ca_file;
  std::string cert_file;
  std::string key_file;
  absl::Duration deadline = absl::Seconds(10);  // per attempt
  int max_attempts = 4;                         // for calls that are safe to retry
  absl::Duration initial_backoff = absl::Milliseconds(100);
  absl::Duration max_backoff = absl::Seconds(2);
  // When positive, calls that are safe to retry are retried until this long
  // after the call began instead of `max_attempts` times, and no attempt's
  // deadline passes it: enough patience to ride out a server restart.
  absl::Duration retry_deadline = absl::ZeroDuration();
  // Optional: told of each failed attempt that is about to be retried (for
  // metrics and logs). Called on the calling thread.
  std::function<void(const absl::Status&)> on_retry;
};

// A grpc::Status as an absl::Status; the google.rpc.Status details are kept as
// payloads under their type URLs (so ViolationsOf reads BadRequest's).
absl::Status FromGrpcStatus(const grpc::Status& status);

// A random (version 4) UUID, for request ids.
std::string NewRequestId();

// The channel `options` describe (TLS files are read here).
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const ClientOptions& options);

// The calling discipline every typed client shares: the token, a deadline per
// attempt, and retries with backoff for calls whose contract says they are
// safe to send again (their method's retry policy, base/method_policy.h).
class Caller {
 public:
  explicit Caller(ClientOptions options) : options_(std::move(options)) {}

  template <typename Stub, typename Req, typename Resp>
  absl::StatusOr<Resp> Call(Stub& stub, grpc::Status (Stub::*method)(grpc::ClientContext*, const Req&, Resp*),
                            const Req& req) {
    Resp resp;
    absl::Status status = Attempts(SafeToRetry(req), [&](grpc::ClientContext* ctx) { return (stub.*method)(ctx, req, &resp); });
    if (!status.ok()) return status;
    return resp;
  }

  // Sets up `ctx` for one attempt: the token and a deadline from now. For
  // streaming calls, which make their single attempt themselves.
  void Prepare(grpc::ClientContext* ctx) const;

 private:
  absl::Status Attempts(bool retryable, const std::function<grpc::Status(grpc::ClientContext*)>& attempt);
  // Prepare, with the attempt's deadline no later than `give_up`.
  void Prepare(grpc::ClientContext* ctx, absl::Time give_up) const;

  ClientOptions options_;
};

// crm.v1.LeadService for programs: typed calls returning absl::StatusOr, a
// deadline on every call, and safe retries. Reads, and writes that carry a
// request_id (creates and custom methods; one is generated when the request
// has none, and the same id is reused by every attempt of the call), are
// retried on UNAVAILABLE and RESOURCE_EXHAUSTED with exponential backoff and
// jitter. UpdateLead, DeleteLead and UndeleteLead are never retried blindly.
// ConvertLead carries no request id: it is idempotent by design (a converted
// lead answers with its enterprise and project, whatever the etag), so it is
// retried too.
// Thread-safe.
class LeadsClient {
 public:
  LeadsClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options);
  static absl::StatusOr<std::unique_ptr<LeadsClient>> Connect(const ClientOptions& options);

  absl::StatusOr<v1::Lead> GetLead(const v1::GetLeadRequest& req);
  absl::StatusOr<v1::ListLeadsResponse> ListLeads(const v1::ListLeadsRequest& req);
  absl::StatusOr<v1::Lead> CreateLead(v1::CreateLeadRequest req);
  absl::StatusOr<v1::Lead> UpdateLead(const v1::UpdateLeadRequest& req);
  absl::StatusOr<v1::Lead> DeleteLead(const v1::DeleteLeadRequest& req);
  absl::StatusOr<v1::Lead> UndeleteLead(const v1::UndeleteLeadRequest& req);
  absl::StatusOr<v1::Lead> QualifyLead(v1::QualifyLeadRequest req);
  absl::StatusOr<v1::Lead> DisqualifyLead(v1::DisqualifyLeadRequest req);
  absl::StatusOr<v1::Lead> ReopenLead(v1::ReopenLeadRequest req);
  absl::StatusOr<v1::Activity> AddLeadActivity(v1::AddLeadActivityRequest req);
  absl::StatusOr<v1::ListLeadActivitiesResponse> ListLeadActivities(const v1::ListLeadActivitiesRequest& req);
  absl::StatusOr<v1::FindDuplicateLeadsResponse> FindDuplicateLeads(const v1::FindDuplicateLeadsRequest& req);
  absl::StatusOr<v1::ConvertLeadResponse> ConvertLead(const v1::ConvertLeadRequest& req);

  // Every lead matching `req`'s filters, page after page, until `limit` (0: no
  // limit) leads were passed to `each`, or `each` returns false.
  absl::Status ForEachLead(v1::ListLeadsRequest req, int limit, const std::function<bool(const v1::Lead&)>& each);

 private:
  Caller caller_;
  std::unique_ptr<v1::LeadService::Stub> stub_;
};

// crm.v1.EnterpriseService for programs, with LeadsClient's discipline: reads,
// creates and custom methods (which carry a request_id, generated when empty)
// are retried on UNAVAILABLE and RESOURCE_EXHAUSTED; Update*, Delete* and
// UndeleteEnterprise are not (UpdateYearlyMetrics: see there). The streams
// make one attempt within one deadline. Thread-safe.
class EnterprisesClient {
 public:
  EnterprisesClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options);
  static absl::StatusOr<std::unique_ptr<EnterprisesClient>> Connect(const ClientOptions& options);

  absl::StatusOr<v1::Enterprise> GetEnterprise(const v1::GetEnterpriseRequest& req);
  absl::StatusOr<v1::ListEnterprisesResponse> ListEnterprises(const v1::ListEnterprisesRequest& req);
  absl::StatusOr<v1::Enterprise> CreateEnterprise(v1::CreateEnterpriseRequest req);
  absl::StatusOr<v1::Enterprise> UpdateEnterprise(const v1::UpdateEnterpriseRequest& req);
  absl::StatusOr<v1::Enterprise> DeleteEnterprise(const v1::DeleteEnterpriseRequest& req);
  absl::StatusOr<v1::Enterprise> UndeleteEnterprise(const v1::UndeleteEnterpriseRequest& req);

  // An upsert of the figures named by the mask: setting the same values twice
  // gives the same row, so it is retried, unless it carries an etag (a lost
  // answer to a first attempt that succeeded would make the retry ABORTED).
  absl::StatusOr<v1::YearlyMetrics> UpdateYearlyMetrics(const v1::UpdateYearlyMetricsRequest& req);
  absl::StatusOr<v1::ListYearlyMetricsResponse> ListYearlyMetrics(const v1::ListYearlyMetricsRequest& req);

  absl::StatusOr<v1::Certification> CreateCertification(v1::CreateCertificationRequest req);
  absl::StatusOr<v1::Certification> UpdateCertification(const v1::UpdateCertificationRequest& req);
  absl::StatusOr<v1::Certification> DeleteCertification(const v1::DeleteCertificationRequest& req);
  absl::StatusOr<v1::ListCertificationsResponse> ListCertifications(const v1::ListCertificationsRequest& req);

  absl::StatusOr<v1::EvaluateEnterpriseResponse> EvaluateEnterprise(const v1::EvaluateEnterpriseRequest& req);
  absl::StatusOr<v1::ScreenEnterprisesResponse> ScreenEnterprises(const v1::ScreenEnterprisesRequest& req);

  absl::StatusOr<v1::Enterprise> AssignServiceSecretary(v1::AssignServiceSecretaryRequest req);
  absl::StatusOr<v1::ListSecretaryAssignmentsResponse> ListSecretaryAssignments(
      const v1::ListSecretaryAssignmentsRequest& req);

  absl::StatusOr<v1::ServiceRequest> CreateServiceRequest(v1::CreateServiceRequestRequest req);
  absl::StatusOr<v1::ServiceRequest> GetServiceRequest(const v1::GetServiceRequestRequest& req);
  absl::StatusOr<v1::ListServiceRequestsResponse> ListServiceRequests(const v1::ListServiceRequestsRequest& req);
  absl::StatusOr<v1::ServiceRequest> UpdateServiceRequest(const v1::UpdateServiceRequestRequest& req);
  absl::StatusOr<v1::ServiceRequest> AcceptServiceRequest(v1::AcceptServiceRequestRequest req);
  absl::StatusOr<v1::ServiceRequest> StartServiceRequest(v1::StartServiceRequestRequest req);
  absl::StatusOr<v1::ServiceRequest> ResolveServiceRequest(v1::ResolveServiceRequestRequest req);
  absl::StatusOr<v1::ServiceRequest> CloseServiceRequest(v1::CloseServiceRequestRequest req);
  absl::StatusOr<v1::ServiceRequest> ReopenServiceRequest(v1::ReopenServiceRequestRequest req);

  // Streams `rows` to ImportEnterprises, `rows_per_message` to a message, and
  // returns the server's per-row answer. One attempt within one deadline:
  // a failure (the server unreachable, the deadline passed) is returned as is,
  // and since rows are upserted by USCC, sending them all again is safe.
  absl::StatusOr<v1::ImportEnterprisesResponse> ImportEnterprises(const std::vector<v1::Enterprise>& rows,
                                                                  size_t rows_per_message = 500);
  // Passes every enterprise ExportEnterprises streams for `req` to `each`, in
  // order. When `each` returns an error the call is cancelled and that error
  // returned. One attempt within one deadline.
  absl::Status ExportEnterprises(const v1::ExportEnterprisesRequest& req,
                                 const std::function<absl::Status(const v1::Enterprise&)>& each);

 private:
  Caller caller_;
  std::unique_ptr<v1::EnterpriseService::Stub> stub_;
};

// crm.v1.ProjectService for programs, with LeadsClient's discipline: reads,
// creates and the stage methods and RecordCapitalArrival (which carry a
// request_id, generated when empty) are retried on UNAVAILABLE and
// RESOURCE_EXHAUSTED; Update*, DeleteMilestone are not (SetUnitTarget: see
// there). Thread-safe.
class ProjectsClient {
 public:
  ProjectsClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options);
  static absl::StatusOr<std::unique_ptr<ProjectsClient>> Connect(const ClientOptions& options);

  absl::StatusOr<v1::Project> GetProject(const v1::GetProjectRequest& req);
  absl::StatusOr<v1::ListProjectsResponse> ListProjects(const v1::ListProjectsRequest& req);
  absl::StatusOr<v1::Project> CreateProject(v1::CreateProjectRequest req);
  absl::StatusOr<v1::Project> UpdateProject(const v1::UpdateProjectRequest& req);

  absl::StatusOr<v1::Project> AdvanceProjectStage(v1::AdvanceProjectStageRequest req);
  absl::StatusOr<v1::Project> MarkProjectLost(v1::MarkProjectLostRequest req);
  absl::StatusOr<v1::Project> ReopenProject(v1::ReopenProjectRequest req);
  absl::StatusOr<v1::ListStageHistoryResponse> ListStageHistory(const v1::ListStageHistoryRequest& req);

  absl::StatusOr<v1::CapitalArrival> RecordCapitalArrival(v1::RecordCapitalArrivalRequest req);
  absl::StatusOr<v1::ListCapitalArrivalsResponse> ListCapitalArrivals(const v1::ListCapitalArrivalsRequest& req);

  absl::StatusOr<v1::Milestone> CreateMilestone(v1::CreateMilestoneRequest req);
  absl::StatusOr<v1::Milestone> UpdateMilestone(const v1::UpdateMilestoneRequest& req);
  absl::StatusOr<v1::Milestone> DeleteMilestone(const v1::DeleteMilestoneRequest& req);
  absl::StatusOr<v1::ListMilestonesResponse> ListMilestones(const v1::ListMilestonesRequest& req);

  absl::StatusOr<v1::ListStalledProjectsResponse> ListStalledProjects(const v1::ListStalledProjectsRequest& req);

  absl::StatusOr<v1::ProjectProblem> CreateProjectProblem(v1::CreateProjectProblemRequest req);
  absl::StatusOr<v1::ProjectProblem> UpdateProjectProblem(const v1::UpdateProjectProblemRequest& req);
  absl::StatusOr<v1::ListProjectProblemsResponse> ListProjectProblems(const v1::ListProjectProblemsRequest& req);

  // An upsert replacing every target of the unit and year: setting the same
  // values twice gives the same row, so it is retried, unless it carries an
  // etag (a lost answer to a first attempt that succeeded would make the
  // retry ABORTED).
  absl::StatusOr<v1::UnitTarget> SetUnitTarget(const v1::SetUnitTargetRequest& req);
  absl::StatusOr<v1::UnitTarget> GetUnitTarget(const v1::GetUnitTargetRequest& req);
  absl::StatusOr<v1::ListUnitTargetsResponse> ListUnitTargets(const v1::ListUnitTargetsRequest& req);

 private:
  Caller caller_;
  std::unique_ptr<v1::ProjectService::Stub> stub_;
};

// crm.v1.DashboardService for programs: every call is a read, so every call
// is retried on UNAVAILABLE and RESOURCE_EXHAUSTED. Thread-safe.
class DashboardClient {
 public:
  DashboardClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options);
  static absl::StatusOr<std::unique_ptr<DashboardClient>> Connect(const ClientOptions& options);

  absl::StatusOr<v1::PipelineSummary> GetPipelineSummary(const v1::GetPipelineSummaryRequest& req);
  absl::StatusOr<v1::UnitScoreboard> GetUnitScoreboard(const v1::GetUnitScoreboardRequest& req);
  absl::StatusOr<v1::ListAlertsResponse> ListAlerts(const v1::ListAlertsRequest& req);
  absl::StatusOr<v1::EnterprisePoolSummary> GetEnterprisePoolSummary(const v1::GetEnterprisePoolSummaryRequest& req);
  absl::StatusOr<v1::Trend> GetTrend(const v1::GetTrendRequest& req);

 private:
  Caller caller_;
  std::unique_ptr<v1::DashboardService::Stub> stub_;
};

// crm.v1.AdminService for programs (ADMIN only). Reads are retried; writes are
// not (they carry no request id).
class AdminClient {
 public:
  AdminClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options);

  absl::StatusOr<v1::Unit> CreateUnit(const v1::CreateUnitRequest& req);
  absl::StatusOr<v1::ListUnitsResponse> ListUnits(const v1::ListUnitsRequest& req);
  absl::StatusOr<v1::User> CreateUser(const v1::CreateUserRequest& req);
  absl::StatusOr<v1::User> GetUser(const v1::GetUserRequest& req);
  absl::StatusOr<v1::ListUsersResponse> ListUsers(const v1::ListUsersRequest& req);
  absl::StatusOr<v1::User> UpdateUser(const v1::UpdateUserRequest& req);
  absl::StatusOr<v1::IssueTokenResponse> IssueToken(const v1::IssueTokenRequest& req);
  absl::StatusOr<v1::ListTokensResponse> ListTokens(const v1::ListTokensRequest& req);
  absl::StatusOr<v1::Token> RevokeToken(const v1::RevokeTokenRequest& req);
  absl::StatusOr<v1::ListAuditEventsResponse> ListAuditEvents(const v1::ListAuditEventsRequest& req);

 private:
  Caller caller_;
  std::unique_ptr<v1::AdminService::Stub> stub_;
};

}  // namespace crm::client

#endif  // CRM_CLIENTS_CPP_CRM_CLIENT_H_
