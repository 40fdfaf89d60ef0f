#ifndef CRM_SERVICES_COMMON_RPC_RUNNER_H_
#define CRM_SERVICES_COMMON_RPC_RUNNER_H_

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <functional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "base/calendar.h"
#include "base/method_policy.h"
#include "base/principal.h"
#include "services/common/executor.h"
#include "services/common/rate_limiter.h"

namespace crm {

// What a handler knows about its call besides the request.
struct CallContext {
  Principal principal;
  std::string method;      // e.g. "crm.v1.LeadService/GetLead"
  std::string trace_id;    // `x-request-id` metadata, or a generated one; goes to the logs
  absl::Time deadline;     // the caller's deadline, capped by the server's maximum
  // The caller's bearer token (empty under mTLS), for calls a service makes
  // to another on the caller's behalf. Never logged.
  std::string bearer_token;
  // The bytes the rows of one list page may fill (see page_limit.h).
  size_t page_bytes = 0;
  // When the call started, by the runner's clock: handlers take "today" and
  // the times they stamp from here (never absl::Now()), so a test can set the
  // date instead of backdating rows.
  absl::Time now;
  absl::CivilDay today() const { return ZoneDay(now); }
};

struct RpcRunnerOptions {
  absl::Duration max_deadline = absl::Seconds(30);
  // The server's largest response (--max_message_bytes): bounds list pages.
  int max_message_bytes = 4 << 20;
  // Optional: calls per principal beyond its rate are RESOURCE_EXHAUSTED.
  RateLimiter* rate_limiter = nullptr;
  // The clock of CallContext::now (empty: the real time the call arrived);
  // tests set another.
  std::function<absl::Time()> clock;
  // Told of every call refused by the permission table (for the audit log).
  std::function<void(const CallContext&, const absl::Status&)> on_denied;
};

// Runs unary handlers the way the design asks: on the gRPC thread only what is
// cheap (read the metadata), then on the bounded executor, which finishes the
// call: authenticate the bearer token (a store lookup), check the permission
// table for the method, and do the work. A full executor answers
// RESOURCE_EXHAUSTED at once; work whose deadline passed while queued is not
// started. Every call is logged as one JSON line with method, status, latency
// and trace id.
class RpcRunner {
 public:
  RpcRunner(BoundedExecutor* executor, const Authenticator* authenticator, RpcRunnerOptions options)
      : executor_(executor), authenticator_(authenticator), options_(options) {}

  // `work` is `absl::Status(const CallContext&)`; it fills the response itself.
  // The method is the one whose request type is `Request` (base/method_policy.h).
  template <typename Request, typename Work>
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* ctx, const Request* /*req*/, Work work) {
    const std::string& method = MethodNameOf<Request>();
    grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
    absl::Time start = absl::Now();
    in_flight_.fetch_add(1);  // before the drain check: see Drain
    CallContext call = NewCall(ctx, method, start);
    if (draining_.load()) {
      Finish(reactor, call, ShuttingDown(), start);
      return reactor;
    }
    absl::StatusOr<Credential> credential = CredentialOf(ctx);
    if (!credential.ok()) {
      Finish(reactor, call, credential.status(), start);
      return reactor;
    }
    auto task = [this, reactor, ctx, call, credential = *std::move(credential), work = std::move(work),
                 start]() mutable {
      absl::Status status = Admit(ctx, credential, call);
      if (status.ok()) status = work(call);
      Finish(reactor, call, status, start);
    };
    if (!executor_->TrySubmit(std::move(task))) {
      Finish(reactor, call, absl::ResourceExhaustedError("the server is at capacity; retry with backoff"),
             start);
    }
    return reactor;
  }

  // Streaming calls run reactors of their own but are admitted the same way:
  // the credential is read here, then on the executor the call is checked
  // (principal, rate limit, permission) and `then(status, call)` runs there,
  // with OK and the principal filled in, or with the refusal. A full executor
  // calls `then` with RESOURCE_EXHAUSTED at once, on this thread. The method
  // is the one whose request type is `Request`.
  template <typename Request>
  void AdmitStream(grpc::CallbackServerContext* ctx, std::function<void(absl::Status, CallContext)> then) {
    AdmitStream(ctx, MethodNameOf<Request>(), std::move(then));
  }

  // Queues more blocking work of a streaming call; false when the executor is full.
  bool Submit(std::function<void()> task) { return executor_->TrySubmit(std::move(task)); }

  // Logs a finished call as one JSON line (Run does it for unary calls).
  void LogFinished(const CallContext& call, const absl::Status& status, absl::Time start) const;

  // Graceful drain (SIGTERM; see CrmServer::Shutdown): from now on new calls,
  // unary or streaming, are answered UNAVAILABLE at once, so that callers
  // retry elsewhere; the unary calls already taken, running or queued, may
  // finish until `deadline`. True as soon as none is left; false when some
  // still are at `deadline`.
  bool Drain(absl::Time deadline);
  // Unary calls taken and not yet finished.
  int in_flight() const { return in_flight_.load(); }

 private:
  // How the caller proves who it is: a bearer token, or else (mTLS) the common
  // name of its verified client certificate.
  struct Credential {
    std::string token;
    std::string peer_common_name;
  };

  void AdmitStream(grpc::CallbackServerContext* ctx, absl::string_view method,
                   std::function<void(absl::Status, CallContext)> then);
  static absl::string_view Metadata(grpc::CallbackServerContext* ctx, absl::string_view key);
  static absl::StatusOr<Credential> CredentialOf(grpc::CallbackServerContext* ctx);
  CallContext NewCall(grpc::CallbackServerContext* ctx, absl::string_view method, absl::Time start) const;
  // On the executor, before the work: still wanted and in time, a known
  // principal (filled into `call`), allowed to call the method.
  absl::Status Admit(grpc::CallbackServerContext* ctx, const Credential& credential, CallContext& call) const;
  void Finish(grpc::ServerUnaryReactor* reactor, const CallContext& call, const absl::Status& status,
              absl::Time start);
  static absl::Status ShuttingDown();

  BoundedExecutor* executor_;
  const Authenticator* authenticator_;
  RpcRunnerOptions options_;
  std::atomic<int> in_flight_{0};
  std::atomic<bool> draining_{false};
};

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_RPC_RUNNER_H_
