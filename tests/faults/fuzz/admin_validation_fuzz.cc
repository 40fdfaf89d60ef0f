// libFuzzer target: the admin service's request checks (see fuzz_support.h):
// units, users and their roles and scopes, tokens, the audit list's paging.

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "crm/v1/admin_service.pb.h"
#include "services/admin/admin_requests.h"
#include "services/common/permissions.h"
#include "tests/faults/fuzz/fuzz_support.h"

namespace crm::fuzz {
namespace {

// The time IssueToken is checked at (fixed, so that a run can be replayed).
absl::Time Now() { return absl::FromCivil(absl::CivilSecond(2026, 6, 15, 9, 0, 0), absl::UTCTimeZone()); }

// A valid user, as CheckUserFields lets it be stored: what it may call.
void CheckValidUser(const v1::User& user) {
  Principal p{"someone", PrincipalId(user.unit(), "units"), user.role(),
              std::vector<std::string>(user.scopes().begin(), user.scopes().end())};
  for (const auto& [method, permission] : PermissionTable()) {
    RequireVerdict(AuthorizeMethod(p, method), {absl::StatusCode::kPermissionDenied});
  }
}

const Checks& AdminChecks() {
  static const Checks* checks = [] {
    auto* c = new Checks("crm.v1.AdminService");
    c->On<v1::CreateUnitRequest>("CreateUnit", [](const auto& req) { RequireVerdict(CheckCreateUnitRequest(req)); })
        .On<v1::ListUnitsRequest>("ListUnits",
                                  [](const auto& req) {
                                    RequireVerdict(EffectivePageSize(req.page_size()).status());
                                    CheckPaging(v1::ListUnitsRequest(), req.page_token());
                                  })
        .On<v1::CreateUserRequest>("CreateUser",
                                   [](const auto& req) {
                                     absl::Status checked = CheckCreateUserRequest(req);
                                     RequireVerdict(checked);
                                     if (checked.ok()) CheckValidUser(req.user());
                                   })
        .On<v1::GetUserRequest>("GetUser", [](const auto& req) { (void)PrincipalId(req.name(), "users"); })
        .On<v1::ListUsersRequest>("ListUsers",
                                  [](const auto& req) {
                                    RequireVerdict(EffectivePageSize(req.page_size()).status());
                                    RequireVerdict(ListUsersUnitOf(req).status());
                                    v1::ListUsersRequest unpaged;
                                    unpaged.set_unit(req.unit());
                                    CheckPaging(unpaged, req.page_token());
                                  })
        .On<v1::UpdateUserRequest>("UpdateUser",
                                   [](const auto& req) {
                                     RequireVerdict(CheckUpdateUserRequest(req).status());
                                     v1::User user;
                                     user.set_name("users/zhang-san");
                                     user.set_display_name("张三");
                                     user.set_unit("units/east");
                                     user.set_role(v1::ROLE_STAFF);
                                     user.set_active(true);
                                     absl::Status masked = ApplyUserMask(req.update_mask(), req.user(), user);
                                     RequireVerdict(masked);
                                     if (!masked.ok()) return;
                                     FieldViolations violations;
                                     CheckUserFields(user, violations);
                                     RequireVerdict(violations.ToStatus());
                                     if (violations.empty()) CheckValidUser(user);
                                   })
        .On<v1::IssueTokenRequest>("IssueToken",
                                   [](const auto& req) {
                                     absl::StatusOr<TokenRequest> token = CheckIssueTokenRequest(req, Now());
                                     RequireVerdict(token.status());
                                     if (token.ok() && token->expire) Require(*token->expire > Now(), "expires later");
                                   })
        .On<v1::ListTokensRequest>("ListTokens", [](const auto& req) { (void)PrincipalId(req.principal(), "users"); })
        .On<v1::RevokeTokenRequest>(
            "RevokeToken",
            [](const auto& req) { RequireVerdict(ParseResourceId(req.name(), "tokens", "name").status()); })
        .On<v1::ListAuditEventsRequest>("ListAuditEvents", [](const auto& req) {
          RequireVerdict(EffectivePageSize(req.page_size()).status());
          v1::ListAuditEventsRequest unpaged = req;
          unpaged.clear_page_size();
          unpaged.clear_page_token();
          CheckPaging(unpaged, req.page_token());
        });
    c->RequireAllMethods();
    return c;
  }();
  return *checks;
}

}  // namespace
}  // namespace crm::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crm::fuzz::AdminChecks().Run(data, size);
  return 0;
}
