#ifndef CRM_BENCH_LOAD_LOAD_RUNNER_H_
#define CRM_BENCH_LOAD_LOAD_RUNNER_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/load/latency.h"
#include "bench/load/workload.h"

namespace crm::load {

struct RunOptions {
  // Calls in flight at every moment (a closed loop: each slot starts its next
  // call when one ends), spread over the channels round-robin.
  int concurrency = 16;
  absl::Duration warmup = absl::Seconds(2);
  // The measured phase; for a finite workload, the most it may take.
  absl::Duration duration = absl::Seconds(10);
  absl::Duration finite_limit = absl::Minutes(5);
  // How long calls still in flight at the end may take to finish.
  absl::Duration drain_limit = absl::Seconds(60);
};

// One latency series of a run: the calls that started and ended in the
// measured phase and succeeded.
struct SeriesResult {
  std::string name;
  int64_t items = 0;
  LatencySummary latency;
};

struct RunResult {
  int concurrency = 0;
  // The measured time: the measured phase, or for a finite workload from its
  // first measured call's start to its last one's end.
  double seconds = 0;
  std::vector<SeriesResult> series;
  LatencySummary latency;       // every series together
  int64_t calls = 0;            // successful measured calls, all series
  int64_t items = 0;            // their items
  int64_t errors = 0;           // failed calls (any phase), not expected ones
  int64_t expected_errors = 0;  // errors the workload expects (any phase)
  std::string first_error;      // "CODE: message" of the first failure
  bool ran_out = false;         // a timed workload whose slots ran out of work early
};

// Runs `workload` (already prepared) as a closed loop with
// `options.concurrency` slots over `channels` (warm-up, then the measured
// phase), waits for the calls in flight, and returns the figures. An error
// when calls do not finish within the drain limit: then the process should
// exit, for their callbacks still point at the run's state (deliberately
// leaked) and at the workload.
absl::StatusOr<RunResult> RunClosedLoop(Workload& workload, const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                                        const RunOptions& options);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_LOAD_RUNNER_H_
