#ifndef CRM_BENCH_DATAGEN_ROLLUP_REFILL_H_
#define CRM_BENCH_DATAGEN_ROLLUP_REFILL_H_

#include <cppconn/connection.h>

#include "absl/status/status.h"

namespace crm::datagen {

// Replaces the dashboard's rollups (pipeline_stage_rollup,
// pipeline_month_rollup) by a recount of the base tables, in one transaction.
//
// The running server keeps the rollups right incrementally: every project
// write adds its own difference in its transaction (storage/pipeline_rollup.h).
// A bulk load bypasses the server, so after it the rollups are recomputed
// once from the *_recount views, which compute the same figures from the
// projects and capital arrivals (storage/migrations/0006_dashboard.sql).
// Run it while nothing else writes projects: a project write committed
// between the recount and this commit would be lost or counted twice. Needs
// DELETE on the rollups: the schema owner's account, not crm_app's.
absl::Status RefillRollups(sql::Connection& conn);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_ROLLUP_REFILL_H_
