#ifndef CRM_SERVICES_COMMON_TEXT_H_
#define CRM_SERVICES_COMMON_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace crm {

// UTF-8 text with the full-width ASCII forms (！ to ～, as a Chinese input
// method types them) as ASCII, and the ideographic space U+3000 as a space:
// "ＡＢＣ（中国）５０００万" → "ABC(中国)5000万". Everything else is unchanged.
std::string FoldFullWidth(absl::string_view utf8);

// Number of Unicode characters in UTF-8 text (what length limits count).
size_t CharCount(absl::string_view utf8);

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_TEXT_H_
