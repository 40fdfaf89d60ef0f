#include "services/enterprises/enterprise_rules.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/unit/rules_test_util.h"

namespace crm {
namespace {

using testing::DescriptionOf;
using testing::Fields;
using testing::Mask;

using v1::Enterprise;
using v1::ServiceRequest;
using v1::YearlyMetrics;

constexpr absl::CivilDay kToday(2026, 11, 26);

Enterprise ValidEnterprise() {
  Enterprise e;
  e.set_uscc("91350200776049653A");
  e.set_company_name("厦门某科技有限公司");
  e.set_founded_date("2022-03-01");
  e.set_industry(v1::INDUSTRY_SECTION_C);
  e.set_industry_division("39");
  e.add_tags(v1::ENTERPRISE_TAG_PRIVATE);
  return e;
}

// The shipped defaults that matter here: URGENT 3 days, NORMAL 10, yellow 3, red 7.
v1::EnterprisePolicy Policy(int yellow = 3, int red = 7) {
  v1::EnterprisePolicy policy;
  policy.set_cny_per_usd(7.2);
  auto* urgent = policy.add_service_levels();
  urgent->set_priority(v1::SERVICE_REQUEST_PRIORITY_URGENT);
  urgent->set_due_in_days(3);
  auto* normal = policy.add_service_levels();
  normal->set_priority(v1::SERVICE_REQUEST_PRIORITY_NORMAL);
  normal->set_due_in_days(10);
  policy.set_yellow_after_days(yellow);
  policy.set_red_after_days(red);
  return policy;
}

// ---- Days

TEST(EnterpriseDaysTest, CountsDaysInChinaStandardTime) {
  // 16:00 UTC is midnight in Beijing.
  EXPECT_EQ(ZoneDay(absl::FromCivil(absl::CivilSecond(2026, 11, 25, 15, 59, 59), absl::UTCTimeZone())),
            absl::CivilDay(2026, 11, 25));
  EXPECT_EQ(ZoneDay(absl::FromCivil(absl::CivilSecond(2026, 11, 25, 16, 0, 0), absl::UTCTimeZone())),
            absl::CivilDay(2026, 11, 26));
}

TEST(EnterpriseDaysTest, AcceptsRealDaysOnly) {
  EXPECT_EQ(ParseIsoDay("2028-02-29"), absl::CivilDay(2028, 2, 29));
  EXPECT_EQ(ParseIsoDay("2026-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDay("2026-2-3"), std::nullopt);
  EXPECT_EQ(ParseIsoDay("2026-13-01"), std::nullopt);
  EXPECT_EQ(ParseIsoDay("2026-11-26T00:00"), std::nullopt);
  EXPECT_EQ(ParseIsoDay(""), std::nullopt);
  EXPECT_EQ(IsoDay(absl::CivilDay(2026, 3, 1)), "2026-03-01");
}

// ---- Enterprises

TEST(ValidateEnterpriseTest, AcceptsAValidEnterprise) {
  FieldViolations v;
  ValidateEnterpriseFields(ValidEnterprise(), kToday, "enterprise.", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(ValidateEnterpriseTest, ReportsEveryProblemWithItsField) {
  Enterprise e;
  e.set_company_name("  ");
  e.add_former_names("旧名有限公司");
  e.add_former_names("");
  e.set_founded_date("2026-02-30");
  e.set_registered_capital_cny(-1);
  e.set_legal_representative(std::string(101, 'x'));
  e.set_address(std::string(301, 'x'));
  e.set_industry_division("3");
  e.add_tags(v1::ENTERPRISE_TAG_CENTRAL_SOE);
  e.add_tags(v1::ENTERPRISE_TAG_UNSPECIFIED);
  e.add_tags(v1::ENTERPRISE_TAG_CENTRAL_SOE);
  FieldViolations v;
  ValidateEnterpriseFields(e, kToday, "enterprise.", v);
  std::vector<std::string> expected = {"enterprise.uscc",
                                       "enterprise.company_name",
                                       "enterprise.former_names[1]",
                                       "enterprise.founded_date",
                                       "enterprise.registered_capital_cny",
                                       "enterprise.legal_representative",
                                       "enterprise.address",
                                       "enterprise.industry",
                                       "enterprise.industry_division",
                                       "enterprise.tags[1]",
                                       "enterprise.tags[2]"};
  EXPECT_EQ(Fields(v), expected);
  EXPECT_EQ(DescriptionOf(v, "enterprise.uscc"), "is required");
  EXPECT_EQ(DescriptionOf(v, "enterprise.founded_date"), "must be a date YYYY-MM-DD");
  EXPECT_EQ(DescriptionOf(v, "enterprise.tags[2]"), "repeats CENTRAL_SOE (tags[0])");
}

TEST(ValidateEnterpriseTest, UsesTheSharedUsccCheck) {
  Enterprise e = ValidEnterprise();
  e.set_uscc("91350200776049653B");
  FieldViolations v;
  ValidateEnterpriseFields(e, kToday, "enterprise.", v);
  EXPECT_EQ(Fields(v), std::vector<std::string>{"enterprise.uscc"});
  EXPECT_EQ(v.violations()[0].description, "check character should be 'A'");
}

TEST(ValidateEnterpriseTest, FoundedDateIsRequiredAndNotInTheFuture) {
  Enterprise e = ValidEnterprise();
  e.set_founded_date(IsoDay(kToday));
  FieldViolations today;
  ValidateEnterpriseFields(e, kToday, "", today);
  EXPECT_TRUE(today.empty()) << today.ToStatus();

  e.set_founded_date(IsoDay(kToday + 1));
  FieldViolations tomorrow;
  ValidateEnterpriseFields(e, kToday, "", tomorrow);
  EXPECT_EQ(Fields(tomorrow), std::vector<std::string>{"founded_date"});
  EXPECT_EQ(tomorrow.violations()[0].description, "must not be after today (2026-11-26)");

  e.clear_founded_date();
  FieldViolations missing;
  ValidateEnterpriseFields(e, kToday, "", missing);
  EXPECT_EQ(Fields(missing), std::vector<std::string>{"founded_date"});
}

TEST(ValidateEnterpriseTest, CountsLengthsInCharacters) {
  Enterprise e = ValidEnterprise();
  std::string name;
  for (int i = 0; i < 200; ++i) name += "华";
  e.set_company_name(name);  // 600 bytes, 200 characters
  e.add_former_names(name);
  FieldViolations ok;
  ValidateEnterpriseFields(e, kToday, "", ok);
  EXPECT_TRUE(ok.empty()) << ok.ToStatus();

  e.set_company_name(name + "华");
  FieldViolations too_long;
  ValidateEnterpriseFields(e, kToday, "", too_long);
  EXPECT_EQ(Fields(too_long), std::vector<std::string>{"company_name"});
  EXPECT_EQ(too_long.violations()[0].description, "must be at most 200 characters, got 201");
}

TEST(ValidateEnterpriseTest, AtMostTwentyFormerNames) {
  Enterprise e = ValidEnterprise();
  for (int i = 0; i < 21; ++i) e.add_former_names("旧名");
  FieldViolations v;
  ValidateEnterpriseFields(e, kToday, "enterprise.", v);
  EXPECT_EQ(Fields(v), std::vector<std::string>{"enterprise.former_names"});
}

TEST(ValidateEnterpriseTest, DivisionMustBelongToTheSection) {
  Enterprise e = ValidEnterprise();
  e.set_industry_division("65");  // software: section I, not C
  FieldViolations v;
  ValidateEnterpriseFields(e, kToday, "", v);
  EXPECT_EQ(Fields(v), std::vector<std::string>{"industry_division"});
  EXPECT_EQ(v.violations()[0].description, "`65` is not a division of section C (13–43)");

  e.set_industry(v1::INDUSTRY_SECTION_I);
  FieldViolations ok;
  ValidateEnterpriseFields(e, kToday, "", ok);
  EXPECT_TRUE(ok.empty()) << ok.ToStatus();

  e.clear_industry_division();
  FieldViolations empty;
  ValidateEnterpriseFields(e, kToday, "", empty);
  EXPECT_TRUE(empty.empty()) << empty.ToStatus();
}

TEST(ApplyEnterpriseMaskTest, CopiesOnlyTheNamedFields) {
  Enterprise e = ValidEnterprise();
  e.set_address("旧地址");
  Enterprise patch;
  patch.set_company_name("新名字有限公司");
  patch.add_former_names("厦门某科技有限公司");
  patch.add_tags(v1::ENTERPRISE_TAG_LISTED_COMPANY_SUBSIDIARY);
  patch.set_listed(true);
  ASSERT_TRUE(ApplyEnterpriseMask(Mask({"company_name", "former_names", "tags", "listed", "tags"}), patch, e).ok());
  EXPECT_EQ(e.company_name(), "新名字有限公司");
  ASSERT_EQ(e.former_names_size(), 1);
  EXPECT_EQ(e.former_names(0), "厦门某科技有限公司");
  ASSERT_EQ(e.tags_size(), 1);  // a path named twice is copied once
  EXPECT_EQ(e.tags(0), v1::ENTERPRISE_TAG_LISTED_COMPANY_SUBSIDIARY);
  EXPECT_TRUE(e.listed());
  EXPECT_EQ(e.address(), "旧地址");
  EXPECT_EQ(e.uscc(), "91350200776049653A");
}

TEST(ApplyEnterpriseMaskTest, StarReplacesEveryUpdatableField) {
  Enterprise e = ValidEnterprise();
  e.set_name("enterprises/7");
  e.set_service_secretary("users/alice");
  e.add_held_titles(v1::CERTIFICATION_TITLE_GAZELLE);
  e.set_address("旧地址");
  Enterprise patch = ValidEnterprise();
  patch.set_company_name("另一家公司");
  patch.set_service_secretary("users/bob");  // not updatable: ignored by `*`
  ASSERT_TRUE(ApplyEnterpriseMask(Mask({"*"}), patch, e).ok());
  EXPECT_EQ(e.company_name(), "另一家公司");
  EXPECT_EQ(e.address(), "");
  EXPECT_EQ(e.name(), "enterprises/7");
  EXPECT_EQ(e.service_secretary(), "users/alice");
  EXPECT_EQ(e.held_titles_size(), 1);
}

TEST(ApplyEnterpriseMaskTest, RefusesEmptyUnknownAndReadOnlyPaths) {
  Enterprise e = ValidEnterprise();
  absl::Status empty = ApplyEnterpriseMask(google::protobuf::FieldMask(), Enterprise(), e);
  EXPECT_EQ(empty.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(empty.message(), "update_mask: is required: name the fields to change, or `*` for all");
  for (const char* path : {"service_secretary", "held_titles", "name", "etag", "create_time", "no_such_field"}) {
    absl::Status s = ApplyEnterpriseMask(Mask({path}), Enterprise(), e);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << path;
    ASSERT_EQ(ViolationsOf(s).size(), 1u);
    EXPECT_EQ(ViolationsOf(s)[0].field, "update_mask");
  }
  EXPECT_NE(ApplyEnterpriseMask(Mask({"service_secretary"}), Enterprise(), e).message().find("AssignServiceSecretary"),
            std::string::npos);
  EXPECT_NE(ApplyEnterpriseMask(Mask({"no_such_field"}), Enterprise(), e).message().find("can be one of: uscc, "),
            std::string::npos);
  EXPECT_EQ(e.company_name(), "厦门某科技有限公司");
}

TEST(EnterpriseRegistrationTest, CopyRegistrationFieldsKeepsSecretaryTitlesAndOutputFields) {
  Enterprise e = ValidEnterprise();
  e.set_name("enterprises/7");
  e.set_service_secretary("users/alice");
  e.add_held_titles(v1::CERTIFICATION_TITLE_GAZELLE);
  e.set_etag("v1");
  e.set_address("旧地址");
  Enterprise row = ValidEnterprise();
  row.set_company_name("新名字有限公司");
  row.set_in_zone(true);
  CopyRegistrationFields(row, e);
  EXPECT_EQ(e.company_name(), "新名字有限公司");
  EXPECT_TRUE(e.in_zone());
  EXPECT_EQ(e.address(), "");
  EXPECT_EQ(e.name(), "enterprises/7");
  EXPECT_EQ(e.service_secretary(), "users/alice");
  EXPECT_EQ(e.held_titles_size(), 1);
  EXPECT_EQ(e.etag(), "v1");
}

// ---- Yearly metrics

TEST(YearlyMetricsNameTest, ParsesAndFormats) {
  auto key = ParseYearlyMetricsName("enterprises/42/yearlyMetrics/2025", "yearly_metrics.name");
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(key->enterprise_id, 42);
  EXPECT_EQ(key->year, 2025);
  EXPECT_EQ(YearlyMetricsName(*key), "enterprises/42/yearlyMetrics/2025");
  EXPECT_TRUE(ParseYearlyMetricsName("enterprises/1/yearlyMetrics/1949", "name").ok());
  EXPECT_TRUE(ParseYearlyMetricsName("enterprises/1/yearlyMetrics/2100", "name").ok());
}

TEST(YearlyMetricsNameTest, RefusesOtherFormsNamingTheField) {
  for (const char* name :
       {"enterprises/42/yearlyMetrics/1948", "enterprises/42/yearlyMetrics/2101", "enterprises/0/yearlyMetrics/2025",
        "enterprises/-1/yearlyMetrics/2025", "enterprises/x/yearlyMetrics/2025", "enterprises/42/yearlyMetrics/25",
        "enterprises/42/yearlyMetrics/2025/x", "enterprises/42/yearlyMetrics/", "enterprises/42", "leads/42/yearlyMetrics/2025",
        "enterprises//yearlyMetrics/2025", ""}) {
    auto key = ParseYearlyMetricsName(name, "yearly_metrics.name");
    ASSERT_FALSE(key.ok()) << name;
    EXPECT_EQ(key.status().code(), absl::StatusCode::kInvalidArgument);
    ASSERT_EQ(ViolationsOf(key.status()).size(), 1u);
    EXPECT_EQ(ViolationsOf(key.status())[0].field, "yearly_metrics.name");
  }
}

TEST(ValidateYearlyMetricsTest, FiguresNotNegativeExceptProfit) {
  YearlyMetrics m;
  m.set_revenue_cny(-1);
  m.set_profit_cny(-5'000'000);  // a loss is fine
  m.set_rd_expense_cny(-1);
  m.set_employees(-1);
  m.set_valuation_cny(-1);
  m.set_cumulative_financing_cny(-1);
  m.set_tax_paid_cny(-1);
  m.set_patents(-1);
  FieldViolations v;
  ValidateYearlyMetrics(m, "yearly_metrics.", v);
  std::vector<std::string> expected = {"yearly_metrics.revenue_cny",  "yearly_metrics.rd_expense_cny",
                                       "yearly_metrics.employees",    "yearly_metrics.valuation_cny",
                                       "yearly_metrics.cumulative_financing_cny", "yearly_metrics.tax_paid_cny",
                                       "yearly_metrics.patents"};
  EXPECT_EQ(Fields(v), expected);
}

TEST(ValidateYearlyMetricsTest, RdStaffNotAboveEmployees) {
  YearlyMetrics m;
  m.set_employees(10);
  m.set_rd_staff(10);
  FieldViolations equal;
  ValidateYearlyMetrics(m, "", equal);
  EXPECT_TRUE(equal.empty()) << equal.ToStatus();
  m.set_rd_staff(11);
  FieldViolations above;
  ValidateYearlyMetrics(m, "", above);
  EXPECT_EQ(Fields(above), std::vector<std::string>{"rd_staff"});
  EXPECT_EQ(above.violations()[0].description, "must not exceed employees (10), got 11");
  m.clear_employees();  // nothing to compare with
  FieldViolations alone;
  ValidateYearlyMetrics(m, "", alone);
  EXPECT_TRUE(alone.empty()) << alone.ToStatus();
}

TEST(ApplyYearlyMetricsMaskTest, SetsNamedFiguresAndClearsAbsentOnes) {
  YearlyMetrics m;
  m.set_revenue_cny(100);
  m.set_profit_cny(10);
  m.set_patents(3);
  YearlyMetrics patch;
  patch.set_revenue_cny(0);  // present, zero
  patch.set_employees(50);
  ASSERT_TRUE(ApplyYearlyMetricsMask(Mask({"revenue_cny", "profit_cny", "employees"}), patch, m).ok());
  EXPECT_TRUE(m.has_revenue_cny());
  EXPECT_EQ(m.revenue_cny(), 0);
  EXPECT_FALSE(m.has_profit_cny());  // named, absent in the patch: cleared
  EXPECT_EQ(m.employees(), 50);
  EXPECT_EQ(m.patents(), 3);  // not named
}

TEST(ApplyYearlyMetricsMaskTest, StarSetsEveryFigure) {
  YearlyMetrics m;
  m.set_name("enterprises/1/yearlyMetrics/2025");
  m.set_year(2025);
  m.set_revenue_cny(100);
  m.set_tax_paid_cny(7);
  YearlyMetrics patch;
  patch.set_patents(4);
  ASSERT_TRUE(ApplyYearlyMetricsMask(Mask({"*"}), patch, m).ok());
  EXPECT_FALSE(m.has_revenue_cny());
  EXPECT_FALSE(m.has_tax_paid_cny());
  EXPECT_EQ(m.patents(), 4);
  EXPECT_EQ(m.name(), "enterprises/1/yearlyMetrics/2025");
  EXPECT_EQ(m.year(), 2025);
}

TEST(ApplyYearlyMetricsMaskTest, RefusesEmptyDerivedAndUnknownPaths) {
  YearlyMetrics m;
  absl::Status empty = ApplyYearlyMetricsMask(google::protobuf::FieldMask(), YearlyMetrics(), m);
  EXPECT_EQ(empty.message(), "update_mask: is required: name the figures to set, or `*` for all");
  for (const char* path : {"revenue_growth", "rd_intensity", "year", "name", "etag", "update_time", "turnover"}) {
    absl::Status s = ApplyYearlyMetricsMask(Mask({path}), YearlyMetrics(), m);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << path;
    ASSERT_EQ(ViolationsOf(s).size(), 1u);
    EXPECT_EQ(ViolationsOf(s)[0].field, "update_mask");
  }
  EXPECT_NE(ApplyYearlyMetricsMask(Mask({"revenue_growth"}), YearlyMetrics(), m).message().find("derived"),
            std::string::npos);
}

YearlyMetrics Year(int year) {
  YearlyMetrics m;
  m.set_year(year);
  return m;
}

TEST(DeriveMetricsTest, GrowthAgainstTheYearBeforeInAnyOrder) {
  std::vector<YearlyMetrics> years = {Year(2025), Year(2023), Year(2024)};
  years[0].set_revenue_cny(36'000'000);
  years[2].set_revenue_cny(30'000'000);
  years[1].set_revenue_cny(10'000'000);
  years[0].set_employees(120);
  years[2].set_employees(100);
  years[0].set_valuation_cny(720'000'000);
  years[2].set_valuation_cny(800'000'000);
  DeriveMetrics(years);
  EXPECT_DOUBLE_EQ(years[0].revenue_growth(), 0.2);
  EXPECT_DOUBLE_EQ(years[0].employees_growth(), 0.2);
  EXPECT_DOUBLE_EQ(years[0].valuation_growth(), -0.1);
  EXPECT_DOUBLE_EQ(years[2].revenue_growth(), 2.0);
  EXPECT_FALSE(years[1].has_revenue_growth());  // 2022 is missing
  EXPECT_FALSE(years[2].has_valuation_growth());  // 2023 has no valuation
}

TEST(DeriveMetricsTest, GrowthFromANegativeBaseUsesItsSize) {
  std::vector<YearlyMetrics> years = {Year(2024), Year(2025)};
  years[0].set_profit_cny(-100);
  years[1].set_profit_cny(-40);  // the loss shrank: +60%
  DeriveMetrics(years);
  EXPECT_DOUBLE_EQ(years[1].profit_growth(), 0.6);

  years[1].set_profit_cny(-250);  // the loss grew: −150%
  DeriveMetrics(years);
  EXPECT_DOUBLE_EQ(years[1].profit_growth(), -1.5);
}

TEST(DeriveMetricsTest, NoGrowthFromAZeroBaseOrAMissingFigure) {
  std::vector<YearlyMetrics> years = {Year(2024), Year(2025)};
  years[0].set_revenue_cny(0);
  years[1].set_revenue_cny(5'000'000);
  years[1].set_rd_expense_cny(100);  // none the year before
  DeriveMetrics(years);
  EXPECT_FALSE(years[1].has_revenue_growth());
  EXPECT_FALSE(years[1].has_rd_expense_growth());
}

TEST(DeriveMetricsTest, RatiosOfThisYear) {
  std::vector<YearlyMetrics> years = {Year(2025)};
  years[0].set_revenue_cny(30'000'000);
  years[0].set_rd_expense_cny(1'830'000);
  years[0].set_employees(200);
  years[0].set_rd_staff(24);
  DeriveMetrics(years);
  EXPECT_DOUBLE_EQ(years[0].rd_intensity(), 0.061);
  EXPECT_DOUBLE_EQ(years[0].rd_staff_share(), 0.12);

  years[0].set_revenue_cny(0);
  years[0].set_employees(0);
  DeriveMetrics(years);
  EXPECT_FALSE(years[0].has_rd_intensity());
  EXPECT_FALSE(years[0].has_rd_staff_share());
}

TEST(DeriveMetricsTest, ClearsStaleDerivedFields) {
  std::vector<YearlyMetrics> years = {Year(2025)};
  years[0].set_revenue_growth(0.5);
  years[0].set_profit_growth(0.5);
  years[0].set_rd_intensity(0.5);
  years[0].set_rd_staff_share(0.5);
  DeriveMetrics(years);
  EXPECT_FALSE(years[0].has_revenue_growth());
  EXPECT_FALSE(years[0].has_profit_growth());
  EXPECT_FALSE(years[0].has_rd_intensity());
  EXPECT_FALSE(years[0].has_rd_staff_share());
}

// ---- Certifications

v1::Certification ValidCertification() {
  v1::Certification c;
  c.set_title(v1::CERTIFICATION_TITLE_GAZELLE);
  c.set_level(v1::CERTIFICATION_LEVEL_MUNICIPAL);
  c.set_issuer("厦门市科学技术局");
  c.set_batch_year(2025);
  return c;
}

TEST(EnterpriseCertificationTest, AcceptsAValidCertification) {
  FieldViolations v;
  ValidateCertificationFields(ValidCertification(), "certification.", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(EnterpriseCertificationTest, ReportsEveryProblemWithItsField) {
  v1::Certification c;
  c.set_issuer(std::string(201, 'x'));
  c.set_batch_year(1948);
  c.set_valid_until("2026-02-30");
  c.set_evidence_note(std::string(1001, 'x'));
  FieldViolations v;
  ValidateCertificationFields(c, "certification.", v);
  std::vector<std::string> expected = {"certification.title",      "certification.level",
                                       "certification.issuer",     "certification.batch_year",
                                       "certification.valid_until", "certification.evidence_note"};
  EXPECT_EQ(Fields(v), expected);
  EXPECT_EQ(DescriptionOf(v, "certification.batch_year"), "is required: a year 1949–2100, got 1948");
}

TEST(EnterpriseCertificationTest, TitleCannotChange) {
  v1::Certification c = ValidCertification();
  v1::Certification patch;
  patch.set_level(v1::CERTIFICATION_LEVEL_NATIONAL);
  patch.set_valid_until("2028-12-31");
  ASSERT_TRUE(ApplyCertificationMask(Mask({"level", "valid_until"}), patch, c).ok());
  EXPECT_EQ(c.level(), v1::CERTIFICATION_LEVEL_NATIONAL);
  EXPECT_EQ(c.valid_until(), "2028-12-31");
  EXPECT_EQ(c.issuer(), "厦门市科学技术局");
  absl::Status title = ApplyCertificationMask(Mask({"title"}), patch, c);
  EXPECT_EQ(title.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(title.message().find("delete the certification"), std::string::npos) << title;
  EXPECT_EQ(ApplyCertificationMask(google::protobuf::FieldMask(), patch, c).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(EnterpriseCertificationTest, NotDeletedAndNotExpired) {
  v1::Certification c = ValidCertification();
  EXPECT_TRUE(IsCurrent(c, kToday));  // no end date
  c.set_valid_until(IsoDay(kToday));
  EXPECT_TRUE(IsCurrent(c, kToday));  // its last day
  c.set_valid_until(IsoDay(kToday - 1));
  EXPECT_FALSE(IsCurrent(c, kToday));
  c.clear_valid_until();
  c.mutable_delete_time()->set_seconds(1);
  EXPECT_FALSE(IsCurrent(c, kToday));
}

// ---- Service requests

ServiceRequest ValidRequest() {
  ServiceRequest r;
  r.set_name("enterprises/7/serviceRequests/3");
  r.set_category(v1::SERVICE_CATEGORY_FUNDING);
  r.set_description("需要对接银行贷款");
  r.set_priority(v1::SERVICE_REQUEST_PRIORITY_URGENT);
  r.set_raised_date("2026-11-20");
  r.set_due_date("2026-11-23");
  r.set_first_responder_unit("units/promotion-1");
  r.set_handling_unit("units/finance");
  r.set_status(v1::SERVICE_REQUEST_STATUS_OPEN);
  return r;
}

TEST(ValidateServiceRequestTest, AcceptsAValidRequest) {
  FieldViolations v;
  ValidateServiceRequestFields(ValidRequest(), "service_request.", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
  ServiceRequest minimal = ValidRequest();
  minimal.clear_raised_date();
  minimal.clear_due_date();
  minimal.clear_first_responder_unit();
  minimal.clear_handling_unit();
  FieldViolations none;
  ValidateServiceRequestFields(minimal, "service_request.", none);
  EXPECT_TRUE(none.empty()) << none.ToStatus();
}

TEST(ValidateServiceRequestTest, ReportsEveryProblemWithItsField) {
  ServiceRequest r;
  r.set_description(" ");
  r.set_raised_date("yesterday");
  r.set_first_responder_unit("promotion-1");
  r.set_handling_unit("units/Finance");
  r.set_due_date("2026-02-30");
  FieldViolations v;
  ValidateServiceRequestFields(r, "service_request.", v);
  std::vector<std::string> expected = {"service_request.category",      "service_request.description",
                                       "service_request.raised_date",   "service_request.priority",
                                       "service_request.first_responder_unit", "service_request.handling_unit",
                                       "service_request.due_date"};
  EXPECT_EQ(Fields(v), expected);
}

TEST(ValidateServiceRequestTest, DueNotBeforeRaisedAndDescriptionLength) {
  ServiceRequest r = ValidRequest();
  r.set_due_date("2026-11-20");  // the raised day itself is fine
  FieldViolations same_day;
  ValidateServiceRequestFields(r, "", same_day);
  EXPECT_TRUE(same_day.empty()) << same_day.ToStatus();
  r.set_due_date("2026-11-19");
  std::string text;
  for (int i = 0; i < 2001; ++i) text += "需";
  r.set_description(text);
  FieldViolations v;
  ValidateServiceRequestFields(r, "", v);
  EXPECT_EQ(Fields(v), (std::vector<std::string>{"description", "due_date"}));
  EXPECT_EQ(DescriptionOf(v, "due_date"), "must not be before the raised date (2026-11-20)");
}

TEST(ApplyServiceRequestMaskTest, CopiesNamedFieldsAndRefusesStatusFields) {
  ServiceRequest r = ValidRequest();
  ServiceRequest patch;
  patch.set_priority(v1::SERVICE_REQUEST_PRIORITY_NORMAL);
  patch.set_due_date("2026-12-01");
  patch.set_status(v1::SERVICE_REQUEST_STATUS_CLOSED);
  ASSERT_TRUE(ApplyServiceRequestMask(Mask({"priority", "due_date"}), patch, r).ok());
  EXPECT_EQ(r.priority(), v1::SERVICE_REQUEST_PRIORITY_NORMAL);
  EXPECT_EQ(r.due_date(), "2026-12-01");
  EXPECT_EQ(r.description(), "需要对接银行贷款");

  ASSERT_TRUE(ApplyServiceRequestMask(Mask({"*"}), patch, r).ok());
  EXPECT_EQ(r.description(), "");
  EXPECT_EQ(r.status(), v1::SERVICE_REQUEST_STATUS_OPEN);
  EXPECT_EQ(r.raised_date(), "2026-11-20");

  for (const char* path : {"status", "resolution", "satisfaction", "reopen_reason", "raised_date", "name", "x"}) {
    absl::Status s = ApplyServiceRequestMask(Mask({path}), patch, r);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << path;
    ASSERT_EQ(ViolationsOf(s).size(), 1u);
    EXPECT_EQ(ViolationsOf(s)[0].field, "update_mask");
  }
  EXPECT_NE(ApplyServiceRequestMask(Mask({"status"}), patch, r).message().find("ResolveServiceRequest"),
            std::string::npos);
  EXPECT_EQ(ApplyServiceRequestMask(google::protobuf::FieldMask(), patch, r).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ServiceRequestDueDateTest, RaisedDatePlusThePriorityDays) {
  EXPECT_EQ(DefaultDueDate(Policy(), v1::SERVICE_REQUEST_PRIORITY_URGENT, absl::CivilDay(2026, 11, 30)),
            absl::CivilDay(2026, 12, 3));
  EXPECT_EQ(DefaultDueDate(Policy(), v1::SERVICE_REQUEST_PRIORITY_NORMAL, absl::CivilDay(2026, 11, 30)),
            absl::CivilDay(2026, 12, 10));
}

TEST(ServiceRequestActionTest, EveryActionFromEveryStatus) {
  using S = v1::ServiceRequestStatus;
  using A = ServiceRequestAction;
  const S kStatuses[] = {v1::SERVICE_REQUEST_STATUS_UNSPECIFIED, v1::SERVICE_REQUEST_STATUS_OPEN,
                         v1::SERVICE_REQUEST_STATUS_ACCEPTED,    v1::SERVICE_REQUEST_STATUS_IN_PROGRESS,
                         v1::SERVICE_REQUEST_STATUS_RESOLVED,    v1::SERVICE_REQUEST_STATUS_CLOSED,
                         v1::SERVICE_REQUEST_STATUS_REOPENED};
  // The allowed moves; everything else is FAILED_PRECONDITION.
  const std::map<std::pair<A, S>, S> kAllowed = {
      {{A::kAccept, v1::SERVICE_REQUEST_STATUS_OPEN}, v1::SERVICE_REQUEST_STATUS_ACCEPTED},
      {{A::kStart, v1::SERVICE_REQUEST_STATUS_ACCEPTED}, v1::SERVICE_REQUEST_STATUS_IN_PROGRESS},
      {{A::kStart, v1::SERVICE_REQUEST_STATUS_REOPENED}, v1::SERVICE_REQUEST_STATUS_IN_PROGRESS},
      {{A::kResolve, v1::SERVICE_REQUEST_STATUS_IN_PROGRESS}, v1::SERVICE_REQUEST_STATUS_RESOLVED},
      {{A::kClose, v1::SERVICE_REQUEST_STATUS_RESOLVED}, v1::SERVICE_REQUEST_STATUS_CLOSED},
      {{A::kReopen, v1::SERVICE_REQUEST_STATUS_RESOLVED}, v1::SERVICE_REQUEST_STATUS_REOPENED},
  };
  for (A action : {A::kAccept, A::kStart, A::kResolve, A::kClose, A::kReopen}) {
    for (S from : kStatuses) {
      ServiceRequest r = ValidRequest();
      r.set_status(from);
      absl::Status s = ApplyServiceRequestAction(r, action);
      auto allowed = kAllowed.find({action, from});
      std::string where = absl::StrCat("action ", static_cast<int>(action), " from ", v1::ServiceRequestStatus_Name(from));
      if (allowed != kAllowed.end()) {
        EXPECT_TRUE(s.ok()) << where << ": " << s;
        EXPECT_EQ(r.status(), allowed->second) << where;
      } else {
        EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << where;
        EXPECT_EQ(r.status(), from) << where;
      }
    }
  }
}

TEST(ServiceRequestActionTest, RefusalNamesTheStatuses) {
  ServiceRequest r = ValidRequest();
  r.set_status(v1::SERVICE_REQUEST_STATUS_RESOLVED);
  EXPECT_EQ(ApplyServiceRequestAction(r, ServiceRequestAction::kAccept).message(),
            "service request enterprises/7/serviceRequests/3 is RESOLVED; it can become ACCEPTED only from OPEN");
  r.set_status(v1::SERVICE_REQUEST_STATUS_CLOSED);
  EXPECT_EQ(ApplyServiceRequestAction(r, ServiceRequestAction::kStart).message(),
            "service request enterprises/7/serviceRequests/3 is CLOSED; it can become IN_PROGRESS only from ACCEPTED "
            "or REOPENED");
}

TEST(ServiceRequestStatusTest, IsOpenWaitingStatusesOnly) {
  EXPECT_TRUE(IsOpen(v1::SERVICE_REQUEST_STATUS_OPEN));
  EXPECT_TRUE(IsOpen(v1::SERVICE_REQUEST_STATUS_ACCEPTED));
  EXPECT_TRUE(IsOpen(v1::SERVICE_REQUEST_STATUS_IN_PROGRESS));
  EXPECT_TRUE(IsOpen(v1::SERVICE_REQUEST_STATUS_REOPENED));
  EXPECT_FALSE(IsOpen(v1::SERVICE_REQUEST_STATUS_RESOLVED));
  EXPECT_FALSE(IsOpen(v1::SERVICE_REQUEST_STATUS_CLOSED));
  EXPECT_FALSE(IsOpen(v1::SERVICE_REQUEST_STATUS_UNSPECIFIED));
}

// The colour and overdue days of an open request due on `due`, seen on kToday.
ServiceRequest EscalatedOn(absl::CivilDay due, v1::ServiceRequestStatus status = v1::SERVICE_REQUEST_STATUS_OPEN) {
  ServiceRequest r = ValidRequest();
  r.set_due_date(IsoDay(due));
  r.set_status(status);
  DeriveEscalation(Policy(), kToday, r);
  return r;
}

TEST(EscalationTest, ColoursByDaysPastTheDueDate) {
  ServiceRequest tomorrow = EscalatedOn(kToday + 1);
  EXPECT_EQ(tomorrow.escalation_color(), v1::ESCALATION_COLOR_NONE);
  EXPECT_FALSE(tomorrow.has_overdue_days());

  ServiceRequest today = EscalatedOn(kToday);
  EXPECT_EQ(today.escalation_color(), v1::ESCALATION_COLOR_BLUE);
  ASSERT_TRUE(today.has_overdue_days());
  EXPECT_EQ(today.overdue_days(), 0);

  EXPECT_EQ(EscalatedOn(kToday - 2).escalation_color(), v1::ESCALATION_COLOR_BLUE);
  ServiceRequest yellow = EscalatedOn(kToday - 3);  // exactly yellow_after_days
  EXPECT_EQ(yellow.escalation_color(), v1::ESCALATION_COLOR_YELLOW);
  EXPECT_EQ(yellow.overdue_days(), 3);
  EXPECT_EQ(EscalatedOn(kToday - 6).escalation_color(), v1::ESCALATION_COLOR_YELLOW);
  ServiceRequest red = EscalatedOn(kToday - 7);  // exactly red_after_days
  EXPECT_EQ(red.escalation_color(), v1::ESCALATION_COLOR_RED);
  EXPECT_EQ(red.overdue_days(), 7);
  EXPECT_EQ(EscalatedOn(kToday - 400).escalation_color(), v1::ESCALATION_COLOR_RED);
}

TEST(EscalationTest, OnlyOpenRequestsEscalate) {
  for (auto status : {v1::SERVICE_REQUEST_STATUS_RESOLVED, v1::SERVICE_REQUEST_STATUS_CLOSED}) {
    ServiceRequest r = ValidRequest();
    r.set_status(status);
    r.set_due_date(IsoDay(kToday - 30));
    r.set_overdue_days(99);  // stale: cleared
    r.set_escalation_color(v1::ESCALATION_COLOR_RED);
    DeriveEscalation(Policy(), kToday, r);
    EXPECT_EQ(r.escalation_color(), v1::ESCALATION_COLOR_NONE);
    EXPECT_FALSE(r.has_overdue_days());
  }
  for (auto status : {v1::SERVICE_REQUEST_STATUS_ACCEPTED, v1::SERVICE_REQUEST_STATUS_IN_PROGRESS,
                      v1::SERVICE_REQUEST_STATUS_REOPENED}) {
    EXPECT_EQ(EscalatedOn(kToday - 30, status).escalation_color(), v1::ESCALATION_COLOR_RED);
  }
  ServiceRequest no_due = ValidRequest();
  no_due.clear_due_date();
  DeriveEscalation(Policy(), kToday, no_due);
  EXPECT_EQ(no_due.escalation_color(), v1::ESCALATION_COLOR_NONE);
}

TEST(EscalationTest, DueDatesOfStatesTheBands) {
  DueDateRange none = DueDatesOf(Policy(), v1::ESCALATION_COLOR_NONE, kToday);
  EXPECT_EQ(none.earliest, kToday + 1);
  EXPECT_EQ(none.latest, std::nullopt);
  DueDateRange blue = DueDatesOf(Policy(), v1::ESCALATION_COLOR_BLUE, kToday);
  EXPECT_EQ(blue.earliest, kToday - 2);
  EXPECT_EQ(blue.latest, kToday);
  DueDateRange yellow = DueDatesOf(Policy(), v1::ESCALATION_COLOR_YELLOW, kToday);
  EXPECT_EQ(yellow.earliest, kToday - 6);
  EXPECT_EQ(yellow.latest, kToday - 3);
  DueDateRange red = DueDatesOf(Policy(), v1::ESCALATION_COLOR_RED, kToday);
  EXPECT_EQ(red.earliest, std::nullopt);
  EXPECT_EQ(red.latest, kToday - 7);
}

bool Contains(const DueDateRange& range, absl::CivilDay day) {
  return (!range.earliest || day >= *range.earliest) && (!range.latest || day <= *range.latest);
}

// A list filtered by DueDatesOf(colour) in the store must show exactly the
// requests DeriveEscalation paints that colour.
TEST(EscalationTest, DueDatesOfAgreesWithDeriveEscalation) {
  const v1::EscalationColor kColors[] = {v1::ESCALATION_COLOR_NONE, v1::ESCALATION_COLOR_BLUE,
                                         v1::ESCALATION_COLOR_YELLOW, v1::ESCALATION_COLOR_RED};
  for (auto [yellow, red] : std::vector<std::pair<int, int>>{{3, 7}, {0, 1}, {1, 2}, {0, 5}, {5, 30}}) {
    v1::EnterprisePolicy policy = Policy(yellow, red);
    for (absl::CivilDay today : {kToday, absl::CivilDay(2028, 3, 1), absl::CivilDay(2027, 1, 1)}) {
      for (absl::CivilDay due = today - 40; due <= today + 5; ++due) {
        ServiceRequest r = ValidRequest();
        r.set_due_date(IsoDay(due));
        DeriveEscalation(policy, today, r);
        for (v1::EscalationColor color : kColors) {
          EXPECT_EQ(Contains(DueDatesOf(policy, color, today), due), r.escalation_color() == color)
              << "yellow " << yellow << " red " << red << " today " << today << " due " << due << " colour "
              << v1::EscalationColor_Name(color);
        }
      }
    }
  }
}

TEST(CanSeeServiceRequestTest, ByRole) {
  ServiceRequest r = ValidRequest();
  r.set_service_secretary("users/alice");
  auto principal = [](v1::Role role, const char* user, const char* unit) {
    Principal p;
    p.role = role;
    p.user_id = user;
    p.unit_id = unit;
    return p;
  };
  EXPECT_TRUE(CanSeeServiceRequest(principal(v1::ROLE_STAFF, "alice", "other"), r));  // secretary
  EXPECT_TRUE(CanSeeServiceRequest(principal(v1::ROLE_STAFF, "bob", "promotion-1"), r));  // first responder
  EXPECT_TRUE(CanSeeServiceRequest(principal(v1::ROLE_STAFF, "carol", "finance"), r));  // handling unit
  EXPECT_FALSE(CanSeeServiceRequest(principal(v1::ROLE_STAFF, "dave", "other"), r));
  EXPECT_TRUE(CanSeeServiceRequest(principal(v1::ROLE_UNIT_LEAD, "erin", "finance"), r));
  EXPECT_FALSE(CanSeeServiceRequest(principal(v1::ROLE_UNIT_LEAD, "erin", "other"), r));
  EXPECT_TRUE(CanSeeServiceRequest(principal(v1::ROLE_LEADERSHIP, "x", "other"), r));
  EXPECT_TRUE(CanSeeServiceRequest(principal(v1::ROLE_ADMIN, "x", "other"), r));
  EXPECT_TRUE(CanSeeServiceRequest(principal(v1::ROLE_DEPARTMENT_SERVICE, "x", "other"), r));
  EXPECT_FALSE(CanSeeServiceRequest(principal(v1::ROLE_UNSPECIFIED, "alice", "finance"), r));

  ServiceRequest unassigned = ValidRequest();
  unassigned.clear_first_responder_unit();
  unassigned.clear_handling_unit();
  EXPECT_FALSE(CanSeeServiceRequest(principal(v1::ROLE_STAFF, "", ""), unassigned));
}

}  // namespace
}  // namespace crm
