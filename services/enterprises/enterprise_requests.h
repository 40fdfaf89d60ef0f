#ifndef CRM_SERVICES_ENTERPRISES_ENTERPRISE_REQUESTS_H_
#define CRM_SERVICES_ENTERPRISES_ENTERPRISE_REQUESTS_H_

// What the enterprises service checks of a request before it touches the
// store: pure functions (the zone's day is passed in), so that they are
// unit-tested and fuzzed (tests/faults/fuzz) on their own. The field rules
// they share with stored records are in enterprise_rules.h.

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "crm/v1/enterprise_policy.pb.h"
#include "crm/v1/enterprises_service.pb.h"
#include "storage/enterprise_store.h"
#include "storage/service_request_store.h"

namespace crm {

// The store query of a ListEnterprises request (filters only; ExportEnterprises
// takes the same filters). INVALID_ARGUMENT naming the bad filter.
absl::StatusOr<EnterpriseQuery> EnterpriseQueryOf(const v1::ListEnterprisesRequest& req);

// The store query of a ListServiceRequests request on `today` (colours and
// overdue turned into due-date bounds by `policy`), the page token decoded
// against the fingerprint the request's filters make (returned in
// `fingerprint`). The caller adds the scope and the byte bound.
// INVALID_ARGUMENT naming every bad field.
absl::StatusOr<ServiceRequestQuery> ServiceRequestQueryOf(const v1::ListServiceRequestsRequest& req,
                                                          const v1::EnterprisePolicy& policy, absl::CivilDay today,
                                                          std::string& fingerprint);

// AssignServiceSecretary's own fields: the secretary's id ("" for none), a
// note of at most 500 characters, a UUID request id.
absl::StatusOr<std::string> CheckAssignServiceSecretaryRequest(const v1::AssignServiceSecretaryRequest& req);

// The service-request steps' own fields: a resolution (required, ≤ 2000
// characters), a satisfaction of 1–5, a reopen reason (required, ≤ 500).
absl::Status CheckResolveServiceRequestRequest(const v1::ResolveServiceRequestRequest& req);
absl::Status CheckCloseServiceRequestRequest(const v1::CloseServiceRequestRequest& req);
absl::Status CheckReopenServiceRequestRequest(const v1::ReopenServiceRequestRequest& req);

// EvaluateEnterprise: the enterprise's id, and a year of 0 (the latest) or 1949–2100.
absl::StatusOr<int64_t> CheckEvaluateEnterpriseRequest(const v1::EvaluateEnterpriseRequest& req);

}  // namespace crm

#endif  // CRM_SERVICES_ENTERPRISES_ENTERPRISE_REQUESTS_H_
