#ifndef CRM_BENCH_LOAD_WORKLOAD_ENV_H_
#define CRM_BENCH_LOAD_WORKLOAD_ENV_H_

#include <grpcpp/grpcpp.h>

#include <memory>

#include "bench/load/call_setup.h"
#include "bench/load/workload_options.h"

namespace crm::load {

// What a workload is built with.
struct WorkloadEnv {
  const CallSetup* setup = nullptr;
  // For the set-up calls of Prepare (the slots get channels of their own).
  std::shared_ptr<grpc::Channel> channel;
  WorkloadOptions options;
};

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_WORKLOAD_ENV_H_
