// crm-fuzz-seeds: writes the seed corpus of the request-validation fuzz
// targets from valid requests (written below in text format), one file per
// request: the method's index in its service (the byte the targets pick the
// method by) followed by the request's bytes. Lists get a second seed with a
// page token made for their query, so that fuzzing starts from tokens that
// decode.
//
//   build/tests/faults/crm-fuzz-seeds tests/faults/fuzz/corpus
//
// writes corpus/<service>_validation/<Method>-<n> (existing files of those
// names are replaced; other files, such as inputs a fuzzing run found, stay).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/page_token.h"
#include "crm/v1/admin_service.pb.h"
#include "crm/v1/dashboard_service.pb.h"
#include "crm/v1/enterprises_service.pb.h"
#include "crm/v1/leads_service.pb.h"
#include "crm/v1/projects_service.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/text_format.h"

namespace {

struct Seed {
  const char* method;  // full name, e.g. crm.v1.LeadService.CreateLead
  const char* request;  // text format
};


// Valid requests, at least one per method; where a method has a rule worth
// reaching (a channel that needs an event name, a skip that needs a
// justification, a colour filter), a second one.
const std::vector<Seed>& Seeds() {
  static const std::vector<Seed>* seeds = new std::vector<Seed>{
      // ---- leads
      {"crm.v1.LeadService.GetLead", R"(name: "leads/7")"},
      {"crm.v1.LeadService.ListLeads", R"(page_size: 20)"},
      {"crm.v1.LeadService.ListLeads",
       R"(page_size: 1000 status: LEAD_STATUS_QUALIFIED owner: "users/zhang-san" unit: "units/east"
          target_list: TARGET_LIST_FORTUNE_GLOBAL_500 channel: LEAD_CHANNEL_OUTBOUND_VISIT industry: INDUSTRY_SECTION_C
          company_name_contains: "新能源" order_by: "update_time desc" show_deleted: true)"},
      {"crm.v1.LeadService.CreateLead",
       R"(lead { company_name: "厦门某新能源科技股份有限公司" uscc: "91350200MA3123456J"
                 target_list: TARGET_LIST_INDUSTRY_LEADER channel: LEAD_CHANNEL_OUTBOUND_VISIT
                 industry: INDUSTRY_SECTION_C country_region: "CN" estimated_investment_cny: 2500000000
                 owner: "users/zhang-san" unit: "units/east"
                 contacts { display_name: "王经理" title: "投资总监" phone: "+86 592-1234567" email: "wang@example.com" }
                 notes: "在谈：一期电池项目" }
          request_id: "123e4567-e89b-12d3-a456-426614174000")"},
      {"crm.v1.LeadService.CreateLead",
       R"(lead { company_name: "Siemens AG（中国）有限公司" target_list: TARGET_LIST_FORTUNE_GLOBAL_500
                 channel: LEAD_CHANNEL_EVENT event_name: "软交会2026" industry: INDUSTRY_SECTION_I })"},
      {"crm.v1.LeadService.UpdateLead",
       R"(lead { name: "leads/7" company_name: "华为技术有限公司" notes: "第二次走访" etag: "3" }
          update_mask { paths: "company_name" paths: "notes" })"},
      {"crm.v1.LeadService.UpdateLead", R"(lead { name: "leads/7" channel: LEAD_CHANNEL_BUSINESS_REFERRAL referrer: "某园区企业" } update_mask { paths: "*" })"},
      {"crm.v1.LeadService.DeleteLead", R"(name: "leads/7" etag: "3")"},
      {"crm.v1.LeadService.UndeleteLead", R"(name: "leads/7")"},
      {"crm.v1.LeadService.QualifyLead", R"(name: "leads/7" etag: "3" request_id: "123e4567-e89b-12d3-a456-426614174000")"},
      {"crm.v1.LeadService.DisqualifyLead", R"(name: "leads/7" reason: "投资方向与园区产业定位不符")"},
      {"crm.v1.LeadService.ReopenLead", R"(name: "leads/7")"},
      {"crm.v1.LeadService.AddLeadActivity",
       R"(parent: "leads/7" activity { kind: ACTIVITY_KIND_VISIT occur_date: "2026-06-10" participants: "张三"
          participants: "王经理" summary: "赴深圳总部拜访" next_step: "邀请来园区考察" next_step_date: "2026-07-01" })"},
      {"crm.v1.LeadService.ListLeadActivities", R"(parent: "leads/7" page_size: 10)"},
      {"crm.v1.LeadService.FindDuplicateLeads", R"(company_name: "华为技术（中国）有限公司")"},
      {"crm.v1.LeadService.FindDuplicateLeads", R"(uscc: "91350200MA3123456J")"},
      {"crm.v1.LeadService.ConvertLead",
       R"(name: "leads/7" etag: "4" project_display_name: "新能源电池生产基地项目" investment_form: INVESTMENT_FORM_NEW_ESTABLISHMENT
          planned_investment_cny: 2500000000 founded_date: "2019-04-12")"},
      // ---- enterprises
      {"crm.v1.EnterpriseService.GetEnterprise", R"(name: "enterprises/7")"},
      {"crm.v1.EnterpriseService.ListEnterprises", R"(page_size: 50)"},
      {"crm.v1.EnterpriseService.ListEnterprises",
       R"(page_size: 1000 title: CERTIFICATION_TITLE_GAZELLE level: CERTIFICATION_LEVEL_PROVINCIAL industry: INDUSTRY_SECTION_C
          in_zone_only: true name_contains: "科技" service_secretary: "users/zhang-san" uscc: "91350200MA3123456J")"},
      {"crm.v1.EnterpriseService.CreateEnterprise",
       R"(enterprise { uscc: "91350200MA3123456J" company_name: "厦门云芯智能科技有限公司" former_names: "厦门云芯科技有限公司"
                       founded_date: "2022-03-01" registered_capital_cny: 50000000 legal_representative: "陈某"
                       address: "厦门火炬高新区软件园三期" in_zone: true industry: INDUSTRY_SECTION_C industry_division: "39"
                       tags: ENTERPRISE_TAG_FORTUNE_GLOBAL_500_SUBSIDIARY }
          request_id: "123e4567-e89b-12d3-a456-426614174000")"},
      {"crm.v1.EnterpriseService.UpdateEnterprise",
       R"(enterprise { name: "enterprises/7" address: "厦门火炬高新区" listed: true } update_mask { paths: "address" paths: "listed" })"},
      {"crm.v1.EnterpriseService.DeleteEnterprise", R"(name: "enterprises/7")"},
      {"crm.v1.EnterpriseService.UndeleteEnterprise", R"(name: "enterprises/7")"},
      {"crm.v1.EnterpriseService.UpdateYearlyMetrics",
       R"(yearly_metrics { name: "enterprises/7/yearlyMetrics/2025" revenue_cny: 320000000 profit_cny: -5000000
                           rd_expense_cny: 40000000 employees: 420 rd_staff: 120 valuation_cny: 720000000
                           cumulative_financing_cny: 150000000 tax_paid_cny: 9000000 patents: 37 }
          update_mask { paths: "*" } allow_missing: true)"},
      {"crm.v1.EnterpriseService.ListYearlyMetrics", R"(parent: "enterprises/7")"},
      {"crm.v1.EnterpriseService.CreateCertification",
       R"(parent: "enterprises/7" certification { title: CERTIFICATION_TITLE_GAZELLE level: CERTIFICATION_LEVEL_PROVINCIAL
          issuer: "福建省科技厅" batch_year: 2025 valid_until: "2028-12-31" evidence_note: "闽科高〔2025〕12号" })"},
      {"crm.v1.EnterpriseService.UpdateCertification",
       R"(certification { name: "enterprises/7/certifications/2" valid_until: "2029-12-31" } update_mask { paths: "valid_until" })"},
      {"crm.v1.EnterpriseService.DeleteCertification", R"(name: "enterprises/7/certifications/2")"},
      {"crm.v1.EnterpriseService.ListCertifications", R"(parent: "enterprises/7" show_deleted: true)"},
      {"crm.v1.EnterpriseService.EvaluateEnterprise", R"(name: "enterprises/7" year: 2025)"},
      {"crm.v1.EnterpriseService.ScreenEnterprises",
       R"(title: CERTIFICATION_TITLE_POTENTIAL_UNICORN in_zone_only: true industry: INDUSTRY_SECTION_C page_size: 100)"},
      {"crm.v1.EnterpriseService.AssignServiceSecretary",
       R"(name: "enterprises/7" service_secretary: "users/zhang-san" note: "重点企业，一企一策" request_id: "123e4567-e89b-12d3-a456-426614174000")"},
      {"crm.v1.EnterpriseService.ListSecretaryAssignments", R"(parent: "enterprises/7")"},
      {"crm.v1.EnterpriseService.CreateServiceRequest",
       R"(parent: "enterprises/7" service_request { category: SERVICE_CATEGORY_FUNDING description: "申请技改补贴"
          raised_date: "2026-06-01" priority: SERVICE_REQUEST_PRIORITY_NORMAL first_responder_unit: "units/east"
          handling_unit: "units/finance" due_date: "2026-06-20" })"},
      {"crm.v1.EnterpriseService.GetServiceRequest", R"(name: "enterprises/7/serviceRequests/3")"},
      {"crm.v1.EnterpriseService.ListServiceRequests", R"(parent: "enterprises/-" page_size: 50)"},
      {"crm.v1.EnterpriseService.ListServiceRequests",
       R"(parent: "enterprises/7" status: SERVICE_REQUEST_STATUS_OPEN unit: "units/east" overdue_only: true
          escalation_color: ESCALATION_COLOR_YELLOW category: SERVICE_CATEGORY_FUNDING)"},
      {"crm.v1.EnterpriseService.UpdateServiceRequest",
       R"(service_request { name: "enterprises/7/serviceRequests/3" handling_unit: "units/land" due_date: "2026-07-01" }
          update_mask { paths: "handling_unit" paths: "due_date" })"},
      {"crm.v1.EnterpriseService.AcceptServiceRequest", R"(name: "enterprises/7/serviceRequests/3")"},
      {"crm.v1.EnterpriseService.StartServiceRequest", R"(name: "enterprises/7/serviceRequests/3" etag: "2")"},
      {"crm.v1.EnterpriseService.ResolveServiceRequest", R"(name: "enterprises/7/serviceRequests/3" resolution: "补贴已拨付")"},
      {"crm.v1.EnterpriseService.CloseServiceRequest", R"(name: "enterprises/7/serviceRequests/3" satisfaction: 5)"},
      {"crm.v1.EnterpriseService.ReopenServiceRequest", R"(name: "enterprises/7/serviceRequests/3" reason: "补贴未足额到位")"},
      {"crm.v1.EnterpriseService.ImportEnterprises",
       R"(enterprises { uscc: "91350200MA3123456J" company_name: "厦门云芯智能科技有限公司" founded_date: "2022-03-01"
                        industry: INDUSTRY_SECTION_C industry_division: "39" }
          enterprises { uscc: "91350200MA31234570" company_name: "错误代码企业" founded_date: "2023-02-29" })"},
      {"crm.v1.EnterpriseService.ExportEnterprises", R"(filter { in_zone_only: true industry: INDUSTRY_SECTION_C })"},
      // ---- projects
      {"crm.v1.ProjectService.GetProject", R"(name: "projects/7")"},
      {"crm.v1.ProjectService.ListProjects", R"(page_size: 50)"},
      {"crm.v1.ProjectService.ListProjects",
       R"(page_size: 1000 stage: PROJECT_STAGE_SIGNED tier: INVESTMENT_TIER_2B unit: "units/east" industry: INDUSTRY_SECTION_C
          owner: "users/zhang-san" investor_enterprise: "enterprises/7" origin_lead: "leads/7" signed_year: 2026
          stalled_only: true order_by: "planned_investment_cny desc")"},
      {"crm.v1.ProjectService.CreateProject",
       R"(project { display_name: "新能源电池生产基地项目" investor_enterprise: "enterprises/7" investor_name: "某新能源科技股份有限公司"
                    investor_uscc: "91350200MA3123456J" origin_lead: "leads/7" industry: INDUSTRY_SECTION_C
                    investment_form: INVESTMENT_FORM_NEW_ESTABLISHMENT planned_investment_cny: 2500000000
                    contracted_investment_cny: 2000000000 land_area_mu: 150.5 unit: "units/east" owner: "users/zhang-san"
                    service_secretary: "users/li-si" }
          request_id: "123e4567-e89b-12d3-a456-426614174000")"},
      {"crm.v1.ProjectService.UpdateProject",
       R"(project { name: "projects/7" planned_investment_cny: 5500000000 land_area_mu: 300 } update_mask { paths: "planned_investment_cny" paths: "land_area_mu" })"},
      {"crm.v1.ProjectService.DeleteProject", R"(name: "projects/7" etag: "5")"},
      {"crm.v1.ProjectService.UndeleteProject", R"(name: "projects/7")"},
      {"crm.v1.ProjectService.AdvanceProjectStage",
       R"(name: "projects/7" to_stage: PROJECT_STAGE_SIGNED effective_date: "2026-06-12" evidence_note: "投资协议 HT-2026-018")"},
      {"crm.v1.ProjectService.AdvanceProjectStage",
       R"(name: "projects/7" to_stage: PROJECT_STAGE_IN_PRODUCTION justification: "企业自建厂房，跳过注册与开工节点"
          request_id: "123e4567-e89b-12d3-a456-426614174000")"},
      {"crm.v1.ProjectService.MarkProjectLost", R"(name: "projects/7" reason: LOST_REASON_OTHER note: "投资方战略调整" effective_date: "2026-06-01")"},
      {"crm.v1.ProjectService.ReopenProject", R"(name: "projects/7" note: "投资方重新启动")"},
      {"crm.v1.ProjectService.ListStageHistory", R"(parent: "projects/7")"},
      {"crm.v1.ProjectService.RecordCapitalArrival",
       R"(parent: "projects/7" capital_arrival { arrival_date: "2026-06-10" amount_cny: 500000000 note: "首期" })"},
      {"crm.v1.ProjectService.ListCapitalArrivals", R"(parent: "projects/7")"},
      {"crm.v1.ProjectService.CreateMilestone",
       R"(parent: "projects/7" milestone { title: "取得施工许可证" planned_date: "2026-09-30" responsible_unit: "units/land" })"},
      {"crm.v1.ProjectService.UpdateMilestone",
       R"(milestone { name: "projects/7/milestones/2" actual_date: "2026-06-14" } update_mask { paths: "actual_date" })"},
      {"crm.v1.ProjectService.DeleteMilestone", R"(name: "projects/7/milestones/2")"},
      {"crm.v1.ProjectService.ListMilestones", R"(parent: "projects/7" show_deleted: true)"},
      {"crm.v1.ProjectService.ListStalledProjects", R"(stall: STALL_KIND_SIGNED_NOT_REGISTERED unit: "units/east" page_size: 20)"},
      {"crm.v1.ProjectService.CreateProjectProblem",
       R"(parent: "projects/7" problem { type: PROBLEM_TYPE_LAND description: "用地指标未落实" escalation_level: ESCALATION_LEVEL_BUREAU })"},
      {"crm.v1.ProjectService.UpdateProjectProblem",
       R"(problem { name: "projects/7/problems/1" status: PROBLEM_STATUS_RESOLVED resolution: "已调剂用地指标" }
          update_mask { paths: "status" paths: "resolution" })"},
      {"crm.v1.ProjectService.ListProjectProblems", R"(parent: "projects/7" open_only: true)"},
      {"crm.v1.ProjectService.SetUnitTarget",
       R"(unit_target { name: "units/east/targets/2026" signed_projects: 12 signed_projects_1b: 4 signed_projects_2b: 2
          signed_projects_5b: 1 signed_investment_cny: 30000000000 construction_starts: 6 capital_arrived_cny: 8000000000 })"},
      {"crm.v1.ProjectService.GetUnitTarget", R"(name: "units/east/targets/2026")"},
      {"crm.v1.ProjectService.ListUnitTargets", R"(year: 2026)"},
      // ---- dashboard
      {"crm.v1.DashboardService.GetPipelineSummary", R"(year: 2026 unit: "units/east" industry: INDUSTRY_SECTION_C)"},
      {"crm.v1.DashboardService.GetPipelineSummary", R"()"},
      {"crm.v1.DashboardService.GetUnitScoreboard", R"(year: 2026)"},
      {"crm.v1.DashboardService.ListAlerts", R"(unit: "units/east" kind: ALERT_KIND_STALLED_PROJECT page_size: 100)"},
      {"crm.v1.DashboardService.ListAlerts", R"(industry: INDUSTRY_SECTION_C page_size: 500)"},
      {"crm.v1.DashboardService.GetEnterprisePoolSummary", R"(year: 2025 industry: INDUSTRY_SECTION_I unit: "units/east")"},
      {"crm.v1.DashboardService.GetTrend", R"(year: 2026 unit: "units/east")"},
      // ---- admin
      {"crm.v1.AdminService.CreateUnit", R"(unit_id: "east" unit { display_name: "东部招商局" })"},
      {"crm.v1.AdminService.ListUnits", R"(page_size: 100)"},
      {"crm.v1.AdminService.CreateUser",
       R"(user_id: "zhang-san" user { display_name: "张三" unit: "units/east" role: ROLE_STAFF })"},
      {"crm.v1.AdminService.CreateUser",
       R"(user_id: "stats-bureau" user { display_name: "统计局" unit: "units/stats" role: ROLE_DEPARTMENT_SERVICE
          scopes: "leads.read" scopes: "dashboard.read" })"},
      {"crm.v1.AdminService.GetUser", R"(name: "users/zhang-san")"},
      {"crm.v1.AdminService.ListUsers", R"(unit: "units/east" page_size: 200)"},
      {"crm.v1.AdminService.UpdateUser",
       R"(user { name: "users/zhang-san" role: ROLE_UNIT_LEAD active: false } update_mask { paths: "role" paths: "active" })"},
      {"crm.v1.AdminService.IssueToken",
       R"(principal: "users/stats-bureau" description: "统计局数据接口" expire_time { seconds: 1830297600 })"},
      {"crm.v1.AdminService.ListTokens", R"(principal: "users/stats-bureau")"},
      {"crm.v1.AdminService.RevokeToken", R"(name: "tokens/3")"},
      {"crm.v1.AdminService.ListAuditEvents",
       R"(page_size: 100 principal: "users/zhang-san" resource: "leads/7" method: "crm.v1.LeadService/UpdateLead" outcome: "OK")"},
  };
  return *seeds;
}

