// libFuzzer target: the leads service's request checks (see fuzz_support.h).

#include <cstddef>
#include <cstdint>
#include <string>

#include "base/field_violations.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "crm/v1/leads_service.pb.h"
#include "services/leads/lead_requests.h"
#include "services/leads/lead_rules.h"
#include "tests/faults/fuzz/fuzz_support.h"

namespace crm::fuzz {
namespace {

using v1::Lead;

// A lead as the store holds it, for the checks that run on a stored lead
// (an update's mask and validation, the status moves).
Lead StoredLead(v1::LeadStatus status) {
  Lead lead;
  lead.set_name("leads/7");
  lead.set_company_name("厦门某新能源科技股份有限公司");
  lead.set_uscc("91350200MA3123456J");
  lead.set_target_list(v1::TARGET_LIST_INDUSTRY_LEADER);
  lead.set_channel(v1::LEAD_CHANNEL_OUTBOUND_VISIT);
  lead.set_industry(v1::INDUSTRY_SECTION_C);
  lead.set_owner("users/zhang-san");
  lead.set_unit("units/east");
  lead.set_status(status);
  lead.set_etag("3");
  return lead;
}

void CheckName(const std::string& name, const char* field) {
  absl::StatusOr<int64_t> id = ParseResourceId(name, "leads", field);
  RequireVerdict(id.status());
  if (id.ok()) Require(*id > 0, "a lead id is positive");
}

void CheckRequestIdOf(const std::string& request_id) {
  FieldViolations violations;
  CheckRequestId(request_id, violations);
  RequireVerdict(violations.ToStatus());
  Require(violations.empty() == (request_id.empty() || IsUuid(request_id)), "request ids are UUIDs");
}

// Who may see, change and own `lead`; what they are shown of it.
void CheckAccess(const Lead* before, const Lead& lead) {
  for (const Principal& p : Principals()) {
    (void)CanSeeLead(p, lead);
    Lead shown = lead;
    RedactLead(p, shown);
    RequireVerdict(CheckLeadAssignment(p, before, lead), {absl::StatusCode::kPermissionDenied});
  }
}

void CheckStatusMoves(LeadAction action) {
  for (int s = v1::LeadStatus_MIN; s <= v1::LeadStatus_MAX; ++s) {
    Lead lead = StoredLead(static_cast<v1::LeadStatus>(s));
    RequireVerdict(ApplyLeadAction(lead, action), {absl::StatusCode::kFailedPrecondition});
    (void)LeadStatusName(lead.status());
  }
}

const Checks& LeadChecks() {
  static const Checks* checks = [] {
    auto* c = new Checks("crm.v1.LeadService");
    c->On<v1::GetLeadRequest>("GetLead", [](const auto& req) { CheckName(req.name(), "name"); })
        .On<v1::ListLeadsRequest>("ListLeads",
                                  [](const auto& req) {
                                    std::string fingerprint;
                                    absl::StatusOr<LeadQuery> q = LeadQueryOf(req, fingerprint);
                                    RequireVerdict(q.status());
                                    if (!q.ok()) return;
                                    Require(q->page_size >= 1 && q->page_size <= 1000, "a page of 1–1000 leads");
                                    v1::ListLeadsRequest unpaged = req;
                                    unpaged.clear_page_size();
                                    unpaged.clear_page_token();
                                    Require(QueryFingerprint(unpaged) == fingerprint, "one fingerprint per query");
                                    CheckPaging(unpaged, req.page_token());
                                  })
        .On<v1::CreateLeadRequest>("CreateLead",
                                   [](const auto& req) {
                                     FieldViolations violations;
                                     ValidateLeadFields(req.lead(), "lead.", violations);
                                     RequireVerdict(violations.ToStatus());
                                     CheckRequestIdOf(req.request_id());
                                     if (!violations.empty()) return;
                                     (void)NormalizeCompanyName(req.lead().company_name());  // the store's key
                                     CheckAccess(nullptr, req.lead());
                                   })
        .On<v1::UpdateLeadRequest>("UpdateLead",
                                   [](const auto& req) {
                                     CheckName(req.lead().name(), "lead.name");
                                     const Lead before = StoredLead(v1::LEAD_STATUS_CONTACTING);
                                     Lead lead = before;
                                     absl::Status masked = ApplyLeadMask(req.update_mask(), req.lead(), lead);
                                     RequireVerdict(masked);
                                     if (!masked.ok()) return;
                                     FieldViolations violations;
                                     ValidateLeadFields(lead, "lead.", violations);
                                     RequireVerdict(violations.ToStatus());
                                     if (violations.empty()) CheckAccess(&before, lead);
                                   })
        .On<v1::DeleteLeadRequest>("DeleteLead", [](const auto& req) { CheckName(req.name(), "name"); })
        .On<v1::UndeleteLeadRequest>("UndeleteLead", [](const auto& req) { CheckName(req.name(), "name"); })
        .On<v1::QualifyLeadRequest>("QualifyLead",
                                    [](const auto& req) {
                                      CheckRequestIdOf(req.request_id());
                                      CheckName(req.name(), "name");
                                      CheckStatusMoves(LeadAction::kQualify);
                                    })
        .On<v1::DisqualifyLeadRequest>("DisqualifyLead",
                                       [](const auto& req) {
                                         RequireVerdict(CheckDisqualifyReason(req.reason()));
                                         CheckRequestIdOf(req.request_id());
                                         CheckName(req.name(), "name");
                                         CheckStatusMoves(LeadAction::kDisqualify);
                                       })
        .On<v1::ReopenLeadRequest>("ReopenLead",
                                   [](const auto& req) {
                                     CheckRequestIdOf(req.request_id());
                                     CheckName(req.name(), "name");
                                     CheckStatusMoves(LeadAction::kReopen);
                                   })
        .On<v1::AddLeadActivityRequest>("AddLeadActivity",
                                        [](const auto& req) {
                                          FieldViolations violations;
                                          ValidateActivityFields(req.activity(), "activity.", violations);
                                          RequireVerdict(violations.ToStatus());
                                          CheckRequestIdOf(req.request_id());
                                          CheckName(req.parent(), "parent");
                                          CheckStatusMoves(LeadAction::kFirstActivity);
                                        })
        .On<v1::ListLeadActivitiesRequest>("ListLeadActivities",
                                           [](const auto& req) {
                                             CheckName(req.parent(), "parent");
                                             RequireVerdict(EffectivePageSize(req.page_size()).status());
                                             v1::ListLeadActivitiesRequest unpaged = req;
                                             unpaged.clear_page_size();
                                             unpaged.clear_page_token();
                                             CheckPaging(unpaged, req.page_token());
                                           })
        .On<v1::FindDuplicateLeadsRequest>("FindDuplicateLeads",
                                           [](const auto& req) {
                                             absl::Status checked = CheckFindDuplicateLeadsRequest(req);
                                             RequireVerdict(checked);
                                             if (checked.ok()) (void)NormalizeCompanyName(req.company_name());
                                           })
        .On<v1::ConvertLeadRequest>("ConvertLead", [](const auto& req) {
          RequireVerdict(CheckConvertLeadRequest(req).status());
          CheckStatusMoves(LeadAction::kConvert);
        });
    c->RequireAllMethods();
    return c;
  }();
  return *checks;
}

}  // namespace
}  // namespace crm::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  crm::fuzz::LeadChecks().Run(data, size);
  return 0;
}
