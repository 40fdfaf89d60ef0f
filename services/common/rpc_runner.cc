#include "services/common/rpc_runner.h"

#include <random>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "base/json_log.h"
#include "base/page_limit.h"
#include "services/common/grpc_status.h"
#include "services/common/permissions.h"

namespace crm {
namespace {

std::string NewTraceId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return absl::StrFormat("%016x", rng());
}

}  // namespace

absl::string_view RpcRunner::Metadata(grpc::CallbackServerContext* ctx, absl::string_view key) {
  const auto& md = ctx->client_metadata();
  auto it = md.find(grpc::string_ref(key.data(), key.size()));
  if (it == md.end()) return {};
  return absl::string_view(it->second.data(), it->second.size());
}

CallContext RpcRunner::NewCall(grpc::CallbackServerContext* ctx, absl::string_view method,
                               absl::Time start) const {
  CallContext call;
  call.method = std::string(method);
  absl::string_view trace = Metadata(ctx, "x-request-id");
  call.trace_id = trace.empty() || trace.size() > 128 ? NewTraceId() : std::string(trace);
  auto chrono_deadline = ctx->deadline();  // time_point::max() when the caller set none
  absl::Time client_deadline = chrono_deadline == std::chrono::system_clock::time_point::max()
                                   ? absl::InfiniteFuture()
                                   : absl::FromChrono(chrono_deadline);
  call.deadline = std::min(client_deadline, start + options_.max_deadline);
  call.page_bytes = PageBytes(options_.max_message_bytes);
  call.now = options_.clock ? options_.clock() : start;
  return call;
}

absl::StatusOr<RpcRunner::Credential> RpcRunner::CredentialOf(grpc::CallbackServerContext* ctx) {
  Credential credential;
  absl::string_view header = Metadata(ctx, "authorization");
  if (!header.empty()) {
    absl::StatusOr<std::string> token = BearerToken(header);
    if (!token.ok()) return token.status();
    credential.token = *std::move(token);
    return credential;
  }
  std::shared_ptr<const grpc::AuthContext> auth = ctx->auth_context();
  if (auth && auth->IsPeerAuthenticated()) {
    for (const grpc::string_ref& cn : auth->FindPropertyValues("x509_common_name")) {
      credential.peer_common_name.assign(cn.data(), cn.size());
    }
  }
  if (credential.peer_common_name.empty()) return BearerToken("").status();  // "missing ... metadata"
  return credential;
}

absl::Status RpcRunner::Admit(grpc::CallbackServerContext* ctx, const Credential& credential,
                              CallContext& call) const {
  if (ctx->IsCancelled()) return absl::CancelledError("the caller cancelled the call");
  if (absl::Now() >= call.deadline) {
    return absl::DeadlineExceededError("the deadline passed before the call was started");
  }
  absl::StatusOr<Principal> who = credential.token.empty()
                                     ? authenticator_->AuthenticatePeer(credential.peer_common_name)
                                     : authenticator_->Authenticate(credential.token);
  if (!who.ok()) return who.status();
  call.principal = *std::move(who);
  call.bearer_token = credential.token;
  if (options_.rate_limiter) {
    if (absl::Status admitted = options_.rate_limiter->Admit(call.principal.user_id); !admitted.ok()) return admitted;
  }
  absl::Status allowed = AuthorizeMethod(call.principal, call.method);
  if (!allowed.ok() && options_.on_denied) options_.on_denied(call, allowed);
  return allowed;
}

void RpcRunner::AdmitStream(grpc::CallbackServerContext* ctx, absl::string_view method,
                            std::function<void(absl::Status, CallContext)> then) {
  CallContext call = NewCall(ctx, method, absl::Now());
  if (draining_.load()) {
    then(ShuttingDown(), std::move(call));
    return;
  }
  absl::StatusOr<Credential> credential = CredentialOf(ctx);
  if (!credential.ok()) {
    then(credential.status(), std::move(call));
    return;
  }
  auto task = [this, ctx, call, credential = *std::move(credential), then]() mutable {
    absl::Status status = Admit(ctx, credential, call);
    then(status, std::move(call));
  };
  if (!executor_->TrySubmit(std::move(task))) {
    then(absl::ResourceExhaustedError("the server is at capacity; retry with backoff"), std::move(call));
  }
}

void RpcRunner::LogFinished(const CallContext& call, const absl::Status& status, absl::Time start) const {
  double ms = absl::ToDoubleMilliseconds(absl::Now() - start);
  LogJson("rpc", {{"method", call.method},
                  {"code", absl::StatusCodeToString(status.code())},
                  {"latency_ms", ms},
                  {"trace_id", call.trace_id},
                  {"principal", call.principal.user_id},
                  {"error", status.ok() ? std::string() : std::string(status.message())}});
}

void RpcRunner::Finish(grpc::ServerUnaryReactor* reactor, const CallContext& call,
                       const absl::Status& status, absl::Time start) {
  LogFinished(call, status, start);
  reactor->Finish(ToGrpcStatus(status));
  in_flight_.fetch_sub(1);
}

absl::Status RpcRunner::ShuttingDown() {
  return absl::UnavailableError("the server is shutting down; retry, another replica will answer");
}

bool RpcRunner::Drain(absl::Time deadline) {
  // Run counts a call in before it looks at draining_, and this looks at the
  // count after setting draining_ (both sequentially consistent): a call
  // either sees the drain and is refused, or is counted here and waited for.
  draining_.store(true);
  // Polled: this runs once, at shutdown, and must not cost the calls anything.
  while (in_flight_.load() > 0) {
    if (absl::Now() >= deadline) return false;
    absl::SleepFor(absl::Milliseconds(5));
  }
  return true;
}

}  // namespace crm
