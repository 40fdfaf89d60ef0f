#include "clients/cli/project_plan_commands.h"

#include "absl/time/clock.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/money.h"
#include "clients/cli/project_fields.h"
#include "clients/cli/project_flags.h"
#include "clients/cli/project_output.h"
#include "clients/cli/project_problem_commands.h"

namespace crm::cli {
namespace {

constexpr char kProjectHelp[] = "projects/{id} or {id}";
constexpr char kRequestIdHelp[] = "UUID making a retry safe (default: a new one)";

std::string Today() { return absl::FormatTime("%Y-%m-%d", absl::Now(), absl::LocalTimeZone()); }

// `text` as a day (YYYY-MM-DD, 2026/3/8, …), or INVALID_ARGUMENT naming `flag`.
absl::StatusOr<std::string> Day(const char* flag, const std::string& text) {
  auto day = ParseDay(text);
  if (!day.ok()) return Flagged(flag, day.status());
  return day;
}

void AddCapitalCommands(CLI::App* group, CommandEnv& env) {
  auto out = [&env] { return ProjectPrinter(std::cout, env.format, env.color); };
  CLI::App* capital = group->add_subcommand("capital", "capital that actually arrived (到资)");
  capital->require_subcommand(1);
  {
    auto* cmd = capital->add_subcommand("add", "record capital that arrived");
    struct Flags {
      std::string project, amount, date, note, request_id;
    };
    auto* f = env.Make<Flags>();
    cmd->add_option("project", f->project, kProjectHelp)->required();
    cmd->add_option("--amount", f->amount, "how much, e.g. 5亿, 3000万")->required();
    cmd->add_option("--date", f->date, "the day it arrived, YYYY-MM-DD (default: today)");
    cmd->add_option("--note", f->note, "bank slip, tranche…");
    cmd->add_option("--request-id", f->request_id, kRequestIdHelp);
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::RecordCapitalArrivalRequest req;
      req.set_parent(ProjectName(f->project));
      req.set_request_id(f->request_id);
      auto amount = ParseCny(f->amount);
      if (!amount.ok()) return Flagged("--amount", amount.status());
      auto day = Day("--date", f->date.empty() ? Today() : f->date);
      if (!day.ok()) return day.status();
      req.mutable_capital_arrival()->set_amount_cny(*amount);
      req.mutable_capital_arrival()->set_arrival_date(*day);
      req.mutable_capital_arrival()->set_note(f->note);
      auto recorded = env.Projects().RecordCapitalArrival(req);
      if (!recorded.ok()) return recorded.status();
      out().CapitalArrival(*recorded);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = capital->add_subcommand("list", "a project's capital arrivals and their total");
    auto* project = env.Make<std::string>();
    cmd->add_option("project", *project, kProjectHelp)->required();
    Action(cmd, env, [&env, out, project]() -> absl::Status {
      v1::ListCapitalArrivalsRequest req;
      req.set_parent(ProjectName(*project));
      auto arrivals = env.Projects().ListCapitalArrivals(req);
      if (!arrivals.ok()) return arrivals.status();
      out().CapitalArrivals(*arrivals);
      return absl::OkStatus();
    });
  }
}

// The writable fields of a milestone as flags; each names its update-mask path.
struct MilestoneFlags {
  std::string name, title, planned, actual, unit, etag, request_id;
  bool deleted = false;
  CLI::Option* title_opt = nullptr;
  CLI::Option* planned_opt = nullptr;
  CLI::Option* actual_opt = nullptr;
  CLI::Option* unit_opt = nullptr;

  void AddFields(CLI::App* cmd) {
    title_opt = cmd->add_option("--title", title, "what is to be done");
    planned_opt = cmd->add_option("--planned", planned, "planned date, YYYY-MM-DD");
    actual_opt = cmd->add_option("--actual", actual, "the day it was done, YYYY-MM-DD");
    unit_opt = cmd->add_option("--unit", unit, "responsible unit, units/{id} or {id} (default: the project's)");
  }

