#include "services/dashboard/pool_screening.h"

#include "absl/time/clock.h"
#include "base/calendar.h"
#include "base/status_macros.h"
#include "services/enterprises/enterprise_rules.h"
#include "services/enterprises/screening.h"
#include "storage/row_codec.h"

namespace crm {

absl::StatusOr<PoolScreening::Result> PoolScreening::Candidates(v1::IndustrySection industry, absl::Time deadline) {
  {
    absl::MutexLock lock(&mu_);
    auto it = cache_.find(industry);
    if (it != cache_.end() && absl::Now() - it->second.time < ttl_) return it->second;
  }
  // Two callers may screen at once after expiry; both answers are right, the later one stays.
  ASSIGN_OR_RETURN(Result fresh, Screen(industry, deadline));
  absl::MutexLock lock(&mu_);
  cache_[industry] = fresh;
  return fresh;
}

absl::StatusOr<PoolScreening::Result> PoolScreening::Screen(v1::IndustrySection industry, absl::Time deadline) {
  Result result;
  result.time = absl::Now();
  const absl::CivilDay today = ZoneDay(result.time);
  std::map<v1::CertificationTitle, int64_t> counts;
  EnterpriseQuery query;
  query.industry = industry;
  query.page_size = 500;
  do {
    ASSIGN_OR_RETURN(EnterprisePage page, enterprises_.List(query, IsoDay(today), deadline));
    query.after_id = page.next_after_id;
    std::vector<int64_t> ids;
    for (const v1::Enterprise& e : page.enterprises) ids.push_back(LastId(e.name()));
    ASSIGN_OR_RETURN(auto figures, metrics_.List(ids, deadline));  // the page's figures in one query
    for (v1::Enterprise& e : page.enterprises) {
      std::vector<v1::YearlyMetrics>& years = figures[LastId(e.name())];
      if (years.empty()) continue;  // nothing reported: nothing to screen
      DeriveMetrics(years);
      ScreeningInput input;
      input.today = today;
      input.metrics = years.front();  // newest first
      input.enterprise = std::move(e);
      for (const v1::TitleEvaluation& t : EvaluateTitles(*policy_, input)) {
        if (t.qualified() && !t.already_held()) ++counts[t.title()];
      }
    }
  } while (query.after_id != 0);
  for (const auto& [title, n] : counts) {
    v1::ScreeningCandidates& c = result.candidates.emplace_back();
    c.set_title(title);
    c.set_enterprise_count(n);
  }
  return result;
}

}  // namespace crm
