// The real EnterpriseService on 127.0.0.1:0 over real gRPC, against the real
// MariaDB: enterprises, yearly figures, titles, screening and secretaries.

#include <gmock/gmock.h>

#include "google/protobuf/util/message_differencer.h"
#include "tests/integration/service_fixture.h"

namespace crm {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::kToken;
using v1::Enterprise;

class EnterprisesServiceTest : public testing::ServiceFixture {
 protected:
  std::vector<std::string> ListNames(v1::ListEnterprisesRequest req, const std::string& token = kToken) {
    std::vector<std::string> names;
    do {
      v1::ListEnterprisesResponse resp;
      grpc::Status s = api().ListEnterprises(Ctx(token).get(), req, &resp);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      for (const Enterprise& e : resp.enterprises()) names.push_back(e.name());
      req.set_page_token(resp.next_page_token());
    } while (!req.page_token().empty());
    return names;
  }

  v1::YearlyMetrics SetMetrics(const std::string& enterprise, int year, int64_t revenue, int64_t valuation,
                               grpc::Status* status = nullptr) {
    v1::UpdateYearlyMetricsRequest req;
    req.mutable_yearly_metrics()->set_name(absl::StrCat(enterprise, "/yearlyMetrics/", year));
    req.mutable_yearly_metrics()->set_revenue_cny(revenue);
    req.mutable_yearly_metrics()->set_valuation_cny(valuation);
    req.mutable_yearly_metrics()->set_cumulative_financing_cny(200'000'000);
    req.mutable_update_mask()->add_paths("revenue_cny");
    req.mutable_update_mask()->add_paths("valuation_cny");
    req.mutable_update_mask()->add_paths("cumulative_financing_cny");
    req.set_allow_missing(true);
    v1::YearlyMetrics out;
    grpc::Status s = api().UpdateYearlyMetrics(Ctx().get(), req, &out);
    if (status) *status = s; else EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  v1::Certification AddTitle(const std::string& enterprise, v1::CertificationTitle title,
                             v1::CertificationLevel level, const std::string& valid_until = "") {
    v1::CreateCertificationRequest req;
    req.set_parent(enterprise);
    req.mutable_certification()->set_title(title);
    req.mutable_certification()->set_level(level);
    req.mutable_certification()->set_issuer("工业和信息化部");
    req.mutable_certification()->set_batch_year(2025);
    req.mutable_certification()->set_valid_until(valid_until);
    v1::Certification out;
    grpc::Status s = api().CreateCertification(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }
};

TEST_F(EnterprisesServiceTest, CreatesGetsAndRefusesBadFieldsAllAtOnce) {
  Enterprise in = NewEnterprise(1, "厦门星链科技有限公司");
  in.add_former_names("厦门星链网络有限公司");
  in.add_tags(v1::ENTERPRISE_TAG_PRIVATE);
  Enterprise created = Create(in);
  EXPECT_THAT(created.name(), HasSubstr("enterprises/"));
  EXPECT_EQ(created.etag(), "1");
  EXPECT_TRUE(created.has_create_time());

  v1::GetEnterpriseRequest get;
  get.set_name(created.name());
  Enterprise got;
  ASSERT_TRUE(api().GetEnterprise(Ctx().get(), get, &got).ok());
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(got, created));
  EXPECT_THAT(got.former_names(), ElementsAre("厦门星链网络有限公司"));

  v1::CreateEnterpriseRequest bad;
  bad.mutable_enterprise()->set_uscc("91350200776049653B");  // wrong check character
  bad.mutable_enterprise()->set_founded_date("2099-01-01");
  Enterprise out;
  grpc::Status s = api().CreateEnterprise(Ctx().get(), bad, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  std::vector<std::string> fields = ViolatedFields(s);
  EXPECT_THAT(fields, Contains("enterprise.uscc"));
  EXPECT_THAT(fields, Contains("enterprise.company_name"));
  EXPECT_THAT(fields, Contains("enterprise.founded_date"));
  EXPECT_THAT(fields, Contains("enterprise.industry"));

  get.set_name("enterprises/999999");
  EXPECT_EQ(api().GetEnterprise(Ctx().get(), get, &got).error_code(), grpc::StatusCode::NOT_FOUND);
  get.set_name("leads/1");
  EXPECT_EQ(api().GetEnterprise(Ctx().get(), get, &got).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(EnterprisesServiceTest, UsccIsUniqueAmongActiveEnterprisesAndRequestIdsReplay) {
  Enterprise first = Create(NewEnterprise(2, "甲公司"));
  v1::CreateEnterpriseRequest again;
  *again.mutable_enterprise() = NewEnterprise(2, "乙公司");
  Enterprise out;
  grpc::Status s = api().CreateEnterprise(Ctx().get(), again, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(s.error_message(), HasSubstr(first.name()));

  // Deleted, the code is free again; undeleting the first then collides.
  v1::DeleteEnterpriseRequest del;
  del.set_name(first.name());
  ASSERT_TRUE(api().DeleteEnterprise(Ctx().get(), del, &out).ok());
  EXPECT_TRUE(out.has_delete_time());
  Enterprise second;
  ASSERT_TRUE(api().CreateEnterprise(Ctx().get(), again, &second).ok());
  v1::UndeleteEnterpriseRequest undel;
  undel.set_name(first.name());
  EXPECT_EQ(api().UndeleteEnterprise(Ctx().get(), undel, &out).error_code(), grpc::StatusCode::ALREADY_EXISTS);

  v1::CreateEnterpriseRequest keyed;
  *keyed.mutable_enterprise() = NewEnterprise(3, "丙公司");
  keyed.set_request_id("6f1c2a4e-1b2c-4d5e-8f90-0123456789ab");
  Enterprise a, b;
  ASSERT_TRUE(api().CreateEnterprise(Ctx().get(), keyed, &a).ok());
  ASSERT_TRUE(api().CreateEnterprise(Ctx().get(), keyed, &b).ok());
  EXPECT_EQ(a.name(), b.name());
  keyed.set_request_id("not-a-uuid");
  EXPECT_EQ(api().CreateEnterprise(Ctx().get(), keyed, &b).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(EnterprisesServiceTest, UpdatesByMaskWithEtags) {
  Enterprise e = Create(NewEnterprise(4, "丁公司"));
  v1::UpdateEnterpriseRequest req;
  req.mutable_enterprise()->set_name(e.name());
  req.mutable_enterprise()->set_etag(e.etag());
  req.mutable_enterprise()->set_address("火炬园路1号");
  req.mutable_enterprise()->set_listed(true);
  req.mutable_update_mask()->add_paths("address");
  req.mutable_update_mask()->add_paths("listed");
  Enterprise updated;
  ASSERT_TRUE(api().UpdateEnterprise(Ctx().get(), req, &updated).ok());
  EXPECT_EQ(updated.address(), "火炬园路1号");
  EXPECT_TRUE(updated.listed());
  EXPECT_EQ(updated.company_name(), "丁公司");
  EXPECT_EQ(updated.etag(), "2");

  // The same etag again is stale.
  grpc::Status s = api().UpdateEnterprise(Ctx().get(), req, &updated);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);

  req.mutable_enterprise()->clear_etag();
  req.mutable_update_mask()->Clear();
  EXPECT_EQ(api().UpdateEnterprise(Ctx().get(), req, &updated).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  req.mutable_update_mask()->add_paths("service_secretary");  // only AssignServiceSecretary sets it
  EXPECT_EQ(api().UpdateEnterprise(Ctx().get(), req, &updated).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  req.mutable_update_mask()->set_paths(0, "founded_date");
  req.mutable_enterprise()->set_founded_date("2022-02-30");
  grpc::Status bad = api().UpdateEnterprise(Ctx().get(), req, &updated);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(bad), Contains("enterprise.founded_date"));
}

TEST_F(EnterprisesServiceTest, ListsByFiltersInPages) {
  Enterprise a = Create(NewEnterprise(10, "厦门光电科技有限公司"));
  Enterprise b = NewEnterprise(11, "福州软件有限公司");
  b.set_in_zone(false);
  b.set_industry(v1::INDUSTRY_SECTION_I);
  b.set_industry_division("65");
  b.add_former_names("福州光电软件有限公司");
  b = Create(b);
  Enterprise c = Create(NewEnterprise(12, "泉州材料有限公司"));
  AddTitle(a.name(), v1::CERTIFICATION_TITLE_GAZELLE, v1::CERTIFICATION_LEVEL_PROVINCIAL);
  AddTitle(c.name(), v1::CERTIFICATION_TITLE_GAZELLE, v1::CERTIFICATION_LEVEL_MUNICIPAL, "2020-12-31");  // expired

  v1::ListEnterprisesRequest req;
  req.set_page_size(1);
  EXPECT_THAT(ListNames(req), ElementsAre(a.name(), b.name(), c.name()));
  req.set_title(v1::CERTIFICATION_TITLE_GAZELLE);
  EXPECT_THAT(ListNames(req), ElementsAre(a.name()));
  req.set_level(v1::CERTIFICATION_LEVEL_MUNICIPAL);
  EXPECT_THAT(ListNames(req), ElementsAre());
  req.Clear();
  req.set_in_zone_only(true);
  EXPECT_THAT(ListNames(req), ElementsAre(a.name(), c.name()));
  req.Clear();
  req.set_industry(v1::INDUSTRY_SECTION_I);
  EXPECT_THAT(ListNames(req), ElementsAre(b.name()));
  req.Clear();
  req.set_name_contains("光电");  // a current name, and a former one
  EXPECT_THAT(ListNames(req), ElementsAre(a.name(), b.name()));

  // A page token only continues its own query.
  req.set_page_size(1);
  v1::ListEnterprisesResponse page;
  ASSERT_TRUE(api().ListEnterprises(Ctx().get(), req, &page).ok());
  ASSERT_FALSE(page.next_page_token().empty());
  req.set_name_contains("软件");
  req.set_page_token(page.next_page_token());
  EXPECT_EQ(api().ListEnterprises(Ctx().get(), req, &page).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  // held_titles shows the current titles only.
  v1::GetEnterpriseRequest get;
  get.set_name(c.name());
  Enterprise got;
  ASSERT_TRUE(api().GetEnterprise(Ctx().get(), get, &got).ok());
  EXPECT_EQ(got.held_titles_size(), 0);
  get.set_name(a.name());
  ASSERT_TRUE(api().GetEnterprise(Ctx().get(), get, &got).ok());
  EXPECT_THAT(got.held_titles(), ElementsAre(v1::CERTIFICATION_TITLE_GAZELLE));
}

TEST_F(EnterprisesServiceTest, YearlyMetricsUpsertAndDeriveGrowth) {
  Enterprise e = Create(NewEnterprise(20, "戊公司"));
  v1::YearlyMetrics y2024 = SetMetrics(e.name(), 2024, 40'000'000, 500'000'000);
  EXPECT_EQ(y2024.year(), 2024);
  EXPECT_FALSE(y2024.has_revenue_growth());  // no 2023
  v1::YearlyMetrics y2025 = SetMetrics(e.name(), 2025, 50'000'000, 720'000'000);
  ASSERT_TRUE(y2025.has_revenue_growth());
  EXPECT_DOUBLE_EQ(y2025.revenue_growth(), 0.25);
  EXPECT_FALSE(y2025.has_profit_cny());  // not reported stays absent

  // Upsert again: same row, new version; growth is recomputed, never stored.
  v1::YearlyMetrics again = SetMetrics(e.name(), 2025, 60'000'000, 720'000'000);
  EXPECT_EQ(again.etag(), "2");
  EXPECT_DOUBLE_EQ(again.revenue_growth(), 0.5);

  v1::ListYearlyMetricsRequest list;
  list.set_parent(e.name());
  v1::ListYearlyMetricsResponse years;
  ASSERT_TRUE(api().ListYearlyMetrics(Ctx().get(), list, &years).ok());
  ASSERT_EQ(years.yearly_metrics_size(), 2);
  EXPECT_EQ(years.yearly_metrics(0).year(), 2025);
  EXPECT_DOUBLE_EQ(years.yearly_metrics(0).revenue_growth(), 0.5);

  // Without allow_missing a new year is NOT_FOUND; bad figures are INVALID_ARGUMENT.
  v1::UpdateYearlyMetricsRequest req;
  req.mutable_yearly_metrics()->set_name(absl::StrCat(e.name(), "/yearlyMetrics/2026"));
  req.mutable_yearly_metrics()->set_revenue_cny(1);
  req.mutable_update_mask()->add_paths("revenue_cny");
  v1::YearlyMetrics out;
  EXPECT_EQ(api().UpdateYearlyMetrics(Ctx().get(), req, &out).error_code(), grpc::StatusCode::NOT_FOUND);
  req.set_allow_missing(true);
  req.mutable_yearly_metrics()->set_revenue_cny(-5);
  grpc::Status s = api().UpdateYearlyMetrics(Ctx().get(), req, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(s), Contains("yearly_metrics.revenue_cny"));
  req.mutable_yearly_metrics()->set_name(absl::StrCat(e.name(), "/yearlyMetrics/1800"));
  EXPECT_EQ(api().UpdateYearlyMetrics(Ctx().get(), req, &out).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  req.mutable_yearly_metrics()->set_name("enterprises/999999/yearlyMetrics/2025");
  req.mutable_yearly_metrics()->set_revenue_cny(5);
  EXPECT_EQ(api().UpdateYearlyMetrics(Ctx().get(), req, &out).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(EnterprisesServiceTest, CertificationsAreCreatedUpdatedAndSoftDeleted) {
  Enterprise e = Create(NewEnterprise(30, "己公司"));
  v1::Certification c = AddTitle(e.name(), v1::CERTIFICATION_TITLE_LITTLE_GIANT, v1::CERTIFICATION_LEVEL_NATIONAL);
  EXPECT_THAT(c.name(), HasSubstr(absl::StrCat(e.name(), "/certifications/")));

  v1::UpdateCertificationRequest update;
  update.mutable_certification()->set_name(c.name());
  update.mutable_certification()->set_evidence_note("工信部第五批专精特新小巨人公示");
  update.mutable_update_mask()->add_paths("evidence_note");
  v1::Certification updated;
  ASSERT_TRUE(api().UpdateCertification(Ctx().get(), update, &updated).ok());
  EXPECT_EQ(updated.evidence_note(), "工信部第五批专精特新小巨人公示");
  update.mutable_update_mask()->set_paths(0, "title");  // a title is not edited; it is withdrawn and added
  EXPECT_EQ(api().UpdateCertification(Ctx().get(), update, &updated).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  v1::CreateCertificationRequest bad;
  bad.set_parent(e.name());
  bad.mutable_certification()->set_batch_year(1800);
  v1::Certification out;
  grpc::Status s = api().CreateCertification(Ctx().get(), bad, &out);
  EXPECT_THAT(ViolatedFields(s), Contains("certification.title"));
  EXPECT_THAT(ViolatedFields(s), Contains("certification.batch_year"));

  v1::DeleteCertificationRequest del;
  del.set_name(c.name());
  ASSERT_TRUE(api().DeleteCertification(Ctx().get(), del, &out).ok());
  EXPECT_EQ(api().DeleteCertification(Ctx().get(), del, &out).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  v1::ListCertificationsRequest list;
  list.set_parent(e.name());
  v1::ListCertificationsResponse listed;
  ASSERT_TRUE(api().ListCertifications(Ctx().get(), list, &listed).ok());
  EXPECT_EQ(listed.certifications_size(), 0);
  list.set_show_deleted(true);
  ASSERT_TRUE(api().ListCertifications(Ctx().get(), list, &listed).ok());
  EXPECT_EQ(listed.certifications_size(), 1);
}

TEST_F(EnterprisesServiceTest, EvaluatesAndScreensByThePolicy) {
  // Founded 2022-03-01 with a ¥7.2亿 valuation: a potential unicorn by the
  // municipal standard (≤ 5 years, ≥ ¥7亿), not yet a unicorn (< US$1bn).
  Enterprise e = Create(NewEnterprise(40, "厦门云芯智能科技有限公司"));
  SetMetrics(e.name(), 2024, 30'000'000, 400'000'000);
  SetMetrics(e.name(), 2025, 42'000'000, 720'000'000);
  Enterprise quiet = Create(NewEnterprise(41, "平稳制造有限公司"));
  SetMetrics(quiet.name(), 2025, 1'000'000, 1'000'000);

  v1::EvaluateEnterpriseRequest req;
  req.set_name(e.name());
  v1::EvaluateEnterpriseResponse resp;
  ASSERT_TRUE(api().EvaluateEnterprise(Ctx().get(), req, &resp).ok());
  EXPECT_EQ(resp.metrics_year(), 2025);
  EXPECT_EQ(resp.evaluations_size(), server_.policy().title_rules_size());
  const v1::TitleEvaluation* potential = nullptr;
  const v1::TitleEvaluation* unicorn = nullptr;
  for (const auto& t : resp.evaluations()) {
    if (t.title() == v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN) potential = &t;
    if (t.title() == v1::CERTIFICATION_TITLE_UNICORN) unicorn = &t;
  }
  ASSERT_NE(potential, nullptr);
  ASSERT_NE(unicorn, nullptr);
  EXPECT_TRUE(potential->qualified());
  EXPECT_FALSE(unicorn->qualified());
  std::string explained;
  for (const auto& c : potential->criteria()) explained += c.explanation() + "\n";
  EXPECT_THAT(explained, HasSubstr("¥7.2亿 ≥ ¥7亿"));
  EXPECT_THAT(resp.evaluations(0).qualified(), true);  // qualified titles first

  req.set_year(2023);
  EXPECT_EQ(api().EvaluateEnterprise(Ctx().get(), req, &resp).error_code(), grpc::StatusCode::FAILED_PRECONDITION);

  v1::ScreenEnterprisesRequest screen;
  screen.set_title(v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN);
  v1::ScreenEnterprisesResponse found;
  ASSERT_TRUE(api().ScreenEnterprises(Ctx().get(), screen, &found).ok());
  ASSERT_EQ(found.candidates_size(), 1);
  EXPECT_EQ(found.candidates(0).enterprise(), e.name());

  // Once it holds the title, screening stops proposing it.
  AddTitle(e.name(), v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN, v1::CERTIFICATION_LEVEL_MUNICIPAL);
  ASSERT_TRUE(api().ScreenEnterprises(Ctx().get(), screen, &found).ok());
  EXPECT_EQ(found.candidates_size(), 0);
}

TEST_F(EnterprisesServiceTest, AssignsSecretariesWithHistory) {
  MakeUnit("u1");
  std::string staff = MakeUser("secretary-wang", "units/u1", v1::ROLE_STAFF);
  std::string lead = MakeUser("lead-u1", "units/u1", v1::ROLE_UNIT_LEAD);
  MakeUser("stats", "units/u1", v1::ROLE_DEPARTMENT_SERVICE, {"enterprises.read"});
  Enterprise e = Create(NewEnterprise(50, "庚公司"));

  v1::AssignServiceSecretaryRequest req;
  req.set_name(e.name());
  req.set_service_secretary("users/secretary-wang");
  req.set_note("新入库企业");
  Enterprise out;
  // STAFF may not assign secretaries; a unit lead may.
  EXPECT_EQ(api().AssignServiceSecretary(Ctx(staff).get(), req, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(api().AssignServiceSecretary(Ctx(lead).get(), req, &out).ok());
  EXPECT_EQ(out.service_secretary(), "users/secretary-wang");
  EXPECT_EQ(api().AssignServiceSecretary(Ctx(lead).get(), req, &out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);  // already theirs

  req.set_service_secretary("users/stats");  // a service account is no secretary
  EXPECT_EQ(api().AssignServiceSecretary(Ctx().get(), req, &out).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  req.set_service_secretary("users/nobody");
  EXPECT_EQ(api().AssignServiceSecretary(Ctx().get(), req, &out).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  req.set_service_secretary("");
  req.set_note("交接");
  ASSERT_TRUE(api().AssignServiceSecretary(Ctx().get(), req, &out).ok());
  EXPECT_EQ(out.service_secretary(), "");

  v1::ListSecretaryAssignmentsRequest history;
  history.set_parent(e.name());
  v1::ListSecretaryAssignmentsResponse listed;
  ASSERT_TRUE(api().ListSecretaryAssignments(Ctx().get(), history, &listed).ok());
  ASSERT_EQ(listed.assignments_size(), 2);
  EXPECT_EQ(listed.assignments(0).previous_secretary(), "users/secretary-wang");
  EXPECT_EQ(listed.assignments(0).assigned_by(), "users/admin");
  EXPECT_EQ(listed.assignments(1).service_secretary(), "users/secretary-wang");
  EXPECT_EQ(listed.assignments(1).assigned_by(), "users/lead-u1");

  // Lists by secretary.
  req.set_service_secretary("users/secretary-wang");
  ASSERT_TRUE(api().AssignServiceSecretary(Ctx().get(), req, &out).ok());
  v1::ListEnterprisesRequest by_secretary;
  by_secretary.set_service_secretary("users/secretary-wang");
  EXPECT_THAT(ListNames(by_secretary), ElementsAre(e.name()));
}

TEST_F(EnterprisesServiceTest, RolesAndScopesDecideWhoWrites) {
  MakeUnit("u1");
  std::string boss = MakeUser("boss", "units/u1", v1::ROLE_LEADERSHIP);
  std::string reader = MakeUser("stats", "units/u1", v1::ROLE_DEPARTMENT_SERVICE, {"enterprises.read"});
  Enterprise e = Create(NewEnterprise(60, "辛公司"));
  v1::CreateEnterpriseRequest create;
  *create.mutable_enterprise() = NewEnterprise(61, "壬公司");
  Enterprise out;
  EXPECT_EQ(api().CreateEnterprise(Ctx(boss).get(), create, &out).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(api().CreateEnterprise(Ctx(reader).get(), create, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  v1::GetEnterpriseRequest get;
  get.set_name(e.name());
  EXPECT_TRUE(api().GetEnterprise(Ctx(boss).get(), get, &out).ok());
  EXPECT_TRUE(api().GetEnterprise(Ctx(reader).get(), get, &out).ok());
  v1::ListServiceRequestsRequest requests;
  requests.set_parent("enterprises/-");
  v1::ListServiceRequestsResponse listed;
  EXPECT_EQ(api().ListServiceRequests(Ctx(reader).get(), requests, &listed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);  // not in its scopes
}

TEST_F(EnterprisesServiceTest, MissingParentsAreNotFoundAndDeletedOnesRefuseWrites) {
  const std::string missing = "enterprises/999999";
  v1::ListYearlyMetricsRequest metrics;
  metrics.set_parent(missing);
  v1::ListYearlyMetricsResponse years;
  EXPECT_EQ(api().ListYearlyMetrics(Ctx().get(), metrics, &years).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ListCertificationsRequest certs;
  certs.set_parent(missing);
  v1::ListCertificationsResponse listed;
  EXPECT_EQ(api().ListCertifications(Ctx().get(), certs, &listed).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ListSecretaryAssignmentsRequest history;
  history.set_parent(missing);
  v1::ListSecretaryAssignmentsResponse assignments;
  EXPECT_EQ(api().ListSecretaryAssignments(Ctx().get(), history, &assignments).error_code(),
            grpc::StatusCode::NOT_FOUND);
  v1::EvaluateEnterpriseRequest evaluate;
  evaluate.set_name(missing);
  v1::EvaluateEnterpriseResponse evaluation;
  EXPECT_EQ(api().EvaluateEnterprise(Ctx().get(), evaluate, &evaluation).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ScreenEnterprisesRequest screen;
  screen.set_page_token("not-a-token");
  v1::ScreenEnterprisesResponse screened;
  EXPECT_EQ(api().ScreenEnterprises(Ctx().get(), screen, &screened).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  // A deleted enterprise keeps its records but takes no new ones until undeleted.
  Enterprise e = Create(NewEnterprise(70, "癸公司"));
  v1::DeleteEnterpriseRequest del;
  del.set_name(e.name());
  Enterprise out;
  ASSERT_TRUE(api().DeleteEnterprise(Ctx().get(), del, &out).ok());
  grpc::Status s;
  SetMetrics(e.name(), 2025, 1, 1, &s);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  v1::CreateCertificationRequest cert;
  cert.set_parent(e.name());
  cert.mutable_certification()->set_title(v1::CERTIFICATION_TITLE_GAZELLE);
  cert.mutable_certification()->set_level(v1::CERTIFICATION_LEVEL_ZONE);
  cert.mutable_certification()->set_batch_year(2025);
  v1::Certification c;
  EXPECT_EQ(api().CreateCertification(Ctx().get(), cert, &c).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  cert.set_parent(missing);
  EXPECT_EQ(api().CreateCertification(Ctx().get(), cert, &c).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ListEnterprisesRequest all;
  EXPECT_THAT(ListNames(all), ElementsAre());
  all.set_show_deleted(true);
  EXPECT_THAT(ListNames(all), ElementsAre(e.name()));

  v1::UndeleteEnterpriseRequest undel;
  undel.set_name(e.name());
  ASSERT_TRUE(api().UndeleteEnterprise(Ctx().get(), undel, &out).ok());
  EXPECT_FALSE(out.has_delete_time());
  EXPECT_EQ(api().UndeleteEnterprise(Ctx().get(), undel, &out).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  SetMetrics(e.name(), 2025, 1, 1);
  EXPECT_EQ(server_.db().QueryOne(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE resource_name = '", e.name(), "'")),
            "3");  // create, delete, undelete
}

}  // namespace
}  // namespace crm
