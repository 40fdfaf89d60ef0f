// EnterpriseService: the bulk streams. ImportEnterprises reads rows as they
// come and upserts them batch by batch on the executor, reading the next batch
// while one is stored (never more than about two batches in memory);
// ExportEnterprises writes page after page, fetching the next page on the
// executor once the previous one is sent.

#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "base/field_violations.h"
#include "base/status_macros.h"
#include "services/common/call_mutation.h"
#include "services/common/grpc_status.h"
#include "services/enterprises/enterprise_rules.h"
#include "services/enterprises/enterprises_service.h"

namespace crm {
namespace {

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
  absl::CivilDay today = call.today();
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

class EnterpriseService::ImportReactor : public grpc::ServerReadReactor<grpc::ByteBuffer> {
 public:
  ImportReactor(EnterpriseService* service, grpc::CallbackServerContext* ctx, grpc::ByteBuffer* answer)
      : service_(service), ctx_(ctx), answer_(answer), start_(absl::Now()) {
    service_->runner_->AdmitStream<v1::ImportEnterprisesRequest>(ctx, [this](absl::Status status, CallContext call) {
      call_ = std::move(call);
      if (!status.ok()) return Done(status);
      {
        absl::MutexLock lock(&mu_);
        reading_ = true;
      }
      StartRead(&bytes_);
    });
  }

  void OnReadDone(bool ok) override {
    {
      absl::MutexLock lock(&mu_);
      reading_ = false;
      if (!ok) {  // the client has sent everything (or the call broke)
        read_all_ = true;
        if (ctx_->IsCancelled()) Fail(absl::CancelledError("the caller cancelled the import"));
      } else if (!grpc::SerializationTraits<v1::ImportEnterprisesRequest>::Deserialize(&bytes_, &request_).ok()) {
        // Not a message of this stream: the import stops, refused.
        read_all_ = true;
        Fail(absl::InvalidArgumentError(absl::StrCat(
            "message ", read_messages_ + 1, " of the stream is not an ImportEnterprisesRequest; the import stopped ",
            "there (rows stored before it stay stored; importing the file again is safe)")));
      } else {
        ++read_messages_;
        read_rows_ += request_.enterprises_size();
        if (read_rows_ > kMaxImportRows) {
          Fail(absl::InvalidArgumentError(
              absl::StrCat("an import holds at most ", kMaxImportRows, " rows; split the file")));
        }
        for (v1::Enterprise& e : *request_.mutable_enterprises()) pending_.push_back(std::move(e));
        request_.Clear();
      }
    }
    Advance();
  }

  void OnDone() override { delete this; }

 private:
  // Moves the import along after a read or a store: hands the next full
  // batch (or, once everything is read, the rest) to the executor when no
  // store is running, reads on while less than a batch waits, and finishes
  // when everything is stored. Reading overlaps storing, but only one batch
  // is stored at a time (rows apply in order) and at most about two batches
  // are held in memory, so a fast client cannot pile rows up.
  void Advance() {
    bool read = false, finish = false;
    absl::Status outcome;
    std::vector<v1::Enterprise> batch;
    int first_row = 0;
    {
      absl::MutexLock lock(&mu_);
      if (finished_ || (storing_ && !failure_.ok())) return;  // done, or the running store will finish
      if (!failure_.ok()) {
        finish = finished_ = true;
        outcome = failure_;
      } else {
        if (!storing_ && (pending_.size() >= kBatchRows || (read_all_ && !pending_.empty()))) {
          size_t n = std::min(pending_.size(), kBatchRows);
          batch.assign(std::make_move_iterator(pending_.begin()), std::make_move_iterator(pending_.begin() + n));
          pending_.erase(pending_.begin(), pending_.begin() + n);
          first_row = handed_rows_;
          handed_rows_ += static_cast<int>(n);
          storing_ = true;
        }
        if (!reading_ && !read_all_ && pending_.size() < kBatchRows) read = reading_ = true;
        if (read_all_ && !storing_ && pending_.empty()) finish = finished_ = true;
      }
    }
    // The read starts before the store is handed over: once a store has
    // finished the call, no operation may start.
    if (read) StartRead(&bytes_);
    if (!batch.empty()) Store(std::move(batch), first_row);
    if (finish) Done(outcome);
  }

