#ifndef CRM_TESTS_FAULTS_LEAD_TRAFFIC_H_
#define CRM_TESTS_FAULTS_LEAD_TRAFFIC_H_

// What the database scenarios (R2, R3, R4, R6) send and count: leads to
// create, each with a request id of its own, and a tally of the codes the
// callers saw.

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <map>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "crm/v1/leads_service.pb.h"

namespace crm::testing {

// A UUID-shaped request id, distinct for each (`run`, `n`).
std::string RequestIdFor(uint32_t run, uint64_t n);

// A valid CreateLead request for the `n`th lead of `run`: its own company
// name and RequestIdFor(run, n).
v1::CreateLeadRequest NewLeadRequest(uint32_t run, uint64_t n);

// A run number unlikely to repeat between test processes. Deliberately not
// from CRM_TEST_SEED: it is no input of the test, only keeps the request ids of
// runs apart on the shared test database, so a rerun must get another one.
uint32_t NewRunNumber();

// Status codes seen, by code; safe to add to from many threads.
class CodeTally {
 public:
  void Add(grpc::StatusCode code);
  int count(grpc::StatusCode code) const;
  int total() const;
  // Every code that is not in `allowed` (`allowed` is a list of codes).
  std::map<grpc::StatusCode, int> Except(std::initializer_list<grpc::StatusCode> allowed) const;
  // "OK=12 UNAVAILABLE=3"
  std::string ToString() const;

 private:
  mutable absl::Mutex mu_;
  std::map<grpc::StatusCode, int> counts_ ABSL_GUARDED_BY(mu_);
};

// The canonical name of a code ("DEADLINE_EXCEEDED").
std::string CodeName(grpc::StatusCode code);

}  // namespace crm::testing

#endif  // CRM_TESTS_FAULTS_LEAD_TRAFFIC_H_
