#ifndef CRM_CLIENTS_WEB_HTTP_ERRORS_H_
#define CRM_CLIENTS_WEB_HTTP_ERRORS_H_

#include <string>

#include "absl/status/status.h"

namespace crm::web {

// The HTTP status a failed dashboard call answers with: INVALID_ARGUMENT 400,
// UNAUTHENTICATED 401, PERMISSION_DENIED 403, NOT_FOUND 404, UNAVAILABLE and
// DEADLINE_EXCEEDED 503 (try again), anything else 500. `OK` is 200.
int HttpStatusFor(absl::StatusCode code);

// The JSON body of an error answer: {"code": "INVALID_ARGUMENT", "message": "…"}.
std::string ErrorJson(const absl::Status& status);

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_HTTP_ERRORS_H_
