// EnterpriseService: the service checklist (服务清单) — requests, their
// lifecycle, and the 三色督办 escalation derived on every read.

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "services/common/call_mutation.h"
#include "services/enterprises/enterprise_rules.h"
#include "services/enterprises/enterprises_service.h"

namespace crm {
namespace {

using v1::ServiceRequest;

google::protobuf::Timestamp TimestampOf(absl::Time t) {
  return google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

// 首问负责: staff and unit leads take a request for their own unit; only an
// administrator records one on another unit's behalf. (The handling unit may
// be any unit: passing a request on is the point.)
absl::Status CheckFirstResponder(const Principal& p, const ServiceRequest* before, const ServiceRequest& after) {
  if (p.role == v1::ROLE_ADMIN) return absl::OkStatus();
  if (before && before->first_responder_unit() == after.first_responder_unit()) return absl::OkStatus();
  if (after.first_responder_unit() == p.unit_name()) return absl::OkStatus();
  return absl::PermissionDeniedError(absl::StrCat("first_responder_unit: ", p.user_name(), " may take requests for ",
                                                  p.unit_name(), " only"));
}

}  // namespace

absl::Status EnterpriseService::Present(const CallContext& call, ServiceRequest& r) const {
  if (!CanSeeServiceRequest(call.principal, r)) return absl::NotFoundError(absl::StrCat(r.name(), " does not exist"));
  DeriveEscalation(*policy_, call.today(), r);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* EnterpriseService::CreateServiceRequest(Ctx* ctx,
                                                                   const v1::CreateServiceRequestRequest* req,
                                                                   ServiceRequest* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t enterprise_id, ParseResourceId(req->parent(), "enterprises", "parent"));
    // Defaults first, then one validation of the request as it will be stored.
    const ServiceRequest& in = req->service_request();
    ServiceRequest r;
    r.set_category(in.category());
    r.set_description(in.description());
    r.set_priority(in.priority());
    absl::CivilDay today = call.today();
    r.set_raised_date(in.raised_date().empty() ? IsoDay(today) : in.raised_date());
    r.set_first_responder_unit(in.first_responder_unit().empty() ? call.principal.unit_name()
                                                                 : in.first_responder_unit());
    r.set_handling_unit(in.handling_unit().empty() ? r.first_responder_unit() : in.handling_unit());
    r.set_due_date(in.due_date());
    FieldViolations violations;
    if (!req->has_service_request()) violations.Add("service_request", "is required");
    ValidateServiceRequestFields(r, "service_request.", violations);
    CheckRequestId(req->request_id(), violations);
    RETURN_IF_ERROR(violations.ToStatus());
    if (r.due_date().empty()) {
      r.set_due_date(IsoDay(DefaultDueDate(*policy_, r.priority(), *ParseIsoDay(r.raised_date()))));
    }
    r.set_status(v1::SERVICE_REQUEST_STATUS_OPEN);
    RETURN_IF_ERROR(CheckFirstResponder(call.principal, nullptr, r));
    ASSIGN_OR_RETURN(*resp, requests_.Create(MutationOf(call, req->request_id()), enterprise_id, r,
                                             [&](const ServiceRequest& stored) -> absl::Status {
                                               if (CanSeeServiceRequest(call.principal, stored)) return absl::OkStatus();
                                               // Not theirs to see: it would vanish as soon as it is created.
                                               return absl::PermissionDeniedError(
                                                   "you would not be able to see this request: take it for your "
                                                   "unit or let your unit handle it");
                                             }));
    return Present(call, *resp);
  });
}

grpc::ServerUnaryReactor* EnterpriseService::GetServiceRequest(Ctx* ctx, const v1::GetServiceRequestRequest* req,
                                                                ServiceRequest* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(ChildId id, ParseChildResourceId(req->name(), "enterprises", "serviceRequests", "name"));
    ASSIGN_OR_RETURN(*resp, requests_.Get(id.parent, id.id, call.deadline));
    return Present(call, *resp);
  });
}

