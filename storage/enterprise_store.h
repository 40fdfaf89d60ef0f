#ifndef CRM_STORAGE_ENTERPRISE_STORE_H_
#define CRM_STORAGE_ENTERPRISE_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "crm/v1/enterprises_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// Which enterprises to list (in id order), from where.
struct EnterpriseQuery {
  v1::CertificationTitle title = v1::CERTIFICATION_TITLE_UNSPECIFIED;  // holding it now
  v1::CertificationLevel level = v1::CERTIFICATION_LEVEL_UNSPECIFIED;
  v1::IndustrySection industry = v1::INDUSTRY_SECTION_UNSPECIFIED;
  std::string secretary_id;  // empty: any
  bool in_zone_only = false;
  std::string name_contains;  // current or former name
  std::string uscc;           // exact; empty: any
  bool show_deleted = false;
  int page_size = 50;
  // The bytes the page's rows may fill (0: no bound; see base/page_limit.h).
  size_t max_bytes = 0;
  int64_t after_id = 0;  // continue after this id
};

struct EnterprisePage {
  std::vector<v1::Enterprise> enterprises;
  int64_t next_after_id = 0;  // 0: no more
};

// What happened to one imported row.
struct ImportedRow {
  v1::ImportOutcome outcome = v1::IMPORT_OUTCOME_UNSPECIFIED;
  std::string enterprise;  // `enterprises/{id}`
};

// The SQL for enterprises and their service-secretary history. Every write is
// one transaction with its audit row and request-id record; updates are
// conditional on the row version. `today` (`YYYY-MM-DD`, the zone's day)
// decides which certifications count as held (`held_titles`).
class EnterpriseStore {
 public:
  explicit EnterpriseStore(ConnectionPool* pool) : pool_(pool) {}

  // NOT_FOUND when there is none (soft-deleted ones are found).
  absl::StatusOr<v1::Enterprise> Get(int64_t id, const std::string& today, absl::Time deadline);

  absl::StatusOr<EnterprisePage> List(const EnterpriseQuery& query, const std::string& today, absl::Time deadline);

  // Inserts `e` (validated; name, secretary, times and etag are set here).
  // ALREADY_EXISTS naming the enterprise that holds its USCC.
  absl::StatusOr<v1::Enterprise> Create(const MutationContext& ctx, const v1::Enterprise& e, const std::string& today);

  // Loads, checks `etag`, lets `change` edit the writable fields and
  // delete_time, and writes them back (see WriteVersioned).
  absl::StatusOr<v1::Enterprise> Mutate(const MutationContext& ctx, int64_t id, const std::string& etag,
                                        const std::string& today,
                                        absl::FunctionRef<absl::Status(v1::Enterprise&)> change);

  // Sets the service secretary (`secretary_id` empty: none) and appends the
  // history row, in one transaction. `check` sees the enterprise first (to
  // refuse a deleted or invisible one). FAILED_PRECONDITION when the user does
  // not exist, is inactive or is a service account.
  absl::StatusOr<v1::Enterprise> AssignSecretary(const MutationContext& ctx, int64_t id, const std::string& etag,
                                                 const std::string& secretary_id, const std::string& note,
                                                 const std::string& today,
                                                 absl::FunctionRef<absl::Status(const v1::Enterprise&)> check);

  // Newest first.
  absl::StatusOr<std::vector<v1::SecretaryAssignment>> ListAssignments(int64_t id, absl::Time deadline);

  // Upserts validated rows by USCC in one transaction: creates the missing,
  // replaces the registration fields (via `merge`) of the active enterprise
  // holding the USCC when they differ, and leaves equal ones alone. Rows that
  // repeat a USCC of the batch apply in order. One result per row.
  absl::StatusOr<std::vector<ImportedRow>> ImportBatch(
      const MutationContext& ctx, const std::vector<v1::Enterprise>& rows, const std::string& today,
      absl::FunctionRef<void(const v1::Enterprise& row, v1::Enterprise& e)> merge);

 private:
  ConnectionPool* pool_;
};

// Locks the enterprise's row for a write to one of its children, inside the
// caller's transaction: NOT_FOUND when it does not exist, FAILED_PRECONDITION
// when it is deleted.
absl::Status LockLiveEnterprise(Connection& conn, int64_t enterprise_id);

}  // namespace crm

#endif  // CRM_STORAGE_ENTERPRISE_STORE_H_
