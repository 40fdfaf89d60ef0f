#ifndef CRM_SERVICES_LEADS_LEAD_REQUESTS_H_
#define CRM_SERVICES_LEADS_LEAD_REQUESTS_H_

// What the leads service checks of a request before it touches the store:
// pure functions (no I/O, no clock), so that they are unit-tested and fuzzed
// (tests/faults/fuzz) on their own. The field rules they share with the
// stored lead are in lead_rules.h.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "crm/v1/leads_service.pb.h"
#include "storage/lead_store.h"

namespace crm {

// The store query of a ListLeads request (every filter checked, the page size
// made usable, the page token decoded), and in `fingerprint` what its page
// tokens are bound to. The caller adds the scope (who may see what) and the
// byte bound. INVALID_ARGUMENT naming every bad field.
absl::StatusOr<LeadQuery> LeadQueryOf(const v1::ListLeadsRequest& req, std::string& fingerprint);

// DisqualifyLead's reason: required, at most 500 characters.
absl::Status CheckDisqualifyReason(const std::string& reason);

// FindDuplicateLeads: a company name (at most 200 characters) or a valid
// USCC, or both.
absl::Status CheckFindDuplicateLeadsRequest(const v1::FindDuplicateLeadsRequest& req);

// ConvertLead's own fields (the lead and the peers decide the rest): the
// lead's name, a project name of at most 200 characters, an amount ≥ 0.
// The lead's id.
absl::StatusOr<int64_t> CheckConvertLeadRequest(const v1::ConvertLeadRequest& req);

}  // namespace crm

#endif  // CRM_SERVICES_LEADS_LEAD_REQUESTS_H_
