#ifndef CRM_CLIENTS_WEB_PROTO_JSON_H_
#define CRM_CLIENTS_WEB_PROTO_JSON_H_

#include <google/protobuf/message.h>

#include <string>

#include "absl/status/statusor.h"

namespace crm::web {

// A response as the page reads it: proto3 JSON with the proto field names
// (`open_project_count`), enums by name, and zeros, empty strings and empty
// lists printed rather than left out, so the page never guesses a default.
// (int64 fields are JSON strings, as proto3 JSON has them.)
absl::StatusOr<std::string> ToJson(const google::protobuf::Message& message);

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_PROTO_JSON_H_
