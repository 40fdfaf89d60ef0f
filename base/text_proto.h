#ifndef CRM_BASE_TEXT_PROTO_H_
#define CRM_BASE_TEXT_PROTO_H_

// Reading the zone's policies, which are protobuf text format files.

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace crm {

// Parses `text` (protobuf text format) into `message`. INVALID_ARGUMENT
// otherwise, starting with `what` and saying where, lines and columns counted
// from 1: "project policy: line 2, column 20: Expected integer, got: three".
absl::Status ParseTextProto(absl::string_view text, absl::string_view what, google::protobuf::Message& message);

}  // namespace crm

#endif  // CRM_BASE_TEXT_PROTO_H_
