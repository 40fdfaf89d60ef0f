// EnterpriseService: yearly figures, titles (certifications) and screening.

#include <google/protobuf/util/time_util.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/field_violations.h"
#include "base/page_limit.h"
#include "base/page_token.h"
#include "base/resource_name.h"
#include "base/status_macros.h"
#include "services/common/call_mutation.h"
#include "services/enterprises/enterprise_rules.h"
#include "services/enterprises/enterprises_service.h"
#include "services/enterprises/screening.h"
#include "storage/row_codec.h"

namespace crm {
namespace {

using v1::Certification;
using v1::YearlyMetrics;

// Enterprises examined by one ScreenEnterprises call at most: a page may hold
// fewer candidates than asked (with a token to go on) so that a call over a
// large pool stays within its deadline.
constexpr int kMaxScreenedPerCall = 2000;
constexpr int kScreenBatch = 200;

absl::Status RefuseDeleted(const Certification& c) {
  if (!c.has_delete_time()) return absl::OkStatus();
  return absl::FailedPreconditionError(absl::StrCat(c.name(), " is deleted"));
}

// The figures of `year` (0: the latest year), if reported.
std::optional<YearlyMetrics> YearOf(const std::vector<YearlyMetrics>& newest_first, int year) {
  for (const YearlyMetrics& m : newest_first) {
    if (year == 0 || m.year() == year) return m;
  }
  return std::nullopt;
}

}  // namespace

absl::StatusOr<std::vector<YearlyMetrics>> EnterpriseService::DerivedMetrics(int64_t enterprise_id,
                                                                              absl::Time deadline) {
  ASSIGN_OR_RETURN(auto by_enterprise, metrics_.List({enterprise_id}, deadline));
  std::vector<YearlyMetrics>& years = by_enterprise[enterprise_id];
  DeriveMetrics(years);
  return std::move(years);
}

grpc::ServerUnaryReactor* EnterpriseService::UpdateYearlyMetrics(Ctx* ctx, const v1::UpdateYearlyMetricsRequest* req,
                                                                  YearlyMetrics* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(MetricsKey key, ParseYearlyMetricsName(req->yearly_metrics().name(), "yearly_metrics.name"));
    ASSIGN_OR_RETURN(YearlyMetrics written,
                     metrics_.Upsert(MutationOf(call), key.enterprise_id, key.year, req->yearly_metrics().etag(),
                                     req->allow_missing(), [&](YearlyMetrics& m) -> absl::Status {
                                       RETURN_IF_ERROR(ApplyYearlyMetricsMask(req->update_mask(),
                                                                              req->yearly_metrics(), m));
                                       FieldViolations violations;
                                       ValidateYearlyMetrics(m, "yearly_metrics.", violations);
                                       return violations.ToStatus();
                                     }));
    // The answer carries the derived fields, which need the year before.
    ASSIGN_OR_RETURN(std::vector<YearlyMetrics> years, DerivedMetrics(key.enterprise_id, call.deadline));
    *resp = YearOf(years, key.year).value_or(written);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::ListYearlyMetrics(Ctx* ctx, const v1::ListYearlyMetricsRequest* req,
                                                                v1::ListYearlyMetricsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "enterprises", "parent"));
    RETURN_IF_ERROR(enterprises_.Get(id, IsoDay(call.today()), call.deadline).status());
    ASSIGN_OR_RETURN(std::vector<YearlyMetrics> years, DerivedMetrics(id, call.deadline));
    for (YearlyMetrics& m : years) resp->add_yearly_metrics()->Swap(&m);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::CreateCertification(Ctx* ctx, const v1::CreateCertificationRequest* req,
                                                                  Certification* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    FieldViolations violations;
    if (!req->has_certification()) violations.Add("certification", "is required");
    ValidateCertificationFields(req->certification(), "certification.", violations);
    CheckRequestId(req->request_id(), violations);
    RETURN_IF_ERROR(violations.ToStatus());
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "enterprises", "parent"));
    Certification c = req->certification();
    c.clear_name();
    c.clear_etag();
    c.clear_create_time();
    c.clear_update_time();
    c.clear_delete_time();
    ASSIGN_OR_RETURN(*resp, certifications_.Create(MutationOf(call, req->request_id()), id, c));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::UpdateCertification(Ctx* ctx, const v1::UpdateCertificationRequest* req,
                                                                  Certification* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(ChildId id, ParseChildResourceId(req->certification().name(), "enterprises", "certifications",
                                                      "certification.name"));
    ASSIGN_OR_RETURN(*resp, certifications_.Mutate(MutationOf(call), id.parent, id.id, req->certification().etag(),
                                                   [&](Certification& c) -> absl::Status {
                                                     RETURN_IF_ERROR(RefuseDeleted(c));
                                                     RETURN_IF_ERROR(ApplyCertificationMask(
                                                         req->update_mask(), req->certification(), c));
                                                     FieldViolations violations;
                                                     ValidateCertificationFields(c, "certification.", violations);
                                                     return violations.ToStatus();
                                                   }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::DeleteCertification(Ctx* ctx, const v1::DeleteCertificationRequest* req,
                                                                  Certification* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(ChildId id, ParseChildResourceId(req->name(), "enterprises", "certifications", "name"));
    ASSIGN_OR_RETURN(*resp, certifications_.Mutate(MutationOf(call), id.parent, id.id, req->etag(),
                                                   [&](Certification& c) -> absl::Status {
                                                     RETURN_IF_ERROR(RefuseDeleted(c));
                                                     *c.mutable_delete_time() =
                                                         google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(
                                                             absl::ToUnixMicros(call.now));
                                                     return absl::OkStatus();
                                                   }));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::ListCertifications(Ctx* ctx, const v1::ListCertificationsRequest* req,
                                                                 v1::ListCertificationsResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, ParseResourceId(req->parent(), "enterprises", "parent"));
    RETURN_IF_ERROR(enterprises_.Get(id, IsoDay(call.today()), call.deadline).status());
    ASSIGN_OR_RETURN(std::vector<Certification> list, certifications_.List(id, req->show_deleted(), call.deadline));
    for (Certification& c : list) resp->add_certifications()->Swap(&c);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::EvaluateEnterprise(Ctx* ctx, const v1::EvaluateEnterpriseRequest* req,
                                                                 v1::EvaluateEnterpriseResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int64_t id, CheckEvaluateEnterpriseRequest(*req));
    absl::CivilDay today = call.today();
    ScreeningInput input;
    input.today = today;
    ASSIGN_OR_RETURN(input.enterprise, enterprises_.Get(id, IsoDay(today), call.deadline));
    ASSIGN_OR_RETURN(std::vector<YearlyMetrics> years, DerivedMetrics(id, call.deadline));
    input.metrics = YearOf(years, req->year());
    if (req->year() != 0 && !input.metrics) {
      return absl::FailedPreconditionError(
          absl::StrCat(input.enterprise.name(), " has no figures for ", req->year(), "; set them first"));
    }
    resp->set_enterprise(input.enterprise.name());
    resp->set_company_name(input.enterprise.company_name());
    resp->set_metrics_year(input.metrics ? input.metrics->year() : 0);
    resp->set_evaluation_date(IsoDay(today));
    for (v1::TitleEvaluation& t : EvaluateTitles(*policy_, input)) resp->add_evaluations()->Swap(&t);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* EnterpriseService::ScreenEnterprises(Ctx* ctx, const v1::ScreenEnterprisesRequest* req,
                                                                v1::ScreenEnterprisesResponse* resp) {
  return runner_->Run(ctx, req, [=, this](const CallContext& call) -> absl::Status {
    ASSIGN_OR_RETURN(int page_size, EffectivePageSize(req->page_size()));
    v1::ScreenEnterprisesRequest unpaged = *req;
    unpaged.clear_page_size();
    unpaged.clear_page_token();
    std::string fingerprint = QueryFingerprint(unpaged);
    EnterpriseQuery query;
    query.industry = req->industry();
    query.in_zone_only = req->in_zone_only();
    query.page_size = kScreenBatch;
    if (!req->page_token().empty()) {
      ASSIGN_OR_RETURN(PageCursor cursor, DecodePageToken(req->page_token(), fingerprint));
      query.after_id = cursor.id;
    }
    absl::CivilDay today = call.today();
    int screened = 0;
    int64_t last_id = query.after_id;
    bool more = true;
    size_t bytes = 0;   // the candidates' share of the response
    bool full = false;  // the page holds no more candidates
    while (more && !full && screened < kMaxScreenedPerCall) {
      ASSIGN_OR_RETURN(EnterprisePage page, enterprises_.List(query, IsoDay(today), call.deadline));
      more = page.next_after_id != 0;
      std::vector<int64_t> ids;
      for (const v1::Enterprise& e : page.enterprises) ids.push_back(LastId(e.name()));
      // The page's figures in one query, not one per enterprise.
      ASSIGN_OR_RETURN(auto figures, metrics_.List(ids, call.deadline));
      for (v1::Enterprise& e : page.enterprises) {
        const int64_t id = LastId(e.name());
        ScreeningInput input;
        input.today = today;
        std::vector<YearlyMetrics>& years = figures[id];
        DeriveMetrics(years);
        input.metrics = YearOf(years, 0);
        input.enterprise = std::move(e);
        v1::ScreenEnterprisesResponse::Candidate candidate;
        for (v1::TitleEvaluation& t : EvaluateTitles(*policy_, input)) {
          if (!t.qualified() || t.already_held()) continue;
          if (req->title() != v1::CERTIFICATION_TITLE_UNSPECIFIED && t.title() != req->title()) continue;
          candidate.add_evaluations()->Swap(&t);
        }
        if (candidate.evaluations_size() > 0) {
          candidate.set_enterprise(input.enterprise.name());
          candidate.set_company_name(input.enterprise.company_name());
          candidate.set_metrics_year(input.metrics ? input.metrics->year() : 0);
          bytes += candidate.ByteSizeLong() + kPageRowOverheadBytes;
          if (resp->candidates_size() > 0 && bytes > call.page_bytes) {
            more = full = true;  // over the message limit: this enterprise begins the next page
            break;
          }
          resp->add_candidates()->Swap(&candidate);
        }
        last_id = query.after_id = id;
        ++screened;
        if (resp->candidates_size() >= page_size) {
          more = more || &e != &page.enterprises.back();
          full = true;
          break;
        }
      }
    }
    if (more) resp->set_next_page_token(EncodePageToken({0, last_id, ""}, fingerprint));
    return absl::OkStatus();
  });
}

}  // namespace crm
