#ifndef CRM_BENCH_DATAGEN_PROJECT_LIFECYCLE_H_
#define CRM_BENCH_DATAGEN_PROJECT_LIFECYCLE_H_

// A synthetic project's way through the pipeline (在谈→签约→注册→开工→投产,
// or 流失): the day it reached each stage, where it is now and since when.
// Pure: a function of the random stream, the first day and today.

#include <optional>
#include <vector>

#include "absl/time/civil_time.h"
#include "bench/datagen/random.h"
#include "crm/v1/projects_service.pb.h"

namespace crm::datagen {

struct Lifecycle {
  absl::CivilDay negotiation;
  std::optional<absl::CivilDay> signed_day;
  std::optional<absl::CivilDay> registered;
  std::optional<absl::CivilDay> construction;
  std::optional<absl::CivilDay> production;
  // Registration skipped with a justification: one move SIGNED →
  // CONSTRUCTION_STARTED, and `registered` = `construction` (a skipped stage
  // counts as reached on the day of the skip).
  bool skipped_registration = false;
  v1::ProjectStage stage = v1::PROJECT_STAGE_NEGOTIATING;
  // The current stage's day; for LOST, the day it was lost.
  absl::CivilDay stage_day;
  v1::LostReason lost_reason = v1::LOST_REASON_UNSPECIFIED;
};

// A lifecycle that starts (negotiation) between `first_day` and `today`,
// more of them recently (the zone's pipeline grows), with realistic times
// between stages; a stage whose day would fall after `today` is not reached.
// About a tenth of the projects end LOST, mostly while negotiating. Every day
// is in [first_day, today] and in stage order.
Lifecycle SampleLifecycle(Rng& rng, absl::CivilDay first_day, absl::CivilDay today);

// One row of the stage history.
struct StageMove {
  v1::ProjectStage from;  // PROJECT_STAGE_UNSPECIFIED (0) for the creation row
  v1::ProjectStage to;
  absl::CivilDay day;
};

// The history of `l`: the creation (0 → NEGOTIATING), each advance, and the loss.
std::vector<StageMove> StageMoves(const Lifecycle& l);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_PROJECT_LIFECYCLE_H_
