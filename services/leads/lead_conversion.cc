// LeadService.ConvertLead: a qualified lead becomes an enterprise of the pool
// and a NEGOTIATING project. The enterprise and the project belong to other
// services, so this is a saga over their gRPC APIs, on the caller's behalf
// (its token is forwarded, so their permission rules apply to it). Every step
// finds its result by a natural key before it creates anything — the
// enterprise by USCC, the project by its origin lead (unique in the store) —
// and creates with a request id derived from the lead, so a retry after a
// failure anywhere completes the conversion without duplicates.

#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/field_violations.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "services/common/call_mutation.h"
#include "services/leads/lead_requests.h"
#include "services/leads/lead_rules.h"
#include "services/leads/leads_service.h"

namespace crm {

namespace {

using v1::Lead;

// The request id of saga step `step` for `lead_id`: a fixed UUID per lead and
// step, so a retried step is answered with its first result.
std::string StepRequestId(int64_t lead_id, int step) {
  return absl::StrFormat("c0a7e500-%04x-4000-8000-%012x", step, lead_id);
}

std::unique_ptr<grpc::ClientContext> PeerContext(const CallContext& call) {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->AddMetadata("authorization", absl::StrCat("Bearer ", call.bearer_token));
  ctx->AddMetadata("x-request-id", call.trace_id);
  ctx->set_deadline(absl::ToChronoTime(call.deadline));
  return ctx;
}

// A peer service's answer as a status of this call (code and message; the
// gRPC and absl codes are the same numbers).
absl::Status FromPeer(const grpc::Status& s) {
  if (s.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(s.error_code()), s.error_message());
}

}  // namespace

void LeadService::ConnectConversionPeers(std::shared_ptr<grpc::Channel> enterprises,
                                          std::shared_ptr<grpc::Channel> projects, int max_conversions) {
  enterprises_ = v1::EnterpriseService::NewStub(enterprises);
  projects_ = v1::ProjectService::NewStub(projects);
  max_conversions_ = max_conversions;
}

grpc::ServerUnaryReactor* LeadService::ConvertLead(grpc::CallbackServerContext* ctx,
                                                    const v1::ConvertLeadRequest* req,
                                                    v1::ConvertLeadResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    if (!enterprises_ || !projects_) {
      return absl::UnavailableError("this server cannot reach the enterprises and projects services");
    }
    if (call.bearer_token.empty()) {
      return absl::FailedPreconditionError("ConvertLead acts on the caller's behalf and needs a bearer token");
    }
    if (max_conversions_ < 1) {
      return absl::FailedPreconditionError(
          "ConvertLead needs at least two worker threads (--pool_size ≥ 2) when the services share a process");
    }
    // Bounded (see ConnectConversionPeers): beyond it, refuse rather than risk
    // every worker waiting on a call that needs a worker.
    if (conversions_running_.fetch_add(1) >= max_conversions_) {
      conversions_running_.fetch_sub(1);
      return absl::ResourceExhaustedError("too many conversions at once; retry shortly");
    }
    absl::Cleanup done = [this] { conversions_running_.fetch_sub(1); };
    return Convert(call, *req, *resp);
  });
}

