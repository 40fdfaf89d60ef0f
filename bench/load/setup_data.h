#ifndef CRM_BENCH_LOAD_SETUP_DATA_H_
#define CRM_BENCH_LOAD_SETUP_DATA_H_

// The set-up calls of the workloads' Prepare: finding rows to work on, and
// creating some (with synthetic.h's rows) in a database that has too few, as
// the smoke test's fresh one.

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/load/workload_env.h"
#include "crm/v1/projects_service.pb.h"

namespace crm::load {

// Serial numbers of rows made during set-up, apart from those the write
// workloads make (which count from 0).
inline constexpr int64_t kSetupLeadSerials = 1'000'000'000;
inline constexpr int64_t kSetupProjectSerials = 2'000'000'000;

// Names of up to `max` leads, newest first.
absl::StatusOr<std::vector<std::string>> ListLeadNames(const WorkloadEnv& env, int max);

// Names of up to `max` live projects in `stage` (any stage when UNSPECIFIED), newest first.
absl::StatusOr<std::vector<std::string>> ListProjectNames(const WorkloadEnv& env, v1::ProjectStage stage, int max);

// Creates `count` leads / projects through the API, with serials from `first_serial`.
absl::Status CreateLeads(const WorkloadEnv& env, int count, int64_t first_serial);
absl::StatusOr<std::vector<std::string>> CreateProjects(const WorkloadEnv& env, int count, int64_t first_serial);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_SETUP_DATA_H_
