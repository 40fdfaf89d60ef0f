#include "clients/demo/demo_enterprises.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/status_macros.h"
#include "base/uscc.h"

namespace crm::demo {
namespace {

struct DemoFigures {
  int64_t revenue_cny;
  int64_t valuation_cny;
  int32_t employees;
  int32_t rd_staff;
  int64_t rd_expense_cny;
};

struct DemoEnterprise {
  const char* company;
  const char* founded;
  v1::IndustrySection industry;
  const char* division;
  v1::EnterpriseTag tag;
  DemoFigures last_year;  // 2024
  DemoFigures this_year;  // 2025
  v1::CertificationTitle title;  // unspecified: none yet
  const char* request;           // an open service request, or empty
};

// Fictional firms with figures in plausible ranges, chosen so that screening
// has something to propose (a potential unicorn, a gazelle, a high-tech firm).
const DemoEnterprise kDemo[] = {
    {"厦门云芯智能科技有限公司", "2022-03-01", v1::INDUSTRY_SECTION_C, "39", v1::ENTERPRISE_TAG_PRIVATE,
     {30'000'000, 400'000'000, 120, 45, 6'000'000}, {42'000'000, 720'000'000, 160, 60, 8'500'000},
     v1::CERTIFICATION_TITLE_UNSPECIFIED, "二期研发楼用地指标, 约 30 亩"},
    {"厦门海澜储能技术股份有限公司", "2017-06-18", v1::INDUSTRY_SECTION_C, "38", v1::ENTERPRISE_TAG_PRIVATE,
     {62'000'000, 1'500'000'000, 310, 70, 4'100'000}, {73'000'000, 1'800'000'000, 380, 85, 5'200'000},
     v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE, "申请省级企业技术中心认定辅导"},
    {"厦门数智物流软件有限公司", "2019-11-05", v1::INDUSTRY_SECTION_I, "65", v1::ENTERPRISE_TAG_RETURNEE_FOUNDED,
     {21'000'000, 150'000'000, 90, 50, 2'400'000}, {27'500'000, 210'000'000, 115, 64, 3'000'000},
     v1::CERTIFICATION_TITLE_SPECIALIZED_SME, ""},
    {"厦门精测仪器有限公司", "2012-09-20", v1::INDUSTRY_SECTION_C, "40", v1::ENTERPRISE_TAG_PRIVATE,
     {180'000'000, 0, 420, 96, 9'000'000}, {196'000'000, 0, 450, 101, 10'500'000},
     v1::CERTIFICATION_TITLE_LITTLE_GIANT, "高层次人才子女入学"},
};

// A fixed, valid UUID per demo row and step (distinct from the demo leads').
std::string RequestId(int row, int step) { return absl::StrFormat("00000000-0000-4000-9000-%06d%06d", row, step); }

v1::UpdateYearlyMetricsRequest Figures(const std::string& enterprise, int year, const DemoFigures& f) {
  v1::UpdateYearlyMetricsRequest req;
  v1::YearlyMetrics* m = req.mutable_yearly_metrics();
  m->set_name(absl::StrCat(enterprise, "/yearlyMetrics/", year));
  m->set_revenue_cny(f.revenue_cny);
  m->set_employees(f.employees);
  m->set_rd_staff(f.rd_staff);
  m->set_rd_expense_cny(f.rd_expense_cny);
  m->set_cumulative_financing_cny(f.valuation_cny / 5);
  if (f.valuation_cny > 0) m->set_valuation_cny(f.valuation_cny);
  for (const char* figure : {"revenue_cny", "employees", "rd_staff", "rd_expense_cny", "cumulative_financing_cny",
                             "valuation_cny"}) {
    req.mutable_update_mask()->add_paths(figure);
  }
  req.set_allow_missing(true);
  return req;
}

}  // namespace

absl::StatusOr<int> LoadDemoEnterprises(client::EnterprisesClient& client, const std::string& secretary) {
  int present = 0;
  for (int i = 0; i < static_cast<int>(std::size(kDemo)); ++i) {
    const DemoEnterprise& d = kDemo[i];
    v1::CreateEnterpriseRequest create;
    v1::Enterprise* e = create.mutable_enterprise();
    e->set_uscc(WithUsccCheckCharacter(absl::StrFormat("91350200MA%07d", 3100 + i)));
    e->set_company_name(d.company);
    e->set_founded_date(d.founded);
    e->set_industry(d.industry);
    e->set_industry_division(d.division);
    e->set_in_zone(true);
    e->add_tags(d.tag);
    e->set_address("厦门火炬高新区");
    e->set_registered_capital_cny(10'000'000LL * (i + 1));
    e->set_legal_representative("陈某");
    create.set_request_id(RequestId(i, 0));
    ASSIGN_OR_RETURN(v1::Enterprise created, client.CreateEnterprise(create));
    ++present;
    RETURN_IF_ERROR(client.UpdateYearlyMetrics(Figures(created.name(), 2024, d.last_year)).status());
    RETURN_IF_ERROR(client.UpdateYearlyMetrics(Figures(created.name(), 2025, d.this_year)).status());
    v1::AssignServiceSecretaryRequest assign;
    assign.set_name(created.name());
    assign.set_service_secretary(secretary);
    assign.set_note("入库时指定");
    assign.set_request_id(RequestId(i, 1));
    RETURN_IF_ERROR(client.AssignServiceSecretary(assign).status());
    if (d.title != v1::CERTIFICATION_TITLE_UNSPECIFIED) {
      v1::CreateCertificationRequest cert;
      cert.set_parent(created.name());
      cert.mutable_certification()->set_title(d.title);
      cert.mutable_certification()->set_level(v1::CERTIFICATION_LEVEL_NATIONAL);
      cert.mutable_certification()->set_issuer(d.title == v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE
                                                  ? "厦门市科学技术局等"
                                                  : "工业和信息化部");
      cert.mutable_certification()->set_batch_year(2024);
      cert.mutable_certification()->set_valid_until("2027-12-31");
      cert.set_request_id(RequestId(i, 2));
      RETURN_IF_ERROR(client.CreateCertification(cert).status());
    }
    if (*d.request != '\0') {
      v1::CreateServiceRequestRequest raise;
      raise.set_parent(created.name());
      raise.mutable_service_request()->set_category(i == 0 ? v1::SERVICE_CATEGORY_LAND_SPACE
                                                            : v1::SERVICE_CATEGORY_POLICY);
      raise.mutable_service_request()->set_priority(i == 0 ? v1::SERVICE_REQUEST_PRIORITY_URGENT
                                                            : v1::SERVICE_REQUEST_PRIORITY_NORMAL);
      raise.mutable_service_request()->set_description(d.request);
      raise.set_request_id(RequestId(i, 3));
      RETURN_IF_ERROR(client.CreateServiceRequest(raise).status());
    }
  }
  return present;
}

}  // namespace crm::demo
