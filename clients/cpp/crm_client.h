#ifndef CRM_CLIENTS_CPP_CRM_CLIENT_H_
#define CRM_CLIENTS_CPP_CRM_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "crm/v1/admin_service.grpc.pb.h"
#include "crm/v1/leads_service.grpc.pb.h"

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
};

// A grpc::Status as an absl::Status; the google.rpc.Status details are kept as
// payloads under their type URLs (so ViolationsOf reads BadRequest's).
absl::Status FromGrpcStatus(const grpc::Status& status);

// A random (version 4) UUID, for request ids.
std::string NewRequestId();

// The channel `options` describe (TLS files are read here).
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const ClientOptions& options);

// The calling discipline every typed client shares: the token, a deadline per
// attempt, and retries with backoff for calls the caller says are safe.
class Caller {
 public:
  explicit Caller(ClientOptions options) : options_(std::move(options)) {}

  template <typename Stub, typename Req, typename Resp>
  absl::StatusOr<Resp> Call(Stub& stub, grpc::Status (Stub::*method)(grpc::ClientContext*, const Req&, Resp*),
                            const Req& req, bool retryable) {
    Resp resp;
    absl::Status status = Attempts(retryable, [&](grpc::ClientContext* ctx) { return (stub.*method)(ctx, req, &resp); });
    if (!status.ok()) return status;
    return resp;
  }

 private:
  absl::Status Attempts(bool retryable, const std::function<grpc::Status(grpc::ClientContext*)>& attempt);

  ClientOptions options_;
};

// crm.v1.LeadService for programs: typed calls returning absl::StatusOr, a
// deadline on every call, and safe retries. Reads, and writes that carry a
// request_id (creates and custom methods; one is generated when the request
// has none, and the same id is reused by every attempt of the call), are
// retried on UNAVAILABLE and RESOURCE_EXHAUSTED with exponential backoff and
// jitter. UpdateLead, DeleteLead and UndeleteLead are never retried blindly.
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

  // Every lead matching `req`'s filters, page after page, until `limit` (0: no
  // limit) leads were passed to `each`, or `each` returns false.
  absl::Status ForEachLead(v1::ListLeadsRequest req, int limit, const std::function<bool(const v1::Lead&)>& each);

 private:
  Caller caller_;
  std::unique_ptr<v1::LeadService::Stub> stub_;
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
