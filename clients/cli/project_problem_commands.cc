#include "clients/cli/project_problem_commands.h"

#include "clients/cli/project_fields.h"
#include "clients/cli/project_flags.h"
#include "clients/cli/project_output.h"

namespace crm::cli {
namespace {

constexpr char kProblemHelp[] = "projects/{id}/problems/{id} or {project id}/{id}";

// The writable fields of a problem as flags; each names its update-mask path.
struct ProblemFlags {
  std::string name, type, description, level, status, resolution, etag, request_id;
  bool open_only = false;
  CLI::Option* type_opt = nullptr;
  CLI::Option* description_opt = nullptr;
  CLI::Option* level_opt = nullptr;
  CLI::Option* status_opt = nullptr;
  CLI::Option* resolution_opt = nullptr;

  void AddFields(CLI::App* cmd, bool creating) {
    type_opt = cmd->add_option("--type", type, "资金/funding, 用地/land, 政策/policy, 审批/approval, 其他/other");
    description_opt = cmd->add_option("--description", description, "what blocks the project");
    level_opt = cmd->add_option("--level", level, "who must act: 责任单位/unit, 招商局/bureau, 管委会/zone_leadership");
    if (creating) return;
    status_opt = cmd->add_option("--status", status, "待解决/open, 解决中/in_progress, 已解决/resolved");
    resolution_opt = cmd->add_option("--resolution", resolution, "how it was solved (required for 已解决)");
  }

  absl::Status Fill(v1::ProjectProblem& p, google::protobuf::FieldMask* mask) const {
    if (Given(type_opt, "type", mask)) {
      auto t = ParseProblemType(type);
      if (!t.ok()) return Flagged("--type", t.status());
      p.set_type(*t);
    }
    if (Given(description_opt, "description", mask)) p.set_description(description);
    if (Given(level_opt, "escalation_level", mask)) {
      auto l = ParseEscalationLevel(level);
      if (!l.ok()) return Flagged("--level", l.status());
      p.set_escalation_level(*l);
    }
    if (Given(status_opt, "status", mask)) {
      auto s = ParseProblemStatus(status);
      if (!s.ok()) return Flagged("--status", s.status());
      p.set_status(*s);
    }
    if (Given(resolution_opt, "resolution", mask)) p.set_resolution(resolution);
    return absl::OkStatus();
  }
};

}  // namespace

void AddProjectProblemCommands(CLI::App* projects, CommandEnv& env) {
  auto out = [&env] { return ProjectPrinter(std::cout, env.format, env.color); };
  CLI::App* group = projects->add_subcommand("problems", "what blocks a project (问题), for leadership to act on");
  group->require_subcommand(1);
  {
    auto* cmd = group->add_subcommand("list", "a project's problems");
    auto* f = env.Make<ProblemFlags>();
    cmd->add_option("project", f->name, "projects/{id} or {id}")->required();
    cmd->add_flag("--open", f->open_only, "only problems not resolved");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::ListProjectProblemsRequest req;
      req.set_parent(ProjectName(f->name));
      req.set_open_only(f->open_only);
      auto listed = env.Projects().ListProjectProblems(req);
      if (!listed.ok()) return listed.status();
      out().Problems({listed->problems().begin(), listed->problems().end()});
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("add", "raise a problem of a project");
    auto* f = env.Make<ProblemFlags>();
    cmd->add_option("project", f->name, "projects/{id} or {id}")->required();
    f->AddFields(cmd, /*creating=*/true);
    f->type_opt->required();
    f->description_opt->required();
    cmd->add_option("--request-id", f->request_id, "UUID making a retry safe (default: a new one)");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::CreateProjectProblemRequest req;
      req.set_parent(ProjectName(f->name));
      req.set_request_id(f->request_id);
      if (absl::Status s = f->Fill(*req.mutable_problem(), nullptr); !s.ok()) return s;
      auto created = env.Projects().CreateProjectProblem(req);
      if (!created.ok()) return created.status();
      out().Problem(*created);
      return absl::OkStatus();
    });
  }
  // update (the given fields) and resolve (status 已解决 with the resolution).
  for (bool resolve : {false, true}) {
    auto* cmd = group->add_subcommand(
        resolve ? "resolve" : "update",
        resolve ? "record how a problem was solved (已解决), --resolution" : "change the given fields of a problem");
    auto* f = env.Make<ProblemFlags>();
    cmd->add_option("problem", f->name, kProblemHelp)->required();
    if (resolve) {
      f->resolution_opt = cmd->add_option("--resolution", f->resolution, "how it was solved")->required();
    } else {
      f->AddFields(cmd, /*creating=*/false);
    }
    cmd->add_option("--etag", f->etag, "only if the problem is still at this etag");
    Action(cmd, env, [&env, out, f, resolve]() -> absl::Status {
      v1::UpdateProjectProblemRequest req;
      if (absl::Status s = f->Fill(*req.mutable_problem(), req.mutable_update_mask()); !s.ok()) return s;
      if (resolve) {
        req.mutable_problem()->set_status(v1::PROBLEM_STATUS_RESOLVED);
        req.mutable_update_mask()->add_paths("status");
      }
      if (req.update_mask().paths().empty()) {
        return absl::InvalidArgumentError("nothing to change: give at least one field flag");
      }
      req.mutable_problem()->set_name(ProblemName(f->name));
      req.mutable_problem()->set_etag(f->etag);
      auto updated = env.Projects().UpdateProjectProblem(req);
      if (!updated.ok()) return updated.status();
      out().Problem(*updated);
      return absl::OkStatus();
    });
  }
}

}  // namespace crm::cli
