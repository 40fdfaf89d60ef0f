#ifndef CRM_CLIENTS_CLI_PROGRESS_H_
#define CRM_CLIENTS_CLI_PROGRESS_H_

#include <cstdio>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace crm::cli {

// A one-line progress bar on a terminal: "[=====>    ] 512/1000  245 行/s  剩余 2s".
// Does nothing when `enabled` is false (output is not a TTY). Redraws at most
// ten times a second.
class ProgressBar {
 public:
  ProgressBar(FILE* out, bool enabled, size_t total) : out_(out), enabled_(enabled), total_(total) {}
  ~ProgressBar() { Finish(); }

  void Update(size_t done);
  void Finish();  // clears the line

 private:
  FILE* out_;
  bool enabled_;
  size_t total_;
  absl::Time start_ = absl::Now();
  absl::Time last_draw_ = absl::InfinitePast();
  bool drawn_ = false;
};

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_PROGRESS_H_
