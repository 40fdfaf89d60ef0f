#include "services/leads/leads_service.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/field_violations.h"
#include "base/page_limit.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "services/common/call_mutation.h"
#include "services/leads/lead_requests.h"
#include "services/leads/lead_rules.h"

namespace crm {
namespace {

using v1::Lead;

// NOT_FOUND, worded as for a missing lead, when `p` may not see `lead`.
absl::Status Visible(const Principal& p, const Lead& lead) {
  if (CanSeeLead(p, lead)) return absl::OkStatus();
  return absl::NotFoundError(absl::StrCat(lead.name(), " does not exist"));
}

}  // namespace

LeadService::LeadService(RpcRunner* runner, ConnectionPool* pool)
    : runner_(runner), store_(pool, &NormalizeCompanyName) {}

grpc::ServerUnaryReactor* LeadService::GetLead(grpc::CallbackServerContext* ctx, const v1::GetLeadRequest* req,
                                                Lead* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "leads", "name"));
    ASSIGN_OR_RETURN(*resp, store_.Get(id, call.deadline));
    RETURN_IF_ERROR(Visible(call.principal, *resp));
    RedactLead(call.principal, *resp);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* LeadService::ListLeads(grpc::CallbackServerContext* ctx,
                                                  const v1::ListLeadsRequest* req, v1::ListLeadsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    std::string fingerprint;
    ASSIGN_OR_RETURN(LeadQuery query, LeadQueryOf(*req, fingerprint));
    query.scope = LeadVisibility(call.principal);
    query.max_bytes = call.page_bytes;
    ASSIGN_OR_RETURN(LeadPage page, store_.List(query, call.deadline));
    for (Lead& lead : page.leads) {
      RedactLead(call.principal, lead);
      resp->add_leads()->Swap(&lead);
    }
    if (page.next) resp->set_next_page_token(EncodePageToken({page.next->first, page.next->second, ""}, fingerprint));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* LeadService::CreateLead(grpc::CallbackServerContext* ctx,
                                                   const v1::CreateLeadRequest* req, Lead* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    FieldViolations violations;
    if (!req->has_lead()) violations.Add("lead", "is required");
    ValidateLeadFields(req->lead(), "lead.", violations);
    CheckRequestId(req->request_id(), violations);
    RETURN_IF_ERROR(violations.ToStatus());
    Lead lead = req->lead();
    lead.clear_name();
    lead.clear_etag();
    lead.clear_disqualify_reason();
    lead.clear_converted_enterprise();
    lead.clear_converted_project();
    lead.set_status(v1::LEAD_STATUS_NEW);
    if (lead.owner().empty()) lead.set_owner(call.principal.user_name());
    if (lead.unit().empty()) lead.set_unit(call.principal.unit_name());
    RETURN_IF_ERROR(CheckLeadAssignment(call.principal, nullptr, lead));
    ASSIGN_OR_RETURN(*resp, Written(call, store_.Create(MutationOf(call, req->request_id()), lead), lead.uscc()));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* LeadService::UpdateLead(grpc::CallbackServerContext* ctx,
                                                   const v1::UpdateLeadRequest* req, Lead* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->lead().name(), "leads", "lead.name"));
    std::string uscc;  // the lead's, for a collision's message
    auto updated = store_.Mutate(MutationOf(call), id, req->lead().etag(), [&](Lead& lead) {
      RETURN_IF_ERROR(Visible(call.principal, lead));
      if (lead.has_delete_time()) {
        return absl::FailedPreconditionError(absl::StrCat(lead.name(), " is deleted; undelete it first"));
      }
      const Lead before = lead;
      RETURN_IF_ERROR(ApplyLeadMask(req->update_mask(), req->lead(), lead));
      uscc = lead.uscc();
      FieldViolations violations;
      ValidateLeadFields(lead, "lead.", violations);
      RETURN_IF_ERROR(violations.ToStatus());
      return CheckLeadAssignment(call.principal, &before, lead);
    });
    ASSIGN_OR_RETURN(*resp, Written(call, std::move(updated), uscc));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* LeadService::DeleteLead(grpc::CallbackServerContext* ctx,
                                                   const v1::DeleteLeadRequest* req, Lead* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "leads", "name"));
    ASSIGN_OR_RETURN(*resp, store_.Mutate(MutationOf(call), id, req->etag(), [&](Lead& lead) {
      RETURN_IF_ERROR(Visible(call.principal, lead));
      if (lead.has_delete_time()) {
        return absl::FailedPreconditionError(absl::StrCat(lead.name(), " is already deleted"));
      }
      // (TimeUtil::GetCurrentTime has whole seconds only here.)
      *lead.mutable_delete_time() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(call.now));
      return absl::OkStatus();
    }));
    RedactLead(call.principal, *resp);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* LeadService::UndeleteLead(grpc::CallbackServerContext* ctx,
                                                     const v1::UndeleteLeadRequest* req, Lead* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->name(), "leads", "name"));
    std::string uscc;  // the lead's, for a collision's message
    auto undeleted = store_.Mutate(MutationOf(call), id, req->etag(), [&](Lead& lead) {
      RETURN_IF_ERROR(Visible(call.principal, lead));
      uscc = lead.uscc();
      if (!lead.has_delete_time()) {
        return absl::FailedPreconditionError(absl::StrCat(lead.name(), " is not deleted"));
      }
      lead.clear_delete_time();
      return absl::OkStatus();
    });
    ASSIGN_OR_RETURN(*resp, Written(call, std::move(undeleted), uscc));
    return absl::OkStatus();
  });
}

