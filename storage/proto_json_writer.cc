// ProtoToJson: proto3 JSON by reflection, byte for byte protobuf's (see proto_json.h).

#include "storage/proto_json.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>  // EnumOptions
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "absl/container/inlined_vector.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "storage/proto_json_internal.h"

namespace crm {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::EnumValueDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using proto_json_internal::DecodeUtf8;
using proto_json_internal::IsNullValue;
using proto_json_internal::IsWrapper;
using proto_json_internal::SecondsNanos;
using proto_json_internal::SecondsNanosOf;
using proto_json_internal::kMaxDepth;
using proto_json_internal::kMaxDurationSeconds;
using proto_json_internal::kMaxTimestampSeconds;
using proto_json_internal::kMinTimestampSeconds;
using proto_json_internal::kNanosPerSecond;

constexpr char kHexDigits[] = "0123456789abcdef";

// The ASCII protobuf escapes: controls, DEL, `"`, `\`, and `<`/`>` (for HTML).
constexpr auto kAsciiNeedsEscape = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  for (char c : {'"', '\\', '<', '>', '\x7f'}) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

// Besides ASCII, protobuf escapes the C1 controls and a set of invisible
// formatting characters (soft hyphen, zero-width and bidi marks, the line and
// paragraph separators that break JavaScript, the BOM, tag characters…).
bool NonAsciiNeedsEscape(uint32_t cp) {
  if (cp < 0xa0) return true;
  if (cp < 0x2000) {
    return cp == 0xad || (cp >= 0x600 && cp <= 0x603) || cp == 0x6dd || cp == 0x70f || cp == 0x17b4 ||
           cp == 0x17b5;
  }
  if (cp < 0x2100) {
    return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
           (cp >= 0x206a && cp <= 0x206f);
  }
  if (cp < 0x10000) return cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb);
  return (cp >= 0x1d173 && cp <= 0x1d17a) || cp == 0xe0001 || (cp >= 0xe0020 && cp <= 0xe007f);
}

void AppendUnicodeEscape(uint32_t unit, std::string* out) {
  const char escape[6] = {'\\', 'u', kHexDigits[unit >> 12 & 0xf], kHexDigits[unit >> 8 & 0xf],
                          kHexDigits[unit >> 4 & 0xf], kHexDigits[unit & 0xf]};
  out->append(escape, sizeof escape);
}

void AppendAsciiEscape(char c, std::string* out) {
  switch (c) {
    case '"': out->append("\\\""); return;
    case '\\': out->append("\\\\"); return;
    case '\b': out->append("\\b"); return;
    case '\t': out->append("\\t"); return;
    case '\n': out->append("\\n"); return;
    case '\f': out->append("\\f"); return;
    case '\r': out->append("\\r"); return;
    default: AppendUnicodeEscape(static_cast<unsigned char>(c), out);
  }
}

// Code points past the BMP go as a surrogate pair.
void AppendCodePointEscape(uint32_t cp, std::string* out) {
  if (cp < 0x10000) {
    AppendUnicodeEscape(cp, out);
    return;
  }
  cp -= 0x10000;
  AppendUnicodeEscape(0xd800 + (cp >> 10), out);
  AppendUnicodeEscape(0xdc00 + (cp & 0x3ff), out);
}

// `s` as a quoted JSON string; false (with `out` partly written) when `s` is
// not valid UTF-8, which protobuf mangles in ways not worth copying.
bool AppendQuoted(absl::string_view s, std::string* out) {
  out->push_back('"');
  const char* const end = s.data() + s.size();
  const char* run = s.data();  // start of the bytes not yet copied
  for (const char* p = s.data(); p < end;) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      if (kAsciiNeedsEscape[c]) {
        out->append(run, p);
        AppendAsciiEscape(*p, out);
        run = p + 1;
      }
      ++p;
      continue;
    }
    uint32_t cp = 0;
    const int length = DecodeUtf8(p, end, &cp);
    if (length == 0) return false;
    if (NonAsciiNeedsEscape(cp)) {
      out->append(run, p);
      AppendCodePointEscape(cp, out);
      run = p + length;
    }
    p += length;
  }
  out->append(run, end);
  out->push_back('"');
  return true;
}

