#include "clients/cli/project_flags.h"

#include <cmath>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/money.h"
#include "clients/cli/project_fields.h"

namespace crm::cli {
namespace {

using v1::Project;

// Setters: `Parse` reads the text, `set` stores the value.
template <auto Parse, auto Set>
absl::Status Parsed(absl::string_view text, Project& p) {
  auto value = Parse(text);
  if (!value.ok()) return value.status();
  (p.*Set)(*value);
  return absl::OkStatus();
}

template <auto Set>
absl::Status Text(absl::string_view text, Project& p) {
  (p.*Set)(std::string(text));
  return absl::OkStatus();
}

absl::StatusOr<int64_t> Cny(absl::string_view text) { return ParseCny(text); }
absl::StatusOr<std::string> Enterprise(absl::string_view text) { return EnterpriseName(text); }
absl::StatusOr<std::string> Unit(absl::string_view text) { return PrefixedName("units", text); }
absl::StatusOr<std::string> User(absl::string_view text) { return PrefixedName("users", text); }

absl::StatusOr<double> Mu(absl::string_view text) {
  double mu = 0;
  std::string digits(TrimCell(text));
  if (absl::EndsWith(digits, "亩")) digits.resize(digits.size() - std::string("亩").size());
  if (!absl::SimpleAtod(digits, &mu) || !std::isfinite(mu) || mu < 0) {
    return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is not an area in 亩 (e.g. 120 or 85.5亩)"));
  }
  return mu;
}

constexpr ProjectField kProjectFields[] = {
    {"--name", "display_name", "project name (项目名称)", Text<&Project::set_display_name<const std::string&>>},
    {"--investor", "investor_enterprise", "the investor, an enterprise of the pool: enterprises/{id} or {id}",
     Parsed<Enterprise, &Project::set_investor_enterprise<const std::string&>>},
    {"--investor-name", "investor_name", "the investor's company name, when not in the pool",
     Text<&Project::set_investor_name<const std::string&>>},
    {"--investor-uscc", "investor_uscc", "the investor's unified social credit code",
     Text<&Project::set_investor_uscc<const std::string&>>},
    {"--industry", "industry", "GB/T 4754 section letter A-T or its name",
     Parsed<ParseIndustrySection, &Project::set_industry>},
    {"--form", "investment_form", "新设/new_establishment, 增资/capital_increase, 并购/merger_acquisition, 技改",
     Parsed<ParseForm, &Project::set_investment_form>},
    {"--planned", "planned_investment_cny", "planned total investment, e.g. 25亿, 8000万 (decides the tier)",
     Parsed<Cny, &Project::set_planned_investment_cny>},
    {"--contracted", "contracted_investment_cny", "the amount in the signed contract, e.g. 20亿",
     Parsed<Cny, &Project::set_contracted_investment_cny>},
    {"--land", "land_area_mu", "land, in 亩", Parsed<Mu, &Project::set_land_area_mu>},
    {"--unit", "unit", "responsible unit, units/{id} or {id} (default: yours)",
     Parsed<Unit, &Project::set_unit<const std::string&>>},
    {"--owner", "owner", "responsible user, users/{id} or {id} (default: you)",
     Parsed<User, &Project::set_owner<const std::string&>>},
    {"--secretary", "service_secretary", "service secretary (服务秘书), users/{id} or {id}",
     Parsed<User, &Project::set_service_secretary<const std::string&>>},
};

}  // namespace

absl::Status Flagged(absl::string_view flag, const absl::Status& status) {
  return absl::Status(status.code(), absl::StrCat(flag, ": ", status.message()));
}

bool Given(const CLI::Option* opt, const char* path, google::protobuf::FieldMask* mask) {
  if (opt == nullptr || opt->count() == 0) return false;
  if (mask) mask->add_paths(path);
  return true;
}

void ProjectFieldFlags::AddTo(CLI::App* cmd) { AddAll(cmd, kProjectFields); }

absl::Status ProjectFieldFlags::Fill(Project& p, google::protobuf::FieldMask* mask) const {
  for (const Bound& b : bound) {
    if (!Given(b.option, b.field->path, mask)) continue;
    if (absl::Status s = b.field->set(b.value, p); !s.ok()) return Flagged(b.field->flag, s);
  }
  return absl::OkStatus();
}

void ProjectListFlags::AddTo(CLI::App* cmd) {
  cmd->add_option("--stage", stage,
                  "在谈/negotiating, 签约/signed, 注册/registered, 开工/started, 投产/production, 流失/lost");
  cmd->add_option("--tier", tier, "planned investment: 10亿 (10-20亿), 20亿 (20-50亿), 50亿 (50亿 and more), below");
  cmd->add_option("--unit", unit, "responsible unit, units/{id} or {id}");
  cmd->add_option("--owner", owner, "responsible user, users/{id} or {id}");
  cmd->add_option("--industry", industry, "GB/T 4754 section letter A-T or its name");
  cmd->add_option("--investor", investor, "the investor's enterprise, enterprises/{id} or {id}");
  cmd->add_option("--lead", lead, "the project converted from this lead, leads/{id} or {id}");
  cmd->add_option("--signed-year", signed_year, "signed in this year")->check(CLI::NonNegativeNumber);
  cmd->add_flag("--stalled", stalled, "only projects on a 三未 list");
  cmd->add_option("--order", order,
                  "created (newest first, default), amount (largest first), stage-time (longest in "
                  "their stage first)");
  cmd->add_option("--limit", limit, "stop after this many projects (0: all)")->check(CLI::NonNegativeNumber);
}

absl::StatusOr<v1::ListProjectsRequest> ProjectListFlags::Request() const {
  v1::ListProjectsRequest req;
  for (const absl::Status& s :
       {ParseFlag("--stage", stage, ParseStage, [&](v1::ProjectStage v) { req.set_stage(v); }),
        ParseFlag("--tier", tier, ParseTier, [&](v1::InvestmentTier v) { req.set_tier(v); }),
        ParseFlag("--industry", industry, ParseIndustrySection, [&](v1::IndustrySection v) { req.set_industry(v); })}) {
    if (!s.ok()) return s;
  }
  if (order == "amount") {
    req.set_order_by("planned_investment_cny desc");
  } else if (order == "stage-time") {
    req.set_order_by("stage_date");
  } else if (order != "created") {
    req.set_order_by(order);  // as the API names it, or empty
  }
  req.set_unit(PrefixedName("units", unit));
  req.set_owner(PrefixedName("users", owner));
  req.set_investor_enterprise(EnterpriseName(investor));
  req.set_origin_lead(PrefixedName("leads", lead));
  req.set_signed_year(signed_year);
  req.set_stalled_only(stalled);
  return req;
}

}  // namespace crm::cli
