#include "clients/cli/progress.h"

#include "absl/strings/str_format.h"

namespace crm::cli {

void ProgressBar::Update(size_t done) {
  absl::Time now = absl::Now();
  if (!enabled_ || (now - last_draw_ < absl::Milliseconds(100) && done < total_)) return;
  last_draw_ = now;
  constexpr int kWidth = 30;
  int filled = total_ ? static_cast<int>(kWidth * done / total_) : kWidth;
  std::string bar(filled, '=');
  if (filled < kWidth) bar += '>' + std::string(kWidth - filled - 1, ' ');
  double seconds = absl::ToDoubleSeconds(now - start_);
  double rate = seconds > 0 ? done / seconds : 0;
  std::string eta = rate > 0 ? absl::StrFormat("%.0fs", (total_ - done) / rate) : "?";
  absl::FPrintF(out_, "\r[%s] %d/%d  %.0f 行/s  剩余 %s  ", bar, done, total_, rate, eta);
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (!drawn_) return;
  absl::FPrintF(out_, "\r\033[K");
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace crm::cli
