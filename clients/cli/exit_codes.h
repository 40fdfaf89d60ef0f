#ifndef CRM_CLIENTS_CLI_EXIT_CODES_H_
#define CRM_CLIENTS_CLI_EXIT_CODES_H_

#include "absl/status/status.h"

namespace crm::cli {

// `crm`'s exit codes, one per class of outcome (documented in the README):
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;       // INTERNAL, UNKNOWN, DATA_LOSS, UNIMPLEMENTED
inline constexpr int kExitUsage = 2;          // bad command line
inline constexpr int kExitInvalid = 3;        // INVALID_ARGUMENT, OUT_OF_RANGE: fix the input
inline constexpr int kExitNotFound = 4;       // NOT_FOUND
inline constexpr int kExitConflict = 5;       // ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION
inline constexpr int kExitAuth = 6;           // UNAUTHENTICATED, PERMISSION_DENIED: log in again / ask
inline constexpr int kExitUnavailable = 7;    // UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, CANCELLED
inline constexpr int kExitPartial = 8;        // import finished, but some rows were rejected

inline int ExitCodeFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk: return kExitOk;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange: return kExitInvalid;
    case absl::StatusCode::kNotFound: return kExitNotFound;
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kAborted:
    case absl::StatusCode::kFailedPrecondition: return kExitConflict;
    case absl::StatusCode::kUnauthenticated:
    case absl::StatusCode::kPermissionDenied: return kExitAuth;
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kCancelled: return kExitUnavailable;
    default: return kExitInternal;
  }
}

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_EXIT_CODES_H_
