#include "clients/cli/leads_commands.h"

#include <unistd.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/lead_convert_command.h"
#include "clients/cli/lead_csv.h"
#include "clients/cli/lead_transfer.h"
#include "clients/cli/transfer_flags.h"

namespace crm::cli {
namespace {

// Lead fields as flags. Values go through the same reader as CSV cells
// (LeadFromRow), so a flag accepts exactly what an import file does.
struct FieldFlag {
  const char* flag;
  const char* column;  // an English header MapLeadHeaders knows
  const char* help;
};
constexpr FieldFlag kFieldFlags[] = {
    {"--company", "company_name", "company name (企业名称)"},
    {"--uscc", "uscc", "unified social credit code (统一社会信用代码)"},
    {"--list", "target_list", "target list: 世界500强, 央企100强, 民企100强, 民企500强, 行业领军企业, 其他"},
    {"--channel", "channel", "channel: 走出去, 请进来, 以商招商, 活动, 线上, 其他"},
    {"--event", "event_name", "fair or event, for channel 活动"},
    {"--referrer", "referrer", "referring firm, for channel 以商招商"},
    {"--industry", "industry", "GB/T 4754 section letter A-T or its name"},
    {"--country", "country_region", "ISO country/region code, e.g. CN, DE"},
    {"--investment", "estimated_investment_cny", "estimated investment, e.g. 3亿, 5000万, 1200000"},
    {"--notes", "notes", "notes (备注)"},
    {"--contact-name", "contact_name", "contact person"},
    {"--contact-title", "contact_title", "contact's title"},
    {"--contact-phone", "contact_phone", "contact's phone"},
    {"--contact-email", "contact_email", "contact's e-mail"},
};

struct FieldOptions : FieldFlagValues<FieldFlag> {
  void AddTo(CLI::App* cmd) { AddAll(cmd, kFieldFlags); }

  // The lead the set flags describe, and the proto fields they name.
  absl::StatusOr<v1::Lead> Lead(std::vector<std::string>* fields = nullptr) const {
    std::vector<std::string> headers, row;
    for (const Bound& b : bound) {
      if (b.option->count() == 0) continue;
      headers.push_back(b.field->column);
      row.push_back(b.value);
      if (fields) {
        std::string field = absl::StartsWith(b.field->column, "contact_") ? "contacts" : b.field->column;
        if (std::find(fields->begin(), fields->end(), field) == fields->end()) fields->push_back(field);
      }
    }
    if (headers.empty()) return v1::Lead();
    if (std::find(headers.begin(), headers.end(), "company_name") == headers.end()) {
      headers.push_back("company_name");  // MapLeadHeaders wants one; the mask decides what counts
      row.push_back("");
    }
    auto columns = MapLeadHeaders(headers);
    if (!columns.ok()) return columns.status();
    return LeadFromRow(*columns, row);
  }
};

absl::StatusOr<v1::LeadStatus> ParseStatus(const std::string& text) {
  std::string upper = absl::AsciiStrToUpper(absl::StripPrefix(text, "LEAD_STATUS_"));
  for (int s = v1::LEAD_STATUS_NEW; s <= v1::LEAD_STATUS_CONVERTED; ++s) {
    auto status = static_cast<v1::LeadStatus>(s);
    if (LeadStatusLabel(status) == text || v1::LeadStatus_Name(status) == "LEAD_STATUS_" + upper) return status;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("--status: \"", text, "\" is not a status (新建/NEW, 接洽中/CONTACTING, 已确认/QUALIFIED, ",
                   "已放弃/DISQUALIFIED, 已转化/CONVERTED)"));
}

absl::StatusOr<v1::ActivityKind> ParseKind(const std::string& text) {
  std::string lower = absl::AsciiStrToLower(text);
  if (lower == "visit" || text == "拜访") return v1::ACTIVITY_KIND_VISIT;
  if (lower == "call" || text == "电话") return v1::ACTIVITY_KIND_CALL;
  if (lower == "meeting" || text == "会谈") return v1::ACTIVITY_KIND_MEETING;
  if (lower == "event" || text == "活动接触") return v1::ACTIVITY_KIND_EVENT_CONTACT;
  return absl::InvalidArgumentError(absl::StrCat("--kind: \"", text, "\" is not one of visit, call, meeting, event"));
}

// Filters shared by `leads list` and `export leads`.
struct ListFlags {
  std::string status, owner, unit, search, order;
  bool deleted = false;
  int limit = 0;
  FieldOptions fields;  // only --list, --channel, --industry are used

