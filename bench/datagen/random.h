#ifndef CRM_BENCH_DATAGEN_RANDOM_H_
#define CRM_BENCH_DATAGEN_RANDOM_H_

// The generator's one source of randomness: a seeded 64-bit Mersenne Twister
// with the few distributions the synthetic data needs. Same seed, same data.

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace crm::datagen {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  // A stream of its own for (`seed`, `stream`, `start`): a table's rows from
  // `start` on are the same whatever was generated before them.
  static Rng For(uint64_t seed, absl::string_view stream, uint64_t start) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a over the stream name
    for (char c : stream) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    std::seed_seq seq{static_cast<uint32_t>(seed),  static_cast<uint32_t>(seed >> 32),
                      static_cast<uint32_t>(h),     static_cast<uint32_t>(h >> 32),
                      static_cast<uint32_t>(start), static_cast<uint32_t>(start >> 32)};
    Rng rng(0);
    rng.engine_.seed(seq);
    return rng;
  }

  // Uniform in [lo, hi] (both included).
  int64_t Uniform(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(engine_); }
  // Uniform in [0, 1).
  double Unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(engine_); }
  bool Chance(double p) { return Unit() < p; }
  double Normal(double mean, double sd) { return std::normal_distribution<double>(mean, sd)(engine_); }
  // exp(N(ln median, sigma)): a long right tail around `median`.
  double LogNormal(double median, double sigma) { return std::exp(Normal(std::log(median), sigma)); }
  double Exponential(double mean) { return std::exponential_distribution<double>(1.0 / mean)(engine_); }

  // An index drawn with the given relative weights.
  size_t Weighted(absl::Span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = Unit() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }
  size_t Weighted(std::initializer_list<double> weights) {
    return Weighted(absl::Span<const double>(weights.begin(), weights.size()));
  }

  template <typename T>
  const T& Pick(absl::Span<const T> items) {
    return items[static_cast<size_t>(Uniform(0, static_cast<int64_t>(items.size()) - 1))];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return Pick(absl::Span<const T>(items));
  }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return Pick(absl::Span<const T>(items, N));
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_RANDOM_H_
