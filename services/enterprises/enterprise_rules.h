#ifndef CRM_SERVICES_ENTERPRISES_ENTERPRISE_RULES_H_
#define CRM_SERVICES_ENTERPRISES_ENTERPRISE_RULES_H_

// The enterprises service's domain rules: pure functions, no I/O, no clock of
// their own (callers pass the zone's day).

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "base/calendar.h"  // ZoneDay, ParseIsoDay, IsoDay
#include "base/field_violations.h"
#include "base/principal.h"
#include "base/visibility.h"
#include "crm/v1/enterprise_policy.pb.h"
#include "crm/v1/enterprises_service.pb.h"
#include "google/protobuf/field_mask.pb.h"

namespace crm {

// ---- Enterprises

// Adds a violation for every problem of `e`'s writable fields, named
// `prefix` + field (e.g. "enterprise.uscc"): USCC (shared validator), name,
// former names, founded date (real, not in the future of `today`), capital,
// industry section and division, text lengths, tags.
void ValidateEnterpriseFields(const v1::Enterprise& e, absl::CivilDay today, absl::string_view prefix,
                              FieldViolations& violations);

// The fields UpdateEnterprise may change (proto names); `*` means all of them.
const std::vector<std::string>& UpdatableEnterpriseFields();

// Copies the fields named by `mask` from `patch` into `e`. INVALID_ARGUMENT
// (field `update_mask`) when the mask is empty or names an unknown or
// read-only field.
absl::Status ApplyEnterpriseMask(const google::protobuf::FieldMask& mask, const v1::Enterprise& patch,
                                 v1::Enterprise& e);

// Copies the registration fields (every updatable field) from `row` into `e`:
// what an import replaces. The secretary, titles and output-only fields stay.
void CopyRegistrationFields(const v1::Enterprise& row, v1::Enterprise& e);

// ---- Yearly metrics

struct MetricsKey {
  int64_t enterprise_id = 0;
  int year = 0;
};

// Parses `enterprises/{id}/yearlyMetrics/{year}`; INVALID_ARGUMENT naming `field`.
absl::StatusOr<MetricsKey> ParseYearlyMetricsName(absl::string_view name, absl::string_view field);
std::string YearlyMetricsName(const MetricsKey& key);

// Adds a violation for every problem of the reported figures: money and counts
// not negative (profit may be), R&D staff not above employees.
void ValidateYearlyMetrics(const v1::YearlyMetrics& m, absl::string_view prefix, FieldViolations& violations);

// Copies the figures named by `mask` from `patch` into `m` (a named figure
// absent in `patch` is cleared). `*` means every figure. INVALID_ARGUMENT
// (field `update_mask`) for an empty mask or a field that is not a figure.
absl::Status ApplyYearlyMetricsMask(const google::protobuf::FieldMask& mask, const v1::YearlyMetrics& patch,
                                    v1::YearlyMetrics& m);

// Fills the derived fields of every element of `years` (one enterprise, any
// order): growth against the element whose year is one less (absent when there
// is none, a figure is missing, or the base is zero), and this year's ratios.
void DeriveMetrics(std::vector<v1::YearlyMetrics>& years);

// ---- Certifications

void ValidateCertificationFields(const v1::Certification& c, absl::string_view prefix,
                                 FieldViolations& violations);

// UpdateCertification's mask: level, issuer, batch_year, valid_until, evidence_note (`*`: all).
absl::Status ApplyCertificationMask(const google::protobuf::FieldMask& mask, const v1::Certification& patch,
                                    v1::Certification& c);

// Held on `today`: not deleted, and no end date or one not before `today`.
bool IsCurrent(const v1::Certification& c, absl::CivilDay today);

// ---- Service requests (服务清单)

// Validates the writable fields (category, description, priority, dates,
// units as `units/{id}`); due date not before the raised date when both are set.
void ValidateServiceRequestFields(const v1::ServiceRequest& r, absl::string_view prefix,
                                  FieldViolations& violations);

// UpdateServiceRequest's mask: category, description, priority,
// first_responder_unit, handling_unit, due_date (`*`: all).
absl::Status ApplyServiceRequestMask(const google::protobuf::FieldMask& mask, const v1::ServiceRequest& patch,
                                     v1::ServiceRequest& r);

// The raised date plus the policy's days for `priority`.
absl::CivilDay DefaultDueDate(const v1::EnterprisePolicy& policy, v1::ServiceRequestPriority priority,
                              absl::CivilDay raised);

// The status custom methods:
//   kAccept   OPEN                  → ACCEPTED
//   kStart    ACCEPTED, REOPENED    → IN_PROGRESS
//   kResolve  IN_PROGRESS           → RESOLVED
//   kClose    RESOLVED              → CLOSED
//   kReopen   RESOLVED              → REOPENED
enum class ServiceRequestAction { kAccept, kStart, kResolve, kClose, kReopen };

// Applies `action` to `r`'s status. FAILED_PRECONDITION naming the current
// status and the statuses the action is allowed from otherwise. (The caller
// sets resolution, satisfaction, reopen reason and times.)
absl::Status ApplyServiceRequestAction(v1::ServiceRequest& r, ServiceRequestAction action);

// OPEN, ACCEPTED, IN_PROGRESS or REOPENED: still waiting for an answer.
bool IsOpen(v1::ServiceRequestStatus status);

// Sets `overdue_days` and `escalation_color` (三色督办) of `r` on `today`:
// open and on/after its due date → BLUE, YELLOW once `yellow_after_days` past
// it, RED once `red_after_days` past it; otherwise NONE and no overdue days.
void DeriveEscalation(const v1::EnterprisePolicy& policy, absl::CivilDay today, v1::ServiceRequest& r);

// The due dates an open request of `color` has on `today` (inclusive bounds;
// absent = unbounded), so that a list can filter by colour in the store.
// BLUE: [today - yellow + 1, today]; YELLOW: [today - red + 1, today - yellow];
// RED: up to today - red. NONE: from tomorrow on. UNSPECIFIED: unbounded.
struct DueDateRange {
  std::optional<absl::CivilDay> earliest;
  std::optional<absl::CivilDay> latest;
};
DueDateRange DueDatesOf(const v1::EnterprisePolicy& policy, v1::EscalationColor color, absl::CivilDay today);

// Object level: whether `p` may see (and, where the method allows, work on)
// request `r` (whose company and service_secretary are filled in). STAFF: the
// requests of enterprises they are secretary of, and those their unit took
// (first responder) or handles; UNIT_LEAD: the same for their unit;
// LEADERSHIP, ADMIN and DEPARTMENT_SERVICE: all; any other role: none. The
// one rule, for Get (CanSeeServiceRequest) and the store's lists alike.
Visibility ServiceRequestVisibility(const Principal& p);
bool CanSeeServiceRequest(const Principal& p, const v1::ServiceRequest& r);

}  // namespace crm

#endif  // CRM_SERVICES_ENTERPRISES_ENTERPRISE_RULES_H_