  void AddTo(CLI::App* cmd) {
    cmd->add_option("--status", status, "新建/NEW, 接洽中/CONTACTING, 已确认/QUALIFIED, 已放弃/DISQUALIFIED, 已转化/CONVERTED");
    cmd->add_option("--owner", owner, "owner, users/{id}");
    cmd->add_option("--unit", unit, "unit, units/{id}");
    cmd->add_option("--search", search, "text in the company name");
    cmd->add_option("--order", order, "create_time desc (default), create_time, update_time desc, update_time");
    cmd->add_flag("--deleted", deleted, "include soft-deleted leads");
    cmd->add_option("--limit", limit, "stop after this many leads (0: all)")->check(CLI::NonNegativeNumber);
    for (const FieldFlag& f : kFieldFlags) {
      std::string column = f.column;
      if (column != "target_list" && column != "channel" && column != "industry") continue;
      fields.Add(cmd, f);
    }
  }

  absl::StatusOr<v1::ListLeadsRequest> Request() const {
    v1::ListLeadsRequest req;
    if (!status.empty()) {
      auto s = ParseStatus(status);
      if (!s.ok()) return s.status();
      req.set_status(*s);
    }
    auto lead = fields.Lead();
    if (!lead.ok()) return lead.status();
    req.set_target_list(lead->target_list());
    req.set_channel(lead->channel());
    req.set_industry(lead->industry());
    req.set_owner(owner);
    req.set_unit(unit);
    req.set_company_name_contains(search);
    req.set_order_by(order);
    req.set_show_deleted(deleted);
    return req;
  }
};


// A request naming one lead, conditional on `etag` when it is not empty.
template <typename Req>
Req Named(const std::string& name, const std::string& etag) {
  Req req;
  req.set_name(name);
  req.set_etag(etag);
  return req;
}

std::string Today() { return absl::FormatTime("%Y-%m-%d", absl::Now(), absl::LocalTimeZone()); }

}  // namespace

void AddLeadsCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* leads = app.add_subcommand("leads", "leads (线索): target companies being courted");
  leads->require_subcommand(1);

