#include "services/leads/lead_requests.h"

#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "base/text.h"
#include "base/uscc.h"

namespace crm {

absl::StatusOr<LeadQuery> LeadQueryOf(const v1::ListLeadsRequest& req, std::string& fingerprint) {
  FieldViolations violations;
  LeadQuery q;
  q.status = req.status();
  q.target_list = req.target_list();
  q.channel = req.channel();
  q.industry = req.industry();
  q.company_name_contains = req.company_name_contains();
  q.show_deleted = req.show_deleted();
  if (!req.owner().empty() && (q.owner_id = PrincipalId(req.owner(), "users")).empty()) {
    violations.Add("owner", "must be a user name like `users/alice`");
  }
  if (!req.unit().empty() && (q.unit_id = PrincipalId(req.unit(), "units")).empty()) {
    violations.Add("unit", "must be a unit name like `units/promotion-1`");
  }
  if (CharCount(req.company_name_contains()) > 200) {
    violations.Add("company_name_contains", "must be at most 200 characters");
  }
  const std::string& order = req.order_by();
  if (order.empty() || order == "create_time desc") {
  } else if (order == "create_time" || order == "create_time asc") {
    q.descending = false;
  } else if (order == "update_time desc") {
    q.by_update_time = true;
  } else if (order == "update_time" || order == "update_time asc") {
    q.by_update_time = true;
    q.descending = false;
  } else {
    violations.Add("order_by",
                   "must be `create_time desc` (default), `create_time`, `update_time desc` or `update_time`");
  }
  absl::StatusOr<int> size = EffectivePageSize(req.page_size());
  if (!size.ok()) violations.Add("page_size", "must not be negative");
  RETURN_IF_ERROR(violations.ToStatus());
  q.page_size = *size;
  v1::ListLeadsRequest unpaged = req;
  unpaged.clear_page_size();
  unpaged.clear_page_token();
  fingerprint = QueryFingerprint(unpaged);
  if (!req.page_token().empty()) {
    ASSIGN_OR_RETURN(PageCursor cursor, DecodePageToken(req.page_token(), fingerprint));
    q.after = std::make_pair(cursor.key, cursor.id);
  }
  return q;
}

absl::Status CheckDisqualifyReason(const std::string& reason) {
  if (reason.find_first_not_of(" \t\n") == std::string::npos) {
    return InvalidField("reason", "is required: say why the lead is disqualified");
  }
  if (CharCount(reason) > 500) return InvalidField("reason", "must be at most 500 characters");
  return absl::OkStatus();
}

absl::Status CheckFindDuplicateLeadsRequest(const v1::FindDuplicateLeadsRequest& req) {
  FieldViolations violations;
  if (req.company_name().empty() && req.uscc().empty()) {
    violations.Add("company_name", "give a company name or a uscc (or both)");
  }
  if (!req.uscc().empty()) {
    if (auto problem = UsccProblem(req.uscc())) violations.Add("uscc", *problem);
  }
  if (CharCount(req.company_name()) > 200) violations.Add("company_name", "must be at most 200 characters");
  return violations.ToStatus();
}

absl::StatusOr<int64_t> CheckConvertLeadRequest(const v1::ConvertLeadRequest& req) {
  ASSIGN_OR_RETURN(int64_t lead_id, ParseResourceId(req.name(), "leads", "name"));
  if (CharCount(req.project_display_name()) > 200) {
    return InvalidField("project_display_name", "must be at most 200 characters");
  }
  if (req.planned_investment_cny() < 0) return InvalidField("planned_investment_cny", "must not be negative");
  return lead_id;
}

}  // namespace crm
