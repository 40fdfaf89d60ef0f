#include "bench/load/report.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace crm::load {
namespace {

double PerSecond(int64_t n, double seconds) { return seconds > 0 ? static_cast<double>(n) / seconds : 0; }

std::string Row(const std::string& name, int conc, double calls_per_s, double items_per_s, const LatencySummary& l,
                int64_t errors, int64_t expected) {
  return absl::StrFormat("%-34s %4d %10.0f %10.0f %8.2f %8.2f %8.2f %8.2f %8.2f %9d %6d %6d\n", name, conc, calls_per_s,
                         items_per_s, l.p50_ms, l.p90_ms, l.p99_ms, l.p999_ms, l.max_ms, l.count, errors, expected);
}

std::string Machine(const std::string& label, const std::string& workload, const std::string& series,
                    const RunResult& run, int64_t calls, int64_t items, const LatencySummary& l) {
  return absl::StrFormat(
      "load %sworkload=%s series=%s conc=%d secs=%.2f calls=%d calls_per_s=%.1f items_per_s=%.1f p50_ms=%.3f "
      "p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f errors=%d expected=%d ran_out=%d\n",
      label.empty() ? "" : absl::StrCat("label=", label, " "), workload, series, run.concurrency, run.seconds, calls,
      PerSecond(calls, run.seconds), PerSecond(items, run.seconds), l.p50_ms, l.p90_ms, l.p99_ms, l.p999_ms, l.max_ms,
      run.errors, run.expected_errors, run.ran_out ? 1 : 0);
}

// Series names are shown and written without spaces.
std::string NoSpaces(std::string s) {
  for (char& c : s) {
    if (c == ' ') c = '_';
  }
  return s;
}

}  // namespace

void PrintHeader(std::ostream& out) {
  out << absl::StrFormat("%-34s %4s %10s %10s %8s %8s %8s %8s %8s %9s %6s %6s\n", "workload", "conc", "calls/s",
                         "items/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "calls", "errors", "expect");
}

void PrintRun(std::ostream& out, const std::string& label, const std::string& workload, const RunResult& run,
              const std::string& notes) {
  out << Row(workload, run.concurrency, PerSecond(run.calls, run.seconds), PerSecond(run.items, run.seconds),
             run.latency, run.errors, run.expected_errors);
  if (run.series.size() > 1) {
    for (const SeriesResult& s : run.series) {
      if (s.latency.count == 0) continue;  // e.g. depths a short walk did not reach
      out << Row(absl::StrCat("  ", s.name), run.concurrency, PerSecond(s.latency.count, run.seconds),
                 PerSecond(s.items, run.seconds), s.latency, 0, 0);
    }
  }
  if (!notes.empty()) out << "    (" << notes << ")\n";
  if (run.ran_out) out << "    (ran out of work before the end: fewer slots busy at the end)\n";
  if (!run.first_error.empty()) out << "    first error: " << run.first_error << "\n";
  out << Machine(label, workload, "*", run, run.calls, run.items, run.latency);
  if (run.series.size() > 1) {
    for (const SeriesResult& s : run.series) {
      if (s.latency.count == 0) continue;
      out << Machine(label, workload, NoSpaces(s.name), run, s.latency.count, s.items, s.latency);
    }
  }
}

void PrintFailure(std::ostream& out, const std::string& label, const std::string& workload, const std::string& why) {
  out << absl::StrFormat("%-34s failed: %s\n", workload, why);
  out << absl::StrFormat("load %sworkload=%s series=* failed=1\n",
                         label.empty() ? "" : absl::StrCat("label=", label, " "), workload);
}

}  // namespace crm::load
