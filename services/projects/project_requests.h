#ifndef CRM_SERVICES_PROJECTS_PROJECT_REQUESTS_H_
#define CRM_SERVICES_PROJECTS_PROJECT_REQUESTS_H_

// What the projects service checks of a request before it touches the store:
// pure functions (the zone's day is passed in), so that they are unit-tested
// and fuzzed (tests/faults/fuzz) on their own. The field rules they share
// with stored projects are in project_rules.h.

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "crm/v1/project_policy.pb.h"
#include "crm/v1/projects_service.pb.h"
#include "storage/project_store.h"

namespace crm {

// The stall lists asked for (`only`, or all three for UNSPECIFIED), as store
// conditions on `today`: in the stage since before today - threshold.
std::vector<StageOverdue> OverdueStages(const v1::ProjectPolicy& policy, v1::StallKind only, absl::CivilDay today);

// The store query of a ListProjects / ListStalledProjects request on `today`:
// every filter checked, the page size made usable. The caller adds the scope,
// the byte bound and the page token's position. INVALID_ARGUMENT naming
// every bad field.
absl::StatusOr<ProjectQuery> ProjectQueryOf(const v1::ListProjectsRequest& req, const v1::ProjectPolicy& policy,
                                            absl::CivilDay today);
absl::StatusOr<ProjectQuery> StalledProjectsQueryOf(const v1::ListStalledProjectsRequest& req,
                                                    const v1::ProjectPolicy& policy, absl::CivilDay today);

// The stage methods' own fields: a target stage, a UUID request id, notes of
// at most 1000 characters (ReopenProject's note required; MarkProjectLost's
// when the reason is OTHER), a known lost reason.
absl::Status CheckAdvanceProjectStageRequest(const v1::AdvanceProjectStageRequest& req);
absl::Status CheckMarkProjectLostRequest(const v1::MarkProjectLostRequest& req);
absl::Status CheckReopenProjectRequest(const v1::ReopenProjectRequest& req);

// The effective day of a stage move of `p`: `text` (default `today`), a real
// day, not after today and not before the current stage's day.
// INVALID_ARGUMENT (field `effective_date`) otherwise.
absl::StatusOr<absl::CivilDay> EffectiveDay(const std::string& text, const v1::Project& p, absl::CivilDay today);

// ListUnitTargets: a year in 1949–2100.
absl::Status CheckListUnitTargetsRequest(const v1::ListUnitTargetsRequest& req);

}  // namespace crm

#endif  // CRM_SERVICES_PROJECTS_PROJECT_REQUESTS_H_
