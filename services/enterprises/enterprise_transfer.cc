// EnterpriseService: the bulk streams. ImportEnterprises reads rows as they
// come and upserts them batch by batch on the executor (the next read starts
// when a batch is stored, so a fast client cannot pile rows up in memory);
// ExportEnterprises writes page after page, fetching the next page on the
// executor once the previous one is sent.

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "services/common/call_mutation.h"
#include "services/common/field_violations.h"
#include "services/common/grpc_status.h"
#include "services/common/status_macros.h"
#include "services/enterprises/enterprise_rules.h"
#include "services/enterprises/enterprises_service.h"

namespace crm {
namespace {

constexpr char kImportMethod[] = "crm.v1.EnterpriseService/ImportEnterprises";
constexpr char kExportMethod[] = "crm.v1.EnterpriseService/ExportEnterprises";

// Rows stored per transaction, and per export message.
constexpr size_t kBatchRows = 500;
// One import at most: a bigger file is split by the client (the per-row
// results of the whole stream come back in one response).
constexpr int kMaxImportRows = 200000;

// A rejected row's reason: its violations as "field: reason; …".
std::string ReasonOf(const FieldViolations& violations) {
  std::vector<std::string> parts;
  for (const FieldViolation& v : violations.violations()) parts.push_back(absl::StrCat(v.field, ": ", v.description));
  return absl::StrJoin(parts, "; ");
}

// Validates and stores one batch of rows (numbered from `first_row`),
// appending a result per row to `resp`.
absl::Status ImportBatch(EnterpriseStore& store, const CallContext& call, std::vector<v1::Enterprise>& rows,
                         int first_row, v1::ImportEnterprisesResponse& resp) {
  absl::CivilDay today = ZoneDay(absl::Now());
  std::vector<v1::Enterprise> valid;
  std::vector<int> valid_rows;
  std::vector<v1::ImportEnterprisesResponse::RowResult> results(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    v1::ImportEnterprisesResponse::RowResult& result = results[i];
    result.set_row(first_row + static_cast<int>(i));
    result.set_uscc(rows[i].uscc());
    FieldViolations violations;
    ValidateEnterpriseFields(rows[i], today, "", violations);
    if (!violations.empty()) {
      result.set_outcome(v1::IMPORT_OUTCOME_REJECTED);
      result.set_reason(ReasonOf(violations));
      continue;
    }
    valid_rows.push_back(static_cast<int>(i));
    valid.push_back(std::move(rows[i]));
  }
  if (!valid.empty()) {
    ASSIGN_OR_RETURN(std::vector<ImportedRow> stored,
                     store.ImportBatch(MutationOf(call), valid, IsoDay(today), &CopyRegistrationFields));
    for (size_t k = 0; k < stored.size(); ++k) {
      results[valid_rows[k]].set_outcome(stored[k].outcome);
      results[valid_rows[k]].set_enterprise(stored[k].enterprise);
    }
  }
  for (auto& result : results) {
    switch (result.outcome()) {
      case v1::IMPORT_OUTCOME_CREATED: resp.set_created_count(resp.created_count() + 1); break;
      case v1::IMPORT_OUTCOME_UPDATED: resp.set_updated_count(resp.updated_count() + 1); break;
      case v1::IMPORT_OUTCOME_UNCHANGED: resp.set_unchanged_count(resp.unchanged_count() + 1); break;
      default: resp.set_rejected_count(resp.rejected_count() + 1); break;
    }
    resp.add_results()->Swap(&result);
  }
  return absl::OkStatus();
}

}  // namespace

class EnterprisesService::ImportReactor : public grpc::ServerReadReactor<v1::ImportEnterprisesRequest> {
 public:
  ImportReactor(EnterprisesService* service, grpc::CallbackServerContext* ctx, v1::ImportEnterprisesResponse* resp)
      : service_(service), ctx_(ctx), resp_(resp), start_(absl::Now()) {
    service_->runner_->AdmitStream(ctx, kImportMethod, [this](absl::Status status, CallContext call) {
      call_ = std::move(call);
      if (!status.ok()) return Done(status);
      StartRead(&request_);
    });
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // the client has sent everything (or the call broke)
      if (ctx_->IsCancelled()) return Done(absl::CancelledError("the caller cancelled the import"));
      return Store(/*last=*/true);
    }
    next_row_ += request_.enterprises_size();
    if (next_row_ > kMaxImportRows) {
      return Done(absl::InvalidArgumentError(
          absl::StrCat("an import holds at most ", kMaxImportRows, " rows; split the file")));
    }
    for (v1::Enterprise& e : *request_.mutable_enterprises()) pending_.push_back(std::move(e));
    request_.Clear();
    if (pending_.size() >= kBatchRows) return Store(/*last=*/false);
    StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  // Stores the pending rows on the executor, then reads on (or finishes).
  void Store(bool last) {
    auto task = [this, last] {
      absl::Status status = absl::OkStatus();
      while (status.ok() && !pending_.empty()) {
        if (absl::Now() >= call_.deadline) {
          status = absl::DeadlineExceededError("the import ran past its deadline; rows reported so far are stored");
          break;
        }
        size_t n = std::min(pending_.size(), kBatchRows);
        std::vector<v1::Enterprise> batch(std::make_move_iterator(pending_.begin()),
                                          std::make_move_iterator(pending_.begin() + n));
        pending_.erase(pending_.begin(), pending_.begin() + n);
        status = ImportBatch(service_->enterprises_, call_, batch, stored_rows_, *resp_);
        stored_rows_ += static_cast<int>(n);
      }
      if (!status.ok() || last) return Done(status);
      StartRead(&request_);
    };
    if (!service_->runner_->Submit(task)) Done(absl::ResourceExhaustedError("the server is at capacity; retry"));
  }

