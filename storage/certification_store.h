#ifndef CRM_STORAGE_CERTIFICATION_STORE_H_
#define CRM_STORAGE_CERTIFICATION_STORE_H_

#include <cstdint>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "crm/v1/enterprises_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// The SQL for the titles enterprises hold (certifications). Writes are one
// transaction each, with the audit row; updates are conditional on the version.
class CertificationStore {
 public:
  explicit CertificationStore(ConnectionPool* pool) : pool_(pool) {}

  // Adds `c` (validated) to a live enterprise: NOT_FOUND when it does not
  // exist, FAILED_PRECONDITION when it is deleted.
  absl::StatusOr<v1::Certification> Create(const MutationContext& ctx, int64_t enterprise_id,
                                           const v1::Certification& c);

  // Loads certification `id` of the enterprise, checks `etag`, lets `change`
  // edit it (fields and delete_time), and writes it back.
  absl::StatusOr<v1::Certification> Mutate(const MutationContext& ctx, int64_t enterprise_id, int64_t id,
                                           const std::string& etag,
                                           absl::FunctionRef<absl::Status(v1::Certification&)> change);

  // In order of creation.
  absl::StatusOr<std::vector<v1::Certification>> List(int64_t enterprise_id, bool show_deleted, absl::Time deadline);

 private:
  ConnectionPool* pool_;
};

}  // namespace crm

#endif  // CRM_STORAGE_CERTIFICATION_STORE_H_
