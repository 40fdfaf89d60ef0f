#include "clients/demo/demo_projects.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/status_macros.h"

namespace crm::demo {
namespace {

struct DemoProject {
  const char* name;
  const char* investor;
  v1::IndustrySection industry;
  v1::InvestmentForm form;
  int64_t planned_cny;
  v1::ProjectStage stage;  // where it is today
};

const DemoProject kDemo[] = {
    {"新型显示面板生产基地项目", "某光电集团股份有限公司", v1::INDUSTRY_SECTION_C, v1::INVESTMENT_FORM_NEW_ESTABLISHMENT,
     5'500'000'000, v1::PROJECT_STAGE_CONSTRUCTION_STARTED},
    {"智能网联汽车零部件项目", "某汽车电子有限公司", v1::INDUSTRY_SECTION_C, v1::INVESTMENT_FORM_CAPITAL_INCREASE,
     1'200'000'000, v1::PROJECT_STAGE_SIGNED},
    {"生物医药研发中心项目", "某生物医药集团", v1::INDUSTRY_SECTION_M, v1::INVESTMENT_FORM_NEW_ESTABLISHMENT,
     800'000'000, v1::PROJECT_STAGE_NEGOTIATING},
    {"工业互联网平台项目", "某软件有限公司", v1::INDUSTRY_SECTION_I, v1::INVESTMENT_FORM_MERGER_ACQUISITION,
     2'300'000'000, v1::PROJECT_STAGE_REGISTERED},
};

// A fixed, valid UUID per demo row and step (distinct from the other demo data's).
std::string RequestId(int row, int step) { return absl::StrFormat("00000000-0000-4000-a000-%06d%06d", row, step); }

}  // namespace

absl::StatusOr<int> LoadDemoProjects(client::LeadsClient& leads, client::ProjectsClient& projects,
                                     const std::string& lead, int year) {
  // The courted company qualifies and becomes an enterprise and a project.
  v1::QualifyLeadRequest qualify;
  qualify.set_name(lead);
  qualify.set_request_id(RequestId(0, 1));
  RETURN_IF_ERROR(leads.QualifyLead(qualify).status());
  v1::ConvertLeadRequest convert;
  convert.set_name(lead);
  convert.set_founded_date("2011-05-20");
  convert.set_investment_form(v1::INVESTMENT_FORM_NEW_ESTABLISHMENT);
  RETURN_IF_ERROR(leads.ConvertLead(convert).status());
  int present = 1;

  for (int i = 0; i < static_cast<int>(std::size(kDemo)); ++i) {
    const DemoProject& d = kDemo[i];
    v1::CreateProjectRequest create;
    v1::Project* p = create.mutable_project();
    p->set_display_name(d.name);
    p->set_investor_name(d.investor);
    p->set_industry(d.industry);
    p->set_investment_form(d.form);
    p->set_planned_investment_cny(d.planned_cny);
    p->set_contracted_investment_cny(d.stage >= v1::PROJECT_STAGE_SIGNED ? d.planned_cny : 0);
    create.set_request_id(RequestId(i + 1, 0));
    ASSIGN_OR_RETURN(v1::Project created, projects.CreateProject(create));
    ++present;
    for (int stage = v1::PROJECT_STAGE_SIGNED; stage <= d.stage; ++stage) {
      v1::AdvanceProjectStageRequest advance;
      advance.set_name(created.name());
      advance.set_to_stage(static_cast<v1::ProjectStage>(stage));
      advance.set_evidence_note(stage == v1::PROJECT_STAGE_SIGNED ? "投资合同已签订" : "");
      advance.set_request_id(RequestId(i + 1, stage));
      RETURN_IF_ERROR(projects.AdvanceProjectStage(advance).status());
    }
    if (d.stage >= v1::PROJECT_STAGE_REGISTERED) {
      v1::RecordCapitalArrivalRequest capital;
      capital.set_parent(created.name());
      capital.mutable_capital_arrival()->set_arrival_date(absl::StrFormat("%04d-01-15", year));
      capital.mutable_capital_arrival()->set_amount_cny(d.planned_cny / 4);
      capital.mutable_capital_arrival()->set_note("首期注资");
      capital.set_request_id(RequestId(i + 1, 10));
      RETURN_IF_ERROR(projects.RecordCapitalArrival(capital).status());
    }
    if (d.stage == v1::PROJECT_STAGE_SIGNED) {
      v1::CreateProjectProblemRequest problem;
      problem.set_parent(created.name());
      problem.mutable_problem()->set_type(v1::PROBLEM_TYPE_LAND);
      problem.mutable_problem()->set_description("二期用地指标尚未落实");
      problem.mutable_problem()->set_escalation_level(v1::ESCALATION_LEVEL_BUREAU);
      problem.set_request_id(RequestId(i + 1, 11));
      RETURN_IF_ERROR(projects.CreateProjectProblem(problem).status());
    }
  }

  v1::SetUnitTargetRequest target;
  target.mutable_unit_target()->set_name(absl::StrCat("units/admin/targets/", year));
  target.mutable_unit_target()->set_signed_projects(8);
  target.mutable_unit_target()->set_signed_projects_1b(3);
  target.mutable_unit_target()->set_signed_projects_2b(1);
  target.mutable_unit_target()->set_signed_investment_cny(12'000'000'000);
  target.mutable_unit_target()->set_construction_starts(4);
  target.mutable_unit_target()->set_capital_arrived_cny(3'000'000'000);
  RETURN_IF_ERROR(projects.SetUnitTarget(target).status());
  return present;
}

}  // namespace crm::demo
