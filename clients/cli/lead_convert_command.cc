#include "clients/cli/lead_convert_command.h"

#include "clients/cli/cell_parsers.h"
#include "clients/cli/money.h"
#include "clients/cli/project_fields.h"
#include "clients/cli/project_flags.h"
#include "clients/cli/project_output.h"

namespace crm::cli {
namespace {

struct ConvertFlags {
  std::string lead, project_name, form, planned, founded, etag;

  absl::StatusOr<v1::ConvertLeadRequest> Request() const {
    v1::ConvertLeadRequest req;
    req.set_name(LeadName(lead));
    req.set_etag(etag);
    req.set_project_display_name(project_name);
    for (const absl::Status& s :
         {ParseFlag("--form", form, ParseForm, [&](v1::InvestmentForm v) { req.set_investment_form(v); }),
          ParseFlag(
              "--planned", planned, [](absl::string_view t) { return ParseCny(t); },
              [&](int64_t v) { req.set_planned_investment_cny(v); }),
          ParseFlag("--founded", founded, ParseDay, [&](const std::string& v) { req.set_founded_date(v); })}) {
      if (!s.ok()) return s;
    }
    return req;
  }
};

}  // namespace

void AddLeadConvertCommand(CLI::App* leads, CommandEnv& env) {
  auto* cmd = leads->add_subcommand(
      "convert", "turn a qualified lead into an enterprise of the pool and a project (在谈); safe to run again");
  auto* f = env.Make<ConvertFlags>();
  cmd->add_option("lead", f->lead, "leads/{id} or {id}")->required();
  cmd->add_option("--project-name", f->project_name, "the project's name (default: <company name>项目)");
  cmd->add_option("--form", f->form, "新设/new_establishment, 增资/capital_increase, 并购/merger_acquisition, 技改");
  cmd->add_option("--planned", f->planned, "planned investment, e.g. 25亿 (default: the lead's estimate)");
  cmd->add_option("--founded", f->founded,
                  "the company's founded date, YYYY-MM-DD (needed when it is new to the pool)");
  cmd->add_option("--etag", f->etag, "only if the lead is still at this etag");
  Action(cmd, env, [&env, f]() -> absl::Status {
    auto req = f->Request();
    if (!req.ok()) return req.status();
    auto converted = env.Leads().ConvertLead(*req);
    if (!converted.ok()) return converted.status();
    // The project's name and code, when it can be read (only to show them).
    v1::GetProjectRequest get;
    get.set_name(converted->project());
    auto project = env.format == Format::kJson ? absl::StatusOr<v1::Project>(absl::CancelledError())
                                               : env.Projects().GetProject(get);
    ProjectPrinter(std::cout, env.format, env.color).Conversion(*converted, project.ok() ? &*project : nullptr);
    return absl::OkStatus();
  });
}

}  // namespace crm::cli
