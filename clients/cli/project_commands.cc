#include "clients/cli/project_commands.h"

#include "clients/cli/cell_parsers.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/project_fields.h"
#include "clients/cli/project_flags.h"
#include "clients/cli/project_output.h"
#include "clients/cli/project_plan_commands.h"

namespace crm::cli {
namespace {

// What the stage commands take: a project, an optional etag and request id,
// and each command's own values.
struct StageFlags {
  std::string project, etag, request_id, stage, date, evidence, justification, reason, note;
};

void AddStageFlags(CLI::App* cmd, StageFlags& f) {
  cmd->add_option("project", f.project, "projects/{id} or {id}")->required();
  cmd->add_option("--etag", f.etag, "only if the project is still at this etag");
  cmd->add_option("--request-id", f.request_id, "UUID making a retry safe (default: a new one)");
}

// A request naming one project, conditional on an etag, with a request id.
template <typename Req>
absl::StatusOr<Req> StageRequest(const StageFlags& f) {
  Req req;
  req.set_name(ProjectName(f.project));
  req.set_etag(f.etag);
  req.set_request_id(f.request_id);
  if (!f.date.empty()) {
    auto day = ParseDay(f.date);
    if (!day.ok()) return Flagged("--date", day.status());
    req.set_effective_date(*day);
  }
  return req;
}

absl::StatusOr<v1::Project> Advance(client::ProjectsClient& c, const StageFlags& f) {
  auto req = StageRequest<v1::AdvanceProjectStageRequest>(f);
  if (!req.ok()) return req.status();
  auto stage = ParseStage(f.stage);
  if (!stage.ok()) return stage.status();
  req->set_to_stage(*stage);
  req->set_evidence_note(f.evidence);
  req->set_justification(f.justification);
  return c.AdvanceProjectStage(*req);
}

absl::StatusOr<v1::Project> Lose(client::ProjectsClient& c, const StageFlags& f) {
  auto req = StageRequest<v1::MarkProjectLostRequest>(f);
  if (!req.ok()) return req.status();
  auto reason = ParseLostReason(f.reason);
  if (!reason.ok()) return Flagged("--reason", reason.status());
  req->set_reason(*reason);
  req->set_note(f.note);
  return c.MarkProjectLost(*req);
}

absl::StatusOr<v1::Project> Reopen(client::ProjectsClient& c, const StageFlags& f) {
  v1::ReopenProjectRequest req;
  req.set_name(ProjectName(f.project));
  req.set_etag(f.etag);
  req.set_request_id(f.request_id);
  req.set_note(f.note);
  return c.ReopenProject(req);
}

void AddStageCommands(CLI::App* group, CommandEnv& env) {
  auto out = [&env] { return ProjectPrinter(std::cout, env.format, env.color); };
  using Step = absl::StatusOr<v1::Project> (*)(client::ProjectsClient&, const StageFlags&);
  struct StageCommand {
    const char* name;
    const char* help;
    Step step;
  };
  for (const StageCommand& s :
       {StageCommand{"advance", "move a project to its next stage (在谈→签约→注册→开工→投产)", Advance},
        StageCommand{"lose", "mark an open project lost (流失), --reason", Lose},
        StageCommand{"reopen", "take up a lost project again, at the stage it was lost from, --note", Reopen}}) {
    auto* cmd = group->add_subcommand(s.name, s.help);
    auto* f = env.Make<StageFlags>();
    AddStageFlags(cmd, *f);
    const std::string name = s.name;
    if (name == "advance") {
      cmd->add_option("stage", f->stage, "签约/signed, 注册/registered, 开工/started, 投产/production")->required();
      cmd->add_option("--date", f->date, "the day it happened, YYYY-MM-DD (default: today)");
      cmd->add_option("--evidence", f->evidence, "what proves it: contract number, business licence…");
      cmd->add_option("--justification", f->justification, "why stages are skipped (required to skip)");
    } else if (name == "lose") {
      cmd->add_option("--reason", f->reason,
                      "外地竞争/competing_region, 投资方撤回/investor_withdrew, 用地/land, 政策/policy, "
                      "资金/financing, 其他/other")
          ->required();
      cmd->add_option("--note", f->note, "what happened (required for 其他)");
      cmd->add_option("--date", f->date, "the day it was lost, YYYY-MM-DD (default: today)");
    } else {
      cmd->add_option("--note", f->note, "why (required)")->required();
    }
    Step step = s.step;
    Action(cmd, env, [&env, out, step, f]() -> absl::Status {
      auto p = step(env.Projects(), *f);
      if (!p.ok()) return p.status();
      out().Project(*p);
      return absl::OkStatus();
    });
  }
  auto* cmd = group->add_subcommand("history", "a project's stage changes, oldest first");
  auto* project = env.Make<std::string>();
  cmd->add_option("project", *project, "projects/{id} or {id}")->required();
  Action(cmd, env, [&env, out, project]() -> absl::Status {
    v1::ListStageHistoryRequest req;
    req.set_parent(ProjectName(*project));
    auto history = env.Projects().ListStageHistory(req);
    if (!history.ok()) return history.status();
    out().History({history->changes().begin(), history->changes().end()});
    return absl::OkStatus();
  });
}

void AddStalledCommand(CLI::App* group, CommandEnv& env) {
  auto* cmd = group->add_subcommand("stalled", "the 三未 lists: signed, registered or started too long ago");
  struct Flags {
    std::string kind, unit, industry;
    int limit = 0;
  };
  auto* f = env.Make<Flags>();
  cmd->add_option("--kind", f->kind, "签约未注册, 注册未开工, 开工未投产 (default: all three)");
  cmd->add_option("--unit", f->unit, "responsible unit, units/{id} or {id}");
  cmd->add_option("--industry", f->industry, "GB/T 4754 section letter A-T or its name");
  cmd->add_option("--limit", f->limit, "stop after this many projects (0: all)")->check(CLI::NonNegativeNumber);
  Action(cmd, env, [&env, f]() -> absl::Status {
    v1::ListStalledProjectsRequest req;
    for (const absl::Status& s : {ParseFlag("--kind", f->kind, ParseStall, [&](v1::StallKind v) { req.set_stall(v); }),
                                  ParseFlag("--industry", f->industry, ParseIndustrySection,
                                            [&](v1::IndustrySection v) { req.set_industry(v); })}) {
      if (!s.ok()) return s;
    }
    req.set_unit(PrefixedName("units", f->unit));
    std::vector<v1::Project> all;
    absl::Status listed = CollectPages(
        req, f->limit, [&](const v1::ListStalledProjectsRequest& r) { return env.Projects().ListStalledProjects(r); },
        [](const v1::ListStalledProjectsResponse& page) -> const auto& { return page.projects(); }, all);
    if (!listed.ok()) return listed;
    ProjectPrinter(std::cout, env.format, env.color).Projects(all);
    return absl::OkStatus();
  });
}

}  // namespace

void AddProjectCommands(CLI::App& app, CommandEnv& env) {
  auto out = [&env] { return ProjectPrinter(std::cout, env.format, env.color); };
  CLI::App* group = app.add_subcommand("projects", "investment projects (项目): 在谈 → 签约 → 注册 → 开工 → 投产");
  group->require_subcommand(1);
  {
    auto* cmd = group->add_subcommand("list", "list projects with their stage, stopwatch and 三未, page after page");
    auto* flags = env.Make<ProjectListFlags>();
    flags->AddTo(cmd);
    Action(cmd, env, [&env, out, flags]() -> absl::Status {
      auto req = flags->Request();
      if (!req.ok()) return req.status();
      std::vector<v1::Project> all;
      absl::Status listed = CollectPages(
          *req, flags->limit, [&](const v1::ListProjectsRequest& r) { return env.Projects().ListProjects(r); },
          [](const v1::ListProjectsResponse& page) -> const auto& { return page.projects(); }, all);
      if (!listed.ok()) return listed;
      out().Projects(all);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("get", "show one project");
    auto* name = env.Make<std::string>();
    cmd->add_option("project", *name, "projects/{id} or {id}")->required();
    Action(cmd, env, [&env, out, name]() -> absl::Status {
      v1::GetProjectRequest req;
      req.set_name(ProjectName(*name));
      auto p = env.Projects().GetProject(req);
      if (!p.ok()) return p.status();
      out().Project(*p);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("create", "open a project (在谈)");
    auto* fields = env.Make<ProjectFieldFlags>();
    auto* request_id = env.Make<std::string>();
    fields->AddTo(cmd);
    cmd->get_option("--name")->required();
    cmd->add_option("--request-id", *request_id, "UUID making a retry safe (default: a new one)");
    Action(cmd, env, [&env, out, fields, request_id]() -> absl::Status {
      v1::CreateProjectRequest req;
      if (absl::Status s = fields->Fill(*req.mutable_project(), nullptr); !s.ok()) return s;
      req.set_request_id(*request_id);
      auto created = env.Projects().CreateProject(req);
      if (!created.ok()) return created.status();
      out().Project(*created);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("update", "change the given fields of a project");
    auto* name = env.Make<std::string>();
    auto* etag = env.Make<std::string>();
    auto* fields = env.Make<ProjectFieldFlags>();
    cmd->add_option("project", *name, "projects/{id} or {id}")->required();
    fields->AddTo(cmd);
    cmd->add_option("--etag", *etag, "only if the project is still at this etag");
    Action(cmd, env, [&env, out, name, etag, fields]() -> absl::Status {
      v1::UpdateProjectRequest req;
      if (absl::Status s = fields->Fill(*req.mutable_project(), req.mutable_update_mask()); !s.ok()) return s;
      if (req.update_mask().paths().empty()) {
        return absl::InvalidArgumentError("nothing to change: give at least one field flag");
      }
      req.mutable_project()->set_name(ProjectName(*name));
      req.mutable_project()->set_etag(*etag);
      auto updated = env.Projects().UpdateProject(req);
      if (!updated.ok()) return updated.status();
      out().Project(*updated);
      return absl::OkStatus();
    });
  }
  AddStageCommands(group, env);
  AddStalledCommand(group, env);
  AddProjectPlanCommands(group, env);
}

}  // namespace crm::cli
