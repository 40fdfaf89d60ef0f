#include "clients/cli/enterprise_growth_commands.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/enterprise_output.h"
#include "clients/cli/field_flags.h"
#include "clients/cli/money.h"

namespace crm::cli {
namespace {

// The figures of `metrics set` as flags; `field` is the YearlyMetrics field
// (and update-mask path) a flag sets.
enum class FigureKind { kMoney, kSignedMoney, kCount };
struct FigureFlag {
  const char* flag;  // also what --clear takes, without the "--"
  const char* field;
  FigureKind kind;
  const char* help;
};
constexpr FigureFlag kFigureFlags[] = {
    {"--revenue", "revenue_cny", FigureKind::kMoney, "营业收入, e.g. 3.2亿, 5000万, 320000000"},
    {"--profit", "profit_cny", FigureKind::kSignedMoney, "利润 (a loss is negative, e.g. -800万)"},
    {"--rd-expense", "rd_expense_cny", FigureKind::kMoney, "研发费用"},
    {"--employees", "employees", FigureKind::kCount, "员工人数"},
    {"--rd-staff", "rd_staff", FigureKind::kCount, "研发人员"},
    {"--valuation", "valuation_cny", FigureKind::kMoney, "估值 (the year's latest)"},
    {"--financing", "cumulative_financing_cny", FigureKind::kMoney, "累计股权融资 (to the end of the year)"},
    {"--tax", "tax_paid_cny", FigureKind::kMoney, "纳税"},
    {"--patents", "patents", FigureKind::kCount, "授权专利 (held at the end of the year)"},
};

// The figure a flag names without its "--", e.g. "revenue".
absl::string_view FigureName(const FigureFlag& figure) { return absl::string_view(figure.flag).substr(2); }

struct FigureOptions : FieldFlagValues<FigureFlag> {
  std::vector<std::string> clear;

  void AddTo(CLI::App* cmd) {
    AddAll(cmd, kFigureFlags);
    std::string names;
    for (const FigureFlag& f : kFigureFlags) absl::StrAppend(&names, names.empty() ? "" : ", ", FigureName(f));
    cmd->add_option("--clear", clear, absl::StrCat("remove a figure (repeatable): ", names));
  }

