#include "services/dashboard/dashboard_requests.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"

namespace crm {
namespace {

void CheckIndustry(v1::IndustrySection industry, FieldViolations& violations) {
  if (!v1::IndustrySection_IsValid(industry)) violations.Add("industry", "must be a GB/T 4754 section or unspecified");
}

void CheckUnitName(const std::string& unit, FieldViolations& violations) {
  if (!unit.empty() && PrincipalId(unit, "units").empty()) {
    violations.Add("unit", "must be a unit name like `units/promotion-1`");
  }
}

}  // namespace

absl::StatusOr<int> FigureYearOf(int year, const std::string& unit, v1::IndustrySection industry,
                                 absl::CivilDay today) {
  FieldViolations violations;
  if (year == 0) {
    year = static_cast<int>(today.year());
  } else if (year < 1949 || year > 2100) {
    violations.Add("year", "must be 0 (this year) or a year in 1949–2100");
  }
  CheckUnitName(unit, violations);
  CheckIndustry(industry, violations);
  RETURN_IF_ERROR(violations.ToStatus());
  return year;
}

absl::StatusOr<AlertPageRequest> AlertPageRequestOf(const v1::ListAlertsRequest& req) {
  FieldViolations violations;
  CheckUnitName(req.unit(), violations);
  CheckIndustry(req.industry(), violations);
  if (!v1::AlertKind_IsValid(req.kind())) violations.Add("kind", "must be an alert kind or unspecified");
  // As every list does (AIP-158), a page_size above the maximum is served as
  // the maximum rather than refused.
  if (req.page_size() < 0) violations.Add("page_size", "must not be negative");
  RETURN_IF_ERROR(violations.ToStatus());
  AlertPageRequest page;
  page.page_size = req.page_size() == 0 ? 50 : std::min(req.page_size(), kMaxAlertsPage);
  v1::ListAlertsRequest unpaged = req;
  unpaged.clear_page_size();
  unpaged.clear_page_token();
  page.fingerprint = QueryFingerprint(unpaged);
  if (!req.page_token().empty()) {
    ASSIGN_OR_RETURN(PageCursor p, DecodePageToken(req.page_token(), page.fingerprint));
    AlertCursor& c = page.after.emplace();
    c.color = static_cast<v1::EscalationColor>(p.key >> 32);
    c.days = static_cast<int>(static_cast<int32_t>(p.key & 0xffffffff));
    int kind = 0;
    (void)absl::SimpleAtoi(p.text_id, &kind);
    c.kind = static_cast<v1::AlertKind>(kind);
    c.id = p.id;
  }
  return page;
}

std::string AlertPageToken(const AlertCursor& c, const std::string& fingerprint) {
  return EncodePageToken(
      {(static_cast<int64_t>(c.color) << 32) | static_cast<uint32_t>(c.days), c.id, std::to_string(c.kind)},
      fingerprint);
}

}  // namespace crm
