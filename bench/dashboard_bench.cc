// dashboard_bench: latency of each crm.v1.DashboardService RPC, called
// sequentially (one call in flight: the latency a leadership page sees, not
// the server's throughput). Warm-up calls first, then --calls timed calls per
// RPC; prints p50, p99 and the mean, and one machine-readable line per RPC:
//
//   bench LABEL RPC p50_ms p99_ms mean_ms calls
//
// (bench/dashboard_bench.sh runs it against each data size.)

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "crm/v1/dashboard_service.grpc.pb.h"

ABSL_FLAG(std::string, addr, "127.0.0.1:50051", "crm-server address (plaintext)");
ABSL_FLAG(std::string, token_file, "", "file holding the bearer token (e.g. the bootstrap admin token)");
ABSL_FLAG(int, warmup, 20, "untimed calls per RPC first");
ABSL_FLAG(int, calls, 300, "timed calls per RPC");
ABSL_FLAG(std::string, label, "", "names the data set in the machine-readable lines (e.g. 10k)");
ABSL_FLAG(double, deadline_s, 30, "deadline of each call, seconds");
ABSL_FLAG(bool, show, false, "print each RPC's first answer (text format), to see what is measured");

namespace crm {
namespace {

struct Rpc {
  std::string name;
  // One call with `context` (which carries the token and deadline); the
  // answer in text format goes to `shown` when it is not null.
  std::function<grpc::Status(grpc::ClientContext&, std::string* shown)> call;
};

// Calls `method` with `request`, keeping the answer's text when asked.
template <typename Request, typename Response, typename Method>
grpc::Status Call(v1::DashboardService::Stub& stub, Method method, grpc::ClientContext& context, const Request& request,
                  std::string* shown) {
  Response response;
  grpc::Status status = (stub.*method)(&context, request, &response);
  if (shown != nullptr) *shown = response.Utf8DebugString();
  return status;
}

std::vector<Rpc> DashboardRpcs(v1::DashboardService::Stub& stub) {
  using Stub = v1::DashboardService::Stub;
  v1::ListAlertsRequest first_page;
  first_page.set_page_size(50);
  return {
      {"GetPipelineSummary",
       [&stub](grpc::ClientContext& c, std::string* shown) {
         return Call<v1::GetPipelineSummaryRequest, v1::PipelineSummary>(stub, &Stub::GetPipelineSummary, c, {}, shown);
       }},
      {"GetUnitScoreboard",
       [&stub](grpc::ClientContext& c, std::string* shown) {
         return Call<v1::GetUnitScoreboardRequest, v1::UnitScoreboard>(stub, &Stub::GetUnitScoreboard, c, {}, shown);
       }},
      {"ListAlerts",
       [&stub, first_page](grpc::ClientContext& c, std::string* shown) {
         return Call<v1::ListAlertsRequest, v1::ListAlertsResponse>(stub, &Stub::ListAlerts, c, first_page, shown);
       }},
      {"GetEnterprisePoolSummary",
       [&stub](grpc::ClientContext& c, std::string* shown) {
         return Call<v1::GetEnterprisePoolSummaryRequest, v1::EnterprisePoolSummary>(
             stub, &Stub::GetEnterprisePoolSummary, c, {}, shown);
       }},
      {"GetTrend",
       [&stub](grpc::ClientContext& c, std::string* shown) {
         return Call<v1::GetTrendRequest, v1::Trend>(stub, &Stub::GetTrend, c, {}, shown);
       }},
  };
}

// The value below which `q` of the sorted samples fall (nearest rank).
double Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

int Run() {
  std::ifstream in(absl::GetFlag(FLAGS_token_file));
  std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  token = std::string(absl::StripAsciiWhitespace(token));
  if (token.empty()) {
    std::cerr << "dashboard_bench: no token in --token_file\n";
    return 2;
  }
  auto channel = grpc::CreateChannel(absl::GetFlag(FLAGS_addr), grpc::InsecureChannelCredentials());
  auto stub = v1::DashboardService::NewStub(channel);
  const absl::Duration deadline = absl::Seconds(absl::GetFlag(FLAGS_deadline_s));
  const std::string label = absl::GetFlag(FLAGS_label);
  const std::string authorization = absl::StrCat("Bearer ", token);

  auto timed_call = [&](const Rpc& rpc, double* ms, std::string* shown = nullptr) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", authorization);
    context.set_deadline(absl::ToChronoTime(absl::Now() + deadline));
    absl::Time start = absl::Now();
    grpc::Status status = rpc.call(context, shown);
    *ms = absl::ToDoubleMilliseconds(absl::Now() - start);
    return status;
  };

  int failures = 0;
  std::cout << absl::StrFormat("%-26s %9s %9s %9s %6s\n", "RPC", "p50 ms", "p99 ms", "mean ms", "calls");
  for (const Rpc& rpc : DashboardRpcs(*stub)) {
    double ms = 0;
    grpc::Status status;
    if (absl::GetFlag(FLAGS_show)) {
      std::string shown;
      status = timed_call(rpc, &ms, &shown);
      std::cout << "---- " << rpc.name << " (" << absl::StrFormat("%.2f", ms) << " ms)\n" << shown;
    }
    for (int i = 0; i < absl::GetFlag(FLAGS_warmup) && status.ok(); ++i) status = timed_call(rpc, &ms);
    std::vector<double> samples;
    for (int i = 0; i < absl::GetFlag(FLAGS_calls) && status.ok(); ++i) {
      status = timed_call(rpc, &ms);
      samples.push_back(ms);
    }
    if (!status.ok()) {
      ++failures;
      std::cout << absl::StrFormat("%-26s failed: %s (code %d)\n", rpc.name, status.error_message(),
                                   static_cast<int>(status.error_code()));
      std::cout << absl::StrFormat("bench %s %s failed failed failed 0\n", label, rpc.name);
      continue;
    }
    std::sort(samples.begin(), samples.end());
    double mean = 0;
    for (double s : samples) mean += s / static_cast<double>(samples.size());
    double p50 = Quantile(samples, 0.50), p99 = Quantile(samples, 0.99);
    std::cout << absl::StrFormat("%-26s %9.2f %9.2f %9.2f %6d\n", rpc.name, p50, p99, mean, samples.size());
    std::cout << absl::StrFormat("bench %s %s %.3f %.3f %.3f %d\n", label, rpc.name, p50, p99, mean, samples.size());
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace crm

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("latency of each DashboardService RPC (see bench/README.md)");
  absl::ParseCommandLine(argc, argv);
  return crm::Run();
}
