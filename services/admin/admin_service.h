#ifndef CRM_SERVICES_ADMIN_ADMIN_SERVICE_H_
#define CRM_SERVICES_ADMIN_ADMIN_SERVICE_H_

#include "crm/v1/admin_service.grpc.pb.h"
#include "services/common/rpc_runner.h"
#include "storage/audit_store.h"
#include "storage/principal_store.h"

namespace crm {

// The gRPC adapter of crm.v1.AdminService: units, users, tokens and the audit log. Who may
// call it is the permission table's business (ADMIN only).
class AdminService final : public v1::AdminService::CallbackService {
 public:
  AdminService(RpcRunner* runner, PrincipalStore* store, ConnectionPool* pool)
      : runner_(runner), store_(store), audit_(pool) {}

  grpc::ServerUnaryReactor* CreateUnit(grpc::CallbackServerContext* ctx, const v1::CreateUnitRequest* req,
                                       v1::Unit* resp) override;
  grpc::ServerUnaryReactor* ListUnits(grpc::CallbackServerContext* ctx, const v1::ListUnitsRequest* req,
                                      v1::ListUnitsResponse* resp) override;
  grpc::ServerUnaryReactor* CreateUser(grpc::CallbackServerContext* ctx, const v1::CreateUserRequest* req,
                                       v1::User* resp) override;
  grpc::ServerUnaryReactor* GetUser(grpc::CallbackServerContext* ctx, const v1::GetUserRequest* req,
                                    v1::User* resp) override;
  grpc::ServerUnaryReactor* ListUsers(grpc::CallbackServerContext* ctx, const v1::ListUsersRequest* req,
                                      v1::ListUsersResponse* resp) override;
  grpc::ServerUnaryReactor* UpdateUser(grpc::CallbackServerContext* ctx, const v1::UpdateUserRequest* req,
                                       v1::User* resp) override;
  grpc::ServerUnaryReactor* IssueToken(grpc::CallbackServerContext* ctx, const v1::IssueTokenRequest* req,
                                       v1::IssueTokenResponse* resp) override;
  grpc::ServerUnaryReactor* ListTokens(grpc::CallbackServerContext* ctx, const v1::ListTokensRequest* req,
                                       v1::ListTokensResponse* resp) override;
  grpc::ServerUnaryReactor* RevokeToken(grpc::CallbackServerContext* ctx, const v1::RevokeTokenRequest* req,
                                        v1::Token* resp) override;
  grpc::ServerUnaryReactor* ListAuditEvents(grpc::CallbackServerContext* ctx, const v1::ListAuditEventsRequest* req,
                                            v1::ListAuditEventsResponse* resp) override;

 private:
  RpcRunner* runner_;
  PrincipalStore* store_;
  AuditStore audit_;
};

}  // namespace crm

#endif  // CRM_SERVICES_ADMIN_ADMIN_SERVICE_H_
