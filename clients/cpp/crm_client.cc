#include "clients/cpp/crm_client.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <thread>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/field_violations.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace crm::client {
namespace {

std::mt19937_64& Rng() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return rng;
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool Retryable(absl::StatusCode code) {
  return code == absl::StatusCode::kUnavailable || code == absl::StatusCode::kResourceExhausted;
}

// The wait a RESOURCE_EXHAUSTED answer asked for (zero when it did not say).
absl::Duration RetryDelay(const absl::Status& status) {
  auto payload = status.GetPayload("type.googleapis.com/google.rpc.RetryInfo");
  google::rpc::RetryInfo info;
  if (!payload || !info.ParseFromString(std::string(*payload))) return absl::ZeroDuration();
  return absl::Seconds(info.retry_delay().seconds()) + absl::Nanoseconds(info.retry_delay().nanos());
}

// Fills an empty request_id, so that every attempt of this call carries the same one.
template <typename Req>
Req WithRequestId(Req req) {
  if (req.request_id().empty()) req.set_request_id(NewRequestId());
  return req;
}

}  // namespace

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status out(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  google::rpc::Status details;
  if (!status.error_details().empty() && details.ParseFromString(status.error_details())) {
    for (const auto& any : details.details()) out.SetPayload(any.type_url(), absl::Cord(any.value()));
  }
  return out;
}

std::string NewRequestId() {
  uint64_t hi = Rng()(), lo = Rng()();
  hi = (hi & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // RFC 4122 variant
  return absl::StrFormat("%08x-%04x-%04x-%04x-%012x", hi >> 32, (hi >> 16) & 0xFFFF, hi & 0xFFFF, lo >> 48,
                         lo & 0xFFFFFFFFFFFFull);
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const ClientOptions& options) {
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (options.tls || !options.ca_file.empty() || !options.cert_file.empty()) {
    grpc::SslCredentialsOptions ssl;
    if (!options.ca_file.empty()) {
      auto ca = ReadFile(options.ca_file);
      if (!ca.ok()) return ca.status();
      ssl.pem_root_certs = *ca;
    }
    if (!options.cert_file.empty() || !options.key_file.empty()) {
      auto cert = ReadFile(options.cert_file);
      if (!cert.ok()) return cert.status();
      auto key = ReadFile(options.key_file);
      if (!key.ok()) return key.status();
      ssl.pem_cert_chain = *cert;
      ssl.pem_private_key = *key;
    }
    credentials = grpc::SslCredentials(ssl);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  // The channel reconnects at the pace the retries go. With gRPC's defaults a
  // client kept failing for 3-10 s after a restarted server was back
  // (tests/faults/server_crash_test.cc): after a failed connect, pick_first
  // waits for the name to be resolved again, which the resolver allows only
  // so often, and reconnects back off from 1 s, growing 1.6x to 2 min.
  const int initial_ms = static_cast<int>(std::max<int64_t>(1, absl::ToInt64Milliseconds(options.initial_backoff)));
  const int max_ms = static_cast<int>(std::max<int64_t>(1, absl::ToInt64Milliseconds(options.max_backoff)));
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_DNS_MIN_TIME_BETWEEN_RESOLUTIONS_MS, initial_ms);
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, initial_ms);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, max_ms);
  return grpc::CreateCustomChannel(options.address, credentials, args);
}

LeadsClient::LeadsClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options)
    : caller_(std::move(options)), stub_(v1::LeadService::NewStub(std::move(channel))) {}

absl::StatusOr<std::unique_ptr<LeadsClient>> LeadsClient::Connect(const ClientOptions& options) {
  auto channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return std::make_unique<LeadsClient>(*std::move(channel), options);
}

void Caller::Prepare(grpc::ClientContext* ctx) const { Prepare(ctx, absl::InfiniteFuture()); }

void Caller::Prepare(grpc::ClientContext* ctx, absl::Time give_up) const {
  if (!options_.token.empty()) ctx->AddMetadata("authorization", absl::StrCat("Bearer ", options_.token));
  ctx->set_deadline(absl::ToChronoTime(std::min(absl::Now() + options_.deadline, give_up)));
}

