#include "bench/load/workload_options.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace crm::load {

absl::StatusOr<IdRange> ParseIdRange(absl::string_view text) {
  if (text.empty()) return IdRange{};
  std::vector<std::string> parts = absl::StrSplit(text, ':');
  IdRange range;
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[0], &range.first) || !absl::SimpleAtoi(parts[1], &range.last) ||
      range.first < 1 || range.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("an id range is FIRST:LAST with 1 <= FIRST <= LAST, not ", text));
  }
  return range;
}

}  // namespace crm::load
