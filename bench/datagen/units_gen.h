#ifndef CRM_BENCH_DATAGEN_UNITS_GEN_H_
#define CRM_BENCH_DATAGEN_UNITS_GEN_H_

// Units (单位), their users, their yearly targets (责任状), and an optional
// leadership token.

#include <string>

#include "absl/status/status.h"
#include "bench/datagen/context.h"

namespace crm::datagen {

// Makes sure the first `count` synthetic units exist (招商一局…, 产业促进处,
// the parks' 招商中心…), each with a UNIT_LEAD and four STAFF users, adding
// what is missing; then loads them with their users into `ctx.units`.
absl::Status EnsureUnits(Context& ctx, int count);

// Sets every unit's targets for every year from the first to the current
// one, at 85–130 % of what the data achieves over the whole year (the
// current year extrapolated from the share elapsed), so that the scoreboard
// has units ahead and behind. Replaces targets set by earlier runs.
absl::Status WriteUnitTargets(Context& ctx);

// Adds a LEADERSHIP user `leadership` (in the first unit) when missing, and
// a fresh bearer token for it, written to `path` (mode 0600). The token is
// stored as the principal store does: SHA-256 and an 8-character prefix.
absl::Status IssueLeadershipToken(Context& ctx, const std::string& path);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_UNITS_GEN_H_
