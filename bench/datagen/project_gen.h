#ifndef CRM_BENCH_DATAGEN_PROJECT_GEN_H_
#define CRM_BENCH_DATAGEN_PROJECT_GEN_H_

// Investment projects (项目) with their stage history, capital arrivals (到资)
// and battle maps (挂图作战).

#include <cstdint>

#include "absl/status/status.h"
#include "bench/datagen/context.h"

namespace crm::datagen {

// Appends `count` projects after the highest id present, investors drawn
// from the live enterprises, codes continuing project_code_counters (which it
// advances); commits every 1,000 projects. Leaves the dashboard rollups
// alone: the caller refills them (RefillRollups).
absl::Status AddProjects(Context& ctx, int64_t count);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_PROJECT_GEN_H_
