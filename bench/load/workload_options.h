#ifndef CRM_BENCH_LOAD_WORKLOAD_OPTIONS_H_
#define CRM_BENCH_LOAD_WORKLOAD_OPTIONS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crm::load {

// Ids `first` … `last` (inclusive); empty when last < first.
struct IdRange {
  int64_t first = 1;
  int64_t last = 0;
  bool empty() const { return last < first; }
};

// "FIRST:LAST" (e.g. "1:1000000"); "" is the empty range.
absl::StatusOr<IdRange> ParseIdRange(absl::string_view text);

// What the workloads are told besides where to call.
struct WorkloadOptions {
  // Makes this run's rows unique (USCCs, names); see synthetic.h.
  std::string nonce;
  // Where the Get workloads pick ids; when empty, they use the first 1,000
  // that a List returns (creating some when there are none).
  IdRange lead_ids;
  IdRange project_ids;
  // ListProjects: rows a page, and the deep page compared with page 1.
  int page_size = 50;
  int deep_page = 5000;
  // ImportEnterprises: rows in the measured import, rows a stream (0: all in
  // one stream), rows a message.
  int64_t import_rows = 20000;
  int64_t import_stream_rows = 0;
  int import_message_rows = 500;
  // AdvanceProjectStage: projects in NEGOTIATING it gathers (each moves 4 times).
  int advance_projects = 6000;
};

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_WORKLOAD_OPTIONS_H_
