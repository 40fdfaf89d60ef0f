#include "services/dashboard/dashboard_service.h"

#include <algorithm>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "base/calendar.h"
#include "base/escalation.h"
#include "base/field_violations.h"
#include "base/page_limit.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "google/protobuf/util/time_util.h"
#include "services/dashboard/dashboard_requests.h"
#include "services/dashboard/dashboard_rules.h"
#include "services/projects/project_rules.h"

namespace crm {
namespace {

// Screening the pool for candidates is heavy; its answer is reused this long.
constexpr absl::Duration kScreeningTtl = absl::Minutes(10);

// The filter of a caller's request, once DashboardUnit has decided the unit.
absl::StatusOr<DashboardFilter> FilterFor(const CallContext& call, const std::string& unit,
                                          v1::IndustrySection industry) {
  ASSIGN_OR_RETURN(std::string scoped, DashboardUnit(call.principal, unit));
  return DashboardFilter{scoped.empty() ? "" : PrincipalId(scoped, "units"), industry};
}

// What the figure requests share: the zone's day, the year asked (checked),
// and whose figures (unit and industry checked, the unit decided by the role).
struct Period {
  absl::CivilDay today;
  int year = 0;
  DashboardFilter filter;
};
absl::StatusOr<Period> PeriodOf(const CallContext& call, int year, const std::string& unit,
                                v1::IndustrySection industry) {
  Period p;
  p.today = call.today();
  ASSIGN_OR_RETURN(p.year, FigureYearOf(year, unit, industry, p.today));
  ASSIGN_OR_RETURN(p.filter, FilterFor(call, unit, industry));
  return p;
}

std::string UnitName(const DashboardFilter& f) { return f.unit_id.empty() ? "" : absl::StrCat("units/", f.unit_id); }

}  // namespace

DashboardService::DashboardService(RpcRunner* runner, ConnectionPool* pool, const v1::ProjectPolicy* project_policy,
                                   const v1::EnterprisePolicy* enterprise_policy)
    : runner_(runner),
      project_policy_(project_policy),
      enterprise_policy_(enterprise_policy),
      store_(pool),
      targets_(pool),
      screening_(pool, enterprise_policy, kScreeningTtl) {}

grpc::ServerUnaryReactor* DashboardService::GetPipelineSummary(Ctx* ctx, const v1::GetPipelineSummaryRequest* req,
                                                               v1::PipelineSummary* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(Period period, PeriodOf(call, req->year(), req->unit(), req->industry()));
    ASSIGN_OR_RETURN(std::vector<v1::PipelineCell> cells, store_.StageCells(period.filter, call.deadline));
    ASSIGN_OR_RETURN(auto months, store_.MonthTotals(period.filter, period.year, DashboardStore::GroupBy::kMonth,
                                                     call.deadline));

    resp->set_year(period.year);
    resp->set_unit(UnitName(period.filter));
    resp->set_industry(req->industry());
    resp->set_as_of_date(IsoDay(period.today));
    for (int s = v1::PROJECT_STAGE_NEGOTIATING; s <= v1::PROJECT_STAGE_LOST; ++s) {
      for (int t = v1::INVESTMENT_TIER_BELOW_1B; t <= v1::INVESTMENT_TIER_5B; ++t) {
        v1::PipelineCell* cell = resp->add_cells();
        cell->set_stage(static_cast<v1::ProjectStage>(s));
        cell->set_tier(static_cast<v1::InvestmentTier>(t));
        for (const v1::PipelineCell& c : cells) {
          if (c.stage() == s && c.tier() == t) *cell = c;
        }
      }
    }
    SummarizeStages(*project_policy_, *resp);
    MonthCounters year_total{};
    for (const auto& [month, counters] : months) {
      for (int c = 0; c < kMonthCounterCount; ++c) year_total[c] += counters[c];
    }
    std::array<int64_t, 5> reached;
    std::array<int64_t, 4> converted;
    for (int i = 0; i < 5; ++i) reached[i] = year_total[kReachedNegotiation + i];
    for (int i = 0; i < 4; ++i) converted[i] = year_total[kConvertedNegotiation + i];
    for (v1::StageConversion& c : Conversions(reached, converted)) resp->add_conversions()->Swap(&c);
    resp->set_lost_count(year_total[kLostCount]);
    std::array<int64_t, 6> lost;
    for (int i = 0; i < 6; ++i) lost[i] = year_total[kLostCompetingRegion + i];
    for (v1::LostReasonCount& r : TopLostReasons(lost)) resp->add_lost_reasons()->Swap(&r);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DashboardService::GetUnitScoreboard(Ctx* ctx, const v1::GetUnitScoreboardRequest* req,
                                                              v1::UnitScoreboard* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(Period period, PeriodOf(call, req->year(), req->unit(), v1::INDUSTRY_SECTION_UNSPECIFIED));
    const absl::CivilDay today = period.today;
    const int year = period.year;
    // Ranks are among all units, so every unit is scored; the caller sees theirs.
    const DashboardFilter& shown = period.filter;
    ASSIGN_OR_RETURN(auto units, store_.Units(call.deadline));
    ASSIGN_OR_RETURN(std::vector<v1::UnitTarget> targets, targets_.List(year, call.deadline));
    ASSIGN_OR_RETURN(auto achieved, store_.MonthTotals({}, year, DashboardStore::GroupBy::kUnit, call.deadline));

    std::map<std::string, v1::UnitTarget> target_of;
    for (v1::UnitTarget& t : targets) {
      absl::StatusOr<UnitYear> key = ParseUnitTargetName(t.name(), "name");
      if (key.ok()) target_of[key->unit_id] = std::move(t);
    }
    std::vector<v1::UnitScore> scores;
    for (const auto& [unit_id, display_name] : units) {
      v1::UnitScore& u = scores.emplace_back();
      u.set_unit(absl::StrCat("units/", unit_id));
      u.set_unit_display_name(display_name);
      const v1::UnitTarget& t = target_of[unit_id];
      const MonthCounters& a = achieved[unit_id];
      const std::pair<v1::PledgeMetric, std::pair<int64_t, int64_t>> metrics[] = {
          {v1::PLEDGE_METRIC_SIGNED_PROJECTS, {a[kReachedSigned], t.signed_projects()}},
          {v1::PLEDGE_METRIC_SIGNED_PROJECTS_1B, {a[kSigned1b], t.signed_projects_1b()}},
          {v1::PLEDGE_METRIC_SIGNED_PROJECTS_2B, {a[kSigned2b], t.signed_projects_2b()}},
          {v1::PLEDGE_METRIC_SIGNED_PROJECTS_5B, {a[kSigned5b], t.signed_projects_5b()}},
          {v1::PLEDGE_METRIC_SIGNED_INVESTMENT, {a[kSignedInvestment], t.signed_investment_cny()}},
          {v1::PLEDGE_METRIC_CONSTRUCTION_STARTS, {a[kReachedConstruction], t.construction_starts()}},
          {v1::PLEDGE_METRIC_CAPITAL_ARRIVED, {a[kCapitalArrived], t.capital_arrived_cny()}},
      };
      for (const auto& [metric, values] : metrics) {
        v1::PledgeProgress* m = u.add_metrics();
        m->set_metric(metric);
        m->set_achieved(values.first);
        m->set_target(values.second);
      }
    }
    const double elapsed = YearElapsed(year, today);
    ScoreUnits(elapsed, scores);
    resp->set_year(year);
    resp->set_as_of_date(IsoDay(today));
    resp->set_year_elapsed(elapsed);
    for (v1::UnitScore& u : scores) {
      if (u.has_target()) resp->set_ranked_unit_count(resp->ranked_unit_count() + 1);
      if (shown.unit_id.empty() || u.unit() == UnitName(shown)) resp->add_units()->Swap(&u);
    }
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DashboardService::ListAlerts(Ctx* ctx, const v1::ListAlertsRequest* req,
                                                       v1::ListAlertsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(AlertPageRequest page, AlertPageRequestOf(*req));
    const int page_size = page.page_size;
    const std::optional<AlertCursor>& cursor = page.after;
    ASSIGN_OR_RETURN(DashboardFilter filter, FilterFor(call, req->unit(), req->industry()));
    AlertQuery q;
    q.filter = filter;
    q.today = call.today();
    q.limit = page_size + 1;  // one more tells whether there is a next page
    const ColorBands project_bands{project_policy_->yellow_after_days(), project_policy_->red_after_days()};
    const ColorBands request_bands{enterprise_policy_->yellow_after_days(), enterprise_policy_->red_after_days()};
    auto wanted = [&](v1::AlertKind kind, const ColorBands& bands) {
      if (req->kind() != v1::ALERT_KIND_UNSPECIFIED && req->kind() != kind) return false;
      q.bound.reset();
      if (cursor) {
        DaysBound b = BoundAfter(*cursor, kind, bands);
        q.bound = std::make_pair(b.days, b.id_after);
      }
      return true;
    };
    std::vector<v1::Alert> alerts;
    auto take = [&](std::vector<v1::Alert> more, const ColorBands& bands) {
      for (v1::Alert& a : more) {
        a.set_color(EscalationColorOf(a.days_overdue(), bands.yellow_after_days, bands.red_after_days));
        alerts.push_back(std::move(a));
      }
    };
    if (wanted(v1::ALERT_KIND_STALLED_PROJECT, project_bands)) {
      for (v1::StallKind stall : {v1::STALL_KIND_SIGNED_NOT_REGISTERED, v1::STALL_KIND_REGISTERED_NOT_STARTED,
                                  v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION}) {
        ASSIGN_OR_RETURN(std::vector<v1::Alert> stalled,
                         store_.StalledProjects(StageOfStall(stall), StallThresholdDays(*project_policy_, stall), q,
                                                call.deadline));
        for (v1::Alert& a : stalled) a.set_stall(stall);
        take(std::move(stalled), project_bands);
      }
    }
    if (wanted(v1::ALERT_KIND_OVERDUE_MILESTONE, project_bands)) {
      ASSIGN_OR_RETURN(std::vector<v1::Alert> milestones, store_.OverdueMilestones(q, call.deadline));
      take(std::move(milestones), project_bands);
    }
    if (wanted(v1::ALERT_KIND_OVERDUE_SERVICE_REQUEST, request_bands)) {
      ASSIGN_OR_RETURN(std::vector<v1::Alert> requests, store_.OverdueServiceRequests(q, call.deadline));
      take(std::move(requests), request_bands);
    }
    std::sort(alerts.begin(), alerts.end(), &MoreSevere);
    const bool more = TrimPage(alerts, page_size, call.page_bytes);
    for (v1::Alert& a : alerts) resp->add_alerts()->Swap(&a);
    if (more) resp->set_next_page_token(AlertPageToken(CursorOf(*resp->alerts().rbegin()), page.fingerprint));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DashboardService::GetEnterprisePoolSummary(Ctx* ctx,
                                                                     const v1::GetEnterprisePoolSummaryRequest* req,
                                                                     v1::EnterprisePoolSummary* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(Period period, PeriodOf(call, req->year(), req->unit(), req->industry()));
    ASSIGN_OR_RETURN(PoolCounts counts, store_.Pool(period.filter, period.year, period.today, call.deadline));
    ASSIGN_OR_RETURN(PoolScreening::Result screened, screening_.Candidates(req->industry(), call.deadline));
    resp->set_year(period.year);
    resp->set_industry(req->industry());
    resp->set_unit(UnitName(period.filter));
    resp->set_enterprise_count(counts.enterprise_count);
    for (v1::TitleCount& t : counts.titles) resp->add_titles()->Swap(&t);
    for (const v1::ScreeningCandidates& c : screened.candidates) *resp->add_candidates() = c;
    *resp->mutable_candidates_time() =
        google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(screened.time));
    *resp->mutable_service_requests() = counts.requests;
    resp->set_as_of_date(IsoDay(period.today));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* DashboardService::GetTrend(Ctx* ctx, const v1::GetTrendRequest* req, v1::Trend* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(Period period, PeriodOf(call, req->year(), req->unit(), req->industry()));
    const int year = period.year;
    ASSIGN_OR_RETURN(auto months, store_.MonthTotals(period.filter, year, DashboardStore::GroupBy::kMonth,
                                                     call.deadline));
    resp->set_year(year);
    resp->set_unit(UnitName(period.filter));
    resp->set_industry(req->industry());
    for (int m = 1; m <= 12; ++m) {
      const MonthCounters& c = months[absl::StrFormat("%04d-%02d-01", year, m)];
      v1::MonthPoint* point = resp->add_months();
      point->set_month(absl::StrFormat("%04d-%02d", year, m));
      point->set_signed_projects(c[kReachedSigned]);
      point->set_signed_investment_cny(c[kSignedInvestment]);
      point->set_construction_starts(c[kReachedConstruction]);
      point->set_capital_arrived_cny(c[kCapitalArrived]);
    }
    return absl::OkStatus();
  });
}

}  // namespace crm
