#include "services/common/grpc_status.h"

#include <string>

#include "google/rpc/status.pb.h"

namespace crm {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  auto code = static_cast<grpc::StatusCode>(status.code());
  std::string message(status.message());
  if (status.code() == absl::StatusCode::kInternal || status.code() == absl::StatusCode::kUnknown) {
    message = "internal error; the server log has the details";
  }
  // Payloads are keyed by type URL and hold serialized messages: exactly what
  // google.rpc.Status carries as Any details (BadRequest, RetryInfo, ...).
  google::rpc::Status details;
  status.ForEachPayload([&](absl::string_view type_url, const absl::Cord& value) {
    auto* any = details.add_details();
    any->set_type_url(std::string(type_url));
    any->set_value(std::string(value));
  });
  if (details.details().empty()) return grpc::Status(code, message);
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  return grpc::Status(code, message, details.SerializeAsString());
}

}  // namespace crm