// corpus/<name>: leads_validation for crm.v1.LeadService, …
std::string TargetOf(const google::protobuf::ServiceDescriptor* service) {
  static const std::map<std::string, std::string> targets = {
      {"crm.v1.LeadService", "leads_validation"},
      {"crm.v1.EnterpriseService", "enterprises_validation"},
      {"crm.v1.ProjectService", "projects_validation"},
      {"crm.v1.DashboardService", "dashboard_validation"},
      {"crm.v1.AdminService", "admin_validation"},
  };
  return targets.at(service->full_name());
}

bool Write(const std::filesystem::path& path, const google::protobuf::MethodDescriptor* method,
           const google::protobuf::Message& request) {
  std::string bytes(1, static_cast<char>(method->index()));
  bytes += request.SerializeAsString();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR   (e.g. tests/faults/fuzz/corpus)\n", argv[0]);
    return 2;
  }
  const std::filesystem::path root(argv[1]);
  // Links (and so registers) each service's descriptors, which are looked up by name below.
  for (const google::protobuf::Descriptor* d :
       {crm::v1::GetLeadRequest::descriptor(), crm::v1::GetEnterpriseRequest::descriptor(),
        crm::v1::GetProjectRequest::descriptor(), crm::v1::ListAlertsRequest::descriptor(),
        crm::v1::CreateUnitRequest::descriptor()}) {
    (void)d;
  }
  const google::protobuf::DescriptorPool* pool = google::protobuf::DescriptorPool::generated_pool();
  std::map<std::string, int> count;  // per method
  int written = 0;
  for (const Seed& seed : Seeds()) {
    const google::protobuf::MethodDescriptor* method = pool->FindMethodByName(seed.method);
    if (method == nullptr) {
      std::fprintf(stderr, "no method %s\n", seed.method);
      return 1;
    }
    std::unique_ptr<google::protobuf::Message> request(
        google::protobuf::MessageFactory::generated_factory()->GetPrototype(method->input_type())->New());
    if (!google::protobuf::TextFormat::ParseFromString(seed.request, request.get())) {
      std::fprintf(stderr, "%s: the seed does not parse as %s\n", seed.method, method->input_type()->full_name().c_str());
      return 1;
    }
    const std::filesystem::path dir = root / TargetOf(method->service());
    std::filesystem::create_directories(dir);
    std::vector<std::unique_ptr<google::protobuf::Message>> requests;
    requests.push_back(std::move(request));
    // A list: the same query continued by a token made for it.
    if (const google::protobuf::FieldDescriptor* token = method->input_type()->FindFieldByName("page_token")) {
      std::unique_ptr<google::protobuf::Message> unpaged(requests[0]->New());
      unpaged->CopyFrom(*requests[0]);
      unpaged->GetReflection()->ClearField(unpaged.get(), token);
      if (const auto* size = method->input_type()->FindFieldByName("page_size")) {
        unpaged->GetReflection()->ClearField(unpaged.get(), size);
      }
      std::unique_ptr<google::protobuf::Message> next(requests[0]->New());
      next->CopyFrom(*requests[0]);
      next->GetReflection()->SetString(
          next.get(), token, crm::EncodePageToken({1781481600000000, 42, "2026-06-30"}, crm::QueryFingerprint(*unpaged)));
      requests.push_back(std::move(next));
    }
    for (const auto& r : requests) {
      const std::string name = absl::StrCat(method->name(), "-", ++count[method->full_name()]);
      if (!Write(dir / name, method, *r)) {
        std::fprintf(stderr, "cannot write %s\n", (dir / name).c_str());
        return 1;
      }
      ++written;
    }
  }
  // Every method has a seed.
  for (const char* service : {"crm.v1.LeadService", "crm.v1.EnterpriseService", "crm.v1.ProjectService",
                              "crm.v1.DashboardService", "crm.v1.AdminService"}) {
    const google::protobuf::ServiceDescriptor* s = pool->FindServiceByName(service);
    for (int i = 0; i < s->method_count(); ++i) {
      if (count[s->method(i)->full_name()] == 0) {
        std::fprintf(stderr, "no seed for %s\n", s->method(i)->full_name().c_str());
        return 1;
      }
    }
  }
  std::printf("%d seeds written under %s\n", written, root.c_str());
  return 0;
}