grpc::ServerUnaryReactor* EnterpriseService::ListServiceRequests(Ctx* ctx, const v1::ListServiceRequestsRequest* req,
                                                                  v1::ListServiceRequestsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    std::string fingerprint;
    ASSIGN_OR_RETURN(ServiceRequestQuery q,
                     ServiceRequestQueryOf(*req, *policy_, call.today(), fingerprint));
    q.scope = ServiceRequestVisibility(call.principal);
    q.max_bytes = call.page_bytes;
    ASSIGN_OR_RETURN(ServiceRequestPage page, requests_.List(q, call.deadline));
    for (ServiceRequest& r : page.requests) {
      RETURN_IF_ERROR(Present(call, r));  // the store's scope already applied the same rule
      resp->add_service_requests()->Swap(&r);
    }
    if (page.next) resp->set_next_page_token(EncodePageToken({0, page.next->second, page.next->first}, fingerprint));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::UpdateServiceRequest(Ctx* ctx,
                                                                   const v1::UpdateServiceRequestRequest* req,
                                                                   ServiceRequest* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(ChildId id, ParseChildResourceId(req->service_request().name(), "enterprises", "serviceRequests",
                                                      "service_request.name"));
    ASSIGN_OR_RETURN(*resp, requests_.Mutate(MutationOf(call), id.parent, id.id, req->service_request().etag(),
                                             [&](ServiceRequest& r) -> absl::Status {
                                               RETURN_IF_ERROR(Present(call, r));
                                               if (r.status() == v1::SERVICE_REQUEST_STATUS_CLOSED) {
                                                 return absl::FailedPreconditionError(
                                                     absl::StrCat(r.name(), " is closed"));
                                               }
                                               const ServiceRequest before = r;
                                               RETURN_IF_ERROR(
                                                   ApplyServiceRequestMask(req->update_mask(), req->service_request(), r));
                                               FieldViolations violations;
                                               ValidateServiceRequestFields(r, "service_request.", violations);
                                               RETURN_IF_ERROR(violations.ToStatus());
                                               return CheckFirstResponder(call.principal, &before, r);
                                             }));
    return Present(call, *resp);
  });
}

absl::Status EnterpriseService::ChangeRequestStatus(const CallContext& call, const std::string& name,
                                                     const std::string& etag, const std::string& request_id,
                                                     ServiceRequestAction action,
                                                     const std::function<void(ServiceRequest&)>& finish,
                                                     ServiceRequest* resp) {
  FieldViolations violations;
  CheckRequestId(request_id, violations);
  RETURN_IF_ERROR(violations.ToStatus());
  ASSIGN_OR_RETURN(ChildId id, ParseChildResourceId(name, "enterprises", "serviceRequests", "name"));
  ASSIGN_OR_RETURN(*resp, requests_.Mutate(MutationOf(call, request_id), id.parent, id.id, etag,
                                           [&](ServiceRequest& r) -> absl::Status {
                                             RETURN_IF_ERROR(Present(call, r));
                                             RETURN_IF_ERROR(ApplyServiceRequestAction(r, action));
                                             if (finish) finish(r);
                                             return absl::OkStatus();
                                           }));
  return Present(call, *resp);
}

grpc::ServerUnaryReactor* EnterpriseService::AcceptServiceRequest(Ctx* ctx,
                                                                   const v1::AcceptServiceRequestRequest* req,
                                                                   ServiceRequest* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) {
    return ChangeRequestStatus(call, req->name(), req->etag(), req->request_id(), ServiceRequestAction::kAccept,
                               nullptr, resp);
  });
}

grpc::ServerUnaryReactor* EnterpriseService::StartServiceRequest(Ctx* ctx, const v1::StartServiceRequestRequest* req,
                                                                  ServiceRequest* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) {
    return ChangeRequestStatus(call, req->name(), req->etag(), req->request_id(), ServiceRequestAction::kStart,
                               nullptr, resp);
  });
}

grpc::ServerUnaryReactor* EnterpriseService::ResolveServiceRequest(Ctx* ctx,
                                                                    const v1::ResolveServiceRequestRequest* req,
                                                                    ServiceRequest* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckResolveServiceRequestRequest(*req));
    return ChangeRequestStatus(call, req->name(), req->etag(), req->request_id(), ServiceRequestAction::kResolve,
                               [&](ServiceRequest& r) {
                                 r.set_resolution(req->resolution());
                                 *r.mutable_resolve_time() = TimestampOf(call.now);
                               },
                               resp);
  });
}

grpc::ServerUnaryReactor* EnterpriseService::CloseServiceRequest(Ctx* ctx, const v1::CloseServiceRequestRequest* req,
                                                                  ServiceRequest* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckCloseServiceRequestRequest(*req));
    return ChangeRequestStatus(call, req->name(), req->etag(), req->request_id(), ServiceRequestAction::kClose,
                               [&](ServiceRequest& r) {
                                 r.set_satisfaction(req->satisfaction());
                                 *r.mutable_close_time() = TimestampOf(call.now);
                               },
                               resp);
  });
}

grpc::ServerUnaryReactor* EnterpriseService::ReopenServiceRequest(Ctx* ctx,
                                                                   const v1::ReopenServiceRequestRequest* req,
                                                                   ServiceRequest* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckReopenServiceRequestRequest(*req));
    return ChangeRequestStatus(call, req->name(), req->etag(), req->request_id(), ServiceRequestAction::kReopen,
                               [&](ServiceRequest& r) {
                                 r.set_reopen_reason(req->reason());
                                 r.clear_resolve_time();
                               },
                               resp);
  });
}

}  // namespace crm
