#include "services/projects/project_requests.h"

#include "absl/strings/str_cat.h"
#include "base/calendar.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "base/text.h"
#include "services/projects/project_rules.h"

namespace crm {
namespace {

absl::Status CheckNote(const std::string& text, const char* field, bool required) {
  if (required && text.find_first_not_of(" \t\n") == std::string::npos) return InvalidField(field, "is required");
  if (CharCount(text) > 1000) return InvalidField(field, "must be at most 1000 characters");
  return absl::OkStatus();
}

void CheckUnitFilter(const std::string& unit, std::string& unit_id, FieldViolations& violations) {
  if (!unit.empty() && (unit_id = PrincipalId(unit, "units")).empty()) {
    violations.Add("unit", "must be a unit name like `units/promotion-1`");
  }
}

}  // namespace

std::vector<StageOverdue> OverdueStages(const v1::ProjectPolicy& policy, v1::StallKind only, absl::CivilDay today) {
  std::vector<StageOverdue> out;
  for (v1::StallKind kind : {v1::STALL_KIND_SIGNED_NOT_REGISTERED, v1::STALL_KIND_REGISTERED_NOT_STARTED,
                             v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION}) {
    if (only != v1::STALL_KIND_UNSPECIFIED && only != kind) continue;
    // Stalled = more than the threshold's days in the stage = entered before today - threshold.
    out.push_back({StageOfStall(kind), IsoDay(today - StallThresholdDays(policy, kind))});
  }
  return out;
}

absl::StatusOr<ProjectQuery> ProjectQueryOf(const v1::ListProjectsRequest& req, const v1::ProjectPolicy& policy,
                                            absl::CivilDay today) {
  FieldViolations violations;
  ProjectQuery q;
  q.stage = req.stage();
  q.tier = req.tier();
  q.industry = req.industry();
  CheckUnitFilter(req.unit(), q.unit_id, violations);
  if (!req.owner().empty() && (q.owner_id = PrincipalId(req.owner(), "users")).empty()) {
    violations.Add("owner", "must be a user name like `users/alice`");
  }
  if (!req.investor_enterprise().empty()) {
    absl::StatusOr<int64_t> id = ParseResourceId(req.investor_enterprise(), "enterprises", "investor_enterprise");
    if (id.ok()) {
      q.investor_enterprise_id = *id;
    } else {
      violations.Add("investor_enterprise", "must be `enterprises/{id}`");
    }
  }
  if (!req.origin_lead().empty()) {
    absl::StatusOr<int64_t> id = ParseResourceId(req.origin_lead(), "leads", "origin_lead");
    if (id.ok()) {
      q.origin_lead_id = *id;
    } else {
      violations.Add("origin_lead", "must be `leads/{id}`");
    }
  }
  if (req.signed_year() != 0 && (req.signed_year() < 1949 || req.signed_year() > 2100)) {
    violations.Add("signed_year", "must be 0 (any) or a year in 1949–2100");
  }
  q.signed_year = req.signed_year();
  q.show_deleted = req.show_deleted();
  if (req.stalled_only()) q.overdue_stages = OverdueStages(policy, v1::STALL_KIND_UNSPECIFIED, today);
  const std::string& order = req.order_by();
  if (order.empty() || order == "create_time desc") {
    q.order = ProjectOrder::kCreateTimeDesc;
  } else if (order == "planned_investment_cny desc") {
    q.order = ProjectOrder::kAmountDesc;
  } else if (order == "stage_date") {
    q.order = ProjectOrder::kStageDate;
  } else {
    violations.Add("order_by", "must be `create_time desc` (default), `planned_investment_cny desc` or `stage_date`");
  }
  absl::StatusOr<int> size = EffectivePageSize(req.page_size());
  if (!size.ok()) violations.Add("page_size", "must not be negative");
  RETURN_IF_ERROR(violations.ToStatus());
  q.page_size = *size;
  return q;
}

absl::StatusOr<ProjectQuery> StalledProjectsQueryOf(const v1::ListStalledProjectsRequest& req,
                                                    const v1::ProjectPolicy& policy, absl::CivilDay today) {
  FieldViolations violations;
  ProjectQuery q;
  q.industry = req.industry();
  CheckUnitFilter(req.unit(), q.unit_id, violations);
  if (req.stall() == v1::STALL_KIND_NONE) violations.Add("stall", "must be one of the three lists, or unspecified");
  absl::StatusOr<int> size = EffectivePageSize(req.page_size());
  if (!size.ok()) violations.Add("page_size", "must not be negative");
  RETURN_IF_ERROR(violations.ToStatus());
  q.page_size = *size;
  q.overdue_stages = OverdueStages(policy, req.stall(), today);
  q.order = ProjectOrder::kStageDate;  // longest in their stage first
  return q;
}

absl::Status CheckAdvanceProjectStageRequest(const v1::AdvanceProjectStageRequest& req) {
  FieldViolations violations;
  if (req.to_stage() == v1::PROJECT_STAGE_UNSPECIFIED) violations.Add("to_stage", "is required");
  CheckRequestId(req.request_id(), violations);
  RETURN_IF_ERROR(violations.ToStatus());
  RETURN_IF_ERROR(CheckNote(req.evidence_note(), "evidence_note", false));
  return CheckNote(req.justification(), "justification", false);
}

absl::Status CheckMarkProjectLostRequest(const v1::MarkProjectLostRequest& req) {
  FieldViolations violations;
  if (req.reason() == v1::LOST_REASON_UNSPECIFIED || !v1::LostReason_IsValid(req.reason())) {
    violations.Add("reason", "is required: competing region, investor withdrew, land, policy, financing or other");
  }
  if (req.reason() == v1::LOST_REASON_OTHER && req.note().find_first_not_of(" \t\n") == std::string::npos) {
    violations.Add("note", "is required when the reason is OTHER");
  }
  if (CharCount(req.note()) > 1000) violations.Add("note", "must be at most 1000 characters");
  CheckRequestId(req.request_id(), violations);
  return violations.ToStatus();
}

absl::Status CheckReopenProjectRequest(const v1::ReopenProjectRequest& req) {
  FieldViolations violations;
  CheckRequestId(req.request_id(), violations);
  RETURN_IF_ERROR(violations.ToStatus());
  return CheckNote(req.note(), "note", true);
}

absl::StatusOr<absl::CivilDay> EffectiveDay(const std::string& text, const v1::Project& p, absl::CivilDay today) {
  if (text.empty()) return today;
  std::optional<absl::CivilDay> day = ParseIsoDay(text);
  if (!day) return InvalidField("effective_date", "must be a date YYYY-MM-DD");
  if (*day > today) {
    return InvalidField("effective_date", absl::StrCat("must not be after today (", IsoDay(today), ")"));
  }
  std::optional<absl::CivilDay> since = ParseIsoDay(p.stage_date());
  if (since && *day < *since) {
    return InvalidField("effective_date",
                        absl::StrCat("must not be before the current stage's day (", p.stage_date(), ")"));
  }
  return *day;
}

absl::Status CheckListUnitTargetsRequest(const v1::ListUnitTargetsRequest& req) {
  if (req.year() < 1949 || req.year() > 2100) return InvalidField("year", "is required: a year in 1949–2100");
  return absl::OkStatus();
}

}  // namespace crm
