#include "services/enterprises/enterprise_requests.h"

#include "base/calendar.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "base/text.h"
#include "base/uscc.h"
#include "services/enterprises/enterprise_rules.h"

namespace crm {

absl::StatusOr<EnterpriseQuery> EnterpriseQueryOf(const v1::ListEnterprisesRequest& req) {
  FieldViolations violations;
  EnterpriseQuery q;
  q.title = req.title();
  q.level = req.level();
  q.industry = req.industry();
  q.in_zone_only = req.in_zone_only();
  q.name_contains = req.name_contains();
  q.show_deleted = req.show_deleted();
  q.uscc = req.uscc();
  if (!req.uscc().empty()) {
    if (auto problem = UsccProblem(req.uscc())) violations.Add("uscc", *problem);
  }
  if (!req.service_secretary().empty() && (q.secretary_id = PrincipalId(req.service_secretary(), "users")).empty()) {
    violations.Add("service_secretary", "must be a user name like `users/alice`");
  }
  if (CharCount(req.name_contains()) > 200) violations.Add("name_contains", "must be at most 200 characters");
  absl::StatusOr<int> size = EffectivePageSize(req.page_size());
  if (!size.ok()) violations.Add("page_size", "must not be negative");
  RETURN_IF_ERROR(violations.ToStatus());
  q.page_size = *size;
  return q;
}

absl::StatusOr<ServiceRequestQuery> ServiceRequestQueryOf(const v1::ListServiceRequestsRequest& req,
                                                          const v1::EnterprisePolicy& policy, absl::CivilDay today,
                                                          std::string& fingerprint) {
  FieldViolations violations;
  ServiceRequestQuery q;
  if (req.parent() != "enterprises/-") {
    absl::StatusOr<int64_t> id = ParseResourceId(req.parent(), "enterprises", "parent");
    if (id.ok()) {
      q.enterprise_id = *id;
    } else {
      violations.Add("parent", "must be `enterprises/{id}` or `enterprises/-`");
    }
  }
  q.status = req.status();
  q.category = req.category();
  if (!req.unit().empty() && (q.unit_id = PrincipalId(req.unit(), "units")).empty()) {
    violations.Add("unit", "must be a unit name like `units/promotion-1`");
  }
  absl::StatusOr<int> size = EffectivePageSize(req.page_size());
  if (!size.ok()) violations.Add("page_size", "must not be negative");
  RETURN_IF_ERROR(violations.ToStatus());
  q.page_size = *size;
  if (req.overdue_only()) {
    q.open_only = true;
    q.due_to = IsoDay(today);
  }
  if (req.escalation_color() != v1::ESCALATION_COLOR_UNSPECIFIED) {
    DueDateRange range = DueDatesOf(policy, req.escalation_color(), today);
    q.open_only = true;
    if (range.earliest) q.due_from = IsoDay(*range.earliest);
    if (range.latest && (q.due_to.empty() || IsoDay(*range.latest) < q.due_to)) q.due_to = IsoDay(*range.latest);
  }
  v1::ListServiceRequestsRequest unpaged = req;
  unpaged.clear_page_size();
  unpaged.clear_page_token();
  fingerprint = QueryFingerprint(unpaged);
  if (!req.page_token().empty()) {
    ASSIGN_OR_RETURN(PageCursor cursor, DecodePageToken(req.page_token(), fingerprint));
    q.after = std::make_pair(cursor.text_id, cursor.id);
  }
  return q;
}

absl::StatusOr<std::string> CheckAssignServiceSecretaryRequest(const v1::AssignServiceSecretaryRequest& req) {
  FieldViolations violations;
  std::string secretary_id;
  if (!req.service_secretary().empty() && (secretary_id = PrincipalId(req.service_secretary(), "users")).empty()) {
    violations.Add("service_secretary", "must be a user name like `users/alice`, or empty for none");
  }
  if (CharCount(req.note()) > 500) violations.Add("note", "must be at most 500 characters");
  CheckRequestId(req.request_id(), violations);
  RETURN_IF_ERROR(violations.ToStatus());
  return secretary_id;
}

absl::Status CheckResolveServiceRequestRequest(const v1::ResolveServiceRequestRequest& req) {
  if (req.resolution().find_first_not_of(" \t\n") == std::string::npos) {
    return InvalidField("resolution", "is required: say how the request was answered");
  }
  if (CharCount(req.resolution()) > 2000) return InvalidField("resolution", "must be at most 2000 characters");
  return absl::OkStatus();
}

absl::Status CheckCloseServiceRequestRequest(const v1::CloseServiceRequestRequest& req) {
  if (req.satisfaction() < 1 || req.satisfaction() > 5) {
    return InvalidField("satisfaction", "is required: the enterprise's rating from 1 (very unsatisfied) to 5");
  }
  return absl::OkStatus();
}

absl::Status CheckReopenServiceRequestRequest(const v1::ReopenServiceRequestRequest& req) {
  if (req.reason().find_first_not_of(" \t\n") == std::string::npos) {
    return InvalidField("reason", "is required: say why the enterprise is not satisfied");
  }
  if (CharCount(req.reason()) > 500) return InvalidField("reason", "must be at most 500 characters");
  return absl::OkStatus();
}

absl::StatusOr<int64_t> CheckEvaluateEnterpriseRequest(const v1::EvaluateEnterpriseRequest& req) {
  ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req.name(), "enterprises", "name"));
  if (req.year() != 0 && (req.year() < 1949 || req.year() > 2100)) {
    return InvalidField("year", "must be 0 (the latest year with figures) or a year in 1949–2100");
  }
  return id;
}

}  // namespace crm
