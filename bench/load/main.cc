// crm-load: a closed-loop load generator for crm-server (and crm-echo-server,
// its bare-gRPC baseline). For each workload: untimed set-up, then N calls
// kept in flight over a few channels (gRPC's callback API), a warm-up, a
// measured phase of fixed length, and calls/s with latency percentiles.
// bench/perf.sh runs it; see bench/README.md.
//
//   crm-load --addr=127.0.0.1:PORT --token_file=FILE --workloads=GetLead,CreateLead@4,…
//   crm-load --write_enterprise_csv=FILE --import_rows=N --nonce=XXXX   (the LOAD DATA baseline's rows)
//
// Exits non-zero when a workload could not run, failed calls, or completed none.

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "bench/load/call_setup.h"
#include "bench/load/load_runner.h"
#include "bench/load/report.h"
#include "bench/load/synthetic.h"
#include "bench/load/workload_registry.h"

ABSL_FLAG(std::string, addr, "127.0.0.1:50051", "crm-server address (plaintext)");
ABSL_FLAG(std::string, echo_addr, "", "crm-echo-server address, for the Echo workload (default: --addr)");
ABSL_FLAG(std::string, token_file, "", "file holding the bearer token (the bootstrap admin's); not needed for Echo");
ABSL_FLAG(std::string, workloads, "all",
          "comma-separated NAME or NAME@CONCURRENCY; `all` is every crm-server workload (not Echo)");
ABSL_FLAG(int, concurrency, 16, "calls in flight, for workloads without @CONCURRENCY");
ABSL_FLAG(int, channels, 4, "channels (TCP connections) the calls are spread over");
ABSL_FLAG(double, warmup_s, 2, "untimed seconds before each workload's measured phase");
ABSL_FLAG(double, duration_s, 10, "measured seconds of each workload (ImportEnterprises: until its rows are in)");
ABSL_FLAG(double, deadline_s, 30, "deadline of each call (an import stream is one call)");
ABSL_FLAG(std::string, label, "", "written into the machine-readable lines (e.g. the data size)");
ABSL_FLAG(std::string, nonce, "",
          "4 characters of the USCC alphabet making this run's new rows unique (default: random); give the same "
          "one to --write_enterprise_csv and to the run that imports");
ABSL_FLAG(std::string, lead_ids, "", "GetLead reads leads/ID for ID in FIRST:LAST (default: 1,000 listed leads)");
ABSL_FLAG(std::string, project_ids, "",
          "GetProject reads projects/ID for ID in FIRST:LAST (default: 1,000 listed projects)");
ABSL_FLAG(int, page_size, 50, "ListProjects rows a page");
ABSL_FLAG(int, deep_page, 5000, "ListProjectsDeepPage compares this page with page 1");
ABSL_FLAG(int64_t, import_rows, 20000, "ImportEnterprises rows (synthetic enterprises 0 … N-1)");
ABSL_FLAG(int64_t, import_stream_rows, 5000, "rows a stream (0: all in one); each stream is one call");
ABSL_FLAG(int, import_message_rows, 500, "rows a stream message");
ABSL_FLAG(int, advance_projects, 6000, "NEGOTIATING projects AdvanceProjectStage gathers (4 moves each)");
ABSL_FLAG(std::string, write_enterprise_csv, "",
          "write the --import_rows rows ImportEnterprises would import to this CSV file (for LOAD DATA) and exit");

