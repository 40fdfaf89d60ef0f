#ifndef CRM_SERVICES_LEADS_LEAD_RULES_H_
#define CRM_SERVICES_LEADS_LEAD_RULES_H_

// The leads service's domain rules: pure functions, no I/O, no clock of their own.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "base/field_violations.h"
#include "base/principal.h"
#include "base/text.h"  // CharCount
#include "base/visibility.h"
#include "crm/v1/leads_service.pb.h"
#include "google/protobuf/field_mask.pb.h"

namespace crm {

// The company name reduced to what identifies the company, for duplicate
// detection: full-width forms folded to ASCII, letters lower-cased, spaces,
// punctuation and brackets removed, a bracketed region such as （中国） dropped,
// and legal-form suffixes (股份有限公司, 有限公司, 集团, Co., Ltd., Inc. …) cut
// from the end. "华为技术（中国）有限公司" and "华为技术 有限公司" give "华为技术".
std::string NormalizeCompanyName(absl::string_view name);

// Adds a violation for every problem of `lead`'s writable fields, naming each
// field as `prefix` + field name (e.g. "lead.uscc").
void ValidateLeadFields(const v1::Lead& lead, absl::string_view prefix, FieldViolations& violations);

// The fields UpdateLead may change (proto names). `*` in a mask means all of them.
const std::vector<std::string>& UpdatableLeadFields();

// Copies the fields named by `mask` from `patch` into `lead`. INVALID_ARGUMENT
// (field `update_mask`) when the mask is empty or names an unknown or
// read-only field.
absl::Status ApplyLeadMask(const google::protobuf::FieldMask& mask, const v1::Lead& patch, v1::Lead& lead);

// What moves a lead through the funnel, and from where:
//   kQualify        NEW, CONTACTING            → QUALIFIED
//   kDisqualify     NEW, CONTACTING, QUALIFIED → DISQUALIFIED
//   kReopen         DISQUALIFIED               → CONTACTING
//   kFirstActivity  NEW                        → CONTACTING
//   kConvert        QUALIFIED                  → CONVERTED
enum class LeadAction { kQualify, kDisqualify, kReopen, kFirstActivity, kConvert };

// Applies `action` to `lead`'s status (clearing the disqualify reason when it
// leaves DISQUALIFIED). FAILED_PRECONDITION naming the statuses it is allowed
// from otherwise.
absl::Status ApplyLeadAction(v1::Lead& lead, LeadAction action);

// Short name of a status for messages ("QUALIFIED").
std::string LeadStatusName(v1::LeadStatus status);

// Object level: the leads `p` may see (and, where the method allows, change).
// STAFF: leads of their unit and leads they own; UNIT_LEAD: their unit's;
// LEADERSHIP, ADMIN and DEPARTMENT_SERVICE (whose scopes the permission table
// already checked): all; any other role: none. The one rule, for Get (CanSeeLead)
// and for the store's lists alike. A lead the caller may not see is answered
// NOT_FOUND, so its existence is not revealed.
Visibility LeadVisibility(const Principal& p);
bool CanSeeLead(const Principal& p, const v1::Lead& lead);

// Field level: contacts' phone and e-mail are for the owning unit, LEADERSHIP
// and ADMIN; everyone else gets them cleared.
void RedactLead(const Principal& p, v1::Lead& lead);

// Property level: who may put a lead in which unit and give it to whom.
// ADMIN: anyone anywhere; UNIT_LEAD: into their own unit; STAFF: into their own
// unit, owned by themselves. Only fields that change are checked (`before` is
// null on create). PERMISSION_DENIED naming the field otherwise.
absl::Status CheckLeadAssignment(const Principal& p, const v1::Lead* before, const v1::Lead& after);

// Adds a violation for every problem of `activity`'s writable fields.
void ValidateActivityFields(const v1::Activity& activity, absl::string_view prefix,
                            FieldViolations& violations);

}  // namespace crm

#endif  // CRM_SERVICES_LEADS_LEAD_RULES_H_
