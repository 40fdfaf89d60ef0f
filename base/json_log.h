#ifndef CRM_BASE_JSON_LOG_H_
#define CRM_BASE_JSON_LOG_H_

#include <initializer_list>
#include <string>
#include <utility>

#include "absl/strings/string_view.h"

namespace crm {

// One log field; numbers are written bare, everything else as a JSON string.
struct LogField {
  LogField(absl::string_view k, absl::string_view v) : key(k), value(v), quoted(true) {}
  LogField(absl::string_view k, const char* v) : key(k), value(v), quoted(true) {}
  LogField(absl::string_view k, const std::string& v) : key(k), value(v), quoted(true) {}
  LogField(absl::string_view k, long long v) : key(k), value(std::to_string(v)), quoted(false) {}
  LogField(absl::string_view k, double v);
  absl::string_view key;
  std::string value;
  bool quoted;
};

// Writes one JSON object per line to stderr, with `time` (RFC 3339, UTC) and
// `event` first. Thread-safe; each line is written with a single call.
void LogJson(absl::string_view event, std::initializer_list<LogField> fields);

// `s` as a JSON string literal, quotes included; appended to `out`, or returned.
void AppendJsonQuoted(std::string& out, absl::string_view s);
std::string JsonQuote(absl::string_view s);

}  // namespace crm

#endif  // CRM_BASE_JSON_LOG_H_
