#include "clients/cli/dashboard_commands.h"

#include <vector>

#include "clients/cli/cell_parsers.h"
#include "clients/cli/dashboard_fields.h"
#include "clients/cli/dashboard_output.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/project_flags.h"

namespace crm::cli {
namespace {

// The filters the dashboard's calls share; each command adds the ones its
// call takes. The year and page size are checked by the server, which names
// the field it refuses.
struct DashboardFlags {
  int year = 0;
  std::string unit, industry, kind;
  int page_size = 0;
  bool all = false;

  void AddYear(CLI::App* cmd) { cmd->add_option("--year", year, "the year of the figures (default: this year)"); }
  void AddUnit(CLI::App* cmd) {
    cmd->add_option("--unit", unit, "one unit's figures, units/{id} or {id} (default: every unit you may see)");
  }
  void AddIndustry(CLI::App* cmd) {
    cmd->add_option("--industry", industry, "GB/T 4754 section letter A-T or its name");
  }

  // `req` with the unit, and the industry when given; INVALID_ARGUMENT
  // naming --industry when it cannot be read.
  template <typename Req>
  absl::Status Fill(Req& req) const {
    req.set_unit(PrefixedName("units", unit));
    return ParseFlag("--industry", industry, ParseIndustrySection,
                     [&](v1::IndustrySection v) { req.set_industry(v); });
  }
};

absl::StatusOr<v1::ListAlertsResponse> FetchAlerts(CommandEnv& env, const DashboardFlags& f) {
  v1::ListAlertsRequest req;
  if (absl::Status s = f.Fill(req); !s.ok()) return s;
  if (absl::Status s = ParseFlag("--kind", f.kind, ParseAlertKind, [&](v1::AlertKind v) { req.set_kind(v); });
      !s.ok()) {
    return s;
  }
  req.set_page_size(f.page_size);
  auto fetch = [&](const v1::ListAlertsRequest& r) { return env.Dashboard().ListAlerts(r); };
  if (!f.all) return fetch(req);
  std::vector<v1::Alert> all;
  absl::Status listed =
      CollectPages(req, 0, fetch, [](const v1::ListAlertsResponse& page) -> const auto& { return page.alerts(); }, all);
  if (!listed.ok()) return listed;
  v1::ListAlertsResponse merged;
  merged.mutable_alerts()->Assign(all.begin(), all.end());
  return merged;
}

}  // namespace

void AddDashboardCommands(CLI::App& app, CommandEnv& env) {
  auto out = [&env] { return DashboardPrinter(std::cout, env.format, env.color); };
  CLI::App* group = app.add_subcommand("dashboard", "the leadership dashboard (领导驾驶舱): pipeline, pledges, alerts");
  group->require_subcommand(1);
  {
    auto* cmd = group->add_subcommand(
        "summary", "the pipeline by stage and tier (count, 亿元, weighted), the year's conversions and losses");
    auto* f = env.Make<DashboardFlags>();
    f->AddYear(cmd);
    f->AddUnit(cmd);
    f->AddIndustry(cmd);
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::GetPipelineSummaryRequest req;
      if (absl::Status s = f->Fill(req); !s.ok()) return s;
      req.set_year(f->year);
      auto summary = env.Dashboard().GetPipelineSummary(req);
      if (!summary.ok()) return summary.status();
      out().Summary(*summary);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand(
        "scoreboard", "each unit against its pledge (责任状): achieved/target, completion, pace, rank");
    auto* f = env.Make<DashboardFlags>();
    f->AddYear(cmd);
    cmd->add_option("--unit", f->unit, "that unit's row only (still ranked among all), units/{id} or {id}");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::GetUnitScoreboardRequest req;
      req.set_year(f->year);
      req.set_unit(PrefixedName("units", f->unit));
      auto board = env.Dashboard().GetUnitScoreboard(req);
      if (!board.ok()) return board.status();
      out().Scoreboard(*board);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand(
        "alerts", "stalled projects, overdue milestones and service requests (预警/三色督办), most severe first");
    auto* f = env.Make<DashboardFlags>();
    f->AddUnit(cmd);
    f->AddIndustry(cmd);
    cmd->add_option("--kind", f->kind, "one kind only: stalled/项目停滞, milestone/节点逾期, request/服务逾期");
    cmd->add_option("--page-size", f->page_size, "alerts per call, at most 500 (default 50)");
    cmd->add_flag("--all", f->all, "every page, not only the first");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      auto alerts = FetchAlerts(env, *f);
      if (!alerts.ok()) return alerts.status();
      out().Alerts(*alerts);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand(
        "pool", "the cultivation pool (企业培育库): titles, screening candidates, the service checklist");
    auto* f = env.Make<DashboardFlags>();
    f->AddYear(cmd);
    f->AddIndustry(cmd);
    cmd->add_option("--unit", f->unit, "the checklist of the requests this unit handles, units/{id} or {id}");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::GetEnterprisePoolSummaryRequest req;
      if (absl::Status s = f->Fill(req); !s.ok()) return s;
      req.set_year(f->year);
      auto pool = env.Dashboard().GetEnterprisePoolSummary(req);
      if (!pool.ok()) return pool.status();
      out().Pool(*pool);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("trend", "per month of a year: signings, construction starts, capital arrived");
    auto* f = env.Make<DashboardFlags>();
    f->AddYear(cmd);
    f->AddUnit(cmd);
    f->AddIndustry(cmd);
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::GetTrendRequest req;
      if (absl::Status s = f->Fill(req); !s.ok()) return s;
      req.set_year(f->year);
      auto trend = env.Dashboard().GetTrend(req);
      if (!trend.ok()) return trend.status();
      out().Trend(*trend);
      return absl::OkStatus();
    });
  }
}

}  // namespace crm::cli
