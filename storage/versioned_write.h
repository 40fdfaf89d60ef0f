#ifndef CRM_STORAGE_VERSIONED_WRITE_H_
#define CRM_STORAGE_VERSIONED_WRITE_H_

#include <cstdint>
#include <string>
#include <utility>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/status_macros.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"
#include "storage/request_ids.h"

namespace crm {

// The steps of every creation, inside the caller's transaction: let `insert`
// write the rows and return the new resource as stored, then append the audit
// row and record the request id's answer (a retry gets the first answer in
// `created`, see request_ids.h).
template <typename M>
absl::Status WriteCreated(Connection& conn, const MutationContext& ctx,
                          absl::FunctionRef<absl::StatusOr<M>(absl::Time now)> insert, M& created) {
  absl::Time now = absl::Now();
  absl::StatusOr<M> inserted = insert(now);
  if (!inserted.ok()) return AnswerInstead(conn, ctx, inserted.status(), created);
  created = *std::move(inserted);
  AppendAudit(conn, ctx, created.name(), nullptr, &created, now);
  return RecordAnswer(conn, ctx, created.name(), created, now);
}

// The steps of every change to a versioned row, inside the caller's
// transaction: load the row, check `etag` (when given; stale → ABORTED), let
// `change` edit a copy (a non-OK status stops the write), write it back with
// `write`, which must update on condition that the version is still the one
// loaded and return the rows updated (or an error status) (0 → ABORTED: someone
// else won, and the transaction helper retries), reload it, and append the
// audit row and the request id's answer (a retry gets the first answer in
// `after`, see request_ids.h). `M` is the resource message, whose `etag` is its
// version.
template <typename M>
absl::Status WriteVersioned(Connection& conn, const MutationContext& ctx, const std::string& etag,
                            absl::FunctionRef<absl::StatusOr<M>()> load, absl::FunctionRef<absl::Status(M&)> change,
                            absl::FunctionRef<absl::StatusOr<int>(const M& after, uint64_t version, absl::Time now)> write,
                            M& after) {
  absl::Time now = absl::Now();
  absl::StatusOr<M> before = load();
  absl::Status status = before.status();
  if (status.ok() && !etag.empty() && etag != before->etag()) {
    status = absl::AbortedError(absl::StrCat("etag ", etag, " is stale: ", before->name(),
                                             " has changed; read it again (current etag ", before->etag(), ")"));
  }
  if (status.ok()) {
    after = *before;
    status = change(after);
  }
  if (status.ok()) {
    uint64_t version = 0;
    (void)absl::SimpleAtoi(before->etag(), &version);
    absl::StatusOr<int> updated = write(after, version, now);
    status = updated.status();
    if (status.ok() && *updated != 1) {
      status = absl::AbortedError(absl::StrCat(before->name(), " was changed by another call"));
    }
  }
  if (!status.ok()) return AnswerInstead(conn, ctx, status, after);
  ASSIGN_OR_RETURN(after, load());
  AppendAudit(conn, ctx, after.name(), &*before, &after, now);
  return RecordAnswer(conn, ctx, after.name(), after, now);
}

}  // namespace crm

#endif  // CRM_STORAGE_VERSIONED_WRITE_H_
