#include "bench/load/workload_registry.h"

#include "absl/algorithm/container.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "bench/load/echo_workload.h"
#include "bench/load/import_workload.h"
#include "bench/load/paging_workloads.h"
#include "bench/load/read_workloads.h"
#include "bench/load/write_workloads.h"

namespace crm::load {

const std::vector<std::string>& WorkloadNames() {
  static const auto& names =
      *new std::vector<std::string>{"GetLead",    "GetProject",          "ListProjects",       "ListProjectsDeepPage",
                                    "CreateLead", "AdvanceProjectStage", "GetPipelineSummary", "ImportEnterprises",
                                    "Echo"};
  return names;
}

absl::StatusOr<std::vector<WorkloadSpec>> ParseWorkloadSpecs(absl::string_view text) {
  std::vector<WorkloadSpec> specs;
  for (absl::string_view item : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    std::vector<absl::string_view> parts = absl::StrSplit(item, '@');
    WorkloadSpec spec;
    spec.name = std::string(parts[0]);
    if (parts.size() > 2 ||
        (parts.size() == 2 && (!absl::SimpleAtoi(parts[1], &spec.concurrency) || spec.concurrency < 1))) {
      return absl::InvalidArgumentError(absl::StrCat("a workload is NAME or NAME@CONCURRENCY, not ", item));
    }
    if (!absl::c_linear_search(WorkloadNames(), spec.name)) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown workload ", spec.name, " (known: ", absl::StrJoin(WorkloadNames(), ", "), ")"));
    }
    specs.push_back(spec);
  }
  if (specs.empty()) return absl::InvalidArgumentError("no workload named");
  return specs;
}

absl::StatusOr<std::unique_ptr<Workload>> NewWorkload(absl::string_view name, const WorkloadEnv& env) {
  if (name == "GetLead") return NewGetLeadWorkload(env);
  if (name == "GetProject") return NewGetProjectWorkload(env);
  if (name == "ListProjects") return NewListProjectsWalkWorkload(env);
  if (name == "ListProjectsDeepPage") return NewDeepPageWorkload(env);
  if (name == "CreateLead") return NewCreateLeadWorkload(env);
  if (name == "AdvanceProjectStage") return NewAdvanceStageWorkload(env);
  if (name == "GetPipelineSummary") return NewPipelineSummaryWorkload(env);
  if (name == "ImportEnterprises") return NewImportWorkload(env);
  if (name == "Echo") return NewEchoWorkload(env.setup);
  return absl::InvalidArgumentError(absl::StrCat("unknown workload ", name));
}

}  // namespace crm::load
