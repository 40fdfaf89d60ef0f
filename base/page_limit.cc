#include "base/page_limit.h"

#include <algorithm>

namespace crm {

size_t PageBytes(int max_message_bytes) {
  const size_t max = static_cast<size_t>(std::max(max_message_bytes, 1024));
  return max - std::min<size_t>(64 * 1024, max / 4);
}

}  // namespace crm
