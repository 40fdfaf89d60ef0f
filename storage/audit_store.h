#ifndef CRM_STORAGE_AUDIT_STORE_H_
#define CRM_STORAGE_AUDIT_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "crm/v1/admin_service.pb.h"
#include "storage/connection_pool.h"

namespace crm {

struct AuditQuery {
  std::string principal;  // filters; empty: any
  std::string resource;
  std::string method;
  std::string outcome;
  int64_t before_id = 0;  // keyset: only rows older than this id (0: from the newest)
  int page_size = 50;
};

// Reads the audit log (rows are written by AppendAudit, inside each change's transaction).
class AuditStore {
 public:
  explicit AuditStore(ConnectionPool* pool) : pool_(pool) {}

  // Newest first; at most page_size + 1 rows (the extra one tells there are more).
  absl::StatusOr<std::vector<v1::AuditEvent>> List(const AuditQuery& query, absl::Time deadline);

 private:
  ConnectionPool* pool_;
};

}  // namespace crm

#endif  // CRM_STORAGE_AUDIT_STORE_H_
