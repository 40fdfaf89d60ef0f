#include "services/enterprises/screening.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "services/enterprises/enterprise_rules.h"

namespace crm {
namespace {

using v1::CertificationTitle;
using v1::TitleEvaluation;

constexpr absl::CivilDay kToday(2026, 11, 26);

const v1::EnterprisePolicy& DefaultPolicy() {
  static const auto* policy = new v1::EnterprisePolicy(ParseEnterprisePolicy(DefaultEnterprisePolicyText()).value());
  return *policy;
}

// A private, unlisted enterprise registered in China, with 2025's figures to
// be filled in by the test.
ScreeningInput Input(const char* founded, absl::CivilDay today = kToday) {
  ScreeningInput input;
  input.enterprise.set_uscc("91350200776049653A");
  input.enterprise.set_company_name("厦门某科技有限公司");
  input.enterprise.set_founded_date(founded);
  input.enterprise.add_tags(v1::ENTERPRISE_TAG_PRIVATE);
  input.metrics.emplace();
  input.metrics->set_name("enterprises/1/yearlyMetrics/2025");
  input.metrics->set_year(2025);
  input.today = today;
  return input;
}

const TitleEvaluation& Find(const std::vector<TitleEvaluation>& evaluations, CertificationTitle title) {
  for (const TitleEvaluation& e : evaluations) {
    if (e.title() == title) return e;
  }
  static const TitleEvaluation kNone;
  ADD_FAILURE() << "no evaluation for " << v1::CertificationTitle_Name(title);
  return kNone;
}

TitleEvaluation Evaluate(const ScreeningInput& input, CertificationTitle title,
                         const v1::EnterprisePolicy& policy = DefaultPolicy()) {
  return Find(EvaluateTitles(policy, input), title);
}

std::vector<std::string> Explanations(const TitleEvaluation& e) {
  std::vector<std::string> out;
  for (const auto& c : e.criteria()) out.push_back(c.explanation());
  return out;
}

std::vector<bool> Met(const TitleEvaluation& e) {
  std::vector<bool> out;
  for (const auto& c : e.criteria()) out.push_back(c.met());
  return out;
}

// ---- Money

TEST(ScreeningMoneyTest, Cny) {
  EXPECT_EQ(FormatCny(720'000'000), "¥7.2亿");
  EXPECT_EQ(FormatCny(700'000'000), "¥7亿");
  EXPECT_EQ(FormatCny(3'500'000'000), "¥35亿");
  EXPECT_EQ(FormatCny(100'000'000), "¥1亿");
  EXPECT_EQ(FormatCny(99'999'999), "¥1亿");  // rounds into the next unit
  EXPECT_EQ(FormatCny(35'000'000), "¥3500万");
  EXPECT_EQ(FormatCny(1'234'567), "¥123.5万");
  EXPECT_EQ(FormatCny(15'000), "¥1.5万");
  EXPECT_EQ(FormatCny(10'000), "¥1万");
  EXPECT_EQ(FormatCny(8'000), "¥8,000");
  EXPECT_EQ(FormatCny(950), "¥950");
  EXPECT_EQ(FormatCny(0), "¥0");
  EXPECT_EQ(FormatCny(-32'000'000), "-¥3200万");
  EXPECT_EQ(FormatCny(-8'000), "-¥8,000");
}

TEST(ScreeningMoneyTest, Usd) {
  EXPECT_EQ(FormatUsd(1.2e9), "US$1.2bn");
  EXPECT_EQ(FormatUsd(1e9), "US$1bn");
  EXPECT_EQ(FormatUsd(1e10), "US$10bn");
  EXPECT_EQ(FormatUsd(3.5e8), "US$350m");
  EXPECT_EQ(FormatUsd(1.5e6), "US$1.5m");
  EXPECT_EQ(FormatUsd(999'999), "US$999,999");
  EXPECT_EQ(FormatUsd(8'000), "US$8,000");
  EXPECT_EQ(FormatUsd(-2.5e9), "-US$2.5bn");
}

// ---- The policy

TEST(EnterprisePolicyTest, ShippedDefaultParsesAndValidates) {
  auto policy = ParseEnterprisePolicy(DefaultEnterprisePolicyText());
  ASSERT_TRUE(policy.ok()) << policy.status();
  EXPECT_DOUBLE_EQ(policy->cny_per_usd(), 7.2);
  std::vector<CertificationTitle> titles;
  for (const auto& rule : policy->title_rules()) {
    titles.push_back(rule.title());
    EXPECT_FALSE(rule.source().empty()) << v1::CertificationTitle_Name(rule.title());
  }
  std::vector<CertificationTitle> expected = {
      v1::CERTIFICATION_TITLE_UNICORN, v1::CERTIFICATION_TITLE_SUPER_UNICORN,
      v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN, v1::CERTIFICATION_TITLE_SEED, v1::CERTIFICATION_TITLE_GAZELLE,
      v1::CERTIFICATION_TITLE_POTENTIAL_GAZELLE, v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE};
  EXPECT_EQ(titles, expected);  // no rules for the titles held only as certifications
  ASSERT_EQ(policy->service_levels_size(), 2);
  EXPECT_EQ(policy->service_levels(0).priority(), v1::SERVICE_REQUEST_PRIORITY_URGENT);
  EXPECT_EQ(policy->service_levels(0).due_in_days(), 3);
  EXPECT_EQ(policy->service_levels(1).priority(), v1::SERVICE_REQUEST_PRIORITY_NORMAL);
  EXPECT_EQ(policy->service_levels(1).due_in_days(), 10);
  EXPECT_EQ(policy->yellow_after_days(), 3);
  EXPECT_EQ(policy->red_after_days(), 7);
}

// The parts of a small valid policy, to break one at a time.
constexpr absl::string_view kRate = "cny_per_usd: 7.2\n";
constexpr absl::string_view kSeedRule = R"(title_rules {
  title: CERTIFICATION_TITLE_SEED
  source: "test"
  clauses { label: "young" criteria { metric: SCREENING_METRIC_AGE_YEARS max: 6 } }
}
)";
constexpr absl::string_view kUrgent = "service_levels { priority: SERVICE_REQUEST_PRIORITY_URGENT due_in_days: 3 }\n";
constexpr absl::string_view kNormal = "service_levels { priority: SERVICE_REQUEST_PRIORITY_NORMAL due_in_days: 10 }\n";
constexpr absl::string_view kThresholds = "yellow_after_days: 3\nred_after_days: 7\n";

std::string PolicyError(absl::string_view text) {
  auto policy = ParseEnterprisePolicy(text);
  EXPECT_FALSE(policy.ok()) << text;
  if (policy.ok()) return "";
  EXPECT_EQ(policy.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(policy.status().message());
}

TEST(EnterprisePolicyTest, SmallPolicyIsValid) {
  EXPECT_TRUE(ParseEnterprisePolicy(absl::StrCat(kRate, kSeedRule, kUrgent, kNormal, kThresholds)).ok());
}

TEST(EnterprisePolicyTest, SyntaxErrorsSayWhere) {
  std::string error = PolicyError("cny_per_usd: 7.2\nyellow_after_days: three\n");
  EXPECT_NE(error.find("line 2, column"), std::string::npos) << error;
  std::string unknown = PolicyError("cny_per_usd: 7.2\n\nescalate_after: 3\n");
  EXPECT_NE(unknown.find("line 3, column "), std::string::npos) << unknown;
  EXPECT_NE(unknown.find("escalate_after"), std::string::npos) << unknown;
}

TEST(EnterprisePolicyTest, EachTitleOnce) {
  std::string error = PolicyError(absl::StrCat(kRate, kSeedRule, kSeedRule, kUrgent, kNormal, kThresholds));
  EXPECT_EQ(error, "enterprise policy: title_rules[1].title: SEED has a rule already (title_rules[0])");
}

TEST(EnterprisePolicyTest, EveryPriorityNeedsAServiceLevel) {
  EXPECT_EQ(PolicyError(absl::StrCat(kRate, kSeedRule, kUrgent, kThresholds)),
            "enterprise policy: service_levels: no level for NORMAL");
  EXPECT_EQ(PolicyError(absl::StrCat(kRate, kSeedRule, kUrgent, kNormal, kUrgent, kThresholds)),
            "enterprise policy: service_levels[2].priority: URGENT has a level already (service_levels[0])");
  EXPECT_EQ(PolicyError(absl::StrCat(kRate, kSeedRule, kNormal, kThresholds,
                                     "service_levels { priority: SERVICE_REQUEST_PRIORITY_URGENT }")),
            "enterprise policy: service_levels[1].due_in_days: must be at least 1, got 0");
}

TEST(EnterprisePolicyTest, YellowBeforeRed) {
  EXPECT_EQ(PolicyError(absl::StrCat(kRate, kSeedRule, kUrgent, kNormal, "yellow_after_days: 7 red_after_days: 7")),
            "enterprise policy: yellow_after_days (7) must be less than red_after_days (7)");
  EXPECT_NE(PolicyError(absl::StrCat(kRate, kSeedRule, kUrgent, kNormal, "yellow_after_days: 8 red_after_days: 7"))
                .find("must be less than"),
            std::string::npos);
  EXPECT_NE(PolicyError(absl::StrCat(kRate, kSeedRule, kUrgent, kNormal, "yellow_after_days: -1 red_after_days: 7"))
                .find("yellow_after_days: must not be negative"),
            std::string::npos);
  // Yellow from the due day itself is allowed.
  EXPECT_TRUE(
      ParseEnterprisePolicy(absl::StrCat(kRate, kSeedRule, kUrgent, kNormal, "red_after_days: 1")).ok());
}

TEST(EnterprisePolicyTest, RateClausesAndCriteriaAreChecked) {
  EXPECT_EQ(PolicyError(absl::StrCat(kSeedRule, kUrgent, kNormal, kThresholds)),
            "enterprise policy: cny_per_usd: must be > 0, got 0");
  std::string rules = R"(
    title_rules { source: "no title" clauses { label: "x" criteria { metric: SCREENING_METRIC_PATENTS min: 1 } } }
    title_rules { title: CERTIFICATION_TITLE_GAZELLE }
    title_rules {
      title: CERTIFICATION_TITLE_SEED
      clauses { }
      clauses {
        label: "bad criteria"
        criteria { min: 1 }
        criteria { metric: SCREENING_METRIC_REVENUE_CNY }
        criteria { metric: SCREENING_METRIC_REVENUE_CNY min: 5e7 max: 1e7 }
      }
    })";
  std::string error = PolicyError(absl::StrCat(kRate, rules, kUrgent, kNormal, kThresholds));
  for (const char* part : {"title_rules[0].title: is required",
                           "title_rules[1].clauses: at least one clause is needed",
                           "title_rules[2].clauses[0].label: is required",
                           "title_rules[2].clauses[0].criteria: at least one criterion is needed",
                           "title_rules[2].clauses[1].criteria[0].metric: is required",
                           "title_rules[2].clauses[1].criteria[1]: needs `min` or `max`",
                           "title_rules[2].clauses[1].criteria[2]: min 50000000 must be less than max 10000000"}) {
    EXPECT_NE(error.find(part), std::string::npos) << part << "\n in: " << error;
  }
}

// ---- Screening

// The issue's example: founded 2022-03-01, evaluated 2026-11-26 (4 years),
// valued at ¥7.2亿.
TEST(ScreeningTest, ExampleIsAPotentialUnicorn) {
  ScreeningInput input = Input("2022-03-01");
  input.metrics->set_valuation_cny(720'000'000);
  TitleEvaluation e = Evaluate(input, v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN);
  EXPECT_TRUE(e.qualified());
  EXPECT_FALSE(e.already_held());
  EXPECT_EQ(e.clause_label(), "founded ≤ 5 years, valuation ≥ ¥7亿, unlisted");
  EXPECT_EQ(Explanations(e),
            (std::vector<std::string>{"founded 4 years ago ≤ 5", "valuation ¥7.2亿 ≥ ¥7亿", "unlisted"}));
  EXPECT_EQ(e.criteria(1).metric(), v1::SCREENING_METRIC_VALUATION_CNY);
  EXPECT_NE(e.source().find("深圳市"), std::string::npos);
}

TEST(ScreeningTest, QualifiedFirstThenPolicyOrder) {
  ScreeningInput input = Input("2022-03-01");
  input.metrics->set_valuation_cny(720'000'000);
  input.enterprise.add_held_titles(v1::CERTIFICATION_TITLE_SEED);
  std::vector<TitleEvaluation> evaluations = EvaluateTitles(DefaultPolicy(), input);
  std::vector<CertificationTitle> order;
  for (const auto& e : evaluations) order.push_back(e.title());
  std::vector<CertificationTitle> expected = {
      v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN, v1::CERTIFICATION_TITLE_SEED,
      v1::CERTIFICATION_TITLE_UNICORN,           v1::CERTIFICATION_TITLE_SUPER_UNICORN,
      v1::CERTIFICATION_TITLE_GAZELLE,           v1::CERTIFICATION_TITLE_POTENTIAL_GAZELLE,
      v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE};
  EXPECT_EQ(order, expected);
  EXPECT_TRUE(evaluations[0].qualified());
  EXPECT_TRUE(evaluations[1].qualified());
  EXPECT_FALSE(evaluations[2].qualified());
  EXPECT_FALSE(evaluations[0].already_held());
  EXPECT_TRUE(evaluations[1].already_held());
  for (int i = 0; i < DefaultPolicy().title_rules_size(); ++i) {
    const auto& rule = DefaultPolicy().title_rules(i);
    EXPECT_EQ(Find(evaluations, rule.title()).source(), rule.source());
  }
}

TEST(ScreeningTest, AgeCountsWholeYearsLikeBirthdays) {
  struct Case {
    absl::CivilDay today;
    const char* explanation;
    bool met;
  };
  const Case cases[] = {
      {absl::CivilDay(2026, 5, 31), "founded 4 years ago ≤ 5", true},
      {absl::CivilDay(2026, 6, 1), "founded 5 years ago ≤ 5", true},
      {absl::CivilDay(2027, 5, 31), "founded 5 years ago ≤ 5", true},
      {absl::CivilDay(2027, 6, 1), "founded 6 years ago > 5", false},
      {absl::CivilDay(2022, 6, 1), "founded 1 year ago ≤ 5", true},
  };
  for (const Case& c : cases) {
    ScreeningInput input = Input("2021-06-01", c.today);
    input.metrics->set_valuation_cny(300'000'000);
    TitleEvaluation seed = Evaluate(input, v1::CERTIFICATION_TITLE_SEED);
    ASSERT_EQ(seed.criteria_size(), 3);
    EXPECT_EQ(seed.criteria(0).explanation(), c.explanation) << c.today;
    EXPECT_EQ(seed.criteria(0).met(), c.met) << c.today;
    EXPECT_EQ(seed.qualified(), c.met) << c.today;
  }
}

TEST(ScreeningTest, ValuationBoundaryIsInclusive) {
  ScreeningInput input = Input("2022-03-01");
  input.metrics->set_valuation_cny(700'000'000);
  TitleEvaluation exact = Evaluate(input, v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN);
  EXPECT_TRUE(exact.qualified());
  EXPECT_EQ(exact.criteria(1).explanation(), "valuation ¥7亿 ≥ ¥7亿");

  input.metrics->set_valuation_cny(699'000'000);
  TitleEvaluation below = Evaluate(input, v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN);
  EXPECT_FALSE(below.qualified());
  // One decimal would read "¥7亿 < ¥7亿"; the value gets the digits it needs.
  EXPECT_EQ(below.criteria(1).explanation(), "valuation ¥6.99亿 < ¥7亿");
  EXPECT_FALSE(below.criteria(1).met());
}

TEST(ScreeningTest, PotentialUnicornOlderBandAndTies) {
  ScreeningInput input = Input("2019-01-01");  // 7 years
  input.metrics->set_valuation_cny(3'500'000'000);
  TitleEvaluation older = Evaluate(input, v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN);
  EXPECT_TRUE(older.qualified());
  EXPECT_EQ(older.clause_label(), "founded 6–9 years, valuation ≥ ¥35亿, unlisted");
  EXPECT_EQ(Explanations(older),
            (std::vector<std::string>{"founded 7 years ago in 6–9", "valuation ¥35亿 ≥ ¥35亿", "unlisted"}));

  // Two of three in both clauses: the first is shown.
  input.metrics->set_valuation_cny(720'000'000);
  TitleEvaluation tie = Evaluate(input, v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN);
  EXPECT_FALSE(tie.qualified());
  EXPECT_EQ(tie.clause_label(), "founded ≤ 5 years, valuation ≥ ¥7亿, unlisted");
  EXPECT_EQ(Explanations(tie),
            (std::vector<std::string>{"founded 7 years ago > 5", "valuation ¥7.2亿 ≥ ¥7亿", "unlisted"}));

}

TEST(ScreeningTest, GazelleBandsAndGrowth) {
  ScreeningInput input = Input("2020-01-01");  // 6 years
  input.metrics->set_revenue_cny(32'000'000);
  input.metrics->set_revenue_growth(0.2);
  TitleEvaluation first = Evaluate(input, v1::CERTIFICATION_TITLE_GAZELLE);
  EXPECT_TRUE(first.qualified());
  EXPECT_EQ(first.clause_label(), "≤ 10 years, revenue ¥1000万–5000万, growth ≥ 20%");
  EXPECT_EQ(Explanations(first), (std::vector<std::string>{"founded 6 years ago ≤ 10", "revenue ¥3200万 in ¥1000万–5000万",
                                                           "revenue growth 20.0% ≥ 20%"}));

  input.metrics->set_revenue_growth(0.18);
  TitleEvaluation slow = Evaluate(input, v1::CERTIFICATION_TITLE_GAZELLE);
  EXPECT_FALSE(slow.qualified());
  EXPECT_EQ(slow.clause_label(), "≤ 10 years, revenue ¥1000万–5000万, growth ≥ 20%");
  EXPECT_EQ(slow.criteria(2).explanation(), "revenue growth 18.0% < 20%");
  EXPECT_EQ(Met(slow), (std::vector<bool>{true, true, false}));

  // ¥5000万 opens the second band (min inclusive, max exclusive).
  input.metrics->set_revenue_cny(50'000'000);
  input.metrics->set_revenue_growth(0.15);
  TitleEvaluation second = Evaluate(input, v1::CERTIFICATION_TITLE_GAZELLE);
  EXPECT_TRUE(second.qualified());
  EXPECT_EQ(second.clause_label(), "≤ 10 years, revenue ¥5000万–1亿, growth ≥ 15%");
  EXPECT_EQ(second.criteria(1).explanation(), "revenue ¥5000万 in ¥5000万–1亿");
  EXPECT_EQ(second.criteria(2).explanation(), "revenue growth 15.0% ≥ 15%");

  input.metrics->set_revenue_cny(100'000'000);
  input.metrics->set_revenue_growth(0.1);
  EXPECT_EQ(Evaluate(input, v1::CERTIFICATION_TITLE_GAZELLE).clause_label(),
            "≤ 10 years, revenue ¥1亿–5亿, growth ≥ 10%");
}

TEST(ScreeningTest, ExclusiveTopOfABandIsExplained) {
  ScreeningInput input = Input("2020-01-01");
  input.metrics->set_revenue_cny(10'000'000);
  input.metrics->set_revenue_growth(0.3);
  TitleEvaluation e = Evaluate(input, v1::CERTIFICATION_TITLE_POTENTIAL_GAZELLE);
  EXPECT_FALSE(e.qualified());
  EXPECT_EQ(e.criteria(1).explanation(), "revenue ¥1000万 above ¥500万–1000万 (upper bound excluded)");
  input.metrics->set_revenue_cny(4'000'000);
  EXPECT_EQ(Evaluate(input, v1::CERTIFICATION_TITLE_POTENTIAL_GAZELLE).criteria(1).explanation(),
            "revenue ¥400万 below ¥500万–1000万");
}

TEST(ScreeningTest, MissingFiguresAreMissedWithTheReason) {
  ScreeningInput input = Input("2020-01-01");
  input.metrics->set_revenue_cny(32'000'000);  // no growth: 2024 is missing
  TitleEvaluation no_base = Evaluate(input, v1::CERTIFICATION_TITLE_GAZELLE);
  EXPECT_FALSE(no_base.qualified());
  EXPECT_EQ(no_base.criteria(2).explanation(), "revenue growth unknown: no 2024 revenue");
  EXPECT_FALSE(no_base.criteria(2).met());

  input.metrics->clear_revenue_cny();
  TitleEvaluation no_revenue = Evaluate(input, v1::CERTIFICATION_TITLE_GAZELLE);
  EXPECT_EQ(no_revenue.criteria(1).explanation(), "revenue not reported for 2025");
  EXPECT_EQ(no_revenue.criteria(2).explanation(), "revenue growth unknown: revenue not reported for 2025");
  EXPECT_EQ(Evaluate(input, v1::CERTIFICATION_TITLE_SEED).criteria(1).explanation(), "valuation not reported for 2025");

  input.metrics.reset();
  TitleEvaluation none = Evaluate(input, v1::CERTIFICATION_TITLE_SEED);
  EXPECT_EQ(none.criteria(1).explanation(), "valuation unknown: no yearly figures reported");
  EXPECT_TRUE(Evaluate(input, v1::CERTIFICATION_TITLE_GAZELLE).criteria(0).met());  // the age needs no figures

  input.enterprise.clear_founded_date();
  EXPECT_EQ(Evaluate(input, v1::CERTIFICATION_TITLE_SEED).criteria(0).explanation(), "age unknown: no founded date");
}

// A unicorn-to-be: 6 years old, ¥5亿 raised, valuation set by each test.
ScreeningInput UnicornInput(int64_t valuation_cny) {
  ScreeningInput input = Input("2020-01-01");
  input.metrics->set_cumulative_financing_cny(500'000'000);
  input.metrics->set_valuation_cny(valuation_cny);
  return input;
}

TEST(ScreeningTest, UnicornConvertsAtThePolicyRate) {
  TitleEvaluation exact = Evaluate(UnicornInput(7'200'000'000), v1::CERTIFICATION_TITLE_UNICORN);
  EXPECT_TRUE(exact.qualified());
  EXPECT_EQ(Explanations(exact),
            (std::vector<std::string>{"registered in China (valid USCC)", "founded 6 years ago ≤ 10",
                                      "equity financing ¥5亿 > 0", "not state-owned", "unlisted",
                                      "valuation US$1bn ≥ US$1bn"}));
  TitleEvaluation below = Evaluate(UnicornInput(7'100'000'000), v1::CERTIFICATION_TITLE_UNICORN);
  EXPECT_FALSE(below.qualified());
  EXPECT_EQ(below.criteria(5).explanation(), "valuation US$986.1m < US$1bn");

  v1::EnterprisePolicy cheaper_dollar = DefaultPolicy();
  cheaper_dollar.set_cny_per_usd(7.0);
  TitleEvaluation rate = Evaluate(UnicornInput(7'200'000'000), v1::CERTIFICATION_TITLE_UNICORN, cheaper_dollar);
  EXPECT_TRUE(rate.qualified());
  EXPECT_EQ(rate.criteria(5).explanation(), "valuation US$1.03bn ≥ US$1bn");
  EXPECT_FALSE(Evaluate(UnicornInput(7'200'000'000), v1::CERTIFICATION_TITLE_SUPER_UNICORN).qualified());
}

TEST(ScreeningTest, SuperUnicorn) {
  std::vector<TitleEvaluation> evaluations = EvaluateTitles(DefaultPolicy(), UnicornInput(72'000'000'000));
  TitleEvaluation super = Find(evaluations, v1::CERTIFICATION_TITLE_SUPER_UNICORN);
  EXPECT_TRUE(super.qualified());
  EXPECT_EQ(super.criteria(5).explanation(), "valuation US$10bn ≥ US$10bn");
  EXPECT_TRUE(Find(evaluations, v1::CERTIFICATION_TITLE_UNICORN).qualified());
}

TEST(ScreeningTest, ListedStateOwnedOrForeignAreNoUnicorns) {
  ScreeningInput listed = UnicornInput(72'000'000'000);
  listed.enterprise.set_listed(true);
  TitleEvaluation l = Evaluate(listed, v1::CERTIFICATION_TITLE_UNICORN);
  EXPECT_FALSE(l.qualified());
  EXPECT_EQ(l.criteria(4).explanation(), "listed (must be unlisted)");

  ScreeningInput soe = UnicornInput(72'000'000'000);
  soe.enterprise.add_tags(v1::ENTERPRISE_TAG_LOCAL_SOE);
  TitleEvaluation s = Evaluate(soe, v1::CERTIFICATION_TITLE_UNICORN);
  EXPECT_FALSE(s.qualified());
  EXPECT_EQ(s.criteria(3).explanation(), "state-owned (must not be state-owned)");

  ScreeningInput foreign = UnicornInput(72'000'000'000);
  foreign.enterprise.set_uscc("");
  TitleEvaluation f = Evaluate(foreign, v1::CERTIFICATION_TITLE_UNICORN);
  EXPECT_FALSE(f.qualified());
  EXPECT_EQ(f.criteria(0).explanation(), "not registered in China: no valid USCC (must be registered in China)");

  ScreeningInput unfinanced = UnicornInput(72'000'000'000);
  unfinanced.metrics->set_cumulative_financing_cny(0);
  EXPECT_EQ(Evaluate(unfinanced, v1::CERTIFICATION_TITLE_UNICORN).criteria(2).explanation(),
            "equity financing ¥0 (must be > 0)");
}

TEST(ScreeningTest, HighTechEnterpriseByRdIntensityAndStaff) {
  ScreeningInput input = Input("2020-01-01");
  std::vector<v1::YearlyMetrics> years(1);
  years[0].set_year(2025);
  years[0].set_revenue_cny(30'000'000);
  years[0].set_rd_expense_cny(1'830'000);
  years[0].set_employees(200);
  years[0].set_rd_staff(24);
  DeriveMetrics(years);
  input.metrics = years[0];
  TitleEvaluation e = Evaluate(input, v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE);
  EXPECT_TRUE(e.qualified());
  EXPECT_EQ(Explanations(e), (std::vector<std::string>{"founded 6 years ago ≥ 1", "revenue ¥3000万 < ¥5000万",
                                                       "R&D intensity 6.1% ≥ 5%", "R&D staff share 12.0% ≥ 10%"}));

  input.metrics->clear_rd_expense_cny();
  input.metrics->clear_rd_intensity();
  EXPECT_EQ(Evaluate(input, v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE).criteria(2).explanation(),
            "R&D intensity unknown: R&D expense not reported for 2025");
  input.metrics->clear_rd_staff_share();
  input.metrics->set_employees(0);
  input.metrics->set_rd_staff(0);
  EXPECT_EQ(Evaluate(input, v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE).criteria(3).explanation(),
            "R&D staff share unknown: no employees in 2025");
}

}  // namespace
}  // namespace crm