template <typename Int>
void AppendInt(Int v, std::string* out) {
  char buf[24];
  out->append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

template <typename Int>
void AppendQuotedInt(Int v, std::string* out) {
  out->push_back('"');
  AppendInt(v, out);
  out->push_back('"');
}

// protobuf's SimpleDtoa/SimpleFtoa: printf's %.{digits}g, with two more
// digits (three for float) when that does not read back as the same value —
// not the shortest round-trip form (2/3 is 0.66666666666666663).
template <typename Float>
void AppendFloatingPoint(Float v, std::string* out) {
  if (std::isnan(v)) {
    out->append("\"NaN\"");
    return;
  }
  if (std::isinf(v)) {
    out->append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    return;
  }
  constexpr bool kIsDouble = std::is_same_v<Float, double>;
  constexpr int kDigits = kIsDouble ? DBL_DIG : FLT_DIG;
  char buf[40];
  char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, kDigits).ptr;
  Float back = 0;
  bool parsed = false;
  if constexpr (kIsDouble) {
    parsed = absl::SimpleAtod(absl::string_view(buf, end - buf), &back);
  } else {
    parsed = absl::SimpleAtof(absl::string_view(buf, end - buf), &back);
  }
  // protobuf reads the float back with strtof and an errno check, which
  // fails for every subnormal (ERANGE): those always get the longer form.
  if (!parsed || back != v || (!kIsDouble && std::fpclassify(back) == FP_SUBNORMAL)) {
    end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, kIsDouble ? DBL_DIG + 2 : FLT_DIG + 3)
              .ptr;
  }
  out->append(buf, end);
}

// ".123", ".123456" or ".123456789": the fewest groups of three digits.
void AppendNanos(int32_t nanos, std::string* out) {
  if (nanos == 0) return;
  int digits = 9;
  if (nanos % 1000000 == 0) {
    nanos /= 1000000;
    digits = 3;
  } else if (nanos % 1000 == 0) {
    nanos /= 1000;
    digits = 6;
  }
  char buf[10];
  buf[0] = '.';
  for (int i = digits; i > 0; --i, nanos /= 10) buf[i] = static_cast<char>('0' + nanos % 10);
  out->append(buf, digits + 1);
}

void AppendPadded(int64_t v, int width, std::string* out) {
  char buf[8];
  for (int i = width - 1; i >= 0; --i, v /= 10) buf[i] = static_cast<char>('0' + v % 10);
  out->append(buf, width);
}

// A FieldMask path in lowerCamel as protobuf prints it. False for anything
// but lower-case snake_case segments (upper case, leading, doubled or
// trailing underscores, digits after an underscore, quotes…), whose
// conversion protobuf does its own way.
bool AppendCamelPath(absl::string_view path, std::string* out) {
  bool upper_next = false;
  bool segment_start = true;
  for (char c : path) {
    if (c == '_') {
      if (upper_next || segment_start) return false;
      upper_next = true;
    } else if (c == '.') {
      if (upper_next) return false;
      segment_start = true;
      out->push_back(c);
    } else if (c >= 'a' && c <= 'z') {
      out->push_back(upper_next ? static_cast<char>(c - 'a' + 'A') : c);
      upper_next = segment_start = false;
    } else if (c >= '0' && c <= '9' && !upper_next) {
      out->push_back(c);
      segment_start = false;
    } else {
      return false;
    }
  }
  return !upper_next;
}

// Whether the fields of `d` are declared in field-number order, the order of
// the binary encoding that protobuf's printer walks (as they are in crm.v1).
bool SortedByNumber(const Descriptor* d) {
  for (int i = 1, n = d->field_count(); i < n; ++i) {
    if (d->field(i - 1)->number() > d->field(i)->number()) return false;
  }
  return true;
}

