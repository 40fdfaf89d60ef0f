#ifndef CRM_BENCH_DATAGEN_ENTERPRISE_GEN_H_
#define CRM_BENCH_DATAGEN_ENTERPRISE_GEN_H_

// The cultivation pool (企业培育库): enterprises with their yearly figures,
// titles, service secretaries and service requests.

#include <cstdint>

#include "absl/status/status.h"
#include "bench/datagen/context.h"

namespace crm::datagen {

// Appends `count` enterprises after the highest id present, each with a
// unique valid USCC, and their children; commits every 1,000 enterprises.
absl::Status AddEnterprises(Context& ctx, int64_t count);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_ENTERPRISE_GEN_H_
