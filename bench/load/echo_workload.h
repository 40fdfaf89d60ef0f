#ifndef CRM_BENCH_LOAD_ECHO_WORKLOAD_H_
#define CRM_BENCH_LOAD_ECHO_WORKLOAD_H_

#include <memory>

#include "bench/load/call_setup.h"
#include "bench/load/workload.h"

namespace crm::load {

// Echo.Echo on crm-echo-server: what gRPC alone costs on this machine, the
// baseline of the Get workloads. The request is about a GetLead request's size.
std::unique_ptr<Workload> NewEchoWorkload(const CallSetup* setup);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_ECHO_WORKLOAD_H_
