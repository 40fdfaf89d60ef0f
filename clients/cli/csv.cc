#include "clients/cli/csv.h"

#include <cstddef>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"

namespace crm::cli {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

// "-5", "+3.25", "1,200": a cell Excel reads as a plain number.
bool IsPlainNumber(absl::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty() || !absl::ascii_isdigit(s[0])) return false;
  bool seen_point = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' && !seen_point && i + 1 < s.size()) {
      seen_point = true;
    } else if (!(absl::ascii_isdigit(c) || (c == ',' && !seen_point))) {
      return false;
    }
  }
  return true;
}

// A cell Excel would run as a formula (=HYPERLINK(…), +cmd|…, -2+3, @SUM(…)).
bool LooksLikeFormula(absl::string_view s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') &&
         !IsPlainNumber(s);
}

// Whether the escape `'` goes in front of `field`. Fields that already start
// with quotes before a formula get one more, so that reading strips exactly
// the one added here and "'=1" survives a round trip.
bool NeedsFormulaEscape(absl::string_view field) {
  const size_t first = field.find_first_not_of('\'');
  return first != absl::string_view::npos && LooksLikeFormula(field.substr(first));
}

bool NeedsQuotes(absl::string_view field) {
  return field.find_first_of(",\"\r\n") != absl::string_view::npos;
}

// Undoes the formula escape of CsvLine.
void UnescapeFormula(std::string& field) {
  if (absl::StartsWith(field, "'") && NeedsFormulaEscape(absl::string_view(field).substr(1))) {
    field.erase(0, 1);
  }
}

// Reads CSV records one character at a time.
class CsvParser {
 public:
  explicit CsvParser(absl::string_view text) : text_(text) {}

  absl::StatusOr<std::vector<std::vector<std::string>>> Parse() && {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"' && field_.empty() && !quoted_field_) {
        if (!ReadQuoted()) {
          return absl::InvalidArgumentError(absl::StrCat(
              "line ", quote_line_, ": a quoted field has no closing quote (\")"));
        }
      } else if (c == ',') {
        EndField();
        ++pos_;
      } else if (c == '\n' || IsCrlfOrFinalCr()) {
        EndRecord();
        pos_ += c == '\r' && pos_ + 1 < text_.size() ? 2 : 1;
        ++line_;
      } else {
        field_ += c;
        ++pos_;
      }
    }
    EndRecord();  // a last line without a line break
    return std::move(records_);
  }

 private:
  // A lone CR is kept as a character (it is no line break in this format),
  // except as the last byte of a text cut after it.
  bool IsCrlfOrFinalCr() const {
    return text_[pos_] == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n');
  }

  // Reads a quoted field from its opening quote to past its closing quote.
  // False when the text ends first.
  bool ReadQuoted() {
    quote_line_ = line_;
    quoted_field_ = true;
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field_ += '"';
          ++pos_;
        } else {
          return true;  // anything up to the next comma is kept as written
        }
      } else {
        if (c == '\n') ++line_;
        field_ += c;
      }
    }
    return false;
  }

  void EndField() {
    UnescapeFormula(field_);
    record_.push_back(std::move(field_));
    field_.clear();
    quoted_field_ = false;
  }

  void EndRecord() {
    const bool empty_line = record_.empty() && field_.empty() && !quoted_field_;
    if (!empty_line) {
      EndField();
      records_.push_back(std::move(record_));
    }
    record_.clear();
  }

  absl::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;        // line of text_[pos_], from 1
  int quote_line_ = 0;  // line of the last opening quote
  std::string field_;
  bool quoted_field_ = false;  // field_ began with a quote
  std::vector<std::string> record_;
  std::vector<std::vector<std::string>> records_;
};

}  // namespace

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    const std::string& field = fields[i];
    const std::string escaped = NeedsFormulaEscape(field) ? "'" + field : field;
    // A record of one empty field is written "" so that it is not an empty line.
    if (NeedsQuotes(escaped) || (fields.size() == 1 && field.empty())) {
      absl::StrAppend(&line, "\"", absl::StrReplaceAll(escaped, {{"\"", "\"\""}}), "\"");
    } else {
      line += escaped;
    }
  }
  line += "\r\n";
  return line;
}

absl::StatusOr<std::vector<std::vector<std::string>>> ParseCsv(absl::string_view text) {
  absl::ConsumePrefix(&text, kUtf8Bom);  // never content; Excel writes one
  return CsvParser(text).Parse();
}

}  // namespace crm::cli
