#ifndef CRM_STORAGE_MILESTONE_STORE_H_
#define CRM_STORAGE_MILESTONE_STORE_H_

#include <cstdint>
#include <map>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "crm/v1/projects_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// The SQL for a project's children that staff edit: its battle-map
// milestones and its problems. Writes are one transaction with the audit row,
// conditional on the version; `check` sees the parent project first (to refuse
// an invisible or unchangeable one). Derived fields are the service's.
class MilestoneStore {
 public:
  explicit MilestoneStore(ConnectionPool* pool) : pool_(pool) {}

  using ProjectCheck = absl::FunctionRef<absl::Status(int64_t project_id)>;

  absl::StatusOr<v1::Milestone> CreateMilestone(const MutationContext& ctx, int64_t project_id,
                                                const v1::Milestone& m, ProjectCheck check);
  absl::StatusOr<v1::Milestone> MutateMilestone(const MutationContext& ctx, int64_t project_id, int64_t id,
                                                const std::string& etag, ProjectCheck check,
                                                absl::FunctionRef<absl::Status(v1::Milestone&)> change);
  // By planned date.
  absl::StatusOr<std::vector<v1::Milestone>> ListMilestones(int64_t project_id, bool show_deleted,
                                                            absl::Time deadline);
  // The milestones not done and not deleted of each of `project_ids` (for the
  // stopwatch of a page of projects), in one query.
  absl::StatusOr<std::map<int64_t, std::vector<v1::Milestone>>> OpenMilestones(
      const std::vector<int64_t>& project_ids, absl::Time deadline);

  absl::StatusOr<v1::ProjectProblem> CreateProblem(const MutationContext& ctx, int64_t project_id,
                                                   const v1::ProjectProblem& p, ProjectCheck check);
  absl::StatusOr<v1::ProjectProblem> MutateProblem(const MutationContext& ctx, int64_t project_id, int64_t id,
                                                   const std::string& etag, ProjectCheck check,
                                                   absl::FunctionRef<absl::Status(v1::ProjectProblem&)> change);
  absl::StatusOr<std::vector<v1::ProjectProblem>> ListProblems(int64_t project_id, bool open_only,
                                                               absl::Time deadline);

 private:
  ConnectionPool* pool_;
};

// Inserts milestone `m` of the project inside the caller's transaction (also
// used when signing creates the battle map); returns its id.
int64_t InsertMilestone(Connection& conn, int64_t project_id, const v1::Milestone& m, absl::Time now);

// Sets `day` as the actual date of the project's open (not done, not deleted)
// milestones titled one of `titles`, inside the caller's transaction: a stage
// move completing its milestones.
void CompleteMilestones(Connection& conn, int64_t project_id, const std::vector<std::string>& titles,
                        const std::string& day, absl::Time now);

}  // namespace crm

#endif  // CRM_STORAGE_MILESTONE_STORE_H_
