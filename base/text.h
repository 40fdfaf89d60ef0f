#ifndef CRM_BASE_TEXT_H_
#define CRM_BASE_TEXT_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace crm {

// UTF-8 text with the full-width ASCII forms (！ to ～, as a Chinese input
// method types them) as ASCII, and the ideographic space U+3000 as a space:
// "ＡＢＣ（中国）５０００万" → "ABC(中国)5000万". Everything else is unchanged.
std::string FoldFullWidth(absl::string_view utf8);

// Number of Unicode characters in UTF-8 text (what length limits count).
size_t CharCount(absl::string_view utf8);

// The characters of UTF-8 text, each as its bytes: a lead byte with the
// continuation bytes after it; a byte that starts no character stands alone.
std::vector<absl::string_view> Utf8Characters(absl::string_view utf8);

// One character of Utf8Characters for a message: `'长'`; or, for a byte that is
// not a whole UTF-8 character, its value (`byte 0xEF`), so that the message
// stays valid UTF-8 (protobuf refuses to parse a string field that is not).
std::string QuoteCharacter(absl::string_view character);

}  // namespace crm

#endif  // CRM_BASE_TEXT_H_
