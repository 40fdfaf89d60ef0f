#ifndef CRM_SERVICES_DASHBOARD_POOL_SCREENING_H_
#define CRM_SERVICES_DASHBOARD_POOL_SCREENING_H_

#include <map>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "crm/v1/dashboard_service.pb.h"
#include "crm/v1/enterprise_policy.pb.h"
#include "storage/connection_pool.h"
#include "storage/enterprise_store.h"
#include "storage/metrics_store.h"

namespace crm {

// How many enterprises of the pool screening qualifies for each title they do
// not hold, by the enterprise policy on each one's latest reported figures (as
// ScreenEnterprises does). Screening reads the whole pool, so a result is kept
// for `ttl` per industry and shared by every caller.
class PoolScreening {
 public:
  PoolScreening(ConnectionPool* pool, const v1::EnterprisePolicy* policy, absl::Duration ttl)
      : enterprises_(pool), metrics_(pool), policy_(policy), ttl_(ttl) {}

  struct Result {
    std::vector<v1::ScreeningCandidates> candidates;  // by title, non-zero only
    absl::Time time;                                   // when screened
  };
  absl::StatusOr<Result> Candidates(v1::IndustrySection industry, absl::Time deadline);

 private:
  absl::StatusOr<Result> Screen(v1::IndustrySection industry, absl::Time deadline);

  EnterpriseStore enterprises_;
  MetricsStore metrics_;
  const v1::EnterprisePolicy* policy_;
  const absl::Duration ttl_;
  absl::Mutex mu_;
  std::map<int, Result> cache_ ABSL_GUARDED_BY(mu_);
};

}  // namespace crm

#endif  // CRM_SERVICES_DASHBOARD_POOL_SCREENING_H_
