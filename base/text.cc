#include "base/text.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

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

std::vector<absl::string_view> Utf8Characters(absl::string_view utf8) {
  std::vector<absl::string_view> out;
  size_t i = 0;
  while (i < utf8.size()) {
    size_t end = i + 1;
    while (end < utf8.size() && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) ++end;
    out.push_back(utf8.substr(i, end - i));
    i = end;
  }
  return out;
}

std::string QuoteCharacter(absl::string_view c) {
  const unsigned char lead = c.empty() ? 0 : static_cast<unsigned char>(c[0]);
  // The length a lead byte announces (0: not a lead byte).
  const size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3
                                                          : lead >= 0xF0 && lead < 0xF5          ? 4
                                                                                                 : 0;
  if (length != 0 && length == c.size()) return absl::StrCat("'", c, "'");
  return absl::StrFormat("byte 0x%02X", lead);
}

size_t CharCount(absl::string_view utf8) {
  return std::count_if(utf8.begin(), utf8.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

}  // namespace crm
