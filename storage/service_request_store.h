#ifndef CRM_STORAGE_SERVICE_REQUEST_STORE_H_
#define CRM_STORAGE_SERVICE_REQUEST_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "base/visibility.h"
#include "crm/v1/enterprises_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// Which requests to list, earliest due date first, from where.
struct ServiceRequestQuery {
  Visibility scope = Visibility::All();  // which requests the caller may see at all (ServiceRequestVisibility)
  int64_t enterprise_id = 0;  // 0: every enterprise
  v1::ServiceRequestStatus status = v1::SERVICE_REQUEST_STATUS_UNSPECIFIED;
  std::string unit_id;  // took or handles
  v1::ServiceCategory category = v1::SERVICE_CATEGORY_UNSPECIFIED;
  bool open_only = false;
  std::string due_from;  // inclusive `YYYY-MM-DD` bounds; empty: unbounded
  std::string due_to;
  int page_size = 50;
  // The bytes the page's rows may fill (0: no bound; see base/page_limit.h).
  size_t max_bytes = 0;
  // Continue after this (due date, id).
  std::optional<std::pair<std::string, int64_t>> after;
};

struct ServiceRequestPage {
  std::vector<v1::ServiceRequest> requests;
  std::optional<std::pair<std::string, int64_t>> next;
};

// The SQL for service checklists. Requests are read with their enterprise's
// name and secretary (for lists and for the visibility rule); the derived
// escalation fields are the service's. Writes are one transaction each with
// the audit row, conditional on the version.
class ServiceRequestStore {
 public:
  explicit ServiceRequestStore(ConnectionPool* pool) : pool_(pool) {}

  absl::StatusOr<v1::ServiceRequest> Get(int64_t enterprise_id, int64_t id, absl::Time deadline);

  absl::StatusOr<ServiceRequestPage> List(const ServiceRequestQuery& query, absl::Time deadline);

  // Adds validated `r` (dates, units and status already decided) to a live
  // enterprise; `check` sees the request as it will be stored (with the
  // enterprise's name and secretary) before it is written.
  absl::StatusOr<v1::ServiceRequest> Create(const MutationContext& ctx, int64_t enterprise_id,
                                            const v1::ServiceRequest& r,
                                            absl::FunctionRef<absl::Status(const v1::ServiceRequest&)> check);

  // Loads, checks `etag`, lets `change` edit it, writes it back.
  absl::StatusOr<v1::ServiceRequest> Mutate(const MutationContext& ctx, int64_t enterprise_id, int64_t id,
                                            const std::string& etag,
                                            absl::FunctionRef<absl::Status(v1::ServiceRequest&)> change);

 private:
  ConnectionPool* pool_;
};

}  // namespace crm

#endif  // CRM_STORAGE_SERVICE_REQUEST_STORE_H_
