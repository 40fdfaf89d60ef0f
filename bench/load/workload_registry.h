#ifndef CRM_BENCH_LOAD_WORKLOAD_REGISTRY_H_
#define CRM_BENCH_LOAD_WORKLOAD_REGISTRY_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "bench/load/workload.h"
#include "bench/load/workload_env.h"

namespace crm::load {

// One entry of --workloads: `NAME` or `NAME@CONCURRENCY`.
struct WorkloadSpec {
  std::string name;
  int concurrency = 0;  // 0: the default
};

// Parses "GetLead,GetProject@4,…" (names checked against WorkloadNames()).
absl::StatusOr<std::vector<WorkloadSpec>> ParseWorkloadSpecs(absl::string_view text);

// Every workload crm-load knows, in the order `all` runs them.
const std::vector<std::string>& WorkloadNames();

// The workload called `name`; Echo calls crm-echo-server, the others crm-server.
absl::StatusOr<std::unique_ptr<Workload>> NewWorkload(absl::string_view name, const WorkloadEnv& env);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_WORKLOAD_REGISTRY_H_
