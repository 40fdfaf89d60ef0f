#include "bench/load/latency.h"

#include <algorithm>
#include <cmath>

namespace crm::load {
namespace {

// The value below or at which a fraction `q` of the sorted samples fall.
double Quantile(const std::vector<int64_t>& sorted, double q) {
  size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  rank = std::clamp<size_t>(rank, 1, sorted.size());
  return static_cast<double>(sorted[rank - 1]) / 1e6;
}

}  // namespace

void LatencySamples::Merge(const LatencySamples& other) {
  nanos_.insert(nanos_.end(), other.nanos_.begin(), other.nanos_.end());
}

LatencySummary LatencySamples::Summarize() {
  LatencySummary s;
  s.count = size();
  if (nanos_.empty()) return s;
  std::sort(nanos_.begin(), nanos_.end());
  double total = 0;
  for (int64_t n : nanos_) total += static_cast<double>(n);
  s.mean_ms = total / static_cast<double>(nanos_.size()) / 1e6;
  s.p50_ms = Quantile(nanos_, 0.50);
  s.p90_ms = Quantile(nanos_, 0.90);
  s.p99_ms = Quantile(nanos_, 0.99);
  s.p999_ms = Quantile(nanos_, 0.999);
  s.max_ms = static_cast<double>(nanos_.back()) / 1e6;
  return s;
}

}  // namespace crm::load
