#include "base/json_log.h"

#include <unistd.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace crm {

LogField::LogField(absl::string_view k, double v)
    : key(k), value(absl::StrFormat("%.3f", v)), quoted(false) {}

void AppendJsonQuoted(std::string& out, absl::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", c);
        } else {
          out += c;  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
}

std::string JsonQuote(absl::string_view s) {
  std::string out;
  AppendJsonQuoted(out, s);
  return out;
}

namespace {

// "2026-11-27T05:06:24.705Z" for now. The part up to the second is formatted
// once a second per thread: time-zone formatting is a visible share of a
// cheap call's CPU when every call logs a line.
void AppendNow(std::string& out) {
  thread_local int64_t cached_second = -1;
  thread_local std::string cached_prefix;
  absl::Time now = absl::Now();
  int64_t ms = absl::ToUnixMillis(now);
  int64_t second = ms / 1000;
  if (second != cached_second) {
    cached_second = second;
    cached_prefix = absl::FormatTime("%Y-%m-%dT%H:%M:%S", absl::FromUnixSeconds(second), absl::UTCTimeZone());
  }
  absl::StrAppendFormat(&out, "\"%s.%03dZ\"", cached_prefix, static_cast<int>(ms % 1000));
}

}  // namespace

void LogJson(absl::string_view event, std::initializer_list<LogField> fields) {
  std::string line;
  line.reserve(256);
  line += "{\"time\":";
  AppendNow(line);
  line += ",\"event\":";
  AppendJsonQuoted(line, event);
  for (const LogField& f : fields) {
    line += ',';
    AppendJsonQuoted(line, f.key);
    line += ':';
    if (f.quoted) AppendJsonQuoted(line, f.value); else line += f.value;
  }
  line += "}\n";
  // One write(2) per line keeps lines from different threads whole.
  ssize_t ignored = write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
}

}  // namespace crm
