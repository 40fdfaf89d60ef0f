#include "clients/cli/target_commands.h"

#include "absl/strings/str_cat.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/money.h"
#include "clients/cli/project_flags.h"
#include "clients/cli/project_output.h"

namespace crm::cli {
namespace {

// `units/{unit}/targets/{year}` from a unit typed as `3` or `units/3`.
std::string TargetName(const std::string& unit, int year) {
  return absl::StrCat(PrefixedName("units", unit), "/targets/", year);
}

struct SetFlags {
  std::string unit, investment, capital, etag;
  int year = 0, signed_projects = 0, signed_1b = 0, signed_2b = 0, signed_5b = 0, starts = 0;

  absl::StatusOr<v1::UnitTarget> Target() const {
    v1::UnitTarget t;
    t.set_name(TargetName(unit, year));
    t.set_year(year);
    t.set_signed_projects(signed_projects);
    t.set_signed_projects_1b(signed_1b);
    t.set_signed_projects_2b(signed_2b);
    t.set_signed_projects_5b(signed_5b);
    t.set_construction_starts(starts);
    auto cny = [](absl::string_view text) { return ParseCny(text); };
    for (const absl::Status& s :
         {ParseFlag("--investment", investment, cny, [&](int64_t v) { t.set_signed_investment_cny(v); }),
          ParseFlag("--capital", capital, cny, [&](int64_t v) { t.set_capital_arrived_cny(v); })}) {
      if (!s.ok()) return s;
    }
    t.set_etag(etag);
    return t;
  }
};

}  // namespace

void AddTargetCommands(CLI::App& app, CommandEnv& env) {
  auto out = [&env] { return ProjectPrinter(std::cout, env.format, env.color); };
  CLI::App* group = app.add_subcommand("targets", "each unit's yearly targets (责任状)");
  group->require_subcommand(1);
  {
    auto* cmd = group->add_subcommand("set", "set a unit's targets for a year (every target; unset ones are 0)");
    auto* f = env.Make<SetFlags>();
    cmd->add_option("unit", f->unit, "units/{id} or {id}")->required();
    cmd->add_option("year", f->year, "e.g. 2026")->required()->check(CLI::Range(2000, 2100));
    cmd->add_option("--signed", f->signed_projects, "projects to sign")->check(CLI::NonNegativeNumber);
    cmd->add_option("--signed-1b", f->signed_1b, "of them at 10亿 or more")->check(CLI::NonNegativeNumber);
    cmd->add_option("--signed-2b", f->signed_2b, "of them at 20亿 or more")->check(CLI::NonNegativeNumber);
    cmd->add_option("--signed-5b", f->signed_5b, "of them at 50亿 or more")->check(CLI::NonNegativeNumber);
    cmd->add_option("--investment", f->investment, "planned investment to sign, e.g. 120亿");
    cmd->add_option("--starts", f->starts, "projects to start construction")->check(CLI::NonNegativeNumber);
    cmd->add_option("--capital", f->capital, "capital to arrive, e.g. 30亿");
    cmd->add_option("--etag", f->etag, "only if the targets are still at this etag");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::SetUnitTargetRequest req;
      auto target = f->Target();
      if (!target.ok()) return target.status();
      *req.mutable_unit_target() = *target;
      auto set = env.Projects().SetUnitTarget(req);
      if (!set.ok()) return set.status();
      out().Target(*set);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("get", "a unit's targets for a year");
    auto* unit = env.Make<std::string>();
    auto* year = env.Make<int>(0);
    cmd->add_option("unit", *unit, "units/{id} or {id}")->required();
    cmd->add_option("year", *year, "e.g. 2026")->required();
    Action(cmd, env, [&env, out, unit, year]() -> absl::Status {
      v1::GetUnitTargetRequest req;
      req.set_name(TargetName(*unit, *year));
      auto target = env.Projects().GetUnitTarget(req);
      if (!target.ok()) return target.status();
      out().Target(*target);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("list", "every unit's targets for a year");
    auto* year = env.Make<int>(0);
    cmd->add_option("year", *year, "e.g. 2026")->required();
    Action(cmd, env, [&env, out, year]() -> absl::Status {
      v1::ListUnitTargetsRequest req;
      req.set_year(*year);
      auto targets = env.Projects().ListUnitTargets(req);
      if (!targets.ok()) return targets.status();
      out().Targets({targets->unit_targets().begin(), targets->unit_targets().end()});
      return absl::OkStatus();
    });
  }
}

}  // namespace crm::cli
