// libFuzzer target: the dashboard's request checks (see fuzz_support.h):
// the figure requests' year, unit and industry and whose figures a caller
// gets, and the alert list's paging.

#include <cstddef>
#include <cstdint>
#include <string>

#include "crm/v1/dashboard_service.pb.h"
#include "services/dashboard/dashboard_requests.h"
#include "services/dashboard/dashboard_rules.h"
#include "tests/faults/fuzz/fuzz_support.h"

namespace crm::fuzz {
namespace {

void CheckFigures(int year, const std::string& unit, v1::IndustrySection industry) {
  absl::StatusOr<int> checked = FigureYearOf(year, unit, industry, Today());
  RequireVerdict(checked.status());
  if (!checked.ok()) return;
  Require(*checked >= 1949 && *checked <= 2100, "a year in 1949–2100");
  const double elapsed = YearElapsed(*checked, Today());
  Require(elapsed >= 0 && elapsed <= 1, "a share of the year");
  for (const Principal& p : Principals()) {
    RequireVerdict(DashboardUnit(p, unit).status(), {absl::StatusCode::kPermissionDenied});
  }
}

void CheckAlerts(const v1::ListAlertsRequest& req) {
  absl::StatusOr<AlertPageRequest> page = AlertPageRequestOf(req);
  RequireVerdict(page.status());
  if (!page.ok()) return;
  Require(page->page_size >= 1 && page->page_size <= kMaxAlertsPage, "a page of 1–500 alerts");
  for (const Principal& p : Principals()) {
    RequireVerdict(DashboardUnit(p, req.unit()).status(), {absl::StatusCode::kPermissionDenied});
  }
  if (!page->after) return;
  // The token the page after this cursor carries reads back to it.
  v1::ListAlertsRequest next = req;
  next.set_page_token(AlertPageToken(*page->after, page->fingerprint));
  absl::StatusOr<AlertPageRequest> again = AlertPageRequestOf(next);
  Require(again.ok() && again->after && again->after->color == page->after->color &&
              again->after->days == page->after->days && again->after->kind == page->after->kind &&
              again->after->id == page->after->id,
          "an alert page token reads back to its cursor");
  for (int kind = v1::AlertKind_MIN; kind <= v1::AlertKind_MAX; ++kind) {
    (void)BoundAfter(*page->after, static_cast<v1::AlertKind>(kind), ColorBands{3, 7});
  }
  v1::Alert a, b;
  a.set_color(page->after->color);
  a.set_days_overdue(page->after->days);
  a.set_kind(page->after->kind);
  Require(!MoreSevere(a, a), "severity is a strict order");
  (void)MoreSevere(a, b);
}

const Checks& DashboardChecks() {
  static const Checks* checks = [] {
    auto* c = new Checks("crm.v1.DashboardService");
    c->On<v1::GetPipelineSummaryRequest>("GetPipelineSummary",
                                         [](const auto& req) { CheckFigures(req.year(), req.unit(), req.industry()); })
        .On<v1::GetUnitScoreboardRequest>(
            "GetUnitScoreboard",
            [](const auto& req) { CheckFigures(req.year(), req.unit(), v1::INDUSTRY_SECTION_UNSPECIFIED); })
        .On<v1::ListAlertsRequest>("ListAlerts", [](const auto& req) { CheckAlerts(req); })
        .On<v1::GetEnterprisePoolSummaryRequest>(
            "GetEnterprisePoolSummary", [](const auto& req) { CheckFigures(req.year(), req.unit(), req.industry()); })
        .On<v1::GetTrendRequest>("GetTrend",
                                 [](const auto& req) { CheckFigures(req.year(), req.unit(), req.industry()); });
    c->RequireAllMethods();
    return c;
  }();
  return *checks;
}

}  // namespace
}  // namespace crm::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crm::fuzz::DashboardChecks().Run(data, size);
  return 0;
}
