#ifndef CRM_CLIENTS_WEB_LOGIN_FORM_H_
#define CRM_CLIENTS_WEB_LOGIN_FORM_H_

#include <string>

#include "absl/status/statusor.h"
#include "clients/web/query_params.h"

namespace crm::web {

// The bearer token a login form posted (`token=…`), surrounding whitespace
// removed (a pasted token often ends in a newline). INVALID_ARGUMENT when it is
// missing, longer than 512 characters, or holds anything but printable ASCII
// without spaces: such a text is no token, and would not even fit in a gRPC
// header, so it is refused before any call.
absl::StatusOr<std::string> TokenFromForm(const QueryParams& form);

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_LOGIN_FORM_H_
