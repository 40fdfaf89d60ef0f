#include "base/field_checks.h"

#include "absl/algorithm/container.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/calendar.h"
#include "base/resource_name.h"
#include "base/text.h"

namespace crm {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::FieldMask;
using google::protobuf::Message;

// The fields `mask` names, checked against `updatable` (see ApplyMask).
absl::StatusOr<std::vector<const FieldDescriptor*>> MaskedFields(
    const FieldMask& mask, const google::protobuf::Descriptor* descriptor, const std::vector<std::string>& updatable,
    const std::map<std::string, std::string>& read_only, absl::string_view what) {
  if (mask.paths().empty()) {
    return InvalidField("update_mask", absl::StrCat("is required: name the ", what, ", or `*` for all"));
  }
  std::vector<std::string> paths;
  for (const std::string& path : mask.paths()) {
    if (path == "*") {
      paths = updatable;
      break;
    }
    if (absl::c_find(updatable, path) == updatable.end()) {
      auto hint = read_only.find(path);
      std::string why = hint != read_only.end() ? hint->second
                                                : absl::StrCat("can be one of: ", absl::StrJoin(updatable, ", "));
      return InvalidField("update_mask", absl::StrCat("`", path, "` ", why));
    }
    // A path named twice is copied once.
    if (absl::c_find(paths, path) == paths.end()) paths.push_back(path);
  }
  std::vector<const FieldDescriptor*> fields;
  for (const std::string& path : paths) fields.push_back(descriptor->FindFieldByName(path));
  return fields;
}

}  // namespace

void CheckText(absl::string_view value, size_t max_chars, bool required, const std::string& field,
               FieldViolations& violations) {
  if (required && absl::StripAsciiWhitespace(value).empty()) {
    violations.Add(field, "is required");
  } else if (CharCount(value) > max_chars) {
    violations.Add(field, absl::StrCat("must be at most ", max_chars, " characters, got ", CharCount(value)));
  }
}

void CheckOptionalDay(absl::string_view value, const std::string& field, FieldViolations& violations) {
  if (!value.empty() && !ParseIsoDay(value)) violations.Add(field, "must be a date YYYY-MM-DD");
}

void CheckUnit(absl::string_view value, const std::string& field, FieldViolations& violations) {
  if (!value.empty() && PrincipalId(value, "units").empty()) {
    violations.Add(field, "must be a unit name like `units/promotion-1`");
  }
}

void CheckUser(absl::string_view value, const std::string& field, FieldViolations& violations) {
  if (!value.empty() && PrincipalId(value, "users").empty()) {
    violations.Add(field, "must be a user name like `users/alice`");
  }
}

void CopyField(const Message& from, Message& to, const FieldDescriptor* f) {
  const auto* r = to.GetReflection();
  r->ClearField(&to, f);
  if (f->is_repeated()) {
    for (int i = 0; i < r->FieldSize(from, f); ++i) {
      switch (f->cpp_type()) {
        case FieldDescriptor::CPPTYPE_INT32: r->AddInt32(&to, f, r->GetRepeatedInt32(from, f, i)); break;
        case FieldDescriptor::CPPTYPE_INT64: r->AddInt64(&to, f, r->GetRepeatedInt64(from, f, i)); break;
        case FieldDescriptor::CPPTYPE_UINT32: r->AddUInt32(&to, f, r->GetRepeatedUInt32(from, f, i)); break;
        case FieldDescriptor::CPPTYPE_UINT64: r->AddUInt64(&to, f, r->GetRepeatedUInt64(from, f, i)); break;
        case FieldDescriptor::CPPTYPE_DOUBLE: r->AddDouble(&to, f, r->GetRepeatedDouble(from, f, i)); break;
        case FieldDescriptor::CPPTYPE_FLOAT: r->AddFloat(&to, f, r->GetRepeatedFloat(from, f, i)); break;
        case FieldDescriptor::CPPTYPE_BOOL: r->AddBool(&to, f, r->GetRepeatedBool(from, f, i)); break;
        case FieldDescriptor::CPPTYPE_ENUM: r->AddEnumValue(&to, f, r->GetRepeatedEnumValue(from, f, i)); break;
        case FieldDescriptor::CPPTYPE_STRING: r->AddString(&to, f, r->GetRepeatedString(from, f, i)); break;
        case FieldDescriptor::CPPTYPE_MESSAGE: r->AddMessage(&to, f)->CopyFrom(r->GetRepeatedMessage(from, f, i)); break;
      }
    }
    return;
  }
  if (f->has_presence() && !r->HasField(from, f)) return;
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32: r->SetInt32(&to, f, r->GetInt32(from, f)); break;
    case FieldDescriptor::CPPTYPE_INT64: r->SetInt64(&to, f, r->GetInt64(from, f)); break;
    case FieldDescriptor::CPPTYPE_UINT32: r->SetUInt32(&to, f, r->GetUInt32(from, f)); break;
    case FieldDescriptor::CPPTYPE_UINT64: r->SetUInt64(&to, f, r->GetUInt64(from, f)); break;
    case FieldDescriptor::CPPTYPE_DOUBLE: r->SetDouble(&to, f, r->GetDouble(from, f)); break;
    case FieldDescriptor::CPPTYPE_FLOAT: r->SetFloat(&to, f, r->GetFloat(from, f)); break;
    case FieldDescriptor::CPPTYPE_BOOL: r->SetBool(&to, f, r->GetBool(from, f)); break;
    case FieldDescriptor::CPPTYPE_ENUM: r->SetEnumValue(&to, f, r->GetEnumValue(from, f)); break;
    case FieldDescriptor::CPPTYPE_STRING: r->SetString(&to, f, r->GetString(from, f)); break;
    case FieldDescriptor::CPPTYPE_MESSAGE: r->MutableMessage(&to, f)->CopyFrom(r->GetMessage(from, f)); break;
  }
}

absl::Status ApplyMask(const FieldMask& mask, const Message& patch, Message& target,
                       const std::vector<std::string>& updatable, const std::map<std::string, std::string>& read_only,
                       absl::string_view what) {
  auto fields = MaskedFields(mask, target.GetDescriptor(), updatable, read_only, what);
  if (!fields.ok()) return fields.status();
  for (const FieldDescriptor* f : *fields) CopyField(patch, target, f);
  return absl::OkStatus();
}

}  // namespace crm
