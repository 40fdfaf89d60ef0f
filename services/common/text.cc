#include "services/common/text.h"

#include <algorithm>

namespace crm {

std::string FoldFullWidth(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = s[i];
    const unsigned char b1 = i + 2 < s.size() ? s[i + 1] : 0;
    const unsigned char b2 = i + 2 < s.size() ? s[i + 2] : 0;
    if (c == 0xEF && b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {  // U+FF01..U+FF3F
      out += static_cast<char>(b2 - 0x81 + '!');
      i += 2;
    } else if (c == 0xEF && b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {  // U+FF40..U+FF5E
      out += static_cast<char>(b2 - 0x80 + '`');
      i += 2;
    } else if (c == 0xE3 && b1 == 0x80 && b2 == 0x80) {  // U+3000
      out += ' ';
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

size_t CharCount(absl::string_view utf8) {
  return std::count_if(utf8.begin(), utf8.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

}  // namespace crm