  void Done(const absl::Status& status) {
    service_->runner_->LogFinished(call_, status, start_);
    Finish(ToGrpcStatus(status));
  }

  EnterprisesService* service_;
  grpc::CallbackServerContext* ctx_;
  v1::ImportEnterprisesResponse* resp_;
  absl::Time start_;
  CallContext call_;
  v1::ImportEnterprisesRequest request_;
  std::vector<v1::Enterprise> pending_;  // read, not yet stored
  int next_row_ = 0;                     // rows read
  int stored_rows_ = 0;                  // rows validated and stored (or rejected)
};

class EnterprisesService::ExportReactor : public grpc::ServerWriteReactor<v1::ExportEnterprisesResponse> {
 public:
  ExportReactor(EnterprisesService* service, grpc::CallbackServerContext* ctx, const v1::ExportEnterprisesRequest* req)
      : service_(service), start_(absl::Now()) {
    absl::StatusOr<EnterpriseQuery> query = EnterpriseQueryOf(req->filter());
    if (query.ok()) query_ = *std::move(query);
    query_.page_size = kBatchRows;
    service_->runner_->AdmitStream(ctx, kExportMethod, [this, valid = query.status()](absl::Status status,
                                                                                      CallContext call) {
      call_ = std::move(call);
      if (status.ok()) status = valid;
      if (!status.ok()) return Done(status);
      FetchAndWrite();
    });
  }

  void OnWriteDone(bool ok) override {
    if (!ok) return Done(absl::CancelledError("the caller stopped reading the export"));
    if (query_.after_id == 0) return Done(absl::OkStatus());  // that was the last page
    if (!service_->runner_->Submit([this] { FetchAndWrite(); })) {
      Done(absl::ResourceExhaustedError("the server is at capacity; retry"));
    }
  }

  void OnDone() override { delete this; }

 private:
  // On the executor: the next page, written when it has rows.
  void FetchAndWrite() {
    absl::StatusOr<EnterprisePage> page =
        service_->enterprises_.List(query_, IsoDay(ZoneDay(absl::Now())), call_.deadline);
    if (!page.ok()) return Done(page.status());
    query_.after_id = page->next_after_id;
    if (page->enterprises.empty()) return Done(absl::OkStatus());
    message_.Clear();
    for (v1::Enterprise& e : page->enterprises) message_.add_enterprises()->Swap(&e);
    StartWrite(&message_);
  }

  void Done(const absl::Status& status) {
    service_->runner_->LogFinished(call_, status, start_);
    Finish(ToGrpcStatus(status));
  }

  EnterprisesService* service_;
  absl::Time start_;
  CallContext call_;
  EnterpriseQuery query_;
  v1::ExportEnterprisesResponse message_;
};

grpc::ServerReadReactor<v1::ImportEnterprisesRequest>* EnterprisesService::ImportEnterprises(
    Ctx* ctx, v1::ImportEnterprisesResponse* resp) {
  return new ImportReactor(this, ctx, resp);
}

grpc::ServerWriteReactor<v1::ExportEnterprisesResponse>* EnterprisesService::ExportEnterprises(
    Ctx* ctx, const v1::ExportEnterprisesRequest* req) {
  return new ExportReactor(this, ctx, req);
}

}  // namespace crm
