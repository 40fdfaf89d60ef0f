#include "bench/datagen/project_lifecycle.h"

#include <algorithm>
#include <cmath>

namespace crm::datagen {
namespace {

using v1::ProjectStage;

// Chance of moving on from each stage, given time enough, and the days it
// takes (a minimum plus an exponential tail). Chosen so that the pipeline
// looks like a promotion office's: many projects negotiating, fewer at each
// later stage, and some stuck long enough to be on the 三未 lists
// (thresholds 90/180/540 days in the shipped project policy).
struct Step {
  double chance;
  double min_days;
  double mean_extra_days;
};
constexpr Step kToSigned = {0.55, 20, 110};
constexpr Step kToRegistered = {0.75, 10, 90};
constexpr Step kToConstruction = {0.80, 30, 150};
constexpr Step kToProduction = {0.75, 180, 300};

// Chance of being lost, by the last stage reached (IN_PRODUCTION is never lost).
constexpr double kLostChance[] = {0.16, 0.07, 0.04, 0.02};

std::optional<absl::CivilDay> Next(Rng& rng, const Step& step, absl::CivilDay from, absl::CivilDay today) {
  if (!rng.Chance(step.chance)) return std::nullopt;
  absl::CivilDay day = from + static_cast<int>(step.min_days + rng.Exponential(step.mean_extra_days));
  if (day > today) return std::nullopt;
  return day;
}

}  // namespace

Lifecycle SampleLifecycle(Rng& rng, absl::CivilDay first_day, absl::CivilDay today) {
  Lifecycle l;
  // u^0.8 leans towards recent days: more projects in later years.
  double span = static_cast<double>(today - first_day);
  l.negotiation = first_day + static_cast<int>(std::floor(span * std::pow(rng.Unit(), 0.8)));
  l.stage = v1::PROJECT_STAGE_NEGOTIATING;
  l.stage_day = l.negotiation;

  int reached = 0;  // index of the last stage reached: 0 negotiating … 4 in production
  if ((l.signed_day = Next(rng, kToSigned, l.negotiation, today))) {
    reached = 1;
    l.stage = v1::PROJECT_STAGE_SIGNED;
    l.stage_day = *l.signed_day;
    if ((l.registered = Next(rng, kToRegistered, *l.signed_day, today))) {
      reached = 2;
      l.stage = v1::PROJECT_STAGE_REGISTERED;
      l.stage_day = *l.registered;
      if ((l.construction = Next(rng, kToConstruction, *l.registered, today))) {
        reached = 3;
        l.stage = v1::PROJECT_STAGE_CONSTRUCTION_STARTED;
        l.stage_day = *l.construction;
        // A few land so fast that registration is skipped (recorded on the start day).
        if (rng.Chance(0.03)) {
          l.skipped_registration = true;
          l.registered = l.construction;
        }
        if ((l.production = Next(rng, kToProduction, *l.construction, today))) {
          reached = 4;
          l.stage = v1::PROJECT_STAGE_IN_PRODUCTION;
          l.stage_day = *l.production;
        }
      }
    }
  }
  if (reached < 4 && rng.Chance(kLostChance[reached])) {
    l.stage = v1::PROJECT_STAGE_LOST;
    l.stage_day = std::min(today, l.stage_day + static_cast<int>(10 + rng.Exponential(90)));
    l.lost_reason = static_cast<v1::LostReason>(1 + rng.Weighted({30, 20, 18, 10, 12, 10}));
  }
  return l;
}

std::vector<StageMove> StageMoves(const Lifecycle& l) {
  std::vector<StageMove> moves;
  moves.push_back({v1::PROJECT_STAGE_UNSPECIFIED, v1::PROJECT_STAGE_NEGOTIATING, l.negotiation});
  ProjectStage at = v1::PROJECT_STAGE_NEGOTIATING;
  auto advance = [&](ProjectStage to, absl::CivilDay day) {
    moves.push_back({at, to, day});
    at = to;
  };
  if (l.signed_day) advance(v1::PROJECT_STAGE_SIGNED, *l.signed_day);
  if (l.registered && !l.skipped_registration) advance(v1::PROJECT_STAGE_REGISTERED, *l.registered);
  if (l.construction) advance(v1::PROJECT_STAGE_CONSTRUCTION_STARTED, *l.construction);
  if (l.production) advance(v1::PROJECT_STAGE_IN_PRODUCTION, *l.production);
  if (l.stage == v1::PROJECT_STAGE_LOST) advance(v1::PROJECT_STAGE_LOST, l.stage_day);
  return moves;
}

}  // namespace crm::datagen
