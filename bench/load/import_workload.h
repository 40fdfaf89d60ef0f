#ifndef CRM_BENCH_LOAD_IMPORT_WORKLOAD_H_
#define CRM_BENCH_LOAD_IMPORT_WORKLOAD_H_

#include <memory>

#include "bench/load/workload.h"
#include "bench/load/workload_env.h"

namespace crm::load {

// ImportEnterprises (client streaming) of synthetic enterprises 0 …
// options.import_rows - 1 — the rows WriteEnterpriseCsv writes for LOAD DATA —
// in streams of options.import_stream_rows rows (0: one stream), messages of
// options.import_message_rows. A fixed amount of work: throughput is rows over
// the time from the first measured stream's start to the last one's end.
// Warm-up streams import 500 other rows each (serials from 100,000,000). A
// stream whose answer does not report every row created, updated or unchanged
// counts as failed.
std::unique_ptr<Workload> NewImportWorkload(const WorkloadEnv& env);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_IMPORT_WORKLOAD_H_