namespace crm::load {
namespace {

int Main() {
  std::string nonce = absl::GetFlag(FLAGS_nonce).empty() ? NewNonce() : absl::GetFlag(FLAGS_nonce);
  if (!absl::GetFlag(FLAGS_write_enterprise_csv).empty()) {
    absl::Status written =
        WriteEnterpriseCsv(absl::GetFlag(FLAGS_write_enterprise_csv), nonce, 0, absl::GetFlag(FLAGS_import_rows));
    if (!written.ok()) {
      std::cerr << "crm-load: " << written << "\n";
      return 2;
    }
    return 0;
  }

  std::string workloads = absl::GetFlag(FLAGS_workloads);
  if (workloads == "all") {
    std::vector<std::string> names;
    for (const std::string& name : WorkloadNames()) {
      if (name != "Echo") names.push_back(name);  // Echo calls crm-echo-server
    }
    workloads = absl::StrJoin(names, ",");
  }
  absl::StatusOr<std::vector<WorkloadSpec>> specs = ParseWorkloadSpecs(workloads);
  absl::StatusOr<IdRange> lead_ids = ParseIdRange(absl::GetFlag(FLAGS_lead_ids));
  absl::StatusOr<IdRange> project_ids = ParseIdRange(absl::GetFlag(FLAGS_project_ids));
  for (const absl::Status& s : {specs.status(), lead_ids.status(), project_ids.status()}) {
    if (!s.ok()) {
      std::cerr << "crm-load: " << s.message() << "\n";
      return 2;
    }
  }
  bool only_echo = true;
  for (const WorkloadSpec& spec : *specs) only_echo = only_echo && spec.name == "Echo";
  std::string token;
  if (!only_echo) {
    absl::StatusOr<std::string> read = ReadToken(absl::GetFlag(FLAGS_token_file));
    if (!read.ok()) {
      std::cerr << "crm-load: " << read.status().message() << "\n";
      return 2;
    }
    token = *read;
  }
  CallSetup setup(token, absl::Seconds(absl::GetFlag(FLAGS_deadline_s)));

  WorkloadEnv env;
  env.setup = &setup;
  env.options.nonce = nonce;
  env.options.lead_ids = *lead_ids;
  env.options.project_ids = *project_ids;
  env.options.page_size = absl::GetFlag(FLAGS_page_size);
  env.options.deep_page = absl::GetFlag(FLAGS_deep_page);
  env.options.import_rows = absl::GetFlag(FLAGS_import_rows);
  env.options.import_stream_rows = absl::GetFlag(FLAGS_import_stream_rows);
  env.options.import_message_rows = absl::GetFlag(FLAGS_import_message_rows);
  env.options.advance_projects = absl::GetFlag(FLAGS_advance_projects);

  RunOptions run_options;
  run_options.warmup = absl::Seconds(absl::GetFlag(FLAGS_warmup_s));
  run_options.duration = absl::Seconds(absl::GetFlag(FLAGS_duration_s));
  const std::string label = absl::GetFlag(FLAGS_label);
  const int channel_count = std::max(absl::GetFlag(FLAGS_channels), 1);

  int failures = 0;
  PrintHeader(std::cout);
  for (const WorkloadSpec& spec : *specs) {
    std::string address = absl::GetFlag(FLAGS_addr);
    if (spec.name == "Echo" && !absl::GetFlag(FLAGS_echo_addr).empty()) address = absl::GetFlag(FLAGS_echo_addr);
    // Fresh connections for each workload, so one's backlog cannot slow the next.
    absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> channels =
        ConnectChannels(address, channel_count, absl::Seconds(10));
    if (!channels.ok()) {
      PrintFailure(std::cout, label, spec.name, std::string(channels.status().message()));
      ++failures;
      continue;
    }
    env.channel = channels->front();
    absl::StatusOr<std::unique_ptr<Workload>> workload = NewWorkload(spec.name, env);
    if (!workload.ok()) {
      PrintFailure(std::cout, label, spec.name, std::string(workload.status().message()));
      ++failures;
      continue;
    }
    if (absl::Status prepared = (*workload)->Prepare(); !prepared.ok()) {
      PrintFailure(std::cout, label, spec.name, absl::StrCat("set-up: ", prepared.message()));
      ++failures;
      continue;
    }
    run_options.concurrency = spec.concurrency > 0 ? spec.concurrency : absl::GetFlag(FLAGS_concurrency);
    absl::StatusOr<RunResult> run = RunClosedLoop(**workload, *channels, run_options);
    if (!run.ok()) {
      PrintFailure(std::cout, label, spec.name, std::string(run.status().message()));
      std::cout.flush();
      std::_Exit(3);  // calls still in flight use the workload and the run's state
    }
    PrintRun(std::cout, label, spec.name, *run, (*workload)->Notes());
    std::cout.flush();
    if (run->errors > 0 || run->calls == 0) ++failures;
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace crm::load

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "crm-load --addr=HOST:PORT --token_file=FILE [--workloads=all|NAME[@N],…] [--concurrency=16] "
      "[--duration_s=10]");
  absl::ParseCommandLine(argc, argv);
  return crm::load::Main();
}
