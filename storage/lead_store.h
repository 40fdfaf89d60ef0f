#ifndef CRM_STORAGE_LEAD_STORE_H_
#define CRM_STORAGE_LEAD_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "base/visibility.h"
#include "crm/v1/leads_service.pb.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// Which leads to list, in which order, from where.
struct LeadQuery {
  Visibility scope = Visibility::All();  // which leads the caller may see at all (LeadVisibility)
  v1::LeadStatus status = v1::LEAD_STATUS_UNSPECIFIED;  // unspecified: any
  std::string owner_id;                                 // empty: any
  std::string unit_id;
  v1::TargetList target_list = v1::TARGET_LIST_UNSPECIFIED;
  v1::LeadChannel channel = v1::LEAD_CHANNEL_UNSPECIFIED;
  v1::IndustrySection industry = v1::INDUSTRY_SECTION_UNSPECIFIED;
  std::string company_name_contains;
  bool by_update_time = false;  // else by create time
  bool descending = true;
  bool show_deleted = false;
  int page_size = 50;
  // The bytes the page's rows may fill (0: no bound; see base/page_limit.h).
  size_t max_bytes = 0;
  // Continue after this (time in microseconds, id); none: from the start.
  std::optional<std::pair<int64_t, int64_t>> after;
};

struct LeadPage {
  std::vector<v1::Lead> leads;
  // The (time in microseconds, id) of the last lead, when there are more.
  std::optional<std::pair<int64_t, int64_t>> next;
};

struct ActivityPage {
  std::vector<v1::Activity> activities;
  std::optional<std::pair<int64_t, int64_t>> next;  // (day number, id)
};

// The SQL for leads and their activities. Every write is one transaction
// carrying its audit row and its request-id record; updates are conditional on
// the row's version. Leads go in and out as crm.v1.Lead messages.
class LeadStore {
 public:
  // `name_key` normalises company names for duplicate search (a leads rule,
  // passed in so that storage does not depend on the service).
  using NameKeyFn = std::string (*)(absl::string_view);
  LeadStore(ConnectionPool* pool, NameKeyFn name_key) : pool_(pool), name_key_(name_key) {}

  // NOT_FOUND when there is no such lead (soft-deleted leads are found).
  absl::StatusOr<v1::Lead> Get(int64_t id, absl::Time deadline);

  absl::StatusOr<LeadPage> List(const LeadQuery& query, absl::Time deadline);

  // Inserts `lead` (already validated; name, status, times and etag are set
  // here). ALREADY_EXISTS naming the other lead when its USCC is taken.
  absl::StatusOr<v1::Lead> Create(const MutationContext& ctx, const v1::Lead& lead);

  // Loads the lead, checks `etag` (when not empty; stale → ABORTED), lets
  // `change` edit it (a non-OK status aborts the write), and writes every
  // column back on condition that the version is unchanged.
  absl::StatusOr<v1::Lead> Mutate(const MutationContext& ctx, int64_t id, const std::string& etag,
                                  absl::FunctionRef<absl::Status(v1::Lead&)> change);

  // Appends `activity` to the lead and, in the same transaction, lets
  // `change_lead` edit the lead (e.g. NEW → CONTACTING); the lead is written
  // back only when `change_lead` changed it. NOT_FOUND for a missing or deleted lead.
  absl::StatusOr<v1::Activity> AddActivity(const MutationContext& ctx, int64_t lead_id,
                                           const v1::Activity& activity,
                                           absl::FunctionRef<absl::Status(v1::Lead&)> change_lead);

  // Newest first (by day, then id). Does not look at the lead itself: the
  // caller has loaded it already (to check who may see it).
  // At most `page_size` activities filling at most `max_bytes` (0: no bound).
  absl::StatusOr<ActivityPage> ListActivities(int64_t lead_id, int page_size, size_t max_bytes,
                                              std::optional<std::pair<int64_t, int64_t>> after,
                                              absl::Time deadline);

  // Active (not deleted) leads in `scope` with this USCC or this normalised name.
  absl::StatusOr<std::vector<v1::Lead>> FindActive(const Visibility& scope, const std::string& uscc,
                                                   const std::string& name_key, int limit, absl::Time deadline);

 private:
  ConnectionPool* pool_;
  NameKeyFn name_key_;
};

}  // namespace crm

#endif  // CRM_STORAGE_LEAD_STORE_H_