absl::Status Caller::Attempts(bool retryable, const std::function<grpc::Status(grpc::ClientContext*)>& attempt) {
  const bool until_deadline = retryable && options_.retry_deadline > absl::ZeroDuration();
  const absl::Time give_up = until_deadline ? absl::Now() + options_.retry_deadline : absl::InfiniteFuture();
  const int attempts = !retryable        ? 1
                       : until_deadline ? std::numeric_limits<int>::max()
                                        : std::max(1, options_.max_attempts);
  absl::Duration backoff = options_.initial_backoff;
  absl::Status status;
  for (int i = 1; i <= attempts; ++i) {
    grpc::ClientContext ctx;
    Prepare(&ctx, give_up);
    status = FromGrpcStatus(attempt(&ctx));
    if (status.ok() || !Retryable(status.code()) || i == attempts) break;
    // Full jitter: a random wait up to the current backoff, which doubles; at
    // least as long as the server asked for (google.rpc.RetryInfo).
    std::uniform_int_distribution<int64_t> jitter(0, absl::ToInt64Microseconds(backoff));
    absl::Duration wait = std::max(absl::Microseconds(jitter(Rng())), RetryDelay(status));
    if (absl::Now() + wait >= give_up) break;  // no time left for another attempt
    if (options_.on_retry) options_.on_retry(status);
    absl::SleepFor(wait);
    backoff = std::min(backoff * 2, options_.max_backoff);
  }
  return status;
}