absl::InlinedVector<const FieldDescriptor*, 48> FieldsByNumber(const Descriptor* d) {
  absl::InlinedVector<const FieldDescriptor*, 48> fields;
  for (int i = 0, n = d->field_count(); i < n; ++i) fields.push_back(d->field(i));
  std::sort(fields.begin(), fields.end(),
            [](const FieldDescriptor* a, const FieldDescriptor* b) { return a->number() < b->number(); });
  return fields;
}

// Renders a message. Every method returns false when it meets something it
// leaves to protobuf; ProtoToJson then starts over with MessageToJsonString.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) {}

  // `d` is m.GetDescriptor(), which the caller often knows already: asking a
  // generated message for its descriptor or reflection costs a call_once.
  bool WriteMessage(const Message& m, const Descriptor* d, int depth) {
    const Descriptor::WellKnownType type = d->well_known_type();
    if (type == Descriptor::WELLKNOWNTYPE_UNSPECIFIED) return WriteFields(m, d, depth);
    const Reflection& r = *m.GetReflection();
    if (type == Descriptor::WELLKNOWNTYPE_TIMESTAMP) return WriteTimestamp(m, d, r);
    if (type == Descriptor::WELLKNOWNTYPE_DURATION) return WriteDuration(m, d, r);
    if (type == Descriptor::WELLKNOWNTYPE_FIELDMASK) return WriteFieldMask(m, d, r);
    // A wrapper is its value, printed even when it is the default.
    if (IsWrapper(type)) {
      const FieldDescriptor* value = d->FindFieldByNumber(1);
      return WriteValue(m, r, value, value->type(), -1, depth);
    }
    return false;
  }

 private:
  bool WriteFields(const Message& m, const Descriptor* d, int depth) {
    if (depth >= kMaxDepth) return false;
    const Reflection& r = *m.GetReflection();
    out_.push_back('{');
    bool first = true;
    auto write_field = [&](const FieldDescriptor* f) {
      // Presence as in the binary encoding: proto3 scalars when not default,
      // explicit-presence fields when set, repeated fields when not empty.
      const int size = f->is_repeated() ? r.FieldSize(m, f) : 0;
      if (f->is_repeated() ? size == 0 : !r.HasField(m, f)) return true;
      out_.append(first ? "\"" : ",\"");
      first = false;
      out_.append(f->name());  // an identifier: nothing to escape
      out_.append("\":");
      // type() is worth calling once: on generated types it goes through a call_once.
      const FieldDescriptor::Type type = f->type();
      if (f->is_repeated() && type == FieldDescriptor::TYPE_MESSAGE && f->is_map()) {
        return WriteMap(m, r, f, size, depth);
      }
      if (f->is_repeated()) return WriteArray(m, r, f, type, size, depth);
      return WriteValue(m, r, f, type, -1, depth);
    };
    if (SortedByNumber(d)) {
      for (int i = 0, n = d->field_count(); i < n; ++i) {
        if (!write_field(d->field(i))) return false;
      }
    } else {
      for (const FieldDescriptor* f : FieldsByNumber(d)) {
        if (!write_field(f)) return false;
      }
    }
    out_.push_back('}');
    return true;
  }

  bool WriteArray(const Message& m, const Reflection& r, const FieldDescriptor* f, FieldDescriptor::Type type,
                  int size, int depth) {
    out_.push_back('[');
    for (int i = 0; i < size; ++i) {
      if (i > 0) out_.push_back(',');
      if (!WriteValue(m, r, f, type, i, depth)) return false;
    }
    out_.push_back(']');
    return true;
  }

  // protobuf prints maps in the order of the map's hash table, which
  // reflection does not show; a map of one entry has only one order.
  bool WriteMap(const Message& m, const Reflection& r, const FieldDescriptor* f, int size, int depth) {
    if (size > 1) return false;
    const Message& entry = r.GetRepeatedMessage(m, f, 0);
    const Reflection& entry_r = *entry.GetReflection();
    const FieldDescriptor* key = f->message_type()->map_key();
    out_.push_back('{');
    switch (key->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        if (!AppendQuoted(entry_r.GetString(entry, key), &out_)) return false;
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        out_.append(entry_r.GetBool(entry, key) ? "\"true\"" : "\"false\"");
        break;
      case FieldDescriptor::CPPTYPE_INT32: AppendQuotedInt(entry_r.GetInt32(entry, key), &out_); break;
      case FieldDescriptor::CPPTYPE_INT64: AppendQuotedInt(entry_r.GetInt64(entry, key), &out_); break;
      case FieldDescriptor::CPPTYPE_UINT32: AppendQuotedInt(entry_r.GetUInt32(entry, key), &out_); break;
      case FieldDescriptor::CPPTYPE_UINT64: AppendQuotedInt(entry_r.GetUInt64(entry, key), &out_); break;
      default: return false;
    }
    out_.push_back(':');
    // Map entries always carry their value in the binary encoding, so it is
    // printed even when it is the default.
    const FieldDescriptor* value = f->message_type()->map_value();
    if (!WriteValue(entry, entry_r, value, value->type(), -1, depth + 1)) return false;
    out_.push_back('}');
    return true;
  }

  // The value of singular field `f` (of type `type`), or element `index` of repeated `f`.
  bool WriteValue(const Message& m, const Reflection& r, const FieldDescriptor* f, FieldDescriptor::Type type,
                  int index, int depth) {
    const bool repeated = index >= 0;
    switch (FieldDescriptor::TypeToCppType(type)) {
      case FieldDescriptor::CPPTYPE_INT32:
        AppendInt(repeated ? r.GetRepeatedInt32(m, f, index) : r.GetInt32(m, f), &out_);
        return true;
      case FieldDescriptor::CPPTYPE_UINT32:
        AppendInt(repeated ? r.GetRepeatedUInt32(m, f, index) : r.GetUInt32(m, f), &out_);
        return true;
      case FieldDescriptor::CPPTYPE_INT64:
        AppendQuotedInt(repeated ? r.GetRepeatedInt64(m, f, index) : r.GetInt64(m, f), &out_);
        return true;
      case FieldDescriptor::CPPTYPE_UINT64:
        AppendQuotedInt(repeated ? r.GetRepeatedUInt64(m, f, index) : r.GetUInt64(m, f), &out_);
        return true;
      case FieldDescriptor::CPPTYPE_DOUBLE:
        AppendFloatingPoint(repeated ? r.GetRepeatedDouble(m, f, index) : r.GetDouble(m, f), &out_);
        return true;
      case FieldDescriptor::CPPTYPE_FLOAT:
        AppendFloatingPoint(repeated ? r.GetRepeatedFloat(m, f, index) : r.GetFloat(m, f), &out_);
        return true;
      case FieldDescriptor::CPPTYPE_BOOL:
        out_.append((repeated ? r.GetRepeatedBool(m, f, index) : r.GetBool(m, f)) ? "true" : "false");
        return true;
      case FieldDescriptor::CPPTYPE_ENUM:
        return WriteEnum(f, repeated ? r.GetRepeatedEnumValue(m, f, index) : r.GetEnumValue(m, f));
      case FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        const std::string& s =
            repeated ? r.GetRepeatedStringReference(m, f, index, &scratch) : r.GetStringReference(m, f, &scratch);
        if (type != FieldDescriptor::TYPE_BYTES) return AppendQuoted(s, &out_);
        out_.push_back('"');
        out_.append(absl::Base64Escape(s));
        out_.push_back('"');
        return true;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE:
        if (type == FieldDescriptor::TYPE_GROUP) return false;
        return WriteMessage(repeated ? r.GetRepeatedMessage(m, f, index) : r.GetMessage(m, f), f->message_type(),
                            depth + 1);
    }
    return false;
  }

  // By name; a number protobuf has no name for goes as the number.
  bool WriteEnum(const FieldDescriptor* f, int number) {
    const EnumDescriptor* e = f->enum_type();
    if (IsNullValue(e)) return false;
    const EnumValueDescriptor* value = nullptr;
    if (!e->options().allow_alias() && number >= 0 && number < e->value_count() &&
        e->value(number)->number() == number) {
      value = e->value(number);  // the usual enum, numbered 0, 1, 2… in order: no hash lookup
    } else {
      value = e->FindValueByNumber(number);
    }
    if (value == nullptr) {
      AppendInt(number, &out_);
      return true;
    }
    out_.push_back('"');
    out_.append(value->name());  // an identifier: nothing to escape
    out_.push_back('"');
    return true;
  }

  // RFC 3339 in UTC; out of range is protobuf's error to report.
  bool WriteTimestamp(const Message& m, const Descriptor* d, const Reflection& r) {
    const SecondsNanos fields = SecondsNanosOf(d);
    const int64_t seconds = r.GetInt64(m, fields.seconds);
    const int32_t nanos = r.GetInt32(m, fields.nanos);
    if (seconds < kMinTimestampSeconds || seconds > kMaxTimestampSeconds || nanos < 0 || nanos >= kNanosPerSecond) {
      return false;
    }
    const absl::CivilSecond t = absl::ToCivilSecond(absl::FromUnixSeconds(seconds), absl::UTCTimeZone());
    out_.push_back('"');
    AppendPadded(t.year(), 4, &out_);
    out_.push_back('-');
    AppendPadded(t.month(), 2, &out_);
    out_.push_back('-');
    AppendPadded(t.day(), 2, &out_);
    out_.push_back('T');
    AppendPadded(t.hour(), 2, &out_);
    out_.push_back(':');
    AppendPadded(t.minute(), 2, &out_);
    out_.push_back(':');
    AppendPadded(t.second(), 2, &out_);
    AppendNanos(nanos, &out_);
    out_.append("Z\"");
    return true;
  }

  // "-1.500s"; seconds and nanos of different signs are invalid.
  bool WriteDuration(const Message& m, const Descriptor* d, const Reflection& r) {
    const SecondsNanos fields = SecondsNanosOf(d);
    int64_t seconds = r.GetInt64(m, fields.seconds);
    int32_t nanos = r.GetInt32(m, fields.nanos);
    if (seconds < -kMaxDurationSeconds || seconds > kMaxDurationSeconds || nanos <= -kNanosPerSecond ||
        nanos >= kNanosPerSecond || (seconds < 0 && nanos > 0) || (seconds > 0 && nanos < 0)) {
      return false;
    }
    out_.push_back('"');
    if (seconds < 0 || nanos < 0) out_.push_back('-');
    AppendInt(seconds < 0 ? -seconds : seconds, &out_);
    AppendNanos(nanos < 0 ? -nanos : nanos, &out_);
    out_.append("s\"");
    return true;
  }

  // The paths in lowerCamel, joined by commas (protobuf adds no comma after a
  // leading empty path, hence the test of what is written so far).
  bool WriteFieldMask(const Message& m, const Descriptor* d, const Reflection& r) {
    const FieldDescriptor* paths = d->FindFieldByNumber(1);
    std::string joined;
    for (int i = 0, n = r.FieldSize(m, paths); i < n; ++i) {
      if (!joined.empty()) joined.push_back(',');
      if (!AppendCamelPath(r.GetRepeatedString(m, paths, i), &joined)) return false;
    }
    return AppendQuoted(joined, &out_);
  }

  std::string& out_;
};

std::string ProtobufJson(const Message& m) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  (void)google::protobuf::util::MessageToJsonString(m, &json, options);
  return json;
}

}  // namespace

namespace proto_json_internal {

bool FastProtoToJson(const Message& m, std::string* json) {
  json->clear();
  json->reserve(256);
  return Writer(json).WriteMessage(m, m.GetDescriptor(), 0);
}

}  // namespace proto_json_internal

std::string ProtoToJson(const Message& m) {
  std::string json;
  if (proto_json_internal::FastProtoToJson(m, &json)) return json;
  return ProtobufJson(m);
}

}  // namespace crm
