#ifndef CRM_BENCH_LOAD_REPORT_H_
#define CRM_BENCH_LOAD_REPORT_H_

#include <ostream>
#include <string>

#include "bench/load/load_runner.h"

namespace crm::load {

// The header of the human-readable table PrintRun writes rows of.
void PrintHeader(std::ostream& out);

// One workload's figures: a table row for the whole workload, one for each
// series when it has several, its notes and first error; then the same as
// machine-readable lines for bench/perf.sh, one for the whole (`series=*`)
// and one a series:
//
//   load workload=NAME series=SERIES conc=16 secs=10.00 calls=N calls_per_s=X items_per_s=Y
//        p50_ms=… p90_ms=… p99_ms=… p999_ms=… max_ms=… errors=N expected=N ran_out=0|1
//
// (one line each; `label=` first when `label` is not empty).
void PrintRun(std::ostream& out, const std::string& label, const std::string& workload, const RunResult& run,
              const std::string& notes);

// The machine-readable line of a workload that could not run.
void PrintFailure(std::ostream& out, const std::string& label, const std::string& workload, const std::string& why);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_REPORT_H_
