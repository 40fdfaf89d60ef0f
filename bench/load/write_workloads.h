#ifndef CRM_BENCH_LOAD_WRITE_WORKLOADS_H_
#define CRM_BENCH_LOAD_WRITE_WORKLOADS_H_

#include <memory>

#include "bench/load/workload.h"
#include "bench/load/workload_env.h"

namespace crm::load {

// CreateLead of a new lead each call (unique USCC, a fresh request_id), so
// each is a durable transaction: the lead, its request-id row, its audit row.
std::unique_ptr<Workload> NewCreateLeadWorkload(const WorkloadEnv& env);

// AdvanceProjectStage, each slot moving a project of its own one stage a call
// (NEGOTIATING → SIGNED, which draws the battle map, → REGISTERED →
// CONSTRUCTION_STARTED → IN_PRODUCTION), then taking the next. Prepare gathers
// options.advance_projects projects in NEGOTIATING with ListProjects (creating
// a few in a small database); when they are all moved the slots stop and the
// report says so.
std::unique_ptr<Workload> NewAdvanceStageWorkload(const WorkloadEnv& env);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_WRITE_WORKLOADS_H_
