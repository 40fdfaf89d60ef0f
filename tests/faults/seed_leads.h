#ifndef CRM_TESTS_FAULTS_SEED_LEADS_H_
#define CRM_TESTS_FAULTS_SEED_LEADS_H_

// Leads for the process scenarios (R7, R8) to read, update and lock: made
// through the API, by a few callers at once.

#include <string>
#include <vector>

#include "crm/v1/leads_service.grpc.pb.h"

namespace crm::testing {

// A valid CreateLead request with its own request id, for `company_name`;
// its notes make the row weigh some 300 bytes more, so that a page of 1,000
// leads is real work.
v1::CreateLeadRequest NewWeightyLead(const std::string& company_name);

// `n` leads named "`label` 第i家", in order; fails the test (and returns
// fewer) when a create fails.
std::vector<v1::Lead> SeedLeads(v1::LeadService::Stub& stub, int n, const std::string& label);

}  // namespace crm::testing

#endif  // CRM_TESTS_FAULTS_SEED_LEADS_H_