  // Sets the given figures in `m` and names them, and the cleared ones, in `mask`.
  absl::Status Fill(v1::YearlyMetrics& m, google::protobuf::FieldMask& mask) const {
    const google::protobuf::Descriptor* descriptor = m.GetDescriptor();
    const google::protobuf::Reflection* reflection = m.GetReflection();
    for (const Bound& b : bound) {
      if (b.option->count() == 0) continue;
      const FigureFlag& figure = *b.field;
      const google::protobuf::FieldDescriptor* field = descriptor->FindFieldByName(figure.field);
      absl::Status status;
      if (figure.kind == FigureKind::kCount) {
        auto n = ParseCount(b.value);
        if (n.ok()) reflection->SetInt32(&m, field, *n);
        status = n.status();
      } else {
        auto yuan = figure.kind == FigureKind::kMoney ? ParseCny(b.value) : ParseSignedCny(b.value);
        if (yuan.ok()) reflection->SetInt64(&m, field, *yuan);
        status = yuan.status();
      }
      if (!status.ok()) return absl::InvalidArgumentError(absl::StrCat(figure.flag, ": ", status.message()));
      mask.add_paths(figure.field);
    }
    for (const std::string& name : clear) {
      const FigureFlag* figure = nullptr;
      for (const FigureFlag& f : kFigureFlags) {
        if (name == FigureName(f) || name == f.field) figure = &f;
      }
      if (figure == nullptr) return absl::InvalidArgumentError(absl::StrCat("--clear: \"", name, "\" is not a figure"));
      mask.add_paths(figure->field);
    }
    if (mask.paths().empty()) return absl::InvalidArgumentError("nothing to set: give at least one figure flag");
    return absl::OkStatus();
  }
};

absl::Status Flagged(const char* flag, const absl::Status& status) {
  return absl::Status(status.code(), absl::StrCat(flag, ": ", status.message()));
}

void AddMetricsCommands(CLI::App* group, CommandEnv& env) {
  auto out = [&env] { return EnterprisePrinter(std::cout, env.format, env.color); };
  CLI::App* metrics = group->add_subcommand("metrics", "yearly figures (revenue, R&D, staff, valuation…)");
  metrics->require_subcommand(1);
  {
    auto* cmd = metrics->add_subcommand("list", "every year's figures with growth rates, newest first");
    auto* name = env.Make<std::string>();
    cmd->add_option("enterprise", *name, "enterprises/{id} or {id}")->required();
    Action(cmd, env, [&env, out, name]() -> absl::Status {
      v1::ListYearlyMetricsRequest req;
      req.set_parent(EnterpriseName(*name));
      auto years = env.Enterprises().ListYearlyMetrics(req);
      if (!years.ok()) return years.status();
      out().Metrics({years->yearly_metrics().begin(), years->yearly_metrics().end()});
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = metrics->add_subcommand("set", "set the given figures of one year (the year is added if new)");
    struct Flags {
      std::string name, etag;
      int year = 0;
      FigureOptions figures;
    };
    auto* f = env.Make<Flags>();
    cmd->add_option("enterprise", f->name, "enterprises/{id} or {id}")->required();
    cmd->add_option("year", f->year, "the calendar year, e.g. 2025")->required()->check(CLI::Range(1949, 2100));
    f->figures.AddTo(cmd);
    cmd->add_option("--etag", f->etag, "only if the year's figures are still at this etag");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::UpdateYearlyMetricsRequest req;
      absl::Status filled = f->figures.Fill(*req.mutable_yearly_metrics(), *req.mutable_update_mask());
      if (!filled.ok()) return filled;
      req.mutable_yearly_metrics()->set_name(absl::StrCat(EnterpriseName(f->name), "/yearlyMetrics/", f->year));
      req.mutable_yearly_metrics()->set_etag(f->etag);
      req.set_allow_missing(true);
      auto set = env.Enterprises().UpdateYearlyMetrics(req);
      if (!set.ok()) return set.status();
      out().YearlyMetrics(*set);
      return absl::OkStatus();
    });
  }
}

void AddTitleCommands(CLI::App* group, CommandEnv& env) {
  auto out = [&env] { return EnterprisePrinter(std::cout, env.format, env.color); };
  CLI::App* titles = group->add_subcommand("titles", "titles held (瞪羚, 独角兽, 专精特新…): certifications");
  titles->require_subcommand(1);
  {
    auto* cmd = titles->add_subcommand("list", "an enterprise's certifications");
    auto* name = env.Make<std::string>();
    auto* deleted = env.Make<bool>(false);
    cmd->add_option("enterprise", *name, "enterprises/{id} or {id}")->required();
    cmd->add_flag("--deleted", *deleted, "include removed ones");
    Action(cmd, env, [&env, out, name, deleted]() -> absl::Status {
      v1::ListCertificationsRequest req;
      req.set_parent(EnterpriseName(*name));
      req.set_show_deleted(*deleted);
      auto listed = env.Enterprises().ListCertifications(req);
      if (!listed.ok()) return listed.status();
      out().Certifications({listed->certifications().begin(), listed->certifications().end()});
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = titles->add_subcommand("add", "record a title an enterprise was granted");
    struct Flags {
      std::string name, title, level, issuer, valid_until, evidence, request_id;
      int year = 0;
    };
    auto* f = env.Make<Flags>();
    cmd->add_option("enterprise", f->name, "enterprises/{id} or {id}")->required();
    cmd->add_option("--title", f->title, "gazelle/瞪羚企业, unicorn/独角兽企业, little_giant/小巨人, …")->required();
    cmd->add_option("--level", f->level, "national/国家级, provincial/省级, municipal/市级, zone/区级")->required();
    cmd->add_option("--issuer", f->issuer, "the granting body, e.g. 工业和信息化部");
    cmd->add_option("--year", f->year, "the batch (year) it was granted in")->required()->check(CLI::Range(1949, 2100));
    cmd->add_option("--valid-until", f->valid_until, "last day it is valid, YYYY-MM-DD (default: no end)");
    cmd->add_option("--evidence", f->evidence, "the document or notice that proves it");
    cmd->add_option("--request-id", f->request_id, "UUID making a retry safe (default: a new one)");
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::CreateCertificationRequest req;
      req.set_parent(EnterpriseName(f->name));
      req.set_request_id(f->request_id);
      v1::Certification* c = req.mutable_certification();
      auto title = ParseTitle(f->title);
      if (!title.ok()) return Flagged("--title", title.status());
      auto level = ParseLevel(f->level);
      if (!level.ok()) return Flagged("--level", level.status());
      c->set_title(*title);
      c->set_level(*level);
      c->set_issuer(f->issuer);
      c->set_batch_year(f->year);
      if (!f->valid_until.empty()) {
        auto day = ParseDay(f->valid_until);
        if (!day.ok()) return Flagged("--valid-until", day.status());
        c->set_valid_until(*day);
      }
      c->set_evidence_note(f->evidence);
      auto created = env.Enterprises().CreateCertification(req);
      if (!created.ok()) return created.status();
      out().Certification(*created);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = titles->add_subcommand("remove", "remove a title (withdrawn or entered by mistake; soft delete)");
    auto* name = env.Make<std::string>();
    auto* etag = env.Make<std::string>();
    cmd->add_option("certification", *name, "enterprises/{id}/certifications/{id} or {enterprise id}/{id}")
        ->required();
    cmd->add_option("--etag", *etag, "only if the certification is still at this etag");
    Action(cmd, env, [&env, out, name, etag]() -> absl::Status {
      v1::DeleteCertificationRequest req;
      req.set_name(CertificationName(*name));
      req.set_etag(*etag);
      auto removed = env.Enterprises().DeleteCertification(req);
      if (!removed.ok()) return removed.status();
      out().Certification(*removed);
      return absl::OkStatus();
    });
  }
}

void AddScreeningCommands(CLI::App* group, CommandEnv& env) {
  auto out = [&env] { return EnterprisePrinter(std::cout, env.format, env.color); };
  {
    auto* cmd =
        group->add_subcommand("evaluate", "every title of the zone's policy: met or not, criterion by criterion");
    auto* name = env.Make<std::string>();
    auto* year = env.Make<int>(0);
    cmd->add_option("enterprise", *name, "enterprises/{id} or {id}")->required();
    cmd->add_option("--year", *year, "the year whose figures to use (default: the latest)")
        ->check(CLI::Range(0, 2100));
    Action(cmd, env, [&env, out, name, year]() -> absl::Status {
      v1::EvaluateEnterpriseRequest req;
      req.set_name(EnterpriseName(*name));
      req.set_year(*year);
      auto evaluated = env.Enterprises().EvaluateEnterprise(req);
      if (!evaluated.ok()) return evaluated.status();
      out().Evaluation(*evaluated);
      return absl::OkStatus();
    });
  }
  {
    auto* cmd = group->add_subcommand("screen", "enterprises that meet a title's criteria but do not hold it");
    struct Flags {
      std::string title, industry;
      bool in_zone = false;
      int limit = 0;
    };
    auto* f = env.Make<Flags>();
    cmd->add_option("--title", f->title, "only this title (default: every title of the policy)");
    cmd->add_flag("--in-zone", f->in_zone, "only enterprises inside the zone");
    cmd->add_option("--industry", f->industry, "GB/T 4754 section letter A-T or its name");
    cmd->add_option("--limit", f->limit, "stop after this many candidates (0: all)")->check(CLI::NonNegativeNumber);
    Action(cmd, env, [&env, out, f]() -> absl::Status {
      v1::ScreenEnterprisesRequest req;
      if (!f->title.empty()) {
        auto title = ParseTitle(f->title);
        if (!title.ok()) return Flagged("--title", title.status());
        req.set_title(*title);
      }
      if (!f->industry.empty()) {
        auto section = ParseIndustrySection(f->industry);
        if (!section.ok()) return Flagged("--industry", section.status());
        req.set_industry(*section);
      }
      req.set_in_zone_only(f->in_zone);
      std::vector<v1::ScreenEnterprisesResponse::Candidate> all;
      absl::Status listed = CollectPages(
          req, f->limit, [&](const v1::ScreenEnterprisesRequest& r) { return env.Enterprises().ScreenEnterprises(r); },
          [](const v1::ScreenEnterprisesResponse& page) -> const auto& { return page.candidates(); }, all);
      if (!listed.ok()) return listed;
      out().Candidates(all);
      return absl::OkStatus();
    });
  }
}

}  // namespace

void AddEnterpriseGrowthCommands(CLI::App* enterprises_cmd, CommandEnv& env) {
  AddMetricsCommands(enterprises_cmd, env);
  AddTitleCommands(enterprises_cmd, env);
  AddScreeningCommands(enterprises_cmd, env);
}

}  // namespace crm::cli