absl::StatusOr<Lead> LeadService::Written(const CallContext& call, absl::StatusOr<Lead> result,
                                           const std::string& uscc) {
  if (result.ok()) {
    RedactLead(call.principal, *result);
    return result;
  }
  if (result.status().code() != absl::StatusCode::kAlreadyExists || uscc.empty()) return result;
  // The USCC belongs to another lead: name it only if the caller may see it.
  auto holders = store_.FindActive(LeadVisibility(call.principal), uscc, "", 1, call.deadline);
  if (holders.ok() && !holders->empty()) return result;
  return absl::AlreadyExistsError(absl::StrCat("uscc ", uscc, " already belongs to a lead of another unit"));
}

absl::Status LeadService::ChangeStatus(const CallContext& call, const std::string& name, const std::string& etag,
                                        const std::string& request_id, LeadAction action,
                                        const std::string& reason, Lead* resp) {
  FieldViolations violations;
  CheckRequestId(request_id, violations);
  RETURN_IF_ERROR(violations.ToStatus());
  ASSIGN_OR_RETURN(int64_t id, ParseResourceId(name, "leads", "name"));
  ASSIGN_OR_RETURN(*resp, store_.Mutate(MutationOf(call, request_id), id, etag, [&](Lead& lead) -> absl::Status {
    RETURN_IF_ERROR(Visible(call.principal, lead));
    if (lead.has_delete_time()) {
      return absl::FailedPreconditionError(absl::StrCat(lead.name(), " is deleted; undelete it first"));
    }
    RETURN_IF_ERROR(ApplyLeadAction(lead, action));
    if (action == LeadAction::kDisqualify) lead.set_disqualify_reason(reason);
    return absl::OkStatus();
  }));
  RedactLead(call.principal, *resp);
  return absl::OkStatus();
}

grpc::ServerUnaryReactor* LeadService::QualifyLead(grpc::CallbackServerContext* ctx,
                                                    const v1::QualifyLeadRequest* req, Lead* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) {
    return ChangeStatus(call, req->name(), req->etag(), req->request_id(), LeadAction::kQualify, "", resp);
  });
}

