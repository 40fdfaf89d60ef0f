#ifndef CRM_STORAGE_PIPELINE_ROLLUP_H_
#define CRM_STORAGE_PIPELINE_ROLLUP_H_

// The dashboard's rollups (pipeline_stage_rollup, pipeline_month_rollup; see
// storage/migrations/0006_dashboard.sql). Each project contributes to a few
// rows; every project write adds, in its own transaction, the difference
// between the project's contribution after and before. So the rollups always
// equal a recount of the base tables (the *_recount views), without the
// dashboard ever scanning projects.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include "crm/v1/projects_service.pb.h"
#include "storage/connection_pool.h"

namespace crm {

// The industry of the all-industries bucket: every project counts there, and
// also under its own industry when it has one.
inline constexpr int kAllIndustries = 0;

// pipeline_month_rollup's counters, in its column order.
enum MonthCounter {
  kReachedNegotiation,
  kReachedSigned,
  kReachedRegistered,
  kReachedConstruction,
  kReachedProduction,
  kConvertedNegotiation,
  kConvertedSigned,
  kConvertedRegistered,
  kConvertedConstruction,
  kSignedInvestment,
  kSigned1b,
  kSigned2b,
  kSigned5b,
  kLostCount,
  kLostCompetingRegion,  // then one per LostReason, in enum order
  kLostInvestorWithdrew,
  kLostLand,
  kLostPolicy,
  kLostFinancing,
  kLostOther,
  kCapitalArrived,
  kMonthCounterCount,
};

// The column names of MonthCounter, in order.
extern const std::array<const char*, kMonthCounterCount> kMonthCounterColumns;

struct PipelineRollupDelta {
  // (industry, unit_id, stage, tier) → project count, planned, contracted.
  std::map<std::tuple<int, std::string, int, int>, std::array<int64_t, 3>> stages;
  // (industry, month start `YYYY-MM-01`, unit_id) → the counters.
  std::map<std::tuple<int, std::string, std::string>, std::array<int64_t, kMonthCounterCount>> months;
};

// Capital arrived per month (`YYYY-MM-01` → yuan).
using CapitalByMonth = std::map<std::string, int64_t>;

// Adds `sign` (+1 or −1) times what project `p` contributes: nothing when it
// is deleted; else its stage × tier cell now, every stage it has reached by
// the month reached (and whether it reached the next one since), its signing
// (amount, tiers), its loss while LOST, and `capital`.
void AddProjectContribution(const v1::Project& p, const CapitalByMonth& capital, int sign,
                            PipelineRollupDelta& delta);

// Adds one capital arrival of (live) project `p`.
void AddCapitalArrival(const v1::Project& p, const std::string& arrival_date, int64_t amount_cny,
                       PipelineRollupDelta& delta);

// Writes the non-zero entries of `delta` as increments, in key order (so
// concurrent writers lock rollup rows in one order).
void ApplyRollupDelta(Connection& conn, const PipelineRollupDelta& delta);

// Inside a project write's transaction: rollups += contribution(after) −
// contribution(before); `before` is null on creation. Reads the project's
// capital arrivals only when they move (unit, industry or deletion changed).
void UpdatePipelineRollups(Connection& conn, const v1::Project* before, const v1::Project& after);

}  // namespace crm

#endif  // CRM_STORAGE_PIPELINE_ROLLUP_H_
