#ifndef CRM_CLIENTS_CLI_TEXT_ENCODING_H_
#define CRM_CLIENTS_CLI_TEXT_ENCODING_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crm::cli {

// Encodings of CSV files as Excel writes them on Chinese Windows and elsewhere.
enum class Encoding { kAuto, kUtf8, kGb18030 };

// "auto", "utf-8"/"utf8", "gbk"/"gb2312"/"gb18030"/"cp936" (any case; GBK and
// GB2312 are read as GB18030, their superset). INVALID_ARGUMENT otherwise.
absl::StatusOr<Encoding> ParseEncodingName(absl::string_view name);

// `bytes` as UTF-8, without a UTF-8 BOM. kAuto: UTF-8 when the bytes are valid
// UTF-8 (or start with its BOM), GB18030 otherwise. `detected` (optional) gets
// what was used. INVALID_ARGUMENT when the bytes are not valid in the encoding,
// naming the byte offset.
absl::StatusOr<std::string> ToUtf8(absl::string_view bytes, Encoding encoding, Encoding* detected = nullptr);

// UTF-8 text converted to `encoding` (kUtf8 and kAuto: unchanged). For writing GBK files
// and for tests. INVALID_ARGUMENT when a character has no GB18030 form.
absl::StatusOr<std::string> FromUtf8(absl::string_view utf8, Encoding encoding);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_TEXT_ENCODING_H_
