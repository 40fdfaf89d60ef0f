#ifndef CRM_STORAGE_METRICS_STORE_H_
#define CRM_STORAGE_METRICS_STORE_H_

#include <cstdint>
#include <map>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "crm/v1/enterprises_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// The SQL for enterprises' yearly figures: one row per (enterprise, year),
// figures NULL when not reported. Only the reported figures are stored; the
// derived ones (growth, ratios) are computed by the service on every read.
class MetricsStore {
 public:
  explicit MetricsStore(ConnectionPool* pool) : pool_(pool) {}

  // Lets `change` edit the year's figures and writes them, in one transaction
  // with the audit row: an existing row on condition of its version (and
  // `etag`, when given); a missing one is created when `allow_missing`, else
  // NOT_FOUND. FAILED_PRECONDITION when the enterprise is deleted; NOT_FOUND
  // when it does not exist.
  absl::StatusOr<v1::YearlyMetrics> Upsert(const MutationContext& ctx, int64_t enterprise_id, int year,
                                           const std::string& etag, bool allow_missing,
                                           absl::FunctionRef<absl::Status(v1::YearlyMetrics&)> change);

  // Every year of each of `enterprise_ids`, newest first (without derived
  // fields), in one query; an enterprise without figures has no entry.
  absl::StatusOr<std::map<int64_t, std::vector<v1::YearlyMetrics>>> List(const std::vector<int64_t>& enterprise_ids,
                                                                        absl::Time deadline);

 private:
  ConnectionPool* pool_;
};

}  // namespace crm

#endif  // CRM_STORAGE_METRICS_STORE_H_
