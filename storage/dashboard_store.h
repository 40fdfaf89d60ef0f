#ifndef CRM_STORAGE_DASHBOARD_STORE_H_
#define CRM_STORAGE_DASHBOARD_STORE_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "crm/v1/dashboard_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/pipeline_rollup.h"

namespace crm {

// Whose figures: one unit (`unit_id`) or all (empty); one industry or all (0).
struct DashboardFilter {
  std::string unit_id;
  int industry = kAllIndustries;
};

using MonthCounters = std::array<int64_t, kMonthCounterCount>;

// Which alerts of one source to read: due before `today`, past `bound` when
// set (fewer days overdue than bound->days, or as many and a higher id),
// most days overdue first, at most `limit`.
struct AlertQuery {
  DashboardFilter filter;
  absl::CivilDay today;
  std::optional<std::pair<int, int64_t>> bound;  // (days, id_after)
  int limit = 50;
};

struct PoolCounts {
  int64_t enterprise_count = 0;
  std::vector<v1::TitleCount> titles;
  v1::ServiceChecklistStats requests;
};

// The dashboard's reads: the rollups (never the projects table for figures),
// and the indexed alert and pool queries. Read only.
class DashboardStore {
 public:
  explicit DashboardStore(ConnectionPool* pool) : pool_(pool) {}

  // The stage × tier cells with projects now (from pipeline_stage_rollup).
  absl::StatusOr<std::vector<v1::PipelineCell>> StageCells(const DashboardFilter& filter, absl::Time deadline);

  // The month counters of `year` summed by month (`YYYY-MM-01` keys) or by
  // unit (unit id keys), from pipeline_month_rollup.
  enum class GroupBy { kMonth, kUnit };
  absl::StatusOr<std::map<std::string, MonthCounters>> MonthTotals(const DashboardFilter& filter, int year,
                                                                   GroupBy group_by, absl::Time deadline);

  // Every unit: id → display name.
  absl::StatusOr<std::map<std::string, std::string>> Units(absl::Time deadline);

  // Projects of `stage` more than `threshold_days` in it (三未); due day =
  // stage day + threshold. Live projects only.
  absl::StatusOr<std::vector<v1::Alert>> StalledProjects(v1::ProjectStage stage, int threshold_days,
                                                         const AlertQuery& q, absl::Time deadline);
  // Milestones not done past their planned day, of live projects not LOST.
  absl::StatusOr<std::vector<v1::Alert>> OverdueMilestones(const AlertQuery& q, absl::Time deadline);
  // Open service requests on or past their due day (BLUE from the due day,
  // as 三色督办 has it), of live enterprises; the unit is the handling unit,
  // the industry the enterprise's.
  absl::StatusOr<std::vector<v1::Alert>> OverdueServiceRequests(const AlertQuery& q, absl::Time deadline);

  // Active enterprises, titles held (valid on `today`; new = batch `year`),
  // and the service checklist of the requests handled by the filter's unit.
  absl::StatusOr<PoolCounts> Pool(const DashboardFilter& filter, int year, absl::CivilDay today,
                                  absl::Time deadline);

 private:
  ConnectionPool* pool_;
};

}  // namespace crm

#endif  // CRM_STORAGE_DASHBOARD_STORE_H_