absl::Status LeadService::Convert(const CallContext& call, const v1::ConvertLeadRequest& req,
                                   v1::ConvertLeadResponse& resp) {
  ASSIGN_OR_RETURN(int64_t lead_id, CheckConvertLeadRequest(req));
  ASSIGN_OR_RETURN(Lead lead, store_.Get(lead_id, call.deadline));
  if (!CanSeeLead(call.principal, lead)) return absl::NotFoundError(absl::StrCat(lead.name(), " does not exist"));
  // Done before: the same answer, whatever the etag (a retry of a lost success).
  if (lead.status() == v1::LEAD_STATUS_CONVERTED) {
    resp.set_enterprise(lead.converted_enterprise());
    resp.set_project(lead.converted_project());
    RedactLead(call.principal, lead);
    *resp.mutable_lead() = std::move(lead);
    return absl::OkStatus();
  }
  if (!req.etag().empty() && req.etag() != lead.etag()) {
    return absl::AbortedError(absl::StrCat("etag ", req.etag(), " is stale: ", lead.name(),
                                           " has changed; read it again (current etag ", lead.etag(), ")"));
  }
  if (lead.has_delete_time()) return absl::FailedPreconditionError(absl::StrCat(lead.name(), " is deleted"));
  if (lead.status() != v1::LEAD_STATUS_QUALIFIED) {
    return absl::FailedPreconditionError(absl::StrCat(lead.name(), " is ", LeadStatusName(lead.status()),
                                                      "; only a QUALIFIED lead converts (QualifyLead first)"));
  }
  if (lead.uscc().empty() || lead.industry() == v1::INDUSTRY_SECTION_UNSPECIFIED) {
    return absl::FailedPreconditionError(absl::StrCat(
        lead.name(), " needs a uscc and an industry to become an enterprise of the pool: set them first"));
  }

  // Step 1: the enterprise, found by USCC or created.
  v1::ListEnterprisesRequest find;
  find.set_uscc(lead.uscc());
  v1::ListEnterprisesResponse found;
  RETURN_IF_ERROR(FromPeer(enterprises_->ListEnterprises(PeerContext(call).get(), find, &found)));
  if (found.enterprises_size() > 0) {
    resp.set_enterprise(found.enterprises(0).name());
  } else {
    if (req.founded_date().empty()) {
      return InvalidField("founded_date", "is required: the enterprise is new to the pool");
    }
    v1::CreateEnterpriseRequest create;
    v1::Enterprise* e = create.mutable_enterprise();
    e->set_uscc(lead.uscc());
    e->set_company_name(lead.company_name());
    e->set_founded_date(req.founded_date());
    e->set_industry(lead.industry());
    create.set_request_id(StepRequestId(lead_id, 1));
    v1::Enterprise created;
    grpc::Status s = enterprises_->CreateEnterprise(PeerContext(call).get(), create, &created);
    if (s.error_code() == grpc::StatusCode::ALREADY_EXISTS) {  // created meanwhile by someone else
      RETURN_IF_ERROR(FromPeer(enterprises_->ListEnterprises(PeerContext(call).get(), find, &found)));
      if (found.enterprises_size() == 0) return FromPeer(s);
      resp.set_enterprise(found.enterprises(0).name());
    } else {
      RETURN_IF_ERROR(FromPeer(s));
      resp.set_enterprise(created.name());
      resp.set_enterprise_created(true);
    }
  }

  // Step 2: the project, found by its origin lead or created.
  v1::ListProjectsRequest by_lead;
  by_lead.set_origin_lead(lead.name());
  v1::ListProjectsResponse projects;
  RETURN_IF_ERROR(FromPeer(projects_->ListProjects(PeerContext(call).get(), by_lead, &projects)));
  if (projects.projects_size() > 0) {
    resp.set_project(projects.projects(0).name());
  } else {
    v1::CreateProjectRequest create;
    v1::Project* p = create.mutable_project();
    p->set_display_name(req.project_display_name().empty() ? absl::StrCat(lead.company_name(), "项目")
                                                           : req.project_display_name());
    p->set_investor_enterprise(resp.enterprise());
    p->set_investor_name(lead.company_name());
    p->set_investor_uscc(lead.uscc());
    p->set_origin_lead(lead.name());
    p->set_industry(lead.industry());
    p->set_investment_form(req.investment_form());
    p->set_planned_investment_cny(req.planned_investment_cny() > 0 ? req.planned_investment_cny()
                                                                   : lead.estimated_investment_cny());
    p->set_unit(lead.unit());
    p->set_owner(lead.owner());
    create.set_request_id(StepRequestId(lead_id, 2));
    v1::Project created;
    RETURN_IF_ERROR(FromPeer(projects_->CreateProject(PeerContext(call).get(), create, &created)));
    resp.set_project(created.name());
  }

  // Step 3: the lead, CONVERTED with its links (a local transaction).
  ASSIGN_OR_RETURN(Lead converted, store_.Mutate(MutationOf(call), lead_id, req.etag(), [&](Lead& l) -> absl::Status {
    if (l.status() == v1::LEAD_STATUS_CONVERTED && l.converted_project() == resp.project()) return absl::OkStatus();
    RETURN_IF_ERROR(ApplyLeadAction(l, LeadAction::kConvert));
    l.set_converted_enterprise(resp.enterprise());
    l.set_converted_project(resp.project());
    return absl::OkStatus();
  }));
  RedactLead(call.principal, converted);
  *resp.mutable_lead() = std::move(converted);
  return absl::OkStatus();
}

}  // namespace crm
