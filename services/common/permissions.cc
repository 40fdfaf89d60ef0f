#include "services/common/permissions.h"

#include "absl/algorithm/container.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace crm {
namespace {

using v1::Role;
constexpr Role kStaff = v1::ROLE_STAFF;
constexpr Role kUnitLead = v1::ROLE_UNIT_LEAD;
constexpr Role kLeadership = v1::ROLE_LEADERSHIP;
constexpr Role kAdmin = v1::ROLE_ADMIN;

// Who reads the pipeline, and who changes it. LEADERSHIP reads everything and
// changes nothing here; a DEPARTMENT_SERVICE account gets only the calls whose
// scope it was granted (e.g. statistics: leads.read).
const std::vector<Role> kReaders = {kStaff, kUnitLead, kLeadership, kAdmin};
const std::vector<Role> kWriters = {kStaff, kUnitLead, kAdmin};
const std::vector<Role> kAdmins = {kAdmin};

}  // namespace

const std::map<std::string, MethodPermission>& PermissionTable() {
  static const auto& table = *new std::map<std::string, MethodPermission>{
      {"crm.v1.LeadService/GetLead", {kReaders, "leads.read"}},
      {"crm.v1.LeadService/ListLeads", {kReaders, "leads.read"}},
      {"crm.v1.LeadService/ListLeadActivities", {kReaders, "leads.read"}},
      {"crm.v1.LeadService/FindDuplicateLeads", {kReaders, "leads.read"}},
      {"crm.v1.LeadService/CreateLead", {kWriters, "leads.write"}},
      {"crm.v1.LeadService/UpdateLead", {kWriters, "leads.write"}},
      {"crm.v1.LeadService/DeleteLead", {kWriters, "leads.write"}},
      {"crm.v1.LeadService/UndeleteLead", {kWriters, "leads.write"}},
      {"crm.v1.LeadService/QualifyLead", {kWriters, "leads.write"}},
      {"crm.v1.LeadService/DisqualifyLead", {kWriters, "leads.write"}},
      {"crm.v1.LeadService/ReopenLead", {kWriters, "leads.write"}},
      {"crm.v1.LeadService/AddLeadActivity", {kWriters, "leads.write"}},
      {"crm.v1.EnterpriseService/GetEnterprise", {kReaders, "enterprises.read"}},
      {"crm.v1.EnterpriseService/ListEnterprises", {kReaders, "enterprises.read"}},
      {"crm.v1.EnterpriseService/ListYearlyMetrics", {kReaders, "enterprises.read"}},
      {"crm.v1.EnterpriseService/ListCertifications", {kReaders, "enterprises.read"}},
      {"crm.v1.EnterpriseService/EvaluateEnterprise", {kReaders, "enterprises.read"}},
      {"crm.v1.EnterpriseService/ScreenEnterprises", {kReaders, "enterprises.read"}},
      {"crm.v1.EnterpriseService/ListSecretaryAssignments", {kReaders, "enterprises.read"}},
      {"crm.v1.EnterpriseService/ExportEnterprises", {kReaders, "enterprises.read"}},
      {"crm.v1.EnterpriseService/CreateEnterprise", {kWriters, "enterprises.write"}},
      {"crm.v1.EnterpriseService/UpdateEnterprise", {kWriters, "enterprises.write"}},
      {"crm.v1.EnterpriseService/DeleteEnterprise", {kWriters, "enterprises.write"}},
      {"crm.v1.EnterpriseService/UndeleteEnterprise", {kWriters, "enterprises.write"}},
      {"crm.v1.EnterpriseService/UpdateYearlyMetrics", {kWriters, "enterprises.write"}},
      {"crm.v1.EnterpriseService/CreateCertification", {kWriters, "enterprises.write"}},
      {"crm.v1.EnterpriseService/UpdateCertification", {kWriters, "enterprises.write"}},
      {"crm.v1.EnterpriseService/DeleteCertification", {kWriters, "enterprises.write"}},
      {"crm.v1.EnterpriseService/ImportEnterprises", {kWriters, "enterprises.write"}},
      {"crm.v1.EnterpriseService/AssignServiceSecretary", {{kUnitLead, kAdmin}, ""}},
      {"crm.v1.EnterpriseService/GetServiceRequest", {kReaders, "service_requests.read"}},
      {"crm.v1.EnterpriseService/ListServiceRequests", {kReaders, "service_requests.read"}},
      {"crm.v1.EnterpriseService/CreateServiceRequest", {kWriters, "service_requests.write"}},
      {"crm.v1.EnterpriseService/UpdateServiceRequest", {kWriters, "service_requests.write"}},
      {"crm.v1.EnterpriseService/AcceptServiceRequest", {kWriters, "service_requests.write"}},
      {"crm.v1.EnterpriseService/StartServiceRequest", {kWriters, "service_requests.write"}},
      {"crm.v1.EnterpriseService/ResolveServiceRequest", {kWriters, "service_requests.write"}},
      {"crm.v1.EnterpriseService/CloseServiceRequest", {kWriters, "service_requests.write"}},
      {"crm.v1.EnterpriseService/ReopenServiceRequest", {kWriters, "service_requests.write"}},
      {"crm.v1.ProjectService/GetProject", {kReaders, "projects.read"}},
      {"crm.v1.ProjectService/ListProjects", {kReaders, "projects.read"}},
      {"crm.v1.ProjectService/ListStageHistory", {kReaders, "projects.read"}},
      {"crm.v1.ProjectService/ListCapitalArrivals", {kReaders, "projects.read"}},
      {"crm.v1.ProjectService/ListMilestones", {kReaders, "projects.read"}},
      {"crm.v1.ProjectService/ListStalledProjects", {kReaders, "projects.read"}},
      {"crm.v1.ProjectService/ListProjectProblems", {kReaders, "projects.read"}},
      {"crm.v1.ProjectService/GetUnitTarget", {kReaders, "projects.read"}},
      {"crm.v1.ProjectService/ListUnitTargets", {kReaders, "projects.read"}},
      {"crm.v1.ProjectService/CreateProject", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/UpdateProject", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/DeleteProject", {{kUnitLead, kAdmin}, ""}},
      {"crm.v1.ProjectService/UndeleteProject", {{kUnitLead, kAdmin}, ""}},
      {"crm.v1.ProjectService/AdvanceProjectStage", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/MarkProjectLost", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/ReopenProject", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/RecordCapitalArrival", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/CreateMilestone", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/UpdateMilestone", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/DeleteMilestone", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/CreateProjectProblem", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/UpdateProjectProblem", {kWriters, "projects.write"}},
      {"crm.v1.ProjectService/SetUnitTarget", {{kLeadership, kAdmin}, ""}},
      {"crm.v1.LeadService/ConvertLead", {kWriters, "leads.write"}},
      {"crm.v1.DashboardService/GetPipelineSummary", {kReaders, "dashboard.read"}},
      {"crm.v1.DashboardService/GetUnitScoreboard", {kReaders, "dashboard.read"}},
      {"crm.v1.DashboardService/ListAlerts", {kReaders, "dashboard.read"}},
      {"crm.v1.DashboardService/GetEnterprisePoolSummary", {kReaders, "dashboard.read"}},
      {"crm.v1.DashboardService/GetTrend", {kReaders, "dashboard.read"}},
      {"crm.v1.AdminService/CreateUnit", {kAdmins, ""}},
      {"crm.v1.AdminService/ListUnits", {kAdmins, ""}},
      {"crm.v1.AdminService/CreateUser", {kAdmins, ""}},
      {"crm.v1.AdminService/GetUser", {kAdmins, ""}},
      {"crm.v1.AdminService/ListUsers", {kAdmins, ""}},
      {"crm.v1.AdminService/UpdateUser", {kAdmins, ""}},
      {"crm.v1.AdminService/IssueToken", {kAdmins, ""}},
      {"crm.v1.AdminService/ListTokens", {kAdmins, ""}},
      {"crm.v1.AdminService/RevokeToken", {kAdmins, ""}},
      {"crm.v1.AdminService/ListAuditEvents", {{kLeadership, kAdmin}, ""}},
  };
  return table;
}

bool IsKnownScope(absl::string_view scope) {
  for (const auto& [method, permission] : PermissionTable()) {
    if (!scope.empty() && permission.scope == scope) return true;
  }
  return false;
}

absl::Status AuthorizeMethod(const Principal& principal, absl::string_view method) {
  const auto& table = PermissionTable();
  auto it = table.find(std::string(method));
  if (it != table.end()) {
    const MethodPermission& permission = it->second;
    if (absl::c_linear_search(permission.roles, principal.role)) return absl::OkStatus();
    if (principal.role == v1::ROLE_DEPARTMENT_SERVICE && !permission.scope.empty() &&
        absl::c_linear_search(principal.scopes, permission.scope)) {
      return absl::OkStatus();
    }
  }
  return absl::PermissionDeniedError(absl::StrCat(
      principal.user_name(), " (", absl::StripPrefix(v1::Role_Name(principal.role), "ROLE_"), ") may not call ",
      method));
}

}  // namespace crm
