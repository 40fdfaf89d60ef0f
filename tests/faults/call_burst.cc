#include "tests/faults/call_burst.h"

#include <algorithm>
#include <cmath>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "tests/faults/fault_harness.h"

namespace crm::testing {

CallBurst::CallBurst(int calls, absl::Duration deadline) : deadline_(deadline), contexts_(calls), outcomes_(calls) {}

CallBurst::~CallBurst() {
  if (Wait(absl::ZeroDuration())) return;
  for (auto& ctx : contexts_) {
    if (ctx) ctx->TryCancel();
  }
  Wait(absl::Seconds(30));
}

grpc::ClientContext* CallBurst::Start(int i) {
  {
    absl::MutexLock lock(&mu_);
    ++started_;
  }
  contexts_[i] = ServerProcess::Context(deadline_);
  outcomes_[i].started = absl::Now();
  return contexts_[i].get();
}

std::function<void(grpc::Status)> CallBurst::Done(int i) {
  return [this, i](grpc::Status status) {
    absl::Time now = absl::Now();
    absl::MutexLock lock(&mu_);
    CallOutcome& outcome = outcomes_[i];
    outcome.answered = now;
    outcome.code = status.error_code();
    outcome.message = status.error_message();
    outcome.ended = true;
    ++ended_;
  };
}

bool CallBurst::WaitForAnswers(int n, absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  auto enough = [this, n]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return ended_ >= n; };
  return mu_.AwaitWithTimeout(absl::Condition(&enough), timeout);
}

bool CallBurst::Wait(absl::Duration timeout) {
  absl::MutexLock lock(&mu_);
  auto all = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { return ended_ >= started_; };
  return mu_.AwaitWithTimeout(absl::Condition(&all), timeout);
}

std::map<grpc::StatusCode, int> CallBurst::Codes(const std::function<bool(int)>& pick) const {
  absl::MutexLock lock(&mu_);
  std::map<grpc::StatusCode, int> codes;
  for (int i = 0; i < size(); ++i) {
    if (outcomes_[i].ended && (!pick || pick(i))) ++codes[outcomes_[i].code];
  }
  return codes;
}

std::string CodesText(const std::map<grpc::StatusCode, int>& codes) {
  std::string text;
  for (const auto& [code, n] : codes) {
    absl::StrAppend(&text, text.empty() ? "" : " ", absl::StatusCodeToString(static_cast<absl::StatusCode>(code)),
                    "=", n);
  }
  return text;
}

absl::Duration Quantile(std::vector<absl::Duration> samples, double q) {
  if (samples.empty()) return absl::ZeroDuration();
  std::sort(samples.begin(), samples.end());
  size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(samples.size())));
  return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

}  // namespace crm::testing