grpc::ServerUnaryReactor* LeadService::DisqualifyLead(grpc::CallbackServerContext* ctx,
                                                       const v1::DisqualifyLeadRequest* req, Lead* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckDisqualifyReason(req->reason()));
    return ChangeStatus(call, req->name(), req->etag(), req->request_id(), LeadAction::kDisqualify,
                        req->reason(), resp);
  });
}

grpc::ServerUnaryReactor* LeadService::ReopenLead(grpc::CallbackServerContext* ctx,
                                                   const v1::ReopenLeadRequest* req, Lead* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    return ChangeStatus(call, req->name(), req->etag(), req->request_id(), LeadAction::kReopen, "", resp);
  });
}

grpc::ServerUnaryReactor* LeadService::AddLeadActivity(grpc::CallbackServerContext* ctx,
                                                        const v1::AddLeadActivityRequest* req,
                                                        v1::Activity* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    FieldViolations violations;
    if (!req->has_activity()) violations.Add("activity", "is required");
    ValidateActivityFields(req->activity(), "activity.", violations);
    CheckRequestId(req->request_id(), violations);
    RETURN_IF_ERROR(violations.ToStatus());
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "leads", "parent"));
    ASSIGN_OR_RETURN(*resp, store_.AddActivity(MutationOf(call, req->request_id()), id, req->activity(),
                                               [&](Lead& lead) -> absl::Status {
                                                 RETURN_IF_ERROR(Visible(call.principal, lead));
                                                 // The first contact starts the courtship.
                                                 if (lead.status() == v1::LEAD_STATUS_NEW) {
                                                   return ApplyLeadAction(lead, LeadAction::kFirstActivity);
                                                 }
                                                 return absl::OkStatus();
                                               }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* LeadService::ListLeadActivities(grpc::CallbackServerContext* ctx,
                                                           const v1::ListLeadActivitiesRequest* req,
                                                           v1::ListLeadActivitiesResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "leads", "parent"));
    ASSIGN_OR_RETURN(Lead parent, store_.Get(id, call.deadline));
    RETURN_IF_ERROR(Visible(call.principal, parent));
    ASSIGN_OR_RETURN(int page_size, EffectivePageSize(req->page_size()));
    v1::ListLeadActivitiesRequest unpaged = *req;
    unpaged.clear_page_size();
    unpaged.clear_page_token();
    std::string fingerprint = QueryFingerprint(unpaged);
    std::optional<std::pair<int64_t, int64_t>> after;
    if (!req->page_token().empty()) {
      ASSIGN_OR_RETURN(PageCursor cursor, DecodePageToken(req->page_token(), fingerprint));
      after = std::make_pair(cursor.key, cursor.id);
    }
    ASSIGN_OR_RETURN(ActivityPage page, store_.ListActivities(id, page_size, call.page_bytes, after, call.deadline));
    for (v1::Activity& a : page.activities) resp->add_activities()->Swap(&a);
    if (page.next) resp->set_next_page_token(EncodePageToken({page.next->first, page.next->second, ""}, fingerprint));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* LeadService::FindDuplicateLeads(grpc::CallbackServerContext* ctx,
                                                           const v1::FindDuplicateLeadsRequest* req,
                                                           v1::FindDuplicateLeadsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    RETURN_IF_ERROR(CheckFindDuplicateLeadsRequest(*req));
    std::string key = req->company_name().empty() ? "" : NormalizeCompanyName(req->company_name());
    ASSIGN_OR_RETURN(std::vector<Lead> leads,
                     store_.FindActive(LeadVisibility(call.principal), req->uscc(), key, 100, call.deadline));
    // As many of the (at most 100) matches as one response holds: long notes
    // and many contacts make a lead large.
    TrimPage(leads, leads.size(), call.page_bytes);
    for (Lead& lead : leads) {
      RedactLead(call.principal, lead);
      auto* match = resp->add_matches();
      match->set_matched_on(!req->uscc().empty() && lead.uscc() == req->uscc() ? "uscc" : "company_name");
      match->mutable_lead()->Swap(&lead);
    }
    return absl::OkStatus();
  });
}

}  // namespace crm
