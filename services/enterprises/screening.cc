#include "services/enterprises/screening.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "absl/algorithm/container.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "base/status_macros.h"
#include "base/text_proto.h"
#include "base/uscc.h"
#include "services/enterprises/enterprise_rules.h"

namespace crm {
namespace {

using v1::ScreeningMetric;

// ---- Numbers for people

// `value` with at most `decimals` decimals: trailing zeros and a bare point
// dropped ("7.20" → "7.2", "7.0" → "7").
std::string Trimmed(double value, int decimals) {
  std::string s = absl::StrFormat("%.*f", decimals, value);
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

// A whole number with thousands separators: 8000 → "8,000".
std::string Grouped(double value) {
  std::string digits = absl::StrCat(std::llround(value));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

struct MoneyUnit {
  double scale;
  const char* suffix;
};
// Ascending; the first (scale 1) is shown whole, with separators.
constexpr MoneyUnit kCnyUnits[] = {{1, ""}, {1e4, "万"}, {1e8, "亿"}};
constexpr MoneyUnit kUsdUnits[] = {{1, ""}, {1e6, "m"}, {1e9, "bn"}};

double RoundTo(double value, int decimals) {
  double factor = std::pow(10.0, decimals);
  return std::round(value * factor) / factor;
}

// `amount` in the largest unit it reaches, with at most `decimals` decimals
// in that unit.
std::string Money(double amount, absl::string_view symbol, absl::Span<const MoneyUnit> units, int decimals) {
  if (amount < 0) return absl::StrCat("-", Money(-amount, symbol, units, decimals));
  size_t u = units.size() - 1;
  while (u > 0 && amount < units[u].scale) --u;
  // Rounding may carry into the next unit: ¥99,999,999 is "¥1亿", not "¥10000万".
  int shown_decimals = u == 0 ? 0 : decimals;
  if (u + 1 < units.size() && RoundTo(amount / units[u].scale, shown_decimals) * units[u].scale >= units[u + 1].scale) {
    ++u;
  }
  if (u == 0) return absl::StrCat(symbol, Grouped(amount));
  return absl::StrCat(symbol, Trimmed(amount / units[u].scale, decimals), units[u].suffix);
}

// ---- What each metric is and how it reads

enum class Kind { kYears, kCount, kCny, kUsd, kRatio, kFlag };

struct MetricInfo {
  Kind kind;
  // What the explanation calls it ("valuation", "revenue growth").
  const char* noun;
  // For flags: the value true and false, and the requirement of each.
  const char* is_true = "";
  const char* is_false = "";
  const char* must_be_true = "";
  const char* must_be_false = "";
};

const MetricInfo& Info(ScreeningMetric metric) {
  static const auto& kInfo = *new std::map<ScreeningMetric, MetricInfo>{
      {v1::SCREENING_METRIC_AGE_YEARS, {Kind::kYears, "age"}},
      {v1::SCREENING_METRIC_VALUATION_CNY, {Kind::kCny, "valuation"}},
      {v1::SCREENING_METRIC_VALUATION_USD, {Kind::kUsd, "valuation"}},
      {v1::SCREENING_METRIC_REVENUE_CNY, {Kind::kCny, "revenue"}},
      {v1::SCREENING_METRIC_REVENUE_GROWTH, {Kind::kRatio, "revenue growth"}},
      {v1::SCREENING_METRIC_RD_INTENSITY, {Kind::kRatio, "R&D intensity"}},
      {v1::SCREENING_METRIC_RD_STAFF_SHARE, {Kind::kRatio, "R&D staff share"}},
      {v1::SCREENING_METRIC_EMPLOYEES, {Kind::kCount, "employees"}},
      {v1::SCREENING_METRIC_PATENTS, {Kind::kCount, "patents"}},
      {v1::SCREENING_METRIC_CUMULATIVE_FINANCING_CNY, {Kind::kCny, "equity financing"}},
      {v1::SCREENING_METRIC_LISTED,
       {Kind::kFlag, "listing", "listed", "unlisted", "must be listed", "must be unlisted"}},
      {v1::SCREENING_METRIC_STATE_OWNED,
       {Kind::kFlag, "ownership", "state-owned", "not state-owned", "must be state-owned",
        "must not be state-owned"}},
      {v1::SCREENING_METRIC_REGISTERED_IN_CHINA,
       {Kind::kFlag, "registration", "registered in China (valid USCC)", "not registered in China: no valid USCC",
        "must be registered in China", "must not be registered in China"}},
  };
  static const MetricInfo kUnknown{Kind::kCount, "unknown metric"};
  auto it = kInfo.find(metric);
  return it == kInfo.end() ? kUnknown : it->second;
}

// A value as shown. `extra` adds decimals where two different numbers would
// otherwise read the same ("¥6.99亿" against "¥7亿").
std::string ValueText(Kind kind, double v, int extra) {
  switch (kind) {
    case Kind::kCny: return Money(v, "¥", kCnyUnits, 1 + extra);
    case Kind::kUsd: return Money(v, "US$", kUsdUnits, 1 + extra);
    case Kind::kRatio: return absl::StrFormat("%.*f%%", 1 + extra, v * 100);
    default: return Trimmed(v, 0);
  }
}

// A bound as shown: like a value, but ratios without trailing zeros ("20%").
std::string BoundText(Kind kind, double b, int extra) {
  return kind == Kind::kRatio ? absl::StrCat(Trimmed(b * 100, 1 + extra), "%") : ValueText(kind, b, extra);
}

// The fewest extra decimals with which `v` reads differently from every bound
// it differs from.
int ExtraDecimals(Kind kind, double v, absl::Span<const double> bounds) {
  if (kind != Kind::kCny && kind != Kind::kUsd && kind != Kind::kRatio) return 0;
  constexpr int kMostExtra = 3;
  for (int extra = 0; extra < kMostExtra; ++extra) {
    bool distinct = absl::c_all_of(
        bounds, [&](double b) { return b == v || BoundText(kind, v, extra) != BoundText(kind, b, extra); });
    if (distinct) return extra;
  }
  return kMostExtra;
}

// What the explanation starts with: "valuation ¥7.2亿", "founded 4 years ago".
std::string Subject(const MetricInfo& info, double v, int extra) {
  if (info.kind == Kind::kYears) {
    return absl::StrCat("founded ", Trimmed(v, 0), v == 1 ? " year ago" : " years ago");
  }
  return absl::StrCat(info.noun, " ", ValueText(info.kind, v, extra));
}

std::string WithoutCurrency(absl::string_view text) {
  absl::string_view s = text;
  if (!absl::ConsumePrefix(&s, "¥")) absl::ConsumePrefix(&s, "US$");
  return std::string(s);
}

// Whether `v` meets `c`: min inclusive, max exclusive.
bool Meets(const v1::Criterion& c, double v) { return (!c.has_min() || v >= c.min()) && (!c.has_max() || v < c.max()); }

std::string ExplainFlag(const MetricInfo& info, const v1::Criterion& c, double v) {
  std::string is = v != 0 ? info.is_true : info.is_false;
  if (Meets(c, v)) return is;
  const bool true_ok = Meets(c, 1);
  const bool false_ok = Meets(c, 0);
  std::string must = true_ok ? info.must_be_true : false_ok ? info.must_be_false : "can never be met";
  return absl::StrCat(is, " (", must, ")");
}

// The comparison of `v` with `c`'s bounds, e.g. "valuation ¥7.2亿 ≥ ¥7亿",
// "revenue ¥3200万 in ¥1000万–5000万", "founded 4 years ago ≤ 5".
std::string Explain(const MetricInfo& info, const v1::Criterion& c, double v) {
  if (info.kind == Kind::kFlag) return ExplainFlag(info, c, v);
  const bool met = Meets(c, v);
  std::vector<double> bounds;
  if (c.has_min()) bounds.push_back(c.min());
  if (c.has_max()) bounds.push_back(c.max());
  const int extra = ExtraDecimals(info.kind, v, bounds);
  const std::string subject = Subject(info, v, extra);
  // Whole-number metrics show the whole bounds they take: x < 11 reads "≤ 10",
  // x ≥ 5.5 reads "≥ 6". Others show `max` as it is, exclusive.
  const bool whole = info.kind == Kind::kYears || info.kind == Kind::kCount;
  auto lower = [&] { return whole ? Trimmed(std::ceil(c.min()), 0) : BoundText(info.kind, c.min(), extra); };
  auto upper = [&] { return whole ? Trimmed(std::ceil(c.max()) - 1, 0) : BoundText(info.kind, c.max(), extra); };
  if (c.has_min() && c.has_max()) {
    std::string band = absl::StrCat(lower(), "–", WithoutCurrency(upper()));
    if (met) return absl::StrCat(subject, " in ", band);
    if (v < c.min()) return absl::StrCat(subject, " below ", band);
    // A value that reads like the exclusive top, e.g. exactly ¥5000万 against
    // the band ¥1000万–5000万, needs the reason.
    bool reads_as_top = !whole && BoundText(info.kind, v, extra) == BoundText(info.kind, c.max(), extra);
    return absl::StrCat(subject, " above ", band, reads_as_top ? " (upper bound excluded)" : "");
  }
  // "At least one yuan" is how a policy says "some": read it so.
  if (c.has_min() && c.min() <= 1 && (info.kind == Kind::kCny || info.kind == Kind::kUsd)) {
    return absl::StrCat(subject, met ? " > 0" : " (must be > 0)");
  }
  if (c.has_min()) return absl::StrCat(subject, met ? " ≥ " : " < ", lower());
  if (whole) return absl::StrCat(subject, met ? " ≤ " : " > ", upper());
  return absl::StrCat(subject, met ? " < " : " ≥ ", upper());
}

// ---- Measuring an enterprise

// A metric's value, or why there is none.
struct Measured {
  std::optional<double> value;
  std::string unknown;
};

Measured Value(double v) { return {v, ""}; }
Measured Unknown(std::string why) { return {std::nullopt, std::move(why)}; }

std::string ForYear(const v1::YearlyMetrics& m) { return m.year() > 0 ? absl::StrCat(" for ", m.year()) : ""; }
std::string InYear(const v1::YearlyMetrics& m) { return m.year() > 0 ? absl::StrCat(" in ", m.year()) : ""; }

// "valuation not reported for 2025".
Measured NotReported(absl::string_view noun, const v1::YearlyMetrics& m) {
  return Unknown(absl::StrCat(noun, " not reported", ForYear(m)));
}

// Whole years from `founded` to `today`, counted like birthdays: 2021-06-01
// is 4 years old on 2026-05-31 and 5 on 2026-06-01. (A 29 February founding
// has its birthday on 1 March in other years.)
int AgeYears(absl::CivilDay founded, absl::CivilDay today) {
  int years = static_cast<int>(today.year() - founded.year());
  if (std::make_pair(today.month(), today.day()) < std::make_pair(founded.month(), founded.day())) --years;
  return years;
}

Measured Age(const v1::Enterprise& e, absl::CivilDay today) {
  if (e.founded_date().empty()) return Unknown("age unknown: no founded date");
  std::optional<absl::CivilDay> founded = ParseIsoDay(e.founded_date());
  if (!founded) return Unknown(absl::StrCat("age unknown: founded date `", e.founded_date(), "` is not YYYY-MM-DD"));
  return Value(AgeYears(*founded, today));
}

// R&D intensity or staff share: the derived ratio, or which figure is missing.
Measured RatioOf(absl::string_view noun, bool has_ratio, double ratio, absl::string_view part_noun, bool has_part,
                 absl::string_view whole_noun, bool has_whole, const v1::YearlyMetrics& m) {
  if (has_ratio) return Value(ratio);
  if (!has_part) return Unknown(absl::StrCat(noun, " unknown: ", part_noun, " not reported", ForYear(m)));
  if (!has_whole) return Unknown(absl::StrCat(noun, " unknown: ", whole_noun, " not reported", ForYear(m)));
  return Unknown(absl::StrCat(noun, " unknown: no ", whole_noun, InYear(m)));
}

Measured YearlyValue(ScreeningMetric metric, const v1::YearlyMetrics& m, double cny_per_usd) {
  switch (metric) {
    case v1::SCREENING_METRIC_VALUATION_CNY:
      return m.has_valuation_cny() ? Value(m.valuation_cny()) : NotReported("valuation", m);
    case v1::SCREENING_METRIC_VALUATION_USD:
      if (!m.has_valuation_cny()) return NotReported("valuation", m);
      if (!(cny_per_usd > 0)) return Unknown("valuation in US$ unknown: the policy has no exchange rate");
      // Whole dollars, as the yuan are whole: ¥72亿 at 7.2 is exactly US$1bn,
      // whatever the division's last bit.
      return Value(std::round(m.valuation_cny() / cny_per_usd));
    case v1::SCREENING_METRIC_REVENUE_CNY:
      return m.has_revenue_cny() ? Value(m.revenue_cny()) : NotReported("revenue", m);
    case v1::SCREENING_METRIC_REVENUE_GROWTH:
      if (m.has_revenue_growth()) return Value(m.revenue_growth());
      if (!m.has_revenue_cny()) return Unknown(absl::StrCat("revenue growth unknown: revenue not reported", ForYear(m)));
      // No base: the year before is missing, has no revenue figure, or zero.
      return Unknown(m.year() > 0 ? absl::StrCat("revenue growth unknown: no ", m.year() - 1, " revenue")
                                  : "revenue growth unknown: no revenue the year before");
    case v1::SCREENING_METRIC_RD_INTENSITY:
      return RatioOf("R&D intensity", m.has_rd_intensity(), m.rd_intensity(), "R&D expense", m.has_rd_expense_cny(),
                     "revenue", m.has_revenue_cny(), m);
    case v1::SCREENING_METRIC_RD_STAFF_SHARE:
      return RatioOf("R&D staff share", m.has_rd_staff_share(), m.rd_staff_share(), "R&D staff", m.has_rd_staff(),
                     "employees", m.has_employees(), m);
    case v1::SCREENING_METRIC_EMPLOYEES:
      return m.has_employees() ? Value(m.employees()) : NotReported("employees", m);
    case v1::SCREENING_METRIC_PATENTS: return m.has_patents() ? Value(m.patents()) : NotReported("patents", m);
    case v1::SCREENING_METRIC_CUMULATIVE_FINANCING_CNY:
      return m.has_cumulative_financing_cny() ? Value(m.cumulative_financing_cny())
                                              : NotReported("equity financing", m);
    default: return Unknown("unknown metric");
  }
}

Measured Measure(ScreeningMetric metric, const ScreeningInput& input, double cny_per_usd) {
  const v1::Enterprise& e = input.enterprise;
  switch (metric) {
    case v1::SCREENING_METRIC_AGE_YEARS: return Age(e, input.today);
    case v1::SCREENING_METRIC_LISTED: return Value(e.listed() ? 1 : 0);
    case v1::SCREENING_METRIC_STATE_OWNED:
      return Value(absl::c_any_of(e.tags(), [](int tag) {
                     return tag == v1::ENTERPRISE_TAG_CENTRAL_SOE || tag == v1::ENTERPRISE_TAG_LOCAL_SOE;
                   })
                       ? 1
                       : 0);
    case v1::SCREENING_METRIC_REGISTERED_IN_CHINA: return Value(UsccProblem(e.uscc()) ? 0 : 1);
    default:
      if (!input.metrics) return Unknown(absl::StrCat(Info(metric).noun, " unknown: no yearly figures reported"));
      return YearlyValue(metric, *input.metrics, cny_per_usd);
  }
}

v1::CriterionResult Evaluate(const v1::Criterion& c, const ScreeningInput& input, double cny_per_usd) {
  v1::CriterionResult result;
  result.set_metric(c.metric());
  Measured measured = Measure(c.metric(), input, cny_per_usd);
  if (!measured.value) {
    result.set_met(false);
    result.set_explanation(measured.unknown);
    return result;
  }
  result.set_met(Meets(c, *measured.value));
  result.set_explanation(Explain(Info(c.metric()), c, *measured.value));
  return result;
}

// ---- Checking a policy

std::string TitleName(v1::CertificationTitle title) {
  return std::string(absl::StripPrefix(v1::CertificationTitle_Name(title), "CERTIFICATION_TITLE_"));
}

std::string PriorityName(int priority) {
  return std::string(absl::StripPrefix(
      v1::ServiceRequestPriority_Name(static_cast<v1::ServiceRequestPriority>(priority)), "SERVICE_REQUEST_PRIORITY_"));
}

void CheckCriterion(const v1::Criterion& c, const std::string& at, std::vector<std::string>& problems) {
  if (c.metric() == v1::SCREENING_METRIC_UNSPECIFIED || !v1::ScreeningMetric_IsValid(c.metric())) {
    problems.push_back(absl::StrCat(at, ".metric: is required"));
  }
  if (!c.has_min() && !c.has_max()) problems.push_back(absl::StrCat(at, ": needs `min` or `max`"));
  if (c.has_min() && !std::isfinite(c.min())) problems.push_back(absl::StrCat(at, ".min: must be a finite number"));
  if (c.has_max() && !std::isfinite(c.max())) problems.push_back(absl::StrCat(at, ".max: must be a finite number"));
  if (c.has_min() && c.has_max() && !(c.min() < c.max())) {
    problems.push_back(absl::StrFormat("%s: min %.15g must be less than max %.15g (min is inclusive, max exclusive)",
                                       at, c.min(), c.max()));
  }
}

void CheckTitleRules(const v1::EnterprisePolicy& policy, std::vector<std::string>& problems) {
  std::map<int, int> first_at;  // title → index of its rule
  for (int i = 0; i < policy.title_rules_size(); ++i) {
    const v1::TitleRule& rule = policy.title_rules(i);
    const std::string at = absl::StrCat("title_rules[", i, "]");
    if (rule.title() == v1::CERTIFICATION_TITLE_UNSPECIFIED || !v1::CertificationTitle_IsValid(rule.title())) {
      problems.push_back(absl::StrCat(at, ".title: is required"));
    } else if (auto [it, inserted] = first_at.emplace(rule.title(), i); !inserted) {
      problems.push_back(absl::StrCat(at, ".title: ", TitleName(rule.title()), " has a rule already (title_rules[",
                                      it->second, "])"));
    }
    if (rule.clauses().empty()) problems.push_back(absl::StrCat(at, ".clauses: at least one clause is needed"));
    for (int j = 0; j < rule.clauses_size(); ++j) {
      const v1::CriteriaClause& clause = rule.clauses(j);
      const std::string clause_at = absl::StrCat(at, ".clauses[", j, "]");
      if (absl::StripAsciiWhitespace(clause.label()).empty()) {
        problems.push_back(absl::StrCat(clause_at, ".label: is required"));
      }
      if (clause.criteria().empty()) {
        problems.push_back(absl::StrCat(clause_at, ".criteria: at least one criterion is needed"));
      }
      for (int k = 0; k < clause.criteria_size(); ++k) {
        CheckCriterion(clause.criteria(k), absl::StrCat(clause_at, ".criteria[", k, "]"), problems);
      }
    }
  }
}

void CheckServiceLevels(const v1::EnterprisePolicy& policy, std::vector<std::string>& problems) {
  std::map<int, int> first_at;  // priority → index of its level
  for (int i = 0; i < policy.service_levels_size(); ++i) {
    const v1::ServiceLevel& level = policy.service_levels(i);
    const std::string at = absl::StrCat("service_levels[", i, "]");
    if (level.priority() == v1::SERVICE_REQUEST_PRIORITY_UNSPECIFIED ||
        !v1::ServiceRequestPriority_IsValid(level.priority())) {
      problems.push_back(absl::StrCat(at, ".priority: is required"));
    } else if (auto [it, inserted] = first_at.emplace(level.priority(), i); !inserted) {
      problems.push_back(absl::StrCat(at, ".priority: ", PriorityName(level.priority()),
                                      " has a level already (service_levels[", it->second, "])"));
    }
    if (level.due_in_days() < 1) {
      problems.push_back(absl::StrCat(at, ".due_in_days: must be at least 1, got ", level.due_in_days()));
    }
  }
  const auto* priorities = v1::ServiceRequestPriority_descriptor();
  for (int i = 0; i < priorities->value_count(); ++i) {
    int priority = priorities->value(i)->number();
    if (priority != v1::SERVICE_REQUEST_PRIORITY_UNSPECIFIED && !first_at.contains(priority)) {
      problems.push_back(absl::StrCat("service_levels: no level for ", PriorityName(priority)));
    }
  }
}

std::vector<std::string> PolicyProblems(const v1::EnterprisePolicy& policy) {
  std::vector<std::string> problems;
  if (!(policy.cny_per_usd() > 0) || !std::isfinite(policy.cny_per_usd())) {
    problems.push_back(absl::StrFormat("cny_per_usd: must be > 0, got %.15g", policy.cny_per_usd()));
  }
  CheckTitleRules(policy, problems);
  CheckServiceLevels(policy, problems);
  if (policy.yellow_after_days() < 0) {
    problems.push_back(absl::StrCat("yellow_after_days: must not be negative, got ", policy.yellow_after_days()));
  }
  if (policy.yellow_after_days() >= policy.red_after_days()) {
    problems.push_back(absl::StrCat("yellow_after_days (", policy.yellow_after_days(),
                                    ") must be less than red_after_days (", policy.red_after_days(), ")"));
  }
  return problems;
}

}  // namespace

absl::StatusOr<v1::EnterprisePolicy> ParseEnterprisePolicy(absl::string_view text) {
  v1::EnterprisePolicy policy;
  RETURN_IF_ERROR(ParseTextProto(text, "enterprise policy", policy));
  std::vector<std::string> problems = PolicyProblems(policy);
  if (!problems.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("enterprise policy: ", absl::StrJoin(problems, "; ")));
  }
  return policy;
}

std::vector<v1::TitleEvaluation> EvaluateTitles(const v1::EnterprisePolicy& policy, const ScreeningInput& input) {
  std::vector<v1::TitleEvaluation> evaluations;
  for (const v1::TitleRule& rule : policy.title_rules()) {
    // The clause shown: the first one met, else the one with the most
    // criteria met (the first of equals).
    v1::TitleEvaluation shown;
    int shown_met = -1;
    bool qualified = false;
    for (const v1::CriteriaClause& clause : rule.clauses()) {
      v1::TitleEvaluation candidate;
      candidate.set_clause_label(clause.label());
      int met = 0;
      for (const v1::Criterion& c : clause.criteria()) {
        *candidate.add_criteria() = Evaluate(c, input, policy.cny_per_usd());
        if (candidate.criteria().rbegin()->met()) ++met;
      }
      if (met == clause.criteria_size()) {
        shown = std::move(candidate);
        qualified = true;
        break;
      }
      if (met > shown_met) {
        shown = std::move(candidate);
        shown_met = met;
      }
    }
    shown.set_title(rule.title());
    shown.set_qualified(qualified);
    shown.set_already_held(absl::c_linear_search(input.enterprise.held_titles(), rule.title()));
    shown.set_source(rule.source());
    evaluations.push_back(std::move(shown));
  }
  std::stable_partition(evaluations.begin(), evaluations.end(),
                        [](const v1::TitleEvaluation& e) { return e.qualified(); });
  return evaluations;
}

std::string FormatCny(double cny) { return Money(cny, "¥", kCnyUnits, 1); }

std::string FormatUsd(double usd) { return Money(usd, "US$", kUsdUnits, 1); }

}  // namespace crm
