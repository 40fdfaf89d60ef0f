#ifndef CRM_STORAGE_PROJECT_STORE_H_
#define CRM_STORAGE_PROJECT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "base/visibility.h"
#include "crm/v1/projects_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// A stage that has lasted too long: projects in `stage` since before
// `entered_before` (exclusive, `YYYY-MM-DD`).
struct StageOverdue {
  v1::ProjectStage stage = v1::PROJECT_STAGE_UNSPECIFIED;
  std::string entered_before;
};

enum class ProjectOrder { kCreateTimeDesc, kAmountDesc, kStageDate };

struct ProjectQuery {
  Visibility scope = Visibility::All();  // which projects the caller may see at all (ProjectVisibility)
  v1::ProjectStage stage = v1::PROJECT_STAGE_UNSPECIFIED;
  v1::InvestmentTier tier = v1::INVESTMENT_TIER_UNSPECIFIED;
  std::string unit_id;
  v1::IndustrySection industry = v1::INDUSTRY_SECTION_UNSPECIFIED;
  std::string owner_id;
  int64_t investor_enterprise_id = 0;
  int64_t origin_lead_id = 0;
  int signed_year = 0;
  bool show_deleted = false;
  // When not empty: only projects matching one of these.
  std::vector<StageOverdue> overdue_stages;
  ProjectOrder order = ProjectOrder::kCreateTimeDesc;
  int page_size = 50;
  // The bytes the page's rows may fill (0: no bound; see base/page_limit.h).
  size_t max_bytes = 0;
  // Counted for each row on top of its size: what the caller adds to it (the stopwatch).
  size_t row_extra_bytes = 0;
  // Continue after this (sort key, id): create time in microseconds, amount,
  // or stage day number, by `order`.
  std::optional<std::pair<int64_t, int64_t>> after;
};

struct ProjectPage {
  std::vector<v1::Project> projects;
  std::optional<std::pair<int64_t, int64_t>> next;
};

// What a stage method writes besides the project row, in the same transaction.
struct StageEffects {
  std::optional<v1::StageChange> change;  // the history row
  std::vector<v1::Milestone> milestones;  // the battle map to create (on signing)
  // Open milestones with these titles get `completed_on` as their actual date.
  std::vector<std::string> complete_milestones;
  std::string completed_on;
};

// The SQL for projects, their stage history and capital arrivals. Every write
// is one transaction with its audit row and request-id record; updates are
// conditional on the version. Derived read fields (stopwatch, arrival rate)
// are the service's.
class ProjectStore {
 public:
  explicit ProjectStore(ConnectionPool* pool) : pool_(pool) {}

  absl::StatusOr<v1::Project> Get(int64_t id, absl::Time deadline);
  absl::StatusOr<ProjectPage> List(const ProjectQuery& query, absl::Time deadline);

  // Inserts validated `p` (tier, stage and stage_date decided by the caller)
  // with a project code for `today` (`YYYY-MM-DD`) and its first history row.
  // ALREADY_EXISTS naming the project when its origin lead already has one.
  absl::StatusOr<v1::Project> Create(const MutationContext& ctx, const v1::Project& p, const std::string& today);

  // Loads, checks `etag`, lets `change` edit the project and say what else to
  // write, and writes it all back (see WriteVersioned).
  absl::StatusOr<v1::Project> Mutate(const MutationContext& ctx, int64_t id, const std::string& etag,
                                     absl::FunctionRef<absl::Status(v1::Project&, StageEffects&)> change);

  // Oldest first.
  absl::StatusOr<std::vector<v1::StageChange>> History(int64_t id, absl::Time deadline);

  // Records arrived capital and adds it to the project's total, in one
  // transaction. `check` sees the project first (visibility, right to change).
  absl::StatusOr<v1::CapitalArrival> AddCapital(const MutationContext& ctx, int64_t project_id,
                                                const v1::CapitalArrival& arrival,
                                                absl::FunctionRef<absl::Status(const v1::Project&)> check);

  // By arrival date.
  absl::StatusOr<std::vector<v1::CapitalArrival>> ListCapital(int64_t project_id, absl::Time deadline);

 private:
  ConnectionPool* pool_;
};

}  // namespace crm

#endif  // CRM_STORAGE_PROJECT_STORE_H_
