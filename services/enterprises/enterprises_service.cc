// EnterpriseService: the enterprises themselves and their service secretaries.

#include "services/enterprises/enterprises_service.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "services/common/call_mutation.h"
#include "services/enterprises/enterprise_requests.h"
#include "services/enterprises/enterprise_rules.h"

namespace crm {
namespace {

using v1::Enterprise;


absl::Status NotDeleted(const Enterprise& e) {
  if (!e.has_delete_time()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(e.name(), " is deleted; undelete it first"));
}

// The fingerprint of a list request's query: its fields other than paging.
std::string FingerprintOf(v1::ListEnterprisesRequest req) {
  req.clear_page_size();
  req.clear_page_token();
  return QueryFingerprint(req);
}

}  // namespace

EnterpriseService::EnterpriseService(RpcRunner* runner, ConnectionPool* pool, const v1::EnterprisePolicy* policy)
    : runner_(runner),
      policy_(policy),
      enterprises_(pool),
      metrics_(pool),
      certifications_(pool),
      requests_(pool) {}

grpc::ServerUnaryReactor* EnterpriseService::GetEnterprise(Ctx* ctx, const v1::GetEnterpriseRequest* req,
                                                            Enterprise* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "enterprises", "name"));
    ASSIGN_OR_RETURN(*resp, enterprises_.Get(id, IsoDay(call.today()), call.deadline));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::ListEnterprises(Ctx* ctx, const v1::ListEnterprisesRequest* req,
                                                              v1::ListEnterprisesResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(EnterpriseQuery query, EnterpriseQueryOf(*req));
    query.max_bytes = call.page_bytes;
    std::string fingerprint = FingerprintOf(*req);
    if (!req->page_token().empty()) {
      ASSIGN_OR_RETURN(PageCursor cursor, DecodePageToken(req->page_token(), fingerprint));
      query.after_id = cursor.id;
    }
    ASSIGN_OR_RETURN(EnterprisePage page, enterprises_.List(query, IsoDay(call.today()), call.deadline));
    for (Enterprise& e : page.enterprises) resp->add_enterprises()->Swap(&e);
    if (page.next_after_id) resp->set_next_page_token(EncodePageToken({0, page.next_after_id, ""}, fingerprint));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::CreateEnterprise(Ctx* ctx, const v1::CreateEnterpriseRequest* req,
                                                               Enterprise* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    FieldViolations violations;
    if (!req->has_enterprise()) violations.Add("enterprise", "is required");
    ValidateEnterpriseFields(req->enterprise(), call.today(), "enterprise.", violations);
    CheckRequestId(req->request_id(), violations);
    RETURN_IF_ERROR(violations.ToStatus());
    Enterprise e;
    CopyRegistrationFields(req->enterprise(), e);
    ASSIGN_OR_RETURN(*resp, enterprises_.Create(MutationOf(call, req->request_id()), e, IsoDay(call.today())));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::UpdateEnterprise(Ctx* ctx, const v1::UpdateEnterpriseRequest* req,
                                                               Enterprise* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->enterprise().name(), "enterprises", "enterprise.name"));
    absl::CivilDay today = call.today();
    ASSIGN_OR_RETURN(*resp, enterprises_.Mutate(MutationOf(call), id, req->enterprise().etag(), IsoDay(today),
                                                [&](Enterprise& e) -> absl::Status {
                                                  RETURN_IF_ERROR(NotDeleted(e));
                                                  RETURN_IF_ERROR(ApplyEnterpriseMask(req->update_mask(),
                                                                                      req->enterprise(), e));
                                                  FieldViolations violations;
                                                  ValidateEnterpriseFields(e, today, "enterprise.", violations);
                                                  return violations.ToStatus();
                                                }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::DeleteEnterprise(Ctx* ctx, const v1::DeleteEnterpriseRequest* req,
                                                               Enterprise* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "enterprises", "name"));
    ASSIGN_OR_RETURN(*resp, enterprises_.Mutate(MutationOf(call), id, req->etag(), IsoDay(call.today()), [&](Enterprise& e) {
      if (e.has_delete_time()) return absl::FailedPreconditionError(absl::StrCat(e.name(), " is already deleted"));
      *e.mutable_delete_time() =
          google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(call.now));
      return absl::OkStatus();
    }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::UndeleteEnterprise(Ctx* ctx, const v1::UndeleteEnterpriseRequest* req,
                                                                 Enterprise* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "enterprises", "name"));
    ASSIGN_OR_RETURN(*resp, enterprises_.Mutate(MutationOf(call), id, req->etag(), IsoDay(call.today()), [&](Enterprise& e) {
      if (!e.has_delete_time()) return absl::FailedPreconditionError(absl::StrCat(e.name(), " is not deleted"));
      e.clear_delete_time();
      return absl::OkStatus();
    }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::AssignServiceSecretary(Ctx* ctx,
                                                                     const v1::AssignServiceSecretaryRequest* req,
                                                                     Enterprise* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string secretary_id, CheckAssignServiceSecretaryRequest(*req));
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "enterprises", "name"));
    ASSIGN_OR_RETURN(*resp, enterprises_.AssignSecretary(MutationOf(call, req->request_id()), id, req->etag(),
                                                         secretary_id, req->note(), IsoDay(call.today()), &NotDeleted));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::ListSecretaryAssignments(
    Ctx* ctx, const v1::ListSecretaryAssignmentsRequest* req, v1::ListSecretaryAssignmentsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "enterprises", "parent"));
    RETURN_IF_ERROR(enterprises_.Get(id, IsoDay(call.today()), call.deadline).status());  // NOT_FOUND for a missing one
    ASSIGN_OR_RETURN(std::vector<v1::SecretaryAssignment> history, enterprises_.ListAssignments(id, call.deadline));
    for (v1::SecretaryAssignment& a : history) resp->add_assignments()->Swap(&a);
    return absl::OkStatus();
  });
}

}  // namespace crm
