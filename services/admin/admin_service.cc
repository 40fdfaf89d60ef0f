#include "services/admin/admin_service.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "base/field_violations.h"
#include "base/page_limit.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "services/admin/admin_requests.h"
#include "services/common/call_mutation.h"
#include "services/common/permissions.h"

namespace crm {
namespace {

// Keyset paging by text id: where a list call's page starts ("" for the first).
absl::StatusOr<std::string> AfterId(const std::string& token, const google::protobuf::Message& unpaged) {
  if (token.empty()) return std::string();
  ASSIGN_OR_RETURN(PageCursor cursor, DecodePageToken(token, QueryFingerprint(unpaged)));
  return cursor.text_id;
}

std::string NextToken(const std::string& last_id, const google::protobuf::Message& unpaged) {
  PageCursor cursor;
  cursor.text_id = last_id;
  return EncodePageToken(cursor, QueryFingerprint(unpaged));
}

}  // namespace

grpc::ServerUnaryReactor* AdminService::CreateUnit(grpc::CallbackServerContext* ctx,
                                                   const v1::CreateUnitRequest* req, v1::Unit* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckCreateUnitRequest(*req));
    ASSIGN_OR_RETURN(*resp, store_->CreateUnit(MutationOf(call), req->unit_id(), req->unit()));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::ListUnits(grpc::CallbackServerContext* ctx,
                                                  const v1::ListUnitsRequest* req, v1::ListUnitsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int page_size, EffectivePageSize(req->page_size()));
    v1::ListUnitsRequest unpaged;
    ASSIGN_OR_RETURN(std::string after, AfterId(req->page_token(), unpaged));
    ASSIGN_OR_RETURN(std::vector<v1::Unit> units, store_->ListUnits(after, page_size, call.deadline));
    bool more = TrimPage(units, page_size, call.page_bytes);
    for (v1::Unit& u : units) resp->add_units()->Swap(&u);
    if (more) resp->set_next_page_token(NextToken(PrincipalId(resp->units().rbegin()->name(), "units"), unpaged));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::CreateUser(grpc::CallbackServerContext* ctx,
                                                   const v1::CreateUserRequest* req, v1::User* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckCreateUserRequest(*req));
    v1::User user = req->user();
    user.set_active(true);
    ASSIGN_OR_RETURN(*resp, store_->CreateUser(MutationOf(call), req->user_id(), user));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::GetUser(grpc::CallbackServerContext* ctx, const v1::GetUserRequest* req,
                                                v1::User* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    std::string id = PrincipalId(req->name(), "users");
    if (id.empty()) return InvalidField("name", "must be a user name like `users/alice`");
    ASSIGN_OR_RETURN(*resp, store_->GetUser(id, call.deadline));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::ListUsers(grpc::CallbackServerContext* ctx,
                                                  const v1::ListUsersRequest* req, v1::ListUsersResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int page_size, EffectivePageSize(req->page_size()));
    ASSIGN_OR_RETURN(std::string unit_id, ListUsersUnitOf(*req));
    v1::ListUsersRequest unpaged;
    unpaged.set_unit(req->unit());
    ASSIGN_OR_RETURN(std::string after, AfterId(req->page_token(), unpaged));
    ASSIGN_OR_RETURN(std::vector<v1::User> users, store_->ListUsers(unit_id, after, page_size, call.deadline));
    bool more = TrimPage(users, page_size, call.page_bytes);
    for (v1::User& u : users) resp->add_users()->Swap(&u);
    if (more) resp->set_next_page_token(NextToken(PrincipalId(resp->users().rbegin()->name(), "users"), unpaged));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::UpdateUser(grpc::CallbackServerContext* ctx,
                                                   const v1::UpdateUserRequest* req, v1::User* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(std::string id, CheckUpdateUserRequest(*req));
    ASSIGN_OR_RETURN(*resp, store_->MutateUser(MutationOf(call), id, req->user().etag(), [&](v1::User& user) {
      RETURN_IF_ERROR(ApplyUserMask(req->update_mask(), req->user(), user));
      FieldViolations violations;
      CheckUserFields(user, violations);
      return violations.ToStatus();
    }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::IssueToken(grpc::CallbackServerContext* ctx,
                                                   const v1::IssueTokenRequest* req, v1::IssueTokenResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(TokenRequest token, CheckIssueTokenRequest(*req, call.now));
    ASSIGN_OR_RETURN(auto issued, store_->IssueToken(MutationOf(call), token.user_id, req->description(), token.expire));
    *resp->mutable_token() = issued.first;
    resp->set_secret(issued.second);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::ListTokens(grpc::CallbackServerContext* ctx,
                                                   const v1::ListTokensRequest* req, v1::ListTokensResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    std::string id = PrincipalId(req->principal(), "users");
    if (id.empty()) return InvalidField("principal", "must be a user name like `users/alice`");
    ASSIGN_OR_RETURN(std::vector<v1::Token> tokens, store_->ListTokens(id, call.deadline));
    for (v1::Token& t : tokens) resp->add_tokens()->Swap(&t);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::RevokeToken(grpc::CallbackServerContext* ctx,
                                                    const v1::RevokeTokenRequest* req, v1::Token* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "tokens", "name"));
    ASSIGN_OR_RETURN(*resp, store_->RevokeToken(MutationOf(call), id));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* AdminService::ListAuditEvents(grpc::CallbackServerContext* ctx,
                                                        const v1::ListAuditEventsRequest* req,
                                                        v1::ListAuditEventsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int page_size, EffectivePageSize(req->page_size()));
    v1::ListAuditEventsRequest unpaged = *req;
    unpaged.clear_page_size();
    unpaged.clear_page_token();
    std::string fingerprint = QueryFingerprint(unpaged);
    AuditQuery query{req->principal(), req->resource(), req->method(), req->outcome(), 0, page_size};
    if (!req->page_token().empty()) {
      ASSIGN_OR_RETURN(PageCursor cursor, DecodePageToken(req->page_token(), fingerprint));
      query.before_id = cursor.id;
    }
    ASSIGN_OR_RETURN(std::vector<v1::AuditEvent> events, audit_.List(query, call.deadline));
    bool more = TrimPage(events, page_size, call.page_bytes);
    for (v1::AuditEvent& e : events) resp->add_audit_events()->Swap(&e);
    if (more) {
      const std::string& last = resp->audit_events().rbegin()->name();
      resp->set_next_page_token(EncodePageToken({0, std::stoll(last.substr(last.find('/') + 1)), ""}, fingerprint));
    }
    return absl::OkStatus();
  });
}

}  // namespace crm
