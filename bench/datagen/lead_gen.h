#ifndef CRM_BENCH_DATAGEN_LEAD_GEN_H_
#define CRM_BENCH_DATAGEN_LEAD_GEN_H_

// Leads (线索): target companies being courted, by list and channel.

#include <cstdint>

#include "absl/status/status.h"
#include "bench/datagen/context.h"

namespace crm::datagen {

// Appends `count` leads after the highest id present; commits every 1,000.
// None is CONVERTED: a conversion links a lead to a project and an enterprise
// one to one, which generated counts that grow independently cannot keep.
absl::Status AddLeads(Context& ctx, int64_t count);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_LEAD_GEN_H_
