// ParseProjectPolicy: reading and checking the zone's project policy.

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/text.h"
#include "base/text_proto.h"
#include "services/projects/project_rules.h"

namespace crm {
namespace {

constexpr absl::string_view kWhat = "project policy";

void CheckStageProbabilities(const v1::ProjectPolicy& policy, std::vector<std::string>& problems) {
  std::map<v1::ProjectStage, int> first_at;  // stage → index of its probability
  for (int i = 0; i < policy.stage_probabilities_size(); ++i) {
    const v1::StageProbability& sp = policy.stage_probabilities(i);
    const std::string at = absl::StrCat("stage_probabilities[", i, "]");
    if (sp.stage() == v1::PROJECT_STAGE_UNSPECIFIED || !v1::ProjectStage_IsValid(sp.stage())) {
      problems.push_back(absl::StrCat(at, ".stage: is required"));
    } else if (!IsOpenStage(sp.stage())) {
      problems.push_back(absl::StrCat(at, ".stage: ", StageName(sp.stage()),
                                      " is not an open stage (NEGOTIATING, SIGNED, REGISTERED or "
                                      "CONSTRUCTION_STARTED)"));
    } else if (auto [it, inserted] = first_at.emplace(sp.stage(), i); !inserted) {
      problems.push_back(absl::StrCat(at, ".stage: ", StageName(sp.stage()),
                                      " has a probability already (stage_probabilities[", it->second, "])"));
    }
    if (!std::isfinite(sp.probability()) || sp.probability() < 0 || sp.probability() > 1) {
      problems.push_back(absl::StrFormat("%s.probability: must be between 0 and 1, got %.15g", at, sp.probability()));
    }
  }
  for (v1::ProjectStage stage : {v1::PROJECT_STAGE_NEGOTIATING, v1::PROJECT_STAGE_SIGNED, v1::PROJECT_STAGE_REGISTERED,
                                 v1::PROJECT_STAGE_CONSTRUCTION_STARTED}) {
    if (!first_at.contains(stage)) {
      problems.push_back(absl::StrCat("stage_probabilities: no probability for ", StageName(stage)));
    }
  }
}

void AtLeast(int32_t value, int32_t least, absl::string_view field, std::vector<std::string>& problems) {
  if (value < least) problems.push_back(absl::StrCat(field, ": must be at least ", least, ", got ", value));
}

std::vector<std::string> PolicyProblems(const v1::ProjectPolicy& policy) {
  std::vector<std::string> problems;
  CheckStageProbabilities(policy, problems);
  AtLeast(policy.signed_not_registered_days(), 1, "signed_not_registered_days", problems);
  AtLeast(policy.registered_not_started_days(), 1, "registered_not_started_days", problems);
  AtLeast(policy.started_not_in_production_days(), 1, "started_not_in_production_days", problems);
  AtLeast(policy.milestone_due_soon_days(), 0, "milestone_due_soon_days", problems);
  AtLeast(policy.yellow_after_days(), 0, "yellow_after_days", problems);
  if (policy.yellow_after_days() >= policy.red_after_days()) {
    problems.push_back(absl::StrCat("yellow_after_days (", policy.yellow_after_days(),
                                    ") must be less than red_after_days (", policy.red_after_days(), ")"));
  }
  for (int i = 0; i < policy.milestone_template_size(); ++i) {
    const v1::MilestoneTemplate& t = policy.milestone_template(i);
    const std::string at = absl::StrCat("milestone_template[", i, "]");
    if (absl::StripAsciiWhitespace(t.title()).empty()) {
      problems.push_back(absl::StrCat(at, ".title: is required"));
    } else if (CharCount(t.title()) > 200) {
      // It becomes a milestone's title, which has that limit.
      problems.push_back(absl::StrCat(at, ".title: must be at most 200 characters, got ", CharCount(t.title())));
    }
    AtLeast(t.days_after_signing(), 0, absl::StrCat(at, ".days_after_signing"), problems);
    // Milestones exist from signing on, so only a later stage can complete one.
    if (t.done_at_stage() != v1::PROJECT_STAGE_UNSPECIFIED &&
        (t.done_at_stage() < v1::PROJECT_STAGE_REGISTERED || t.done_at_stage() > v1::PROJECT_STAGE_IN_PRODUCTION)) {
      problems.push_back(absl::StrCat(at, ".done_at_stage: must be REGISTERED, CONSTRUCTION_STARTED or IN_PRODUCTION"));
    }
  }
  return problems;
}

}  // namespace

absl::StatusOr<v1::ProjectPolicy> ParseProjectPolicy(absl::string_view text) {
  v1::ProjectPolicy policy;
  if (absl::Status parsed = ParseTextProto(text, kWhat, policy); !parsed.ok()) return parsed;
  std::vector<std::string> problems = PolicyProblems(policy);
  if (!problems.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(kWhat, ": ", absl::StrJoin(problems, "; ")));
  }
  return policy;
}

}  // namespace crm
