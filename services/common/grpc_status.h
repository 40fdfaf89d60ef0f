#ifndef CRM_SERVICES_COMMON_GRPC_STATUS_H_
#define CRM_SERVICES_COMMON_GRPC_STATUS_H_

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace crm {

// The one place where an absl::Status becomes a grpc::Status. The code and
// message carry over; payloads (google.rpc.BadRequest from FieldViolations,
// google.rpc.RetryInfo from the rate limiter) are sent as google.rpc.Status
// details (the `grpc-status-details-bin` trailer).
// INTERNAL and UNKNOWN messages are replaced by a generic text so that SQL or
// library errors never reach a caller (the server log keeps the original).
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_GRPC_STATUS_H_
