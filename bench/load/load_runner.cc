#include "bench/load/load_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"

namespace crm::load {
namespace {

int64_t NowNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// The state of one run. Each slot's fields are touched only by the call in
// flight on that slot (its completion happens-after its start), so they need
// no lock; the phase is an atomic, and the count of live slots is under mu_.
class ClosedLoop {
 public:
  ClosedLoop(Workload& workload, size_t series) : workload_(workload), series_count_(series) {}

  void AddSlot(std::unique_ptr<CallSlot> calls) {
    auto slot = std::make_unique<Slot>();
    slot->calls = std::move(calls);
    slot->samples.resize(series_count_);
    slot->items.resize(series_count_);
    slots_.push_back(std::move(slot));
  }

  absl::StatusOr<RunResult> Run(const RunOptions& options) {
    {
      absl::MutexLock lock(&mu_);
      live_ = static_cast<int>(slots_.size());
    }
    for (auto& slot : slots_) Launch(*slot);
    WaitForNoLiveSlots(options.warmup);

    int64_t measure_start = NowNanos();
    state_.store(kMeasure, std::memory_order_release);
    bool all_done = WaitForNoLiveSlots(workload_.finite() ? options.finite_limit : options.duration);
    int64_t measure_end = NowNanos();
    state_.store(kStopped, std::memory_order_release);
    if (!WaitForNoLiveSlots(options.drain_limit)) {
      return absl::DeadlineExceededError(absl::StrCat(
          "calls still in flight ", absl::FormatDuration(options.drain_limit), " after the end of the run"));
    }

    RunResult result;
    result.concurrency = static_cast<int>(slots_.size());
    result.ran_out = !workload_.finite() && all_done;
    int64_t first_start = std::numeric_limits<int64_t>::max(), last_end = 0;
    std::vector<std::string> names = workload_.SeriesNames();
    std::vector<LatencySamples> merged(series_count_);
    std::vector<int64_t> items(series_count_, 0);
    for (const auto& slot : slots_) {
      for (size_t s = 0; s < series_count_; ++s) {
        merged[s].Merge(slot->samples[s]);
        items[s] += slot->items[s];
      }
      result.errors += slot->errors;
      result.expected_errors += slot->expected;
      if (result.first_error.empty()) result.first_error = slot->first_error;
      first_start = std::min(first_start, slot->first_measured_start);
      last_end = std::max(last_end, slot->last_measured_end);
    }
    if (workload_.finite()) {
      result.seconds = last_end > first_start ? static_cast<double>(last_end - first_start) / 1e9 : 0;
    } else {
      result.seconds = static_cast<double>(measure_end - measure_start) / 1e9;
    }
    LatencySamples all;
    for (const LatencySamples& samples : merged) all.Merge(samples);
    result.latency = all.Summarize();
    for (size_t s = 0; s < series_count_; ++s) {
      SeriesResult series;
      series.name = s < names.size() ? names[s] : absl::StrCat(names.empty() ? "series" : names[0], "#", s);
      series.items = items[s];
      series.latency = merged[s].Summarize();
      result.calls += series.latency.count;
      result.items += series.items;
      result.series.push_back(std::move(series));
    }
    return result;
  }

 private:
  enum State { kWarmup, kMeasure, kStopped };

  struct Slot {
    std::unique_ptr<CallSlot> calls;
    int64_t call_start = 0;
    bool measured = false;  // the call in flight started in the measured phase
    std::vector<LatencySamples> samples;
    std::vector<int64_t> items;
    int64_t errors = 0;
    int64_t expected = 0;
    std::string first_error;
    int64_t first_measured_start = std::numeric_limits<int64_t>::max();
    int64_t last_measured_end = 0;
  };

  void Launch(Slot& slot) {
    int state = state_.load(std::memory_order_acquire);
    if (state == kStopped) return Retire();
    Phase phase = state == kWarmup ? Phase::kWarmup : Phase::kMeasure;
    slot.measured = phase == Phase::kMeasure;
    slot.call_start = NowNanos();
    bool started = slot.calls->Start(phase, [this, &slot](CallResult result) { Done(slot, std::move(result)); });
    if (!started) Retire();
  }

  void Done(Slot& slot, CallResult result) {
    int64_t end = NowNanos();
    int state = state_.load(std::memory_order_acquire);
    if (result.status.ok()) {
      // Only calls that started and ended inside the measured phase count.
      if (slot.measured && state == kMeasure) {
        size_t s = std::min<size_t>(static_cast<size_t>(std::max(result.series, 0)), series_count_ - 1);
        slot.samples[s].Add(end - slot.call_start);
        slot.items[s] += result.items;
        slot.first_measured_start = std::min(slot.first_measured_start, slot.call_start);
        slot.last_measured_end = end;
      }
    } else if (workload_.Expected(result.status)) {
      ++slot.expected;
    } else {
      ++slot.errors;
      if (slot.first_error.empty()) {
        slot.first_error =
            absl::StrCat(absl::StatusCodeToString(static_cast<absl::StatusCode>(result.status.error_code())), ": ",
                         result.status.error_message());
      }
    }
    Launch(slot);
  }

  void Retire() {
    absl::MutexLock lock(&mu_);
    --live_;
  }

  // True when every slot has retired within `limit`.
  bool WaitForNoLiveSlots(absl::Duration limit) {
    absl::MutexLock lock(&mu_);
    auto none_live = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return live_ == 0; };
    return mu_.AwaitWithTimeout(absl::Condition(&none_live), limit);
  }

  Workload& workload_;
  const size_t series_count_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::atomic<int> state_{kWarmup};
  absl::Mutex mu_;
  int live_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace

absl::StatusOr<RunResult> RunClosedLoop(Workload& workload, const std::vector<std::shared_ptr<grpc::Channel>>& channels,
                                        const RunOptions& options) {
  if (channels.empty() || options.concurrency < 1) return absl::InvalidArgumentError("no channels or no concurrency");
  size_t series = std::max<size_t>(workload.SeriesNames().size(), 1);
  auto loop = std::make_unique<ClosedLoop>(workload, series);
  for (int i = 0; i < options.concurrency; ++i) {
    loop->AddSlot(workload.NewSlot(i, channels[static_cast<size_t>(i) % channels.size()]));
  }
  absl::StatusOr<RunResult> result = loop->Run(options);
  // Calls still in flight point at the loop: leave it to the process's exit.
  if (!result.ok()) loop.release();
  return result;
}

}  // namespace crm::load
