#ifndef CRM_BENCH_LOAD_READ_WORKLOADS_H_
#define CRM_BENCH_LOAD_READ_WORKLOADS_H_

#include <memory>

#include "bench/load/workload.h"
#include "bench/load/workload_env.h"

namespace crm::load {

// GetLead of a random lead (options.lead_ids, else ones a ListLeads returns).
std::unique_ptr<Workload> NewGetLeadWorkload(const WorkloadEnv& env);

// GetProject of a random project (options.project_ids, else ones a ListProjects returns).
std::unique_ptr<Workload> NewGetProjectWorkload(const WorkloadEnv& env);

// DashboardService.GetPipelineSummary with the default request (this year,
// every unit the caller sees: the admin sees all).
std::unique_ptr<Workload> NewPipelineSummaryWorkload(const WorkloadEnv& env);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_READ_WORKLOADS_H_
