#ifndef CRM_BENCH_LOAD_CALL_SETUP_H_
#define CRM_BENCH_LOAD_CALL_SETUP_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace crm::load {

// What every call carries: the bearer token and a deadline.
class CallSetup {
 public:
  CallSetup(const std::string& token, absl::Duration deadline)
      : authorization_("Bearer " + token), deadline_(deadline) {}

  // A fresh context for one call (a ClientContext serves one call only).
  std::unique_ptr<grpc::ClientContext> NewContext() const;

 private:
  std::string authorization_;
  absl::Duration deadline_;
};

// `count` channels to `address` (plaintext), each with a TCP connection of its
// own (a local subchannel pool, else channels with equal arguments share one),
// connected before this returns; UNAVAILABLE when one does not connect in `wait`.
absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> ConnectChannels(const std::string& address, int count,
                                                                            absl::Duration wait);

// The token in `path`, trimmed; an error when the file is missing or empty.
absl::StatusOr<std::string> ReadToken(const std::string& path);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_CALL_SETUP_H_
