// libFuzzer target: the enterprises service's request checks (see
// fuzz_support.h), and the screening a valid enterprise or year of figures
// then meets.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/calendar.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "crm/v1/enterprises_service.pb.h"
#include "services/enterprises/enterprise_requests.h"
#include "services/enterprises/enterprise_rules.h"
#include "services/enterprises/screening.h"
#include "tests/faults/fuzz/fuzz_support.h"

namespace crm::fuzz {
namespace {

const v1::EnterprisePolicy& Policy() {
  static const v1::EnterprisePolicy* policy = [] {
    absl::StatusOr<v1::EnterprisePolicy> parsed = ParseEnterprisePolicy(DefaultEnterprisePolicyText());
    Require(parsed.ok(), "the shipped enterprise policy parses");
    return new v1::EnterprisePolicy(*std::move(parsed));
  }();
  return *policy;
}

v1::Enterprise StoredEnterprise() {
  v1::Enterprise e;
  e.set_name("enterprises/7");
  e.set_uscc("91350200MA3123456J");
  e.set_company_name("厦门云芯智能科技有限公司");
  e.set_founded_date("2022-03-01");
  e.set_industry(v1::INDUSTRY_SECTION_C);
  e.set_industry_division("39");
  e.set_in_zone(true);
  return e;
}

v1::ServiceRequest StoredRequest(v1::ServiceRequestStatus status) {
  v1::ServiceRequest r;
  r.set_name("enterprises/7/serviceRequests/3");
  r.set_category(v1::SERVICE_CATEGORY_FUNDING);
  r.set_description("申请技改补贴");
  r.set_raised_date("2026-06-01");
  r.set_priority(v1::SERVICE_REQUEST_PRIORITY_NORMAL);
  r.set_first_responder_unit("units/east");
  r.set_handling_unit("units/east");
  r.set_due_date("2026-06-11");
  r.set_status(status);
  r.set_service_secretary("users/zhang-san");
  return r;
}

void CheckId(const std::string& name, const char* field) {
  absl::StatusOr<int64_t> id = ParseResourceId(name, "enterprises", field);
  RequireVerdict(id.status());
  if (id.ok()) Require(*id > 0, "an enterprise id is positive");
}

void CheckChild(const std::string& name, const char* collection, const char* field) {
  absl::StatusOr<ChildId> id = ParseChildResourceId(name, "enterprises", collection, field);
  RequireVerdict(id.status());
  if (id.ok()) Require(id->parent > 0 && id->id > 0, "child ids are positive");
}

void CheckRequestIdOf(const std::string& request_id) {
  FieldViolations violations;
  CheckRequestId(request_id, violations);
  RequireVerdict(violations.ToStatus());
}

// What the store and the screening then do with a valid enterprise.
void CheckValidEnterprise(const v1::Enterprise& e, const std::optional<v1::YearlyMetrics>& metrics) {
  v1::Enterprise stored;
  CopyRegistrationFields(e, stored);
  ScreeningInput input;
  input.enterprise = stored;
  input.metrics = metrics;
  input.today = Today();
  (void)EvaluateTitles(Policy(), input);
}

void CheckEnterpriseFields(const v1::Enterprise& e, const char* prefix) {
  FieldViolations violations;
  ValidateEnterpriseFields(e, Today(), prefix, violations);
  RequireVerdict(violations.ToStatus());
  if (violations.empty()) CheckValidEnterprise(e, std::nullopt);
}

void CheckRequestMoves(ServiceRequestAction action) {
  for (int s = v1::ServiceRequestStatus_MIN; s <= v1::ServiceRequestStatus_MAX; ++s) {
    v1::ServiceRequest r = StoredRequest(static_cast<v1::ServiceRequestStatus>(s));
    RequireVerdict(ApplyServiceRequestAction(r, action), {absl::StatusCode::kFailedPrecondition});
    DeriveEscalation(Policy(), Today(), r);
  }
}

void CheckRequestStep(const std::string& name, const std::string& request_id, ServiceRequestAction action) {
  CheckRequestIdOf(request_id);
  CheckChild(name, "serviceRequests", "name");
  CheckRequestMoves(action);
}

// Who sees a request, and its colour on days around its due date.
void CheckRequestView(const v1::ServiceRequest& r) {
  for (const Principal& p : Principals()) (void)CanSeeServiceRequest(p, r);
  v1::ServiceRequest shown = r;
  DeriveEscalation(Policy(), Today(), shown);
  for (int color = v1::EscalationColor_MIN; color <= v1::EscalationColor_MAX; ++color) {
    DueDateRange range = DueDatesOf(Policy(), static_cast<v1::EscalationColor>(color), Today());
    Require(!range.earliest || !range.latest || *range.earliest <= *range.latest, "a colour's due dates are a range");
  }
}

const Checks& EnterpriseChecks() {
  static const Checks* checks = [] {
    auto* c = new Checks("crm.v1.EnterpriseService");
    c->On<v1::GetEnterpriseRequest>("GetEnterprise", [](const auto& req) { CheckId(req.name(), "name"); })
        .On<v1::ListEnterprisesRequest>("ListEnterprises",
                                        [](const auto& req) {
                                          absl::StatusOr<EnterpriseQuery> q = EnterpriseQueryOf(req);
                                          RequireVerdict(q.status());
                                          if (!q.ok()) return;
                                          Require(q->page_size >= 1 && q->page_size <= 1000, "a page of 1–1000");
                                          v1::ListEnterprisesRequest unpaged = req;
                                          unpaged.clear_page_size();
                                          unpaged.clear_page_token();
                                          CheckPaging(unpaged, req.page_token());
                                        })
        .On<v1::CreateEnterpriseRequest>("CreateEnterprise",
                                         [](const auto& req) {
                                           CheckEnterpriseFields(req.enterprise(), "enterprise.");
                                           CheckRequestIdOf(req.request_id());
                                         })
        .On<v1::UpdateEnterpriseRequest>("UpdateEnterprise",
                                         [](const auto& req) {
                                           CheckId(req.enterprise().name(), "enterprise.name");
                                           v1::Enterprise e = StoredEnterprise();
                                           absl::Status masked =
                                               ApplyEnterpriseMask(req.update_mask(), req.enterprise(), e);
                                           RequireVerdict(masked);
                                           if (masked.ok()) CheckEnterpriseFields(e, "enterprise.");
                                         })
        .On<v1::DeleteEnterpriseRequest>("DeleteEnterprise", [](const auto& req) { CheckId(req.name(), "name"); })
        .On<v1::UndeleteEnterpriseRequest>("UndeleteEnterprise", [](const auto& req) { CheckId(req.name(), "name"); })
        .On<v1::UpdateYearlyMetricsRequest>("UpdateYearlyMetrics",
                                            [](const auto& req) {
                                              absl::StatusOr<MetricsKey> key = ParseYearlyMetricsName(
                                                  req.yearly_metrics().name(), "yearly_metrics.name");
                                              RequireVerdict(key.status());
                                              if (!key.ok()) return;
                                              Require(key->enterprise_id > 0, "figures belong to an enterprise");
                                              v1::YearlyMetrics m;
                                              m.set_year(key->year);
                                              absl::Status masked =
                                                  ApplyYearlyMetricsMask(req.update_mask(), req.yearly_metrics(), m);
                                              RequireVerdict(masked);
                                              if (!masked.ok()) return;
                                              FieldViolations violations;
                                              ValidateYearlyMetrics(m, "yearly_metrics.", violations);
                                              RequireVerdict(violations.ToStatus());
                                              if (!violations.empty()) return;
                                              // The year before, the same figures halved: growth against it.
                                              std::vector<v1::YearlyMetrics> years = {m, m};
                                              years[1].set_year(m.year() - 1);
                                              if (m.has_revenue_cny()) years[1].set_revenue_cny(m.revenue_cny() / 2);
                                              if (m.has_valuation_cny()) {
                                                years[1].set_valuation_cny(m.valuation_cny() / 2);
                                              }
                                              DeriveMetrics(years);
                                              CheckValidEnterprise(StoredEnterprise(), years[0]);
                                            })
        .On<v1::ListYearlyMetricsRequest>("ListYearlyMetrics", [](const auto& req) { CheckId(req.parent(), "parent"); })
        .On<v1::CreateCertificationRequest>("CreateCertification",
                                            [](const auto& req) {
                                              FieldViolations violations;
                                              ValidateCertificationFields(req.certification(), "certification.",
                                                                          violations);
                                              RequireVerdict(violations.ToStatus());
                                              CheckRequestIdOf(req.request_id());
                                              CheckId(req.parent(), "parent");
                                              if (violations.empty()) (void)IsCurrent(req.certification(), Today());
                                            })
        .On<v1::UpdateCertificationRequest>(
            "UpdateCertification",
            [](const auto& req) {
              CheckChild(req.certification().name(), "certifications", "certification.name");
              v1::Certification c;
              c.set_title(v1::CERTIFICATION_TITLE_GAZELLE);
              c.set_level(v1::CERTIFICATION_LEVEL_PROVINCIAL);
              absl::Status masked = ApplyCertificationMask(req.update_mask(), req.certification(), c);
              RequireVerdict(masked);
              if (!masked.ok()) return;
              FieldViolations violations;
              ValidateCertificationFields(c, "certification.", violations);
              RequireVerdict(violations.ToStatus());
            })
        .On<v1::DeleteCertificationRequest>("DeleteCertification",
                                            [](const auto& req) { CheckChild(req.name(), "certifications", "name"); })
        .On<v1::ListCertificationsRequest>("ListCertifications",
                                           [](const auto& req) { CheckId(req.parent(), "parent"); })
        .On<v1::EvaluateEnterpriseRequest>(
            "EvaluateEnterprise", [](const auto& req) { RequireVerdict(CheckEvaluateEnterpriseRequest(req).status()); })
        .On<v1::ScreenEnterprisesRequest>("ScreenEnterprises",
                                          [](const auto& req) {
                                            RequireVerdict(EffectivePageSize(req.page_size()).status());
                                            v1::ScreenEnterprisesRequest unpaged = req;
                                            unpaged.clear_page_size();
                                            unpaged.clear_page_token();
                                            CheckPaging(unpaged, req.page_token());
                                          })
        .On<v1::AssignServiceSecretaryRequest>("AssignServiceSecretary",
                                               [](const auto& req) {
                                                 RequireVerdict(CheckAssignServiceSecretaryRequest(req).status());
                                                 CheckId(req.name(), "name");
                                               })
        .On<v1::ListSecretaryAssignmentsRequest>("ListSecretaryAssignments",
                                                 [](const auto& req) { CheckId(req.parent(), "parent"); })
        .On<v1::CreateServiceRequestRequest>(
            "CreateServiceRequest",
            [](const auto& req) {
              CheckId(req.parent(), "parent");
              FieldViolations violations;
              ValidateServiceRequestFields(req.service_request(), "service_request.", violations);
              RequireVerdict(violations.ToStatus());
              CheckRequestIdOf(req.request_id());
              if (!violations.empty()) return;
              if (auto raised = ParseIsoDay(req.service_request().raised_date())) {
                (void)DefaultDueDate(Policy(), req.service_request().priority(), *raised);
              }
              CheckRequestView(req.service_request());
            })
        .On<v1::GetServiceRequestRequest>("GetServiceRequest",
                                          [](const auto& req) { CheckChild(req.name(), "serviceRequests", "name"); })
        .On<v1::ListServiceRequestsRequest>("ListServiceRequests",
                                            [](const auto& req) {
                                              std::string fingerprint;
                                              absl::StatusOr<ServiceRequestQuery> q =
                                                  ServiceRequestQueryOf(req, Policy(), Today(), fingerprint);
                                              RequireVerdict(q.status());
                                              if (q.ok()) {
                                                Require(q->page_size >= 1 && q->page_size <= 1000, "a page of 1–1000");
                                              }
                                            })
        .On<v1::UpdateServiceRequestRequest>(
            "UpdateServiceRequest",
            [](const auto& req) {
              CheckChild(req.service_request().name(), "serviceRequests", "service_request.name");
              v1::ServiceRequest r = StoredRequest(v1::SERVICE_REQUEST_STATUS_ACCEPTED);
              absl::Status masked = ApplyServiceRequestMask(req.update_mask(), req.service_request(), r);
              RequireVerdict(masked);
              if (!masked.ok()) return;
              FieldViolations violations;
              ValidateServiceRequestFields(r, "service_request.", violations);
              RequireVerdict(violations.ToStatus());
              if (violations.empty()) CheckRequestView(r);
            })
        .On<v1::AcceptServiceRequestRequest>(
            "AcceptServiceRequest",
            [](const auto& req) { CheckRequestStep(req.name(), req.request_id(), ServiceRequestAction::kAccept); })
        .On<v1::StartServiceRequestRequest>(
            "StartServiceRequest",
            [](const auto& req) { CheckRequestStep(req.name(), req.request_id(), ServiceRequestAction::kStart); })
        .On<v1::ResolveServiceRequestRequest>("ResolveServiceRequest",
                                              [](const auto& req) {
                                                RequireVerdict(CheckResolveServiceRequestRequest(req));
                                                CheckRequestStep(req.name(), req.request_id(),
                                                                 ServiceRequestAction::kResolve);
                                              })
        .On<v1::CloseServiceRequestRequest>("CloseServiceRequest",
                                            [](const auto& req) {
                                              RequireVerdict(CheckCloseServiceRequestRequest(req));
                                              CheckRequestStep(req.name(), req.request_id(),
                                                               ServiceRequestAction::kClose);
                                            })
        .On<v1::ReopenServiceRequestRequest>("ReopenServiceRequest",
                                             [](const auto& req) {
                                               RequireVerdict(CheckReopenServiceRequestRequest(req));
                                               CheckRequestStep(req.name(), req.request_id(),
                                                                ServiceRequestAction::kReopen);
                                             })
        // One message of the import stream: each row is validated as ImportBatch does.
        .On<v1::ImportEnterprisesRequest>("ImportEnterprises",
                                          [](const auto& req) {
                                            for (const v1::Enterprise& row : req.enterprises()) {
                                              CheckEnterpriseFields(row, "");
                                            }
                                          })
        .On<v1::ExportEnterprisesRequest>(
            "ExportEnterprises", [](const auto& req) { RequireVerdict(EnterpriseQueryOf(req.filter()).status()); });
    c->RequireAllMethods();
    return c;
  }();
  return *checks;
}

}  // namespace
}  // namespace crm::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crm::fuzz::EnterpriseChecks().Run(data, size);
  return 0;
}
