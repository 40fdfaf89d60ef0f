#ifndef CRM_BENCH_LOAD_BLOCKING_H_
#define CRM_BENCH_LOAD_BLOCKING_H_

// Helpers for the untimed set-up of workloads, which uses blocking stubs.

#include <grpcpp/grpcpp.h>

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace crm::load {

// `status` as an absl::Status, its message prefixed with `what`.
absl::Status FromGrpc(const grpc::Status& status, absl::string_view what);

// Runs `call(i)` for i in [0, count) on `threads` threads; the first error.
absl::Status ParallelFor(int count, int threads, const std::function<absl::Status(int)>& call);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_BLOCKING_H_
