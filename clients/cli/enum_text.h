#ifndef CRM_CLIENTS_CLI_ENUM_TEXT_H_
#define CRM_CLIENTS_CLI_ENUM_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <google/protobuf/generated_enum_reflection.h>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace crm::cli {

// Tables of how proto enum values are written in Chinese, for labels in
// tables and exports and for reading cells and flags.

template <typename E>
struct EnumText {
  E value;
  absl::string_view text;  // the first entry of a value is its label
};

// The proto name of `value`, e.g. "TARGET_LIST_OTHER"; "" when unknown.
template <typename E>
std::string EnumName(E value) {
  const auto* descriptor = google::protobuf::GetEnumDescriptor<E>()->FindValueByNumber(value);
  return descriptor == nullptr ? "" : descriptor->name();
}

// The prefix of E's value names, e.g. "TARGET_LIST_" from TARGET_LIST_UNSPECIFIED.
template <typename E>
std::string EnumPrefix() {
  return std::string(absl::StripSuffix(EnumName(static_cast<E>(0)), "UNSPECIFIED"));
}

// The label of `value`: "" when unspecified, the number when this code does
// not know the value (a newer server).
template <typename E, size_t N>
std::string LabelOf(const EnumText<E> (&table)[N], E value) {
  if (value == 0) return "";
  for (const EnumText<E>& entry : table) {
    if (entry.value == value) return std::string(entry.text);
  }
  return absl::StrCat(static_cast<int>(value));
}

// The value whose label, other text, enum name (TARGET_LIST_OTHER) or enum
// name without its prefix (OTHER) is `text`, compared by `key_of` (such as
// CellKey); nullopt when none is, or `text` has an empty key.
template <typename E, size_t N, typename KeyOf>
std::optional<E> FindEnum(const EnumText<E> (&table)[N], absl::string_view text, KeyOf key_of) {
  const std::string prefix = EnumPrefix<E>();
  const std::string key = key_of(text);
  if (key.empty()) return std::nullopt;
  for (const EnumText<E>& entry : table) {
    const std::string name = EnumName(entry.value);
    if (key == key_of(entry.text) || key == key_of(name) || key == key_of(absl::StripPrefix(name, prefix))) {
      return entry.value;
    }
  }
  return std::nullopt;
}

// The value `text` names, as FindEnum finds it, or INVALID_ARGUMENT saying it
// is not `what` and listing the choices (each value's label and its English
// name, once), e.g. "\"x\" is not a level (use 国家级/national, 省级/provincial, …)".
template <typename E, size_t N, typename KeyOf>
absl::StatusOr<E> ParseEnumText(const EnumText<E> (&table)[N], absl::string_view text, absl::string_view what,
                                KeyOf key_of) {
  if (std::optional<E> value = FindEnum(table, text, key_of)) return *value;
  std::vector<std::string> choices;
  const std::string prefix = EnumPrefix<E>();
  for (const EnumText<E>& entry : table) {
    std::string choice = absl::StrCat(LabelOf(table, entry.value), "/",
                                      absl::AsciiStrToLower(absl::StripPrefix(EnumName(entry.value), prefix)));
    if (choices.empty() || choices.back() != choice) choices.push_back(std::move(choice));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", text, "\" is not ", what, " (use ", absl::StrJoin(choices, ", "), ")"));
}

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_ENUM_TEXT_H_
