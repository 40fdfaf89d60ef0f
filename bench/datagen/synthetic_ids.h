#ifndef CRM_BENCH_DATAGEN_SYNTHETIC_IDS_H_
#define CRM_BENCH_DATAGEN_SYNTHETIC_IDS_H_

// Identifiers that must be unique, made unique by construction rather than
// by retrying: each is a bijection of a serial number.

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace crm::datagen {

// Serial ranges, so that the kinds of holder never share a code.
inline constexpr int64_t kEnterpriseUsccBase = 0;
inline constexpr int64_t kLeadUsccBase = 1'000'000'000'000;
inline constexpr int64_t kInvestorUsccBase = 2'000'000'000'000;

// A valid unified social credit code (GB 32100-2015): "91" (an enterprise
// registered with market regulation) + `region_code` (6 digits) + a 9-char
// organisation code that is a scrambled bijection of `serial` (0 ≤ serial <
// 31^9), + the check character. Distinct serials give distinct codes whatever
// the region.
std::string SyntheticUscc(int64_t serial, absl::string_view region_code);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_SYNTHETIC_IDS_H_
