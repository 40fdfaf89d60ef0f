#include "clients/cli/enterprise_commands.h"

#include "absl/strings/str_cat.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/enterprise_csv.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/enterprise_growth_commands.h"
#include "clients/cli/enterprise_output.h"
#include "clients/cli/enterprise_transfer.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/transfer_flags.h"

namespace crm::cli {
namespace {

// Enterprise fields as flags. Values go through the same reader as CSV cells
// (EnterpriseFromRow), so a flag accepts exactly what an import file does.
struct FieldFlag {
  const char* flag;
  EnterpriseColumn column;
  const char* help;
};
constexpr FieldFlag kFieldFlags[] = {
    {"--uscc", EnterpriseColumn::kUscc, "unified social credit code (统一社会信用代码)"},
    {"--company", EnterpriseColumn::kCompanyName, "registered name (企业名称)"},
    {"--former-names", EnterpriseColumn::kFormerNames, "names registered before (曾用名), separated by ；"},
    {"--founded", EnterpriseColumn::kFoundedDate, "founded date (成立日期), YYYY-MM-DD"},
    {"--capital", EnterpriseColumn::kRegisteredCapital, "registered capital (注册资本), e.g. 5000万, 1.2亿, 3000000"},
    {"--legal-rep", EnterpriseColumn::kLegalRepresentative, "legal representative (法定代表人)"},
    {"--address", EnterpriseColumn::kAddress, "address (地址)"},
    {"--in-zone", EnterpriseColumn::kInZone, "inside the zone (是否在园区): yes/no, 是/否"},
    {"--industry", EnterpriseColumn::kIndustry, "GB/T 4754 section letter A-T or its name"},
    {"--division", EnterpriseColumn::kIndustryDivision, "GB/T 4754 division (行业大类), two digits, e.g. 39"},
    {"--listed", EnterpriseColumn::kListed, "listed on a stock exchange (是否上市): yes/no"},
    {"--tags", EnterpriseColumn::kTags, "tags, separated by 、: 世界500强子公司, 央企, 地方国企, 民营企业, "
                                        "外商投资企业, 港澳台投资企业, 上市公司子公司, 高校院所孵化, 海归创业"},
};

struct FieldOptions : FieldFlagValues<FieldFlag> {
  void AddTo(CLI::App* cmd) { AddAll(cmd, kFieldFlags); }

  // The enterprise the set flags describe, and the proto fields they name.
  absl::StatusOr<v1::Enterprise> Enterprise(std::vector<std::string>* fields = nullptr) const {
    v1::Enterprise e;
    for (const Bound& b : bound) {
      if (b.option->count() == 0) continue;
      // One flag at a time, so that an error names the flag.
      EnterpriseColumns columns;
      columns.by_index[0] = b.field->column;
      auto one = EnterpriseFromRow(columns, {b.value});
      if (!one.ok()) {
        absl::string_view message = one.status().message();
        if (size_t colon = message.find(": "); colon != absl::string_view::npos) message.remove_prefix(colon + 2);
        return absl::InvalidArgumentError(absl::StrCat(b.field->flag, ": ", message));
      }
      e.MergeFrom(*one);
      if (fields) fields->push_back(EnterpriseFieldPath(b.field->column));
    }
    return e;
  }
};

// The filters of `enterprises list` and `export enterprises`.
struct FilterFlags {
  std::string title, level, industry, secretary, search;
  bool in_zone = false, deleted = false;

  void AddTo(CLI::App* cmd) {
    cmd->add_option("--title", title, "holding this title now: gazelle/瞪羚企业, unicorn/独角兽企业, …");
    cmd->add_option("--level", level, "with --title: at this level; alone: any title at it (national/国家级, …)");
    cmd->add_option("--industry", industry, "GB/T 4754 section letter A-T or its name");
    cmd->add_option("--secretary", secretary, "served by this service secretary, users/{id} or {id}");
    cmd->add_flag("--in-zone", in_zone, "only enterprises inside the zone");
    cmd->add_option("--search,--name-contains", search, "text in the company name or a former name");
    cmd->add_flag("--deleted,--show-deleted", deleted, "include soft-deleted enterprises");
  }

