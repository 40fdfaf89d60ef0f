#ifndef CRM_BENCH_LOAD_WORKLOAD_H_
#define CRM_BENCH_LOAD_WORKLOAD_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace crm::load {

// Which part of a run a call belongs to. Warm-up calls are made and thrown
// away; a workload with a fixed amount of work (an import of N rows) does
// that work only in the measured phase.
enum class Phase { kWarmup, kMeasure };

// How one call ended.
struct CallResult {
  grpc::Status status;
  // Units of work the call did: rows for an import stream, else 1.
  int64_t items = 1;
  // Which of the workload's latency series it belongs to (see SeriesNames).
  int series = 0;
};

// One of the N outstanding calls of a closed loop: it makes one call at a
// time, and the runner starts the next as soon as one ends.
class CallSlot {
 public:
  virtual ~CallSlot() = default;

  // Starts one call and returns true, or returns false when the workload has
  // no more work for this slot. `done` runs exactly once when the call ends,
  // on a gRPC thread, and may start this slot's next call: Start must not block.
  virtual bool Start(Phase phase, std::function<void(CallResult)> done) = 0;
};

// What to call, and how to tell good answers from bad ones.
class Workload {
 public:
  virtual ~Workload() = default;

  // The latency series it reports, indexed by CallResult::series; the first
  // is the workload's own name.
  virtual std::vector<std::string> SeriesNames() const = 0;

  // Untimed set-up before the warm-up (finding ids, creating what the calls
  // need). Blocking calls are fine here.
  virtual absl::Status Prepare() { return absl::OkStatus(); }

  // Slot number `slot` (from 0), calling through `channel`.
  virtual std::unique_ptr<CallSlot> NewSlot(int slot, const std::shared_ptr<grpc::Channel>& channel) = 0;

  // An error the workload expects now and then (counted, not a failure), e.g.
  // NOT_FOUND for an id in a gap of the id range.
  virtual bool Expected(const grpc::Status& status) const { return false; }

  // True when the work is a fixed amount: the measured phase ends when no
  // slot has any left, and throughput is over the time that took.
  virtual bool finite() const { return false; }

  // What the report should say about how the workload was set up.
  virtual std::string Notes() const { return ""; }
};

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_WORKLOAD_H_
