#ifndef CRM_TESTS_FAULTS_CALL_BURST_H_
#define CRM_TESTS_FAULTS_CALL_BURST_H_

// What the process scenarios (R7 drain, R8 overload) fire at crm-server: many
// unary calls in flight at once through gRPC's callback API (raw stubs, so
// that no client retry hides an answer), each call's code and latency kept.

#include <grpcpp/grpcpp.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace crm::testing {

// How one call ended, as its caller saw it.
struct CallOutcome {
  bool ended = false;
  grpc::StatusCode code = grpc::StatusCode::UNKNOWN;
  std::string message;
  absl::Time started;
  absl::Time answered;
  absl::Duration latency() const { return answered - started; }
};

// `calls` calls, each started with Start(i) and ended by the callback Done(i):
//   stub->async()->GetLead(burst.Start(i), &req, &resp, burst.Done(i));
// Requests and responses must outlive the burst (declare them before it).
class CallBurst {
 public:
  // Every call carries the admin's bearer token and `deadline` from its start.
  CallBurst(int calls, absl::Duration deadline);
  // Cancels the calls still in flight and waits for their ends, so that a
  // test may return early (a failed ASSERT) without leaving calls behind.
  ~CallBurst();

  // The context of call `i`, its clock started.
  grpc::ClientContext* Start(int i);
  // The completion of call `i`, for the async stub.
  std::function<void(grpc::Status)> Done(int i);

  // Until `n` calls ended, or `timeout`; false on time-out.
  bool WaitForAnswers(int n, absl::Duration timeout);
  // Until every started call ended, or `timeout`; false on time-out.
  bool Wait(absl::Duration timeout);

  int size() const { return static_cast<int>(outcomes_.size()); }
  // Read these after Wait.
  const CallOutcome& outcome(int i) const { return outcomes_[i]; }
  // Ended calls by code, over the calls `pick` selects (all when empty).
  std::map<grpc::StatusCode, int> Codes(const std::function<bool(int)>& pick = nullptr) const;

 private:
  absl::Duration deadline_;
  std::vector<std::unique_ptr<grpc::ClientContext>> contexts_;
  std::vector<CallOutcome> outcomes_;
  mutable absl::Mutex mu_;
  int started_ ABSL_GUARDED_BY(mu_) = 0;
  int ended_ ABSL_GUARDED_BY(mu_) = 0;
};

// "OK=12 UNAVAILABLE=3"
std::string CodesText(const std::map<grpc::StatusCode, int>& codes);
// The `q` quantile (0..1, nearest rank) of `samples`; zero when there are none.
absl::Duration Quantile(std::vector<absl::Duration> samples, double q);

}  // namespace crm::testing

#endif  // CRM_TESTS_FAULTS_CALL_BURST_H_