  absl::Status Fill(v1::Milestone& m, google::protobuf::FieldMask* mask) const {
    if (Given(title_opt, "title", mask)) m.set_title(title);
    if (Given(planned_opt, "planned_date", mask)) {
      auto day = Day("--planned", planned);
      if (!day.ok()) return day.status();
      m.set_planned_date(*day);
    }
    if (Given(actual_opt, "actual_date", mask)) {
      auto day = Day("--actual", actual);
      if (!day.ok()) return day.status();
      m.set_actual_date(*day);
    }
    if (Given(unit_opt, "responsible_unit", mask)) m.set_responsible_unit(PrefixedName("units", unit));
    return absl::OkStatus();
  }
};

void AddMilestoneCommands(CLI::App* group, CommandEnv& env) {
  auto out = [&env] { return ProjectPrinter(std::cout, env.format, env.color); };
  CLI::App* milestones = group->add_subcommand("milestones", "the battle map (挂图作战): milestones with dates");
  milestones->require_subcommand(1);
  constexpr char kMilestoneHelp[] = "projects/{id}/milestones/{id} or {project id}/{id}";
  {
    auto* cmd = milestones->add_subcommand("list", "a project's milestones by planned date, with the 督办 colour");
    auto* f = env.Make<MilestoneFlags>();
    cmd->add_option("project", f->name, kProjectHelp)->required();
    cmd->add_flag("--deleted", f->deleted, "include removed milestones");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::ListMilestonesRequest req;
      req.set_parent(ProjectName(f->name));
      req.set_show_deleted(f->deleted);
      auto listed = env.Projects().ListMilestones(req);
      if (!listed.ok()) return listed.status();
      out().Milestones({listed->milestones().begin(), listed->milestones().end()});
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = milestones->add_subcommand("add", "add a milestone to a project's battle map");
    auto* f = env.Make<MilestoneFlags>();
    cmd->add_option("project", f->name, kProjectHelp)->required();
    f->AddFields(cmd);
    f->title_opt->required();
    f->planned_opt->required();
    cmd->add_option("--request-id", f->request_id, kRequestIdHelp);
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::CreateMilestoneRequest req;
      req.set_parent(ProjectName(f->name));
      req.set_request_id(f->request_id);
      if (absl::Status s = f->Fill(*req.mutable_milestone(), nullptr); !s.ok()) return s;
      auto created = env.Projects().CreateMilestone(req);
      if (!created.ok()) return created.status();
      out().Milestone(*created);
      return absl::OkStatus();
    });
  }
  // update (the given fields), done (the actual date), remove (soft delete).
  for (const char* verb : {"update", "done", "remove"}) {
    const std::string v = verb;
    auto* cmd = milestones->add_subcommand(v, v == "update" ? "replan a milestone: the given fields"
                                              : v == "done" ? "mark a milestone done (its actual date)"
                                                            : "remove a milestone that does not apply");
    auto* f = env.Make<MilestoneFlags>();
    cmd->add_option("milestone", f->name, kMilestoneHelp)->required();
    if (v == "update") f->AddFields(cmd);
    if (v == "done") cmd->add_option("--date", f->actual, "the day it was done, YYYY-MM-DD (default: today)");
    cmd->add_option("--etag", f->etag, "only if the milestone is still at this etag");
    Action(cmd, env, [&env, out, v, f]() -> absl::Status {
      absl::StatusOr<v1::Milestone> m;
      if (v == "remove") {
        v1::DeleteMilestoneRequest req;
        req.set_name(MilestoneName(f->name));
        req.set_etag(f->etag);
        m = env.Projects().DeleteMilestone(req);
      } else {
        v1::UpdateMilestoneRequest req;
        if (v == "done") {
          auto day = Day("--date", f->actual.empty() ? Today() : f->actual);
          if (!day.ok()) return day.status();
          req.mutable_milestone()->set_actual_date(*day);
          req.mutable_update_mask()->add_paths("actual_date");
        } else if (absl::Status s = f->Fill(*req.mutable_milestone(), req.mutable_update_mask()); !s.ok()) {
          return s;
        }
        if (req.update_mask().paths().empty()) {
          return absl::InvalidArgumentError("nothing to change: give at least one field flag");
        }
        req.mutable_milestone()->set_name(MilestoneName(f->name));
        req.mutable_milestone()->set_etag(f->etag);
        m = env.Projects().UpdateMilestone(req);
      }
      if (!m.ok()) return m.status();
      out().Milestone(*m);
      return absl::OkStatus();
    });
  }
}

}  // namespace

void AddProjectPlanCommands(CLI::App* projects, CommandEnv& env) {
  AddCapitalCommands(projects, env);
  AddMilestoneCommands(projects, env);
  AddProjectProblemCommands(projects, env);
}

}  // namespace crm::cli
