#ifndef CRM_SERVICES_COMMON_RPC_RUNNER_H_
#define CRM_SERVICES_COMMON_RPC_RUNNER_H_

#include <grpcpp/grpcpp.h>

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "services/common/auth.h"
#include "services/common/executor.h"

namespace crm {

// What a handler knows about its call besides the request.
struct CallContext {
  Principal principal;
  std::string method;      // e.g. "crm.v1.LeadService/GetLead"
  std::string trace_id;    // `x-request-id` metadata, or a generated one; goes to the logs
  absl::Time deadline;     // the caller's deadline, capped by the server's maximum
};

struct RpcRunnerOptions {
  absl::Duration max_deadline = absl::Seconds(30);
};

// Runs unary handlers the way the design asks: authenticate on the gRPC thread
// (cheap, in memory), then do the blocking work on the bounded executor, which
// finishes the call. A full executor answers RESOURCE_EXHAUSTED at once; work
// whose deadline passed while queued is not started. Every call is logged as
// one JSON line with method, status, latency and trace id.
class RpcRunner {
 public:
  RpcRunner(BoundedExecutor* executor, const Authenticator* authenticator, RpcRunnerOptions options)
      : executor_(executor), authenticator_(authenticator), options_(options) {}

  // `work` is `absl::Status(const CallContext&)`; it fills the response itself.
  template <typename Work>
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* ctx, absl::string_view method, Work work) {
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    absl::Time start = absl::Now();
    CallContext call = NewCall(ctx, method, start);
    if (absl::Status auth = Authenticate(ctx, &call.principal); !auth.ok()) {
      Finish(reactor, call, auth, start);
      return reactor;
    }
    auto task = [this, reactor, ctx, call, work = std::move(work), start]() mutable {
      absl::Status status;
      if (ctx->IsCancelled()) {
        status = absl::CancelledError("the caller cancelled the call");
      } else if (absl::Now() >= call.deadline) {
        status = absl::DeadlineExceededError("the deadline passed before the call was started");
      } else {
        status = work(call);
      }
      Finish(reactor, call, status, start);
    };
    if (!executor_->TrySubmit(std::move(task))) {
      Finish(reactor, call, absl::ResourceExhaustedError("the server is at capacity; retry with backoff"),
             start);
    }
    return reactor;
  }

 private:
  CallContext NewCall(grpc::CallbackServerContext* ctx, absl::string_view method, absl::Time start) const;
  absl::Status Authenticate(grpc::CallbackServerContext* ctx, Principal* principal) const;
  void Finish(grpc::ServerUnaryReactor* reactor, const CallContext& call, const absl::Status& status,
              absl::Time start) const;

  BoundedExecutor* executor_;
  const Authenticator* authenticator_;
  RpcRunnerOptions options_;
};

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_RPC_RUNNER_H_