  {
    auto* cmd = leads->add_subcommand("list", "list leads, newest first, page after page");
    auto* flags = env.Make<ListFlags>();
    flags->AddTo(cmd);
    Action(cmd, env, [&env, flags]() -> absl::Status {
      auto req = flags->Request();
      if (!req.ok()) return req.status();
      std::vector<v1::Lead> leads;
      absl::Status s = env.Leads().ForEachLead(*req, flags->limit, [&](const v1::Lead& l) {
        leads.push_back(l);
        return true;
      });
      if (!s.ok()) return s;
      env.Out().Leads(leads);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = leads->add_subcommand("get", "show one lead");
    auto* name = env.Make<std::string>();
    cmd->add_option("lead", *name, "leads/{id} or {id}")->required();
    Action(cmd, env, [&env, name]() -> absl::Status {
      v1::GetLeadRequest req;
      req.set_name(LeadName(*name));
      auto lead = env.Leads().GetLead(req);
      if (!lead.ok()) return lead.status();
      env.Out().Lead(*lead);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = leads->add_subcommand("create", "create a lead");
    auto* fields = env.Make<FieldOptions>();
    auto* owner = env.Make<std::string>();
    auto* unit = env.Make<std::string>();
    auto* request_id = env.Make<std::string>();
    fields->AddTo(cmd);
    cmd->get_option("--company")->required();
    cmd->add_option("--owner", *owner, "owner, users/{id} (default: you)");
    cmd->add_option("--unit", *unit, "unit, units/{id} (default: yours)");
    cmd->add_option("--request-id", *request_id, "UUID making a retry safe (default: a new one)");
    Action(cmd, env, [&env, fields, owner, unit, request_id]() -> absl::Status {
      auto lead = fields->Lead();
      if (!lead.ok()) return lead.status();
      v1::CreateLeadRequest req;
      *req.mutable_lead() = *lead;
      req.mutable_lead()->set_owner(*owner);
      req.mutable_lead()->set_unit(*unit);
      req.set_request_id(*request_id);
      auto created = env.Leads().CreateLead(req);
      if (!created.ok()) return created.status();
      env.Out().Lead(*created);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = leads->add_subcommand("update", "change the given fields of a lead");
    auto* name = env.Make<std::string>();
    auto* etag = env.Make<std::string>();
    auto* owner = env.Make<std::string>();
    auto* unit = env.Make<std::string>();
    auto* fields = env.Make<FieldOptions>();
    cmd->add_option("lead", *name, "leads/{id} or {id}")->required();
    fields->AddTo(cmd);
    auto* owner_opt = cmd->add_option("--owner", *owner, "new owner, users/{id}");
    auto* unit_opt = cmd->add_option("--unit", *unit, "new unit, units/{id}");
    cmd->add_option("--etag", *etag, "only if the lead is still at this etag");
    Action(cmd, env, [&env, name, etag, owner, unit, fields, owner_opt, unit_opt]() -> absl::Status {
      std::vector<std::string> mask;
      auto lead = fields->Lead(&mask);
      if (!lead.ok()) return lead.status();
      v1::UpdateLeadRequest req;
      *req.mutable_lead() = *lead;
      req.mutable_lead()->set_name(LeadName(*name));
      req.mutable_lead()->set_etag(*etag);
      if (owner_opt->count()) {
        req.mutable_lead()->set_owner(*owner);
        mask.push_back("owner");
      }
      if (unit_opt->count()) {
        req.mutable_lead()->set_unit(*unit);
        mask.push_back("unit");
      }
      if (mask.empty()) return absl::InvalidArgumentError("nothing to change: give at least one field flag");
      for (const std::string& path : mask) req.mutable_update_mask()->add_paths(path);
      auto updated = env.Leads().UpdateLead(req);
      if (!updated.ok()) return updated.status();
      env.Out().Lead(*updated);
      return absl::OkStatus();
    });
  }
  // qualify / disqualify / reopen / delete / undelete: a name, an optional etag.
  struct Simple {
    const char* name;
    const char* help;
  };
  for (const Simple& s : {Simple{"qualify", "mark a lead qualified (已确认)"},
                          Simple{"disqualify", "give up a lead (已放弃), with --reason"},
                          Simple{"reopen", "take up a given-up lead again"},
                          Simple{"delete", "delete a lead (soft: `undelete` brings it back)"},
                          Simple{"undelete", "bring back a deleted lead"}}) {
    auto* cmd = leads->add_subcommand(s.name, s.help);
    auto* name = env.Make<std::string>();
    auto* etag = env.Make<std::string>();
    auto* reason = env.Make<std::string>();
    cmd->add_option("lead", *name, "leads/{id} or {id}")->required();
    cmd->add_option("--etag", *etag, "only if the lead is still at this etag");
    if (std::string(s.name) == "disqualify") cmd->add_option("--reason", *reason, "why (required)")->required();
    std::string verb = s.name;
    Action(cmd, env, [&env, verb, name, etag, reason]() -> absl::Status {
      std::string lead_name = LeadName(*name);
      absl::StatusOr<v1::Lead> out;
      client::LeadsClient& c = env.Leads();
      if (verb == "qualify") {
        out = c.QualifyLead(Named<v1::QualifyLeadRequest>(lead_name, *etag));
      } else if (verb == "disqualify") {
        auto r = Named<v1::DisqualifyLeadRequest>(lead_name, *etag);
        r.set_reason(*reason);
        out = c.DisqualifyLead(r);
      } else if (verb == "reopen") {
        out = c.ReopenLead(Named<v1::ReopenLeadRequest>(lead_name, *etag));
      } else if (verb == "delete") {
        out = c.DeleteLead(Named<v1::DeleteLeadRequest>(lead_name, *etag));
      } else {
        out = c.UndeleteLead(Named<v1::UndeleteLeadRequest>(lead_name, *etag));
      }
      if (!out.ok()) return out.status();
      env.Out().Lead(*out);
      return absl::OkStatus();
    });
  }
  AddLeadConvertCommand(leads, env);
  {
    auto* cmd = leads->add_subcommand("dups", "find leads that may be the same company");
    auto* company = env.Make<std::string>();
    auto* uscc = env.Make<std::string>();
    cmd->add_option("--company", *company, "company name to look for");
    cmd->add_option("--uscc", *uscc, "unified social credit code to look for");
    Action(cmd, env, [&env, company, uscc]() -> absl::Status {
      v1::FindDuplicateLeadsRequest req;
      req.set_company_name(*company);
      req.set_uscc(*uscc);
      auto found = env.Leads().FindDuplicateLeads(req);
      if (!found.ok()) return found.status();
      env.Out().Duplicates(*found);
      return absl::OkStatus();
    });
  }
  {
    auto* activity = leads->add_subcommand("activity", "activities (走访记录) of a lead");
    activity->require_subcommand(1);
    auto* add = activity->add_subcommand("add", "log a visit, call, meeting or event contact");
    struct AddFlags {
      std::string lead, kind = "visit", date, summary, next_step, next_date, request_id;
      std::vector<std::string> participants;
    };
    auto* f = env.Make<AddFlags>();
    add->add_option("lead", f->lead, "leads/{id} or {id}")->required();
    add->add_option("--kind", f->kind, "visit (拜访), call (电话), meeting (会谈), event (活动接触)")->capture_default_str();
    add->add_option("--date", f->date, "the day, YYYY-MM-DD (default: today)");
    add->add_option("--summary", f->summary, "what was said (纪要)")->required();
    add->add_option("--participant", f->participants, "who took part (repeat for several)");
    add->add_option("--next-step", f->next_step, "the agreed next step");
    add->add_option("--next-date", f->next_date, "when the next step is due, YYYY-MM-DD");
    add->add_option("--request-id", f->request_id, "UUID making a retry safe (default: a new one)");
    Action(add, env, [&env, f]() -> absl::Status {
      auto kind = ParseKind(f->kind);
      if (!kind.ok()) return kind.status();
      v1::AddLeadActivityRequest req;
      req.set_parent(LeadName(f->lead));
      req.set_request_id(f->request_id);
      v1::Activity* a = req.mutable_activity();
      a->set_kind(*kind);
      a->set_occur_date(f->date.empty() ? Today() : f->date);
      for (const auto& p : f->participants) a->add_participants(p);
      a->set_summary(f->summary);
      a->set_next_step(f->next_step);
      a->set_next_step_date(f->next_date);
      auto added = env.Leads().AddLeadActivity(req);
      if (!added.ok()) return added.status();
      env.Out().Activity(*added);
      return absl::OkStatus();
    });
    auto* list = activity->add_subcommand("list", "list a lead's activities, newest first");
    auto* lead = env.Make<std::string>();
    auto* limit = env.Make<int>(0);
    list->add_option("lead", *lead, "leads/{id} or {id}")->required();
    list->add_option("--limit", *limit, "stop after this many (0: all)")->check(CLI::NonNegativeNumber);
    Action(list, env, [&env, lead, limit]() -> absl::Status {
      v1::ListLeadActivitiesRequest req;
      req.set_parent(LeadName(*lead));
      std::vector<v1::Activity> all;
      absl::Status listed = CollectPages(
          req, *limit, [&](const v1::ListLeadActivitiesRequest& r) { return env.Leads().ListLeadActivities(r); },
          [](const v1::ListLeadActivitiesResponse& page) -> const auto& { return page.activities(); }, all);
      if (!listed.ok()) return listed;
      env.Out().Activities(all);
      return absl::OkStatus();
    });
  }

  CLI::App* import = app.add_subcommand("import", "import records from a CSV file");
  import->require_subcommand(1);
  {
    auto* cmd = import->add_subcommand("leads", "import leads from CSV (UTF-8 or GBK, Chinese or English headers)");
    auto* input = env.Make<ImportFileFlags>();
    input->AddTo(cmd);
    Action(cmd, env, [&env, input]() -> absl::Status {
      auto enc = input->ParsedEncoding();
      if (!enc.ok()) return enc.status();
      auto summary = ImportLeads(env.Leads(), input->file, *enc, /*show_progress=*/true);
      if (!summary.ok()) return summary.status();
      std::cerr << summary->rows << " rows: " << summary->created << " created, " << summary->existing
                << " imported before, " << summary->rejected << " rejected\n";
      if (summary->rejected > 0) {
        std::cerr << "rejected rows and reasons: " << summary->report_path << "\n";
        env.exit_code = kExitPartial;
      }
      return absl::OkStatus();
    });
  }

  CLI::App* export_cmd = app.add_subcommand("export", "export records as CSV");
  export_cmd->require_subcommand(1);
  {
    auto* cmd = export_cmd->add_subcommand("leads", "export leads as CSV that Excel and `crm import` read");
    auto* output = env.Make<ExportFileFlags>();
    auto* flags = env.Make<ListFlags>();
    output->AddTo(cmd);
    flags->AddTo(cmd);
    Action(cmd, env, [&env, output, flags]() -> absl::Status {
      auto req = flags->Request();
      if (!req.ok()) return req.status();
      return output->Write("leads", [&](std::ostream& out, bool bom) {
        return ExportLeads(env.Leads(), *req, flags->limit, bom, out);
      });
    });
  }
}

}  // namespace crm::cli
