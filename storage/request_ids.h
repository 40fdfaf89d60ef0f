#ifndef CRM_STORAGE_REQUEST_IDS_H_
#define CRM_STORAGE_REQUEST_IDS_H_

#include <google/protobuf/message.h>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "storage/connection_pool.h"
#include "storage/mutation.h"

namespace crm {

// AIP-155 request ids. A call's answer is stored under its request id by the
// call's own transaction, as its last write: one INSERT on the common path.
// A retry whose first attempt committed meets that answer in one of two ways:
//   - its own RecordAnswer hits the stored key (InnoDB makes it wait for a
//     first attempt still in flight, then reports the duplicate);
//   - or its work fails first (a stale etag, a row it deleted itself, a USCC
//     it created itself) and AnswerInstead finds the stored answer.
// Either way the retry gets the first answer and its own writes are rolled
// back: both return AnsweredBefore() (see transaction.h) with `response`
// replaced by the stored answer. A request id used before for another method
// or by another principal is INVALID_ARGUMENT. Without a request id both do
// nothing.

// After the work, inside its transaction: stores `response` as the answer.
absl::Status RecordAnswer(Connection& conn, const MutationContext& ctx, absl::string_view resource_name,
                          google::protobuf::Message& response, absl::Time at);

// On the work's failure path, inside its transaction: `failure` unchanged,
// unless the request id was answered before (see above).
absl::Status AnswerInstead(Connection& conn, const MutationContext& ctx, absl::Status failure,
                           google::protobuf::Message& response);

}  // namespace crm

#endif  // CRM_STORAGE_REQUEST_IDS_H_
