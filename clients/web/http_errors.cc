#include "clients/web/http_errors.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

namespace crm::web {

int HttpStatusFor(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk:
      return 200;
    case absl::StatusCode::kInvalidArgument:
      return 400;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded:
      return 503;
    default:
      return 500;
  }
}

std::string ErrorJson(const absl::Status& status) {
  // A Struct, so that the message's quotes, control characters and non-UTF-8
  // bytes are escaped by the JSON printer rather than by hand.
  google::protobuf::Struct body;
  (*body.mutable_fields())["code"].set_string_value(absl::StatusCodeToString(status.code()));
  (*body.mutable_fields())["message"].set_string_value(std::string(status.message()));
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(body, &json).ok()) {
    // Only invalid UTF-8 in the message gets here: answer without it.
    return R"({"code": ")" + absl::StatusCodeToString(status.code()) + R"(", "message": ""})";
  }
  return json;
}

}  // namespace crm::web