absl::StatusOr<v1::Lead> LeadsClient::GetLead(const v1::GetLeadRequest& req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::GetLead, req);
}
absl::StatusOr<v1::ListLeadsResponse> LeadsClient::ListLeads(const v1::ListLeadsRequest& req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::ListLeads, req);
}
absl::StatusOr<v1::Lead> LeadsClient::CreateLead(v1::CreateLeadRequest req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::CreateLead, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Lead> LeadsClient::UpdateLead(const v1::UpdateLeadRequest& req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::UpdateLead, req);
}
absl::StatusOr<v1::Lead> LeadsClient::DeleteLead(const v1::DeleteLeadRequest& req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::DeleteLead, req);
}
absl::StatusOr<v1::Lead> LeadsClient::UndeleteLead(const v1::UndeleteLeadRequest& req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::UndeleteLead, req);
}
absl::StatusOr<v1::Lead> LeadsClient::QualifyLead(v1::QualifyLeadRequest req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::QualifyLead, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Lead> LeadsClient::DisqualifyLead(v1::DisqualifyLeadRequest req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::DisqualifyLead, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Lead> LeadsClient::ReopenLead(v1::ReopenLeadRequest req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::ReopenLead, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Activity> LeadsClient::AddLeadActivity(v1::AddLeadActivityRequest req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::AddLeadActivity, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ListLeadActivitiesResponse> LeadsClient::ListLeadActivities(
    const v1::ListLeadActivitiesRequest& req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::ListLeadActivities, req);
}
absl::StatusOr<v1::FindDuplicateLeadsResponse> LeadsClient::FindDuplicateLeads(
    const v1::FindDuplicateLeadsRequest& req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::FindDuplicateLeads, req);
}

absl::StatusOr<v1::ConvertLeadResponse> LeadsClient::ConvertLead(const v1::ConvertLeadRequest& req) {
  return caller_.Call(*stub_, &v1::LeadService::Stub::ConvertLead, req);
}

EnterprisesClient::EnterprisesClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options)
    : caller_(std::move(options)), stub_(v1::EnterpriseService::NewStub(std::move(channel))) {}

absl::StatusOr<std::unique_ptr<EnterprisesClient>> EnterprisesClient::Connect(const ClientOptions& options) {
  auto channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return std::make_unique<EnterprisesClient>(*std::move(channel), options);
}

using EnterpriseStub = v1::EnterpriseService::Stub;

absl::StatusOr<v1::Enterprise> EnterprisesClient::GetEnterprise(const v1::GetEnterpriseRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::GetEnterprise, req);
}
absl::StatusOr<v1::ListEnterprisesResponse> EnterprisesClient::ListEnterprises(
    const v1::ListEnterprisesRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::ListEnterprises, req);
}
absl::StatusOr<v1::Enterprise> EnterprisesClient::CreateEnterprise(v1::CreateEnterpriseRequest req) {
  return caller_.Call(*stub_, &EnterpriseStub::CreateEnterprise, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Enterprise> EnterprisesClient::UpdateEnterprise(const v1::UpdateEnterpriseRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::UpdateEnterprise, req);
}
absl::StatusOr<v1::Enterprise> EnterprisesClient::DeleteEnterprise(const v1::DeleteEnterpriseRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::DeleteEnterprise, req);
}
absl::StatusOr<v1::Enterprise> EnterprisesClient::UndeleteEnterprise(const v1::UndeleteEnterpriseRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::UndeleteEnterprise, req);
}
absl::StatusOr<v1::YearlyMetrics> EnterprisesClient::UpdateYearlyMetrics(const v1::UpdateYearlyMetricsRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::UpdateYearlyMetrics, req);
}
absl::StatusOr<v1::ListYearlyMetricsResponse> EnterprisesClient::ListYearlyMetrics(
    const v1::ListYearlyMetricsRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::ListYearlyMetrics, req);
}
absl::StatusOr<v1::Certification> EnterprisesClient::CreateCertification(v1::CreateCertificationRequest req) {
  return caller_.Call(*stub_, &EnterpriseStub::CreateCertification, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Certification> EnterprisesClient::UpdateCertification(const v1::UpdateCertificationRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::UpdateCertification, req);
}
absl::StatusOr<v1::Certification> EnterprisesClient::DeleteCertification(const v1::DeleteCertificationRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::DeleteCertification, req);
}
absl::StatusOr<v1::ListCertificationsResponse> EnterprisesClient::ListCertifications(
    const v1::ListCertificationsRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::ListCertifications, req);
}
absl::StatusOr<v1::EvaluateEnterpriseResponse> EnterprisesClient::EvaluateEnterprise(
    const v1::EvaluateEnterpriseRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::EvaluateEnterprise, req);
}
absl::StatusOr<v1::ScreenEnterprisesResponse> EnterprisesClient::ScreenEnterprises(
    const v1::ScreenEnterprisesRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::ScreenEnterprises, req);
}
absl::StatusOr<v1::Enterprise> EnterprisesClient::AssignServiceSecretary(v1::AssignServiceSecretaryRequest req) {
  return caller_.Call(*stub_, &EnterpriseStub::AssignServiceSecretary, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ListSecretaryAssignmentsResponse> EnterprisesClient::ListSecretaryAssignments(
    const v1::ListSecretaryAssignmentsRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::ListSecretaryAssignments, req);
}
absl::StatusOr<v1::ServiceRequest> EnterprisesClient::CreateServiceRequest(v1::CreateServiceRequestRequest req) {
  return caller_.Call(*stub_, &EnterpriseStub::CreateServiceRequest, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ServiceRequest> EnterprisesClient::GetServiceRequest(const v1::GetServiceRequestRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::GetServiceRequest, req);
}
absl::StatusOr<v1::ListServiceRequestsResponse> EnterprisesClient::ListServiceRequests(
    const v1::ListServiceRequestsRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::ListServiceRequests, req);
}
absl::StatusOr<v1::ServiceRequest> EnterprisesClient::UpdateServiceRequest(
    const v1::UpdateServiceRequestRequest& req) {
  return caller_.Call(*stub_, &EnterpriseStub::UpdateServiceRequest, req);
}
absl::StatusOr<v1::ServiceRequest> EnterprisesClient::AcceptServiceRequest(v1::AcceptServiceRequestRequest req) {
  return caller_.Call(*stub_, &EnterpriseStub::AcceptServiceRequest, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ServiceRequest> EnterprisesClient::StartServiceRequest(v1::StartServiceRequestRequest req) {
  return caller_.Call(*stub_, &EnterpriseStub::StartServiceRequest, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ServiceRequest> EnterprisesClient::ResolveServiceRequest(v1::ResolveServiceRequestRequest req) {
  return caller_.Call(*stub_, &EnterpriseStub::ResolveServiceRequest, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ServiceRequest> EnterprisesClient::CloseServiceRequest(v1::CloseServiceRequestRequest req) {
  return caller_.Call(*stub_, &EnterpriseStub::CloseServiceRequest, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ServiceRequest> EnterprisesClient::ReopenServiceRequest(v1::ReopenServiceRequestRequest req) {
  return caller_.Call(*stub_, &EnterpriseStub::ReopenServiceRequest, WithRequestId(std::move(req)));
}

absl::StatusOr<v1::ImportEnterprisesResponse> EnterprisesClient::ImportEnterprises(
    const std::vector<v1::Enterprise>& rows, size_t rows_per_message) {
  rows_per_message = std::max<size_t>(1, rows_per_message);
  grpc::ClientContext ctx;
  caller_.Prepare(&ctx);
  v1::ImportEnterprisesResponse resp;
  std::unique_ptr<grpc::ClientWriter<v1::ImportEnterprisesRequest>> writer = stub_->ImportEnterprises(&ctx, &resp);
  for (size_t start = 0; start < rows.size(); start += rows_per_message) {
    v1::ImportEnterprisesRequest msg;
    for (size_t i = start; i < std::min(rows.size(), start + rows_per_message); ++i) *msg.add_enterprises() = rows[i];
    // A failed write means the stream is broken; Finish says why.
    if (!writer->Write(msg)) break;
  }
  writer->WritesDone();
  absl::Status status = FromGrpcStatus(writer->Finish());
  if (!status.ok()) return status;
  return resp;
}

absl::Status EnterprisesClient::ExportEnterprises(const v1::ExportEnterprisesRequest& req,
                                                  const std::function<absl::Status(const v1::Enterprise&)>& each) {
  grpc::ClientContext ctx;
  caller_.Prepare(&ctx);
  std::unique_ptr<grpc::ClientReader<v1::ExportEnterprisesResponse>> reader = stub_->ExportEnterprises(&ctx, req);
  v1::ExportEnterprisesResponse page;
  absl::Status stopped;
  while (stopped.ok() && reader->Read(&page)) {
    for (const v1::Enterprise& e : page.enterprises()) {
      stopped = each(e);
      if (!stopped.ok()) break;
    }
  }
  if (!stopped.ok()) {
    ctx.TryCancel();
    (void)reader->Finish();  // CANCELLED, by us
    return stopped;
  }
  return FromGrpcStatus(reader->Finish());
}

ProjectsClient::ProjectsClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options)
    : caller_(std::move(options)), stub_(v1::ProjectService::NewStub(std::move(channel))) {}

absl::StatusOr<std::unique_ptr<ProjectsClient>> ProjectsClient::Connect(const ClientOptions& options) {
  auto channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return std::make_unique<ProjectsClient>(*std::move(channel), options);
}

using ProjectStub = v1::ProjectService::Stub;

absl::StatusOr<v1::Project> ProjectsClient::GetProject(const v1::GetProjectRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::GetProject, req);
}
absl::StatusOr<v1::ListProjectsResponse> ProjectsClient::ListProjects(const v1::ListProjectsRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::ListProjects, req);
}
absl::StatusOr<v1::Project> ProjectsClient::CreateProject(v1::CreateProjectRequest req) {
  return caller_.Call(*stub_, &ProjectStub::CreateProject, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Project> ProjectsClient::UpdateProject(const v1::UpdateProjectRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::UpdateProject, req);
}
absl::StatusOr<v1::Project> ProjectsClient::AdvanceProjectStage(v1::AdvanceProjectStageRequest req) {
  return caller_.Call(*stub_, &ProjectStub::AdvanceProjectStage, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Project> ProjectsClient::MarkProjectLost(v1::MarkProjectLostRequest req) {
  return caller_.Call(*stub_, &ProjectStub::MarkProjectLost, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Project> ProjectsClient::ReopenProject(v1::ReopenProjectRequest req) {
  return caller_.Call(*stub_, &ProjectStub::ReopenProject, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ListStageHistoryResponse> ProjectsClient::ListStageHistory(
    const v1::ListStageHistoryRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::ListStageHistory, req);
}
absl::StatusOr<v1::CapitalArrival> ProjectsClient::RecordCapitalArrival(v1::RecordCapitalArrivalRequest req) {
  return caller_.Call(*stub_, &ProjectStub::RecordCapitalArrival, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ListCapitalArrivalsResponse> ProjectsClient::ListCapitalArrivals(
    const v1::ListCapitalArrivalsRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::ListCapitalArrivals, req);
}
absl::StatusOr<v1::Milestone> ProjectsClient::CreateMilestone(v1::CreateMilestoneRequest req) {
  return caller_.Call(*stub_, &ProjectStub::CreateMilestone, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::Milestone> ProjectsClient::UpdateMilestone(const v1::UpdateMilestoneRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::UpdateMilestone, req);
}
absl::StatusOr<v1::Milestone> ProjectsClient::DeleteMilestone(const v1::DeleteMilestoneRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::DeleteMilestone, req);
}
absl::StatusOr<v1::ListMilestonesResponse> ProjectsClient::ListMilestones(const v1::ListMilestonesRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::ListMilestones, req);
}
absl::StatusOr<v1::ListStalledProjectsResponse> ProjectsClient::ListStalledProjects(
    const v1::ListStalledProjectsRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::ListStalledProjects, req);
}
absl::StatusOr<v1::ProjectProblem> ProjectsClient::CreateProjectProblem(v1::CreateProjectProblemRequest req) {
  return caller_.Call(*stub_, &ProjectStub::CreateProjectProblem, WithRequestId(std::move(req)));
}
absl::StatusOr<v1::ProjectProblem> ProjectsClient::UpdateProjectProblem(const v1::UpdateProjectProblemRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::UpdateProjectProblem, req);
}
absl::StatusOr<v1::ListProjectProblemsResponse> ProjectsClient::ListProjectProblems(
    const v1::ListProjectProblemsRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::ListProjectProblems, req);
}
absl::StatusOr<v1::UnitTarget> ProjectsClient::SetUnitTarget(const v1::SetUnitTargetRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::SetUnitTarget, req);
}
absl::StatusOr<v1::UnitTarget> ProjectsClient::GetUnitTarget(const v1::GetUnitTargetRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::GetUnitTarget, req);
}
absl::StatusOr<v1::ListUnitTargetsResponse> ProjectsClient::ListUnitTargets(const v1::ListUnitTargetsRequest& req) {
  return caller_.Call(*stub_, &ProjectStub::ListUnitTargets, req);
}

DashboardClient::DashboardClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options)
    : caller_(std::move(options)), stub_(v1::DashboardService::NewStub(std::move(channel))) {}

absl::StatusOr<std::unique_ptr<DashboardClient>> DashboardClient::Connect(const ClientOptions& options) {
  auto channel = MakeChannel(options);
  if (!channel.ok()) return channel.status();
  return std::make_unique<DashboardClient>(*std::move(channel), options);
}

using DashboardStub = v1::DashboardService::Stub;

absl::StatusOr<v1::PipelineSummary> DashboardClient::GetPipelineSummary(const v1::GetPipelineSummaryRequest& req) {
  return caller_.Call(*stub_, &DashboardStub::GetPipelineSummary, req);
}
absl::StatusOr<v1::UnitScoreboard> DashboardClient::GetUnitScoreboard(const v1::GetUnitScoreboardRequest& req) {
  return caller_.Call(*stub_, &DashboardStub::GetUnitScoreboard, req);
}
absl::StatusOr<v1::ListAlertsResponse> DashboardClient::ListAlerts(const v1::ListAlertsRequest& req) {
  return caller_.Call(*stub_, &DashboardStub::ListAlerts, req);
}
absl::StatusOr<v1::EnterprisePoolSummary> DashboardClient::GetEnterprisePoolSummary(
    const v1::GetEnterprisePoolSummaryRequest& req) {
  return caller_.Call(*stub_, &DashboardStub::GetEnterprisePoolSummary, req);
}
absl::StatusOr<v1::Trend> DashboardClient::GetTrend(const v1::GetTrendRequest& req) {
  return caller_.Call(*stub_, &DashboardStub::GetTrend, req);
}

AdminClient::AdminClient(std::shared_ptr<grpc::Channel> channel, ClientOptions options)
    : caller_(std::move(options)), stub_(v1::AdminService::NewStub(std::move(channel))) {}

absl::StatusOr<v1::Unit> AdminClient::CreateUnit(const v1::CreateUnitRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::CreateUnit, req);
}
absl::StatusOr<v1::ListUnitsResponse> AdminClient::ListUnits(const v1::ListUnitsRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::ListUnits, req);
}
absl::StatusOr<v1::User> AdminClient::CreateUser(const v1::CreateUserRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::CreateUser, req);
}
absl::StatusOr<v1::User> AdminClient::GetUser(const v1::GetUserRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::GetUser, req);
}
absl::StatusOr<v1::ListUsersResponse> AdminClient::ListUsers(const v1::ListUsersRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::ListUsers, req);
}
absl::StatusOr<v1::User> AdminClient::UpdateUser(const v1::UpdateUserRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::UpdateUser, req);
}
absl::StatusOr<v1::IssueTokenResponse> AdminClient::IssueToken(const v1::IssueTokenRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::IssueToken, req);
}
absl::StatusOr<v1::ListTokensResponse> AdminClient::ListTokens(const v1::ListTokensRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::ListTokens, req);
}
absl::StatusOr<v1::Token> AdminClient::RevokeToken(const v1::RevokeTokenRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::RevokeToken, req);
}

absl::StatusOr<v1::ListAuditEventsResponse> AdminClient::ListAuditEvents(const v1::ListAuditEventsRequest& req) {
  return caller_.Call(*stub_, &v1::AdminService::Stub::ListAuditEvents, req);
}

absl::Status LeadsClient::ForEachLead(v1::ListLeadsRequest req, int limit,
                                      const std::function<bool(const v1::Lead&)>& each) {
  const int page_size = req.page_size() > 0 ? req.page_size() : 1000;
  int passed = 0;
  do {
    req.set_page_size(limit > 0 ? std::min(page_size, limit - passed) : page_size);
    auto page = ListLeads(req);
    if (!page.ok()) return page.status();
    for (const v1::Lead& lead : page->leads()) {
      if (!each(lead)) return absl::OkStatus();
      if (limit > 0 && ++passed >= limit) return absl::OkStatus();
    }
    req.set_page_token(page->next_page_token());
  } while (!req.page_token().empty());
  return absl::OkStatus();
}

}  // namespace crm::client