  // The first failure ends the import (once no store is running).
  void Fail(absl::Status status) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (failure_.ok()) failure_ = std::move(status);
  }

  // Stores one batch on the executor, then advances.
  void Store(std::vector<v1::Enterprise> batch, int first_row) {
    auto task = [this, batch = std::move(batch), first_row]() mutable {
      absl::Status status =
          absl::Now() >= call_.deadline
              ? absl::DeadlineExceededError("the import ran past its deadline; rows reported so far are stored")
              : ImportBatch(service_->enterprises_, call_, batch, first_row, resp_);
      {
        absl::MutexLock lock(&mu_);
        storing_ = false;
        if (!status.ok()) Fail(status);
      }
      Advance();
    };
    if (!service_->runner_->Submit(std::move(task))) {
      {
        absl::MutexLock lock(&mu_);
        storing_ = false;
        Fail(absl::ResourceExhaustedError("the server is at capacity; retry"));
      }
      Advance();
    }
  }

  void Done(const absl::Status& status) {
    service_->runner_->LogFinished(call_, status, start_);
    if (status.ok()) {
      grpc::Slice bytes(resp_.SerializeAsString());
      *answer_ = grpc::ByteBuffer(&bytes, 1);
    }
    Finish(ToGrpcStatus(status));
  }

  EnterpriseService* service_;
  grpc::CallbackServerContext* ctx_;
  grpc::ByteBuffer* answer_;             // resp_, serialized when the import succeeds
  v1::ImportEnterprisesResponse resp_;   // written by the one running store
  absl::Time start_;
  CallContext call_;
  grpc::ByteBuffer bytes_;                // the read in progress
  v1::ImportEnterprisesRequest request_;  // its message
  absl::Mutex mu_;
  std::vector<v1::Enterprise> pending_ ABSL_GUARDED_BY(mu_);  // read, not yet handed to a store
  int read_messages_ ABSL_GUARDED_BY(mu_) = 0;
  int read_rows_ ABSL_GUARDED_BY(mu_) = 0;
  int handed_rows_ ABSL_GUARDED_BY(mu_) = 0;  // rows handed to stores (the next batch's first row)
  bool reading_ ABSL_GUARDED_BY(mu_) = false;
  bool read_all_ ABSL_GUARDED_BY(mu_) = false;
  bool storing_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;  // Done was or is being called
  absl::Status failure_ ABSL_GUARDED_BY(mu_);
};

class EnterpriseService::ExportReactor : public grpc::ServerWriteReactor<v1::ExportEnterprisesResponse> {
 public:
  ExportReactor(EnterpriseService* service, grpc::CallbackServerContext* ctx, const v1::ExportEnterprisesRequest* req)
      : service_(service), start_(absl::Now()) {
    absl::StatusOr<EnterpriseQuery> query = EnterpriseQueryOf(req->filter());
    if (query.ok()) query_ = *std::move(query);
    query_.page_size = kBatchRows;
    service_->runner_->AdmitStream<v1::ExportEnterprisesRequest>(ctx, [this, valid = query.status()](absl::Status status,
                                                                                      CallContext call) {
      call_ = std::move(call);
      query_.max_bytes = call_.page_bytes;  // each message of the stream within the limit
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
        service_->enterprises_.List(query_, IsoDay(call_.today()), call_.deadline);
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

  EnterpriseService* service_;
  absl::Time start_;
  CallContext call_;
  EnterpriseQuery query_;
  v1::ExportEnterprisesResponse message_;
};

grpc::ServerReadReactor<grpc::ByteBuffer>* EnterpriseService::ImportEnterprises(Ctx* ctx, grpc::ByteBuffer* resp) {
  return new ImportReactor(this, ctx, resp);
}

grpc::ServerWriteReactor<v1::ExportEnterprisesResponse>* EnterpriseService::ExportEnterprises(
    Ctx* ctx, const v1::ExportEnterprisesRequest* req) {
  return new ExportReactor(this, ctx, req);
}

}  // namespace crm
