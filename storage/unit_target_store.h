#ifndef CRM_STORAGE_UNIT_TARGET_STORE_H_
#define CRM_STORAGE_UNIT_TARGET_STORE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "crm/v1/projects_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// The SQL for the units' yearly targets (责任状), one row per unit and year.
class UnitTargetStore {
 public:
  explicit UnitTargetStore(ConnectionPool* pool) : pool_(pool) {}

  // Creates or replaces the targets of `unit_id` for `t.year()` (validated),
  // with the audit row; `etag`, when given, must be the current version.
  // NOT_FOUND when the unit does not exist.
  absl::StatusOr<v1::UnitTarget> Set(const MutationContext& ctx, const std::string& unit_id, const v1::UnitTarget& t,
                                     const std::string& etag);
  absl::StatusOr<v1::UnitTarget> Get(const std::string& unit_id, int year, absl::Time deadline);
  // Every unit's targets of `year`, by unit.
  absl::StatusOr<std::vector<v1::UnitTarget>> List(int year, absl::Time deadline);

 private:
  ConnectionPool* pool_;
};

}  // namespace crm

#endif  // CRM_STORAGE_UNIT_TARGET_STORE_H_
