#ifndef CRM_BENCH_LOAD_PAGING_WORKLOADS_H_
#define CRM_BENCH_LOAD_PAGING_WORKLOADS_H_

#include <memory>

#include "bench/load/workload.h"
#include "bench/load/workload_env.h"

namespace crm::load {

// ListProjects walked page after page (options.page_size rows, default order,
// no filter) by every slot from page 1, following next_page_token, back to
// page 1 at the end; latency reported by depth (pages 1–10, 11–100, 101–1000,
// beyond).
std::unique_ptr<Workload> NewListProjectsWalkWorkload(const WorkloadEnv& env);

// Page 1 and page options.deep_page of ListProjects, alternately, with the
// same page size: whether a deep page costs what the first does. Prepare gets
// the deep page's token by walking there with 1,000-row pages — a token is a
// keyset cursor (the last row's sort key and id) and does not hold the page
// size, so it is the very token a client walking page by page would hold —
// creating projects first when there are too few.
std::unique_ptr<Workload> NewDeepPageWorkload(const WorkloadEnv& env);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_PAGING_WORKLOADS_H_