  absl::StatusOr<v1::ListEnterprisesRequest> Request() const {
    v1::ListEnterprisesRequest req;
    if (!title.empty()) {
      auto t = ParseTitle(title);
      if (!t.ok()) return absl::InvalidArgumentError(absl::StrCat("--title: ", t.status().message()));
      req.set_title(*t);
    }
    if (!level.empty()) {
      auto l = ParseLevel(level);
      if (!l.ok()) return absl::InvalidArgumentError(absl::StrCat("--level: ", l.status().message()));
      req.set_level(*l);
    }
    if (!industry.empty()) {
      auto s = ParseIndustrySection(industry);
      if (!s.ok()) return absl::InvalidArgumentError(absl::StrCat("--industry: ", s.status().message()));
      req.set_industry(*s);
    }
    req.set_service_secretary(PrefixedName("users", secretary));
    req.set_in_zone_only(in_zone);
    req.set_name_contains(search);
    req.set_show_deleted(deleted);
    return req;
  }
};

// A request naming one enterprise, conditional on `etag` when it is not empty.
template <typename Req>
Req Named(const std::string& name, const std::string& etag) {
  Req req;
  req.set_name(EnterpriseName(name));
  req.set_etag(etag);
  return req;
}

// The subcommand `name` of `app`, made (requiring one subcommand) when there is none.
CLI::App* SubcommandOf(CLI::App& app, const std::string& name, const std::string& help) {
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  CLI::App* sub = app.add_subcommand(name, help);
  sub->require_subcommand(1);
  return sub;
}

void AddTransferCommands(CLI::App& app, CommandEnv& env) {
  {
    CLI::App* import = SubcommandOf(app, "import", "import records from a CSV file");
    auto* cmd = import->add_subcommand(
        "enterprises", "import enterprises from CSV (UTF-8 or GBK, Chinese or English headers), upserted by USCC");
    auto* input = env.Make<ImportFileFlags>();
    input->AddTo(cmd);
    Action(cmd, env, [&env, input]() -> absl::Status {
      auto enc = input->ParsedEncoding();
      if (!enc.ok()) return enc.status();
      auto summary = ImportEnterprises(env.Enterprises(), input->file, *enc);
      if (!summary.ok()) return summary.status();
      std::cerr << summary->rows << " rows: " << summary->created << " created, " << summary->updated << " updated, "
                << summary->unchanged << " unchanged, " << summary->rejected.size() << " rejected\n";
      for (const auto& r : summary->rejected) {
        std::cerr << "  line " << r.line << (r.uscc.empty() ? "" : absl::StrCat(" (", r.uscc, ")")) << ": " << r.reason
                  << "\n";
      }
      if (!summary->rejected.empty()) {
        std::cerr << "rejected rows and reasons: " << summary->report_path << "\n";
        env.exit_code = kExitPartial;
      }
      return absl::OkStatus();
    });
  }
  {
    CLI::App* export_cmd = SubcommandOf(app, "export", "export records as CSV");
    auto* cmd = export_cmd->add_subcommand("enterprises", "export enterprises as CSV that Excel and `crm import` read");
    auto* output = env.Make<ExportFileFlags>();
    auto* filters = env.Make<FilterFlags>();
    output->AddTo(cmd);
    filters->AddTo(cmd);
    Action(cmd, env, [&env, output, filters]() -> absl::Status {
      auto req = filters->Request();
      if (!req.ok()) return req.status();
      return output->Write("enterprises", [&](std::ostream& out, bool bom) {
        return ExportEnterprises(env.Enterprises(), *req, bom, out);
      });
    });
  }
}

}  // namespace

void AddEnterpriseCommands(CLI::App& app, CommandEnv& env) {
  auto out = [&env] { return EnterprisePrinter(std::cout, env.format, env.color); };
  CLI::App* group = app.add_subcommand("enterprises", "the cultivation pool (企业培育库): key enterprises");
  group->require_subcommand(1);

  {
    auto* cmd = group->add_subcommand("list", "list enterprises, in order of creation, page after page");
    auto* filters = env.Make<FilterFlags>();
    auto* limit = env.Make<int>(0);
    filters->AddTo(cmd);
    cmd->add_option("--limit", *limit, "stop after this many enterprises (0: all)")->check(CLI::NonNegativeNumber);
    Action(cmd, env, [&env, out, filters, limit]() -> absl::Status {
      auto req = filters->Request();
      if (!req.ok()) return req.status();
      std::vector<v1::Enterprise> all;
      absl::Status listed = CollectPages(
          *req, *limit, [&](const v1::ListEnterprisesRequest& r) { return env.Enterprises().ListEnterprises(r); },
          [](const v1::ListEnterprisesResponse& page) -> const auto& { return page.enterprises(); }, all);
      if (!listed.ok()) return listed;
      out().Enterprises(all);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("get", "show one enterprise");
    auto* name = env.Make<std::string>();
    cmd->add_option("enterprise", *name, "enterprises/{id} or {id}")->required();
    Action(cmd, env, [&env, out, name]() -> absl::Status {
      v1::GetEnterpriseRequest req;
      req.set_name(EnterpriseName(*name));
      auto e = env.Enterprises().GetEnterprise(req);
      if (!e.ok()) return e.status();
      out().Enterprise(*e);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("create", "add an enterprise to the pool");
    auto* fields = env.Make<FieldOptions>();
    auto* request_id = env.Make<std::string>();
    fields->AddTo(cmd);
    cmd->get_option("--uscc")->required();
    cmd->get_option("--company")->required();
    cmd->add_option("--request-id", *request_id, "UUID making a retry safe (default: a new one)");
    Action(cmd, env, [&env, out, fields, request_id]() -> absl::Status {
      auto e = fields->Enterprise();
      if (!e.ok()) return e.status();
      v1::CreateEnterpriseRequest req;
      *req.mutable_enterprise() = *e;
      req.set_request_id(*request_id);
      auto created = env.Enterprises().CreateEnterprise(req);
      if (!created.ok()) return created.status();
      out().Enterprise(*created);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("update", "change the given fields of an enterprise");
    auto* name = env.Make<std::string>();
    auto* etag = env.Make<std::string>();
    auto* fields = env.Make<FieldOptions>();
    cmd->add_option("enterprise", *name, "enterprises/{id} or {id}")->required();
    fields->AddTo(cmd);
    cmd->add_option("--etag", *etag, "only if the enterprise is still at this etag");
    Action(cmd, env, [&env, out, name, etag, fields]() -> absl::Status {
      std::vector<std::string> mask;
      auto e = fields->Enterprise(&mask);
      if (!e.ok()) return e.status();
      if (mask.empty()) return absl::InvalidArgumentError("nothing to change: give at least one field flag");
      v1::UpdateEnterpriseRequest req;
      *req.mutable_enterprise() = *e;
      req.mutable_enterprise()->set_name(EnterpriseName(*name));
      req.mutable_enterprise()->set_etag(*etag);
      for (const std::string& path : mask) req.mutable_update_mask()->add_paths(path);
      auto updated = env.Enterprises().UpdateEnterprise(req);
      if (!updated.ok()) return updated.status();
      out().Enterprise(*updated);
      return absl::OkStatus();
    });
  }
  for (bool undelete : {false, true}) {
    auto* cmd = group->add_subcommand(undelete ? "undelete" : "delete",
                                      undelete ? "bring back a deleted enterprise"
                                               : "delete an enterprise (soft: `undelete` brings it back)");
    auto* name = env.Make<std::string>();
    auto* etag = env.Make<std::string>();
    cmd->add_option("enterprise", *name, "enterprises/{id} or {id}")->required();
    cmd->add_option("--etag", *etag, "only if the enterprise is still at this etag");
    Action(cmd, env, [&env, out, undelete, name, etag]() -> absl::Status {
      auto e = undelete ? env.Enterprises().UndeleteEnterprise(Named<v1::UndeleteEnterpriseRequest>(*name, *etag))
                        : env.Enterprises().DeleteEnterprise(Named<v1::DeleteEnterpriseRequest>(*name, *etag));
      if (!e.ok()) return e.status();
      out().Enterprise(*e);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("assign-secretary", "give an enterprise its service secretary (服务秘书)");
    struct Flags {
      std::string name, user, note, etag, request_id;
    };
    auto* f = env.Make<Flags>();
    cmd->add_option("enterprise", f->name, "enterprises/{id} or {id}")->required();
    cmd->add_option("user", f->user, "users/{id} or {id}; - leaves the enterprise without one")->required();
    cmd->add_option("--note", f->note, "why (handover, leave…)");
    cmd->add_option("--etag", f->etag, "only if the enterprise is still at this etag");
    cmd->add_option("--request-id", f->request_id, "UUID making a retry safe (default: a new one)");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      auto req = Named<v1::AssignServiceSecretaryRequest>(f->name, f->etag);
      req.set_service_secretary(f->user == "-" ? "" : PrefixedName("users", f->user));
      req.set_note(f->note);
      req.set_request_id(f->request_id);
      auto e = env.Enterprises().AssignServiceSecretary(req);
      if (!e.ok()) return e.status();
      out().Enterprise(*e);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("secretaries", "who served an enterprise, newest assignment first");
    auto* name = env.Make<std::string>();
    cmd->add_option("enterprise", *name, "enterprises/{id} or {id}")->required();
    Action(cmd, env, [&env, out, name]() -> absl::Status {
      v1::ListSecretaryAssignmentsRequest req;
      req.set_parent(EnterpriseName(*name));
      auto history = env.Enterprises().ListSecretaryAssignments(req);
      if (!history.ok()) return history.status();
      out().Assignments({history->assignments().begin(), history->assignments().end()});
      return absl::OkStatus();
    });
  }
  AddEnterpriseGrowthCommands(group, env);
  AddTransferCommands(app, env);
}

}  // namespace crm::cli
