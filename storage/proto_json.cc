#include "storage/proto_json.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "absl/container/inlined_vector.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace crm {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::EnumValueDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Objects and arrays nested deeper than this are refused by the reader and
// handed to protobuf by the writer, so hostile input cannot run either
// recursion off the end of the stack.
constexpr int kMaxDepth = 64;

// The Timestamp range of RFC 3339 (0001-01-01T00:00:00Z..9999-12-31T23:59:59Z)
// and the Duration range (±10,000 years), as protobuf enforces them.
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;
constexpr int64_t kMaxDurationSeconds = 315576000000;
constexpr int32_t kNanosPerSecond = 1000000000;

// ---------------------------------------------------------------------------
// Shared by both directions.

// The length of the valid UTF-8 sequence at `p` (whose first byte is ≥ 0x80)
// and its code point; 0 when it is not valid UTF-8 (a stray continuation byte,
// a truncated sequence, an overlong form, a surrogate, a value past U+10FFFF).
int DecodeUtf8(const char* p, const char* end, uint32_t* cp) {
  auto byte = [&](int i) { return static_cast<unsigned char>(p[i]); };
  auto continuation = [&](int i) { return p + i < end && (byte(i) & 0xc0) == 0x80; };
  unsigned char c = byte(0);
  if (c < 0xc2) return 0;
  if (c < 0xe0) {
    if (!continuation(1)) return 0;
    *cp = (c & 0x1fu) << 6 | (byte(1) & 0x3fu);
    return 2;
  }
  if (c < 0xf0) {
    if (!continuation(1) || !continuation(2)) return 0;
    *cp = (c & 0x0fu) << 12 | (byte(1) & 0x3fu) << 6 | (byte(2) & 0x3fu);
    return *cp < 0x800 || (*cp >= 0xd800 && *cp <= 0xdfff) ? 0 : 3;
  }
  if (c < 0xf5) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return 0;
    *cp = (c & 0x07u) << 18 | (byte(1) & 0x3fu) << 12 | (byte(2) & 0x3fu) << 6 | (byte(3) & 0x3fu);
    return *cp < 0x10000 || *cp > 0x10ffff ? 0 : 4;
  }
  return 0;
}

// The two fields of a Timestamp or Duration, found by number so that dynamic
// copies of the types work as well as the generated ones.
struct SecondsNanos {
  const FieldDescriptor* seconds;
  const FieldDescriptor* nanos;
};

SecondsNanos SecondsNanosOf(const Descriptor* d) {
  if (d->field_count() == 2 && d->field(0)->number() == 1 && d->field(1)->number() == 2) {
    return {d->field(0), d->field(1)};  // as declared in timestamp.proto and duration.proto
  }
  return {d->FindFieldByNumber(1), d->FindFieldByNumber(2)};
}

// The enum that stands for JSON null inside google.protobuf.Value; left to protobuf.
bool IsNullValue(const EnumDescriptor* e) {
  return absl::string_view(e->full_name()) == "google.protobuf.NullValue";
}

bool IsWrapper(Descriptor::WellKnownType t) {
  switch (t) {
    case Descriptor::WELLKNOWNTYPE_DOUBLEVALUE:
    case Descriptor::WELLKNOWNTYPE_FLOATVALUE:
    case Descriptor::WELLKNOWNTYPE_INT64VALUE:
    case Descriptor::WELLKNOWNTYPE_UINT64VALUE:
    case Descriptor::WELLKNOWNTYPE_INT32VALUE:
    case Descriptor::WELLKNOWNTYPE_UINT32VALUE:
    case Descriptor::WELLKNOWNTYPE_STRINGVALUE:
    case Descriptor::WELLKNOWNTYPE_BYTESVALUE:
    case Descriptor::WELLKNOWNTYPE_BOOLVALUE:
      return true;
    default:
      return false;
  }
}

// Any, Struct, Value and ListValue: both directions leave them to protobuf.
bool IsUnsupportedType(const Descriptor* d) {
  switch (d->well_known_type()) {
    case Descriptor::WELLKNOWNTYPE_ANY:
    case Descriptor::WELLKNOWNTYPE_STRUCT:
    case Descriptor::WELLKNOWNTYPE_VALUE:
    case Descriptor::WELLKNOWNTYPE_LISTVALUE:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------
// Writing.

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

// ---------------------------------------------------------------------------
// Reading.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | cp >> 6));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | cp >> 12));
    out->push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | cp >> 18));
    out->push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// Advances `*p` over a JSON number (RFC 8259: no leading zeros, no '+', no
// bare '.'); false when there is none at `*p`.
bool ScanNumber(const char** p, const char* end) {
  const char* q = *p;
  if (q < end && *q == '-') ++q;
  if (q == end || !IsDigit(*q)) return false;
  if (*q++ != '0') {
    while (q < end && IsDigit(*q)) ++q;
  }
  if (q < end && *q == '.') {
    if (++q == end || !IsDigit(*q)) return false;
    while (q < end && IsDigit(*q)) ++q;
  }
  if (q < end && (*q == 'e' || *q == 'E')) {
    if (++q < end && (*q == '+' || *q == '-')) ++q;
    if (q == end || !IsDigit(*q)) return false;
    while (q < end && IsDigit(*q)) ++q;
  }
  *p = q;
  return true;
}

bool IsNumber(absl::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  return ScanNumber(&p, end) && p == end;
}

// A whole number from the text of a JSON number; exponents and fractions are
// fine as long as the value is whole and in range.
bool ToInt64(absl::string_view number, int64_t* out) {
  if (number.find_first_of(".eE") == absl::string_view::npos) return absl::SimpleAtoi(number, out);
  double d = 0;
  if (!absl::SimpleAtod(number, &d) || d != std::trunc(d) || d < -0x1p63 || d >= 0x1p63) return false;
  *out = static_cast<int64_t>(d);
  return true;
}

bool ToUint64(absl::string_view number, uint64_t* out) {
  if (number.find_first_of(".eE") == absl::string_view::npos) return absl::SimpleAtoi(number, out);
  double d = 0;
  if (!absl::SimpleAtod(number, &d) || d != std::trunc(d) || d < 0 || d >= 0x1p64) return false;
  *out = static_cast<uint64_t>(d);
  return true;
}

// "YYYY-MM-DDTHH:MM:SS[.fraction]Z" or with a "+HH:MM"/"-HH:MM" offset.
bool ParseTimestamp(absl::string_view s, int64_t* seconds, int32_t* nanos) {
  size_t pos = 0;
  auto digits = [&](int n, int* out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
      if (!IsDigit(s[pos + i])) return false;
      v = v * 10 + (s[pos + i] - '0');
    }
    pos += n;
    *out = v;
    return true;
  };
  auto literal = [&](char c) { return pos < s.size() && s[pos++] == c; };
  int year, month, day, hour, minute, second;
  if (!digits(4, &year) || !literal('-') || !digits(2, &month) || !literal('-') || !digits(2, &day) ||
      !literal('T') || !digits(2, &hour) || !literal(':') || !digits(2, &minute) || !literal(':') ||
      !digits(2, &second)) {
    return false;
  }
  // CivilSecond normalises (February 30 → March 1), so a date that does not
  // come back as written does not exist.
  const absl::CivilSecond t(year, month, day, hour, minute, second);
  if (year < 1 || t.month() != month || t.day() != day || t.hour() != hour || t.minute() != minute ||
      t.second() != second) {
    return false;
  }
  int32_t fraction = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int count = 0;
    for (; pos < s.size() && IsDigit(s[pos]); ++pos, ++count) {
      if (count == 9) return false;
      fraction = fraction * 10 + (s[pos] - '0');
    }
    if (count == 0) return false;
    for (; count < 9; ++count) fraction *= 10;
  }
  int offset = 0;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    const int sign = s[pos++] == '-' ? -1 : 1;
    int offset_hours, offset_minutes;
    if (!digits(2, &offset_hours) || !literal(':') || !digits(2, &offset_minutes) || offset_hours > 23 ||
        offset_minutes > 59) {
      return false;
    }
    offset = sign * (offset_hours * 3600 + offset_minutes * 60);
  } else if (!literal('Z')) {
    return false;
  }
  if (pos != s.size()) return false;
  *seconds = absl::ToUnixSeconds(absl::FromCivil(t, absl::UTCTimeZone())) - offset;
  *nanos = fraction;
  return *seconds >= kMinTimestampSeconds && *seconds <= kMaxTimestampSeconds;
}

// "[-]S[.fraction]s".
bool ParseDuration(absl::string_view s, int64_t* seconds, int32_t* nanos) {
  if (s.size() < 2 || s.back() != 's') return false;
  s.remove_suffix(1);
  const bool negative = !s.empty() && s.front() == '-';
  if (negative) s.remove_prefix(1);
  const size_t dot = s.find('.');
  absl::string_view whole = s.substr(0, dot);
  if (whole.empty() || whole.size() > 12) return false;
  int64_t value = 0;
  for (char c : whole) {
    if (!IsDigit(c)) return false;
    value = value * 10 + (c - '0');
  }
  int32_t fraction = 0;
  if (dot != absl::string_view::npos) {
    absl::string_view digits = s.substr(dot + 1);
    if (digits.empty() || digits.size() > 9) return false;
    for (char c : digits) {
      if (!IsDigit(c)) return false;
      fraction = fraction * 10 + (c - '0');
    }
    for (size_t i = digits.size(); i < 9; ++i) fraction *= 10;
  }
  if (value > kMaxDurationSeconds) return false;
  *seconds = negative ? -value : value;
  *nanos = negative ? -fraction : fraction;
  return true;
}

// The enum value named `name` (a linear scan: enums are small, and it needs
// no std::string of the name).
const EnumValueDescriptor* FindEnumValue(const EnumDescriptor* e, absl::string_view name) {
  for (int i = 0, n = e->value_count(); i < n; ++i) {
    if (e->value(i)->name() == name) return e->value(i);
  }
  return nullptr;
}

// The field of `d` whose proto name or JSON name is `key`. Keys mostly come in
// field order, so the scan starts after the field found last (`*next`).
const FieldDescriptor* FindField(const Descriptor* d, absl::string_view key, int* next) {
  const int count = d->field_count();
  for (int k = 0, i = *next; k < count; ++k, ++i) {
    if (i >= count) i = 0;
    const FieldDescriptor* f = d->field(i);
    if (f->name() == key || f->json_name() == key) {
      *next = i + 1;
      return f;
    }
  }
  return nullptr;
}

// Fills a message from JSON in one pass over the bytes. Every method returns
// false on malformed input, or on a type left to protobuf (then
// unsupported() is true and ProtoFromJson hands the input to protobuf).
class Reader {
 public:
  explicit Reader(absl::string_view json) : p_(json.data()), end_(json.data() + json.size()) {}

  bool ParseDocument(Message* m) {
    SkipSpace();
    if (!ParseMessage(m, m->GetDescriptor(), 0)) return false;
    SkipSpace();
    return p_ == end_;
  }

  bool unsupported() const { return unsupported_; }

 private:
  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool Peek(char c) const { return p_ < end_ && *p_ == c; }

  bool ConsumeLiteral(absl::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || absl::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  // Reads a JSON string at p_. `*out` views its text: the input itself when it
  // holds no escapes, else `*scratch`.
  bool ReadString(absl::string_view* out, std::string* scratch) {
    if (!Peek('"')) return false;
    const char* start = ++p_;
    if (!SkipPlain()) return false;
    if (*p_ == '"') {
      *out = absl::string_view(start, p_++ - start);
      return true;
    }
    scratch->assign(start, p_);
    while (p_ < end_) {
      if (*p_ == '"') {
        ++p_;
        *out = *scratch;
        return true;
      }
      if (!ReadEscape(scratch)) return false;  // SkipPlain stops only at '"', '\\' or the end
      const char* run = p_;
      if (!SkipPlain()) return false;
      scratch->append(run, p_);
    }
    return false;
  }

  // Advances over characters that stand for themselves, checking the UTF-8;
  // stops at '"' or '\\' (true), or at a raw control character, invalid
  // UTF-8 or the end of the input (false).
  bool SkipPlain() {
    while (p_ < end_) {
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"' || c == '\\') return true;
      if (c < 0x20) return false;
      if (c < 0x80) {
        ++p_;
        continue;
      }
      uint32_t cp = 0;
      const int length = DecodeUtf8(p_, end_, &cp);
      if (length == 0) return false;
      p_ += length;
    }
    return false;
  }

  // Decodes the escape at p_ (a '\\'), \uXXXX surrogate pairs included.
  bool ReadEscape(std::string* out) {
    if (end_ - p_ < 2) return false;
    const char c = p_[1];
    p_ += 2;
    switch (c) {
      case '"': out->push_back('"'); return true;
      case '\\': out->push_back('\\'); return true;
      case '/': out->push_back('/'); return true;
      case 'b': out->push_back('\b'); return true;
      case 'f': out->push_back('\f'); return true;
      case 'n': out->push_back('\n'); return true;
      case 'r': out->push_back('\r'); return true;
      case 't': out->push_back('\t'); return true;
      case 'u': break;
      default: return false;
    }
    uint32_t cp = 0;
    if (!ReadHex4(&cp)) return false;
    if (cp >= 0xdc00 && cp <= 0xdfff) return false;  // a low surrogate on its own
    if (cp >= 0xd800 && cp <= 0xdbff) {
      uint32_t low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!ReadHex4(&low) || low < 0xdc00 || low > 0xdfff) return false;
      cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
    }
    AppendUtf8(cp, out);
    return true;
  }

  bool ReadHex4(uint32_t* out) {
    if (end_ - p_ < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = HexValue(p_[i]);
      if (digit < 0) return false;
      v = v << 4 | digit;
    }
    p_ += 4;
    *out = v;
    return true;
  }

  // The text of a number value: a JSON number, or the contents of a JSON
  // string (how 64-bit integers, NaN and the infinities are written).
  bool ReadNumberText(absl::string_view* text, bool* quoted) {
    *quoted = Peek('"');
    if (*quoted) return ReadString(text, &scratch_);
    const char* start = p_;
    if (!ScanNumber(&p_, end_)) return false;
    *text = absl::string_view(start, p_ - start);
    return true;
  }

  bool ReadInt64(int64_t min, int64_t max, int64_t* out) {
    absl::string_view text;
    bool quoted = false;
    if (!ReadNumberText(&text, &quoted) || (quoted && !IsNumber(text))) return false;
    return ToInt64(text, out) && *out >= min && *out <= max;
  }

  bool ReadUint64(uint64_t max, uint64_t* out) {
    absl::string_view text;
    bool quoted = false;
    if (!ReadNumberText(&text, &quoted) || (quoted && !IsNumber(text))) return false;
    return ToUint64(text, out) && *out <= max;
  }

  // A number, or "NaN", "Infinity", "-Infinity" or a number in a string. A
  // finite number too large for a double is an error, not an infinity.
  bool ReadDouble(double* out) {
    absl::string_view text;
    bool quoted = false;
    if (!ReadNumberText(&text, &quoted)) return false;
    if (quoted) {
      if (text == "NaN") {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
      }
      if (text == "Infinity" || text == "-Infinity") {
        *out = text[0] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
        return true;
      }
      if (!IsNumber(text)) return false;
    }
    return absl::SimpleAtod(text, out) && std::isfinite(*out);
  }

  bool ReadFloat(float* out) {
    double d = 0;
    if (!ReadDouble(&d)) return false;
    if (std::isfinite(d) && std::fabs(d) > std::numeric_limits<float>::max()) return false;
    *out = static_cast<float>(d);
    return true;
  }

  bool ReadBool(bool* out) {
    if (ConsumeLiteral("true")) {
      *out = true;
      return true;
    }
    if (ConsumeLiteral("false")) {
      *out = false;
      return true;
    }
    return false;
  }

  // A message value: an object, or the JSON form of a well-known type. `d`
  // is m->GetDescriptor() (see Writer::WriteMessage).
  bool ParseMessage(Message* m, const Descriptor* d, int depth) {
    const Descriptor::WellKnownType type = d->well_known_type();
    if (type == Descriptor::WELLKNOWNTYPE_UNSPECIFIED) return ParseObject(m, d, depth);
    const Reflection& r = *m->GetReflection();
    if (type == Descriptor::WELLKNOWNTYPE_TIMESTAMP || type == Descriptor::WELLKNOWNTYPE_DURATION) {
      absl::string_view text;
      int64_t seconds = 0;
      int32_t nanos = 0;
      if (!ReadString(&text, &scratch_)) return false;
      if (!(type == Descriptor::WELLKNOWNTYPE_TIMESTAMP ? ParseTimestamp(text, &seconds, &nanos)
                                                         : ParseDuration(text, &seconds, &nanos))) {
        return false;
      }
      const SecondsNanos fields = SecondsNanosOf(d);
      r.SetInt64(m, fields.seconds, seconds);
      r.SetInt32(m, fields.nanos, nanos);
      return true;
    }
    if (type == Descriptor::WELLKNOWNTYPE_FIELDMASK) return ParseFieldMask(m, d, r);
    if (IsWrapper(type)) return ParseValue(m, r, d->FindFieldByNumber(1), false, depth);
    unsupported_ = true;
    return false;
  }

  // "fooBar,baz.quxQuux" → paths foo_bar and baz.qux_quux.
  bool ParseFieldMask(Message* m, const Descriptor* d, const Reflection& r) {
    absl::string_view text;
    if (!ReadString(&text, &scratch_)) return false;
    const FieldDescriptor* paths = d->FindFieldByNumber(1);
    while (!text.empty()) {
      const size_t comma = text.find(',');
      std::string path;
      for (char c : text.substr(0, comma)) {
        if (c >= 'A' && c <= 'Z') {
          path.push_back('_');
          c = static_cast<char>(c - 'A' + 'a');
        }
        path.push_back(c);
      }
      r.AddString(m, paths, std::move(path));
      text = comma == absl::string_view::npos ? absl::string_view() : text.substr(comma + 1);
    }
    return true;
  }

  bool ParseObject(Message* m, const Descriptor* d, int depth) {
    if (!Peek('{') || ++depth > kMaxDepth) return false;
    ++p_;
    SkipSpace();
    if (Peek('}')) {
      ++p_;
      return true;
    }
    const Reflection& r = *m->GetReflection();
    int next_field = 0;
    for (;;) {
      SkipSpace();
      absl::string_view key;
      if (!ReadString(&key, &key_scratch_)) return false;
      SkipSpace();
      if (!Peek(':')) return false;
      ++p_;
      SkipSpace();
      const FieldDescriptor* f = FindField(d, key, &next_field);
      if (!(f == nullptr ? SkipValue(depth) : ParseField(m, r, f, depth))) return false;
      SkipSpace();
      if (Peek(',')) {
        ++p_;
      } else if (Peek('}')) {
        ++p_;
        return true;
      } else {
        return false;
      }
    }
  }

  bool ParseField(Message* m, const Reflection& r, const FieldDescriptor* f, int depth) {
    // Value and NullValue give null a meaning of its own: left to protobuf.
    const FieldDescriptor::Type type = f->type();
    if ((type == FieldDescriptor::TYPE_MESSAGE && IsUnsupportedType(f->message_type())) ||
        (type == FieldDescriptor::TYPE_ENUM && IsNullValue(f->enum_type())) || type == FieldDescriptor::TYPE_GROUP) {
      unsupported_ = true;
      return false;
    }
    if (ConsumeLiteral("null")) return true;  // the field stays unset
    if (f->is_map()) return ParseMap(m, r, f, depth);
    if (f->is_repeated()) return ParseArray(m, r, f, depth);
    return ParseValue(m, r, f, false, depth);
  }

  // Elements may not be null: a repeated field has no "unset" element.
  bool ParseArray(Message* m, const Reflection& r, const FieldDescriptor* f, int depth) {
    if (!Peek('[') || ++depth > kMaxDepth) return false;
    ++p_;
    SkipSpace();
    if (Peek(']')) {
      ++p_;
      return true;
    }
    for (;;) {
      SkipSpace();
      if (!ParseValue(m, r, f, true, depth)) return false;
      SkipSpace();
      if (Peek(',')) {
        ++p_;
      } else if (Peek(']')) {
        ++p_;
        return true;
      } else {
        return false;
      }
    }
  }

  bool ParseMap(Message* m, const Reflection& r, const FieldDescriptor* f, int depth) {
    if (!Peek('{') || ++depth > kMaxDepth) return false;
    ++p_;
    SkipSpace();
    if (Peek('}')) {
      ++p_;
      return true;
    }
    const FieldDescriptor* key_field = f->message_type()->map_key();
    const FieldDescriptor* value_field = f->message_type()->map_value();
    for (;;) {
      SkipSpace();
      absl::string_view key;
      if (!ReadString(&key, &key_scratch_)) return false;
      Message* entry = r.AddMessage(m, f);
      const Reflection& entry_r = *entry->GetReflection();
      if (!SetMapKey(entry, entry_r, key_field, key)) return false;
      SkipSpace();
      if (!Peek(':')) return false;
      ++p_;
      SkipSpace();
      if (!ParseValue(entry, entry_r, value_field, false, depth)) return false;
      SkipSpace();
      if (Peek(',')) {
        ++p_;
      } else if (Peek('}')) {
        ++p_;
        return true;
      } else {
        return false;
      }
    }
  }

  static bool SetMapKey(Message* entry, const Reflection& r, const FieldDescriptor* f, absl::string_view key) {
    int64_t i = 0;
    uint64_t u = 0;
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        r.SetString(entry, f, std::string(key));
        return true;
      case FieldDescriptor::CPPTYPE_BOOL:
        if (key != "true" && key != "false") return false;
        r.SetBool(entry, f, key == "true");
        return true;
      case FieldDescriptor::CPPTYPE_INT32:
        if (!IsNumber(key) || !ToInt64(key, &i) || i < INT32_MIN || i > INT32_MAX) return false;
        r.SetInt32(entry, f, static_cast<int32_t>(i));
        return true;
      case FieldDescriptor::CPPTYPE_INT64:
        if (!IsNumber(key) || !ToInt64(key, &i)) return false;
        r.SetInt64(entry, f, i);
        return true;
      case FieldDescriptor::CPPTYPE_UINT32:
        if (!IsNumber(key) || !ToUint64(key, &u) || u > UINT32_MAX) return false;
        r.SetUInt32(entry, f, static_cast<uint32_t>(u));
        return true;
      case FieldDescriptor::CPPTYPE_UINT64:
        if (!IsNumber(key) || !ToUint64(key, &u)) return false;
        r.SetUInt64(entry, f, u);
        return true;
      default:
        return false;
    }
  }

  // One value of `f`'s type: set on a singular field, added to a repeated one.
  bool ParseValue(Message* m, const Reflection& r, const FieldDescriptor* f, bool add, int depth) {
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_INT32: {
        int64_t v = 0;
        if (!ReadInt64(INT32_MIN, INT32_MAX, &v)) return false;
        add ? r.AddInt32(m, f, static_cast<int32_t>(v)) : r.SetInt32(m, f, static_cast<int32_t>(v));
        return true;
      }
      case FieldDescriptor::CPPTYPE_INT64: {
        int64_t v = 0;
        if (!ReadInt64(INT64_MIN, INT64_MAX, &v)) return false;
        add ? r.AddInt64(m, f, v) : r.SetInt64(m, f, v);
        return true;
      }
      case FieldDescriptor::CPPTYPE_UINT32: {
        uint64_t v = 0;
        if (!ReadUint64(UINT32_MAX, &v)) return false;
        add ? r.AddUInt32(m, f, static_cast<uint32_t>(v)) : r.SetUInt32(m, f, static_cast<uint32_t>(v));
        return true;
      }
      case FieldDescriptor::CPPTYPE_UINT64: {
        uint64_t v = 0;
        if (!ReadUint64(UINT64_MAX, &v)) return false;
        add ? r.AddUInt64(m, f, v) : r.SetUInt64(m, f, v);
        return true;
      }
      case FieldDescriptor::CPPTYPE_DOUBLE: {
        double v = 0;
        if (!ReadDouble(&v)) return false;
        add ? r.AddDouble(m, f, v) : r.SetDouble(m, f, v);
        return true;
      }
      case FieldDescriptor::CPPTYPE_FLOAT: {
        float v = 0;
        if (!ReadFloat(&v)) return false;
        add ? r.AddFloat(m, f, v) : r.SetFloat(m, f, v);
        return true;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        bool v = false;
        if (!ReadBool(&v)) return false;
        add ? r.AddBool(m, f, v) : r.SetBool(m, f, v);
        return true;
      }
      case FieldDescriptor::CPPTYPE_ENUM:
        return ParseEnum(m, r, f, add);
      case FieldDescriptor::CPPTYPE_STRING: {
        absl::string_view text;
        if (!ReadString(&text, &scratch_)) return false;
        std::string value;
        if (f->type() != FieldDescriptor::TYPE_BYTES) {
          value.assign(text.data(), text.size());
        } else if (!absl::Base64Unescape(text, &value) && !absl::WebSafeBase64Unescape(text, &value)) {
          return false;
        }
        add ? r.AddString(m, f, std::move(value)) : r.SetString(m, f, std::move(value));
        return true;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE:
        return ParseMessage(add ? r.AddMessage(m, f) : r.MutableMessage(m, f), f->message_type(), depth);
    }
    return false;
  }

  // By name or number. An unknown name is skipped, as protobuf's parser skips
  // it when told to ignore unknown fields (which is how this repo called it).
  bool ParseEnum(Message* m, const Reflection& r, const FieldDescriptor* f, bool add) {
    int number = 0;
    if (Peek('"')) {
      absl::string_view name;
      if (!ReadString(&name, &scratch_)) return false;
      const EnumValueDescriptor* value = FindEnumValue(f->enum_type(), name);
      if (value == nullptr) return true;
      number = value->number();
    } else {
      int64_t v = 0;
      if (!ReadInt64(INT32_MIN, INT32_MAX, &v)) return false;
      number = static_cast<int>(v);
    }
    add ? r.AddEnumValue(m, f, number) : r.SetEnumValue(m, f, number);
    return true;
  }

  // Checks and skips any value (of a key that names no field).
  bool SkipValue(int depth) {
    if (p_ == end_) return false;
    absl::string_view ignored;
    switch (*p_) {
      case '"': return ReadString(&ignored, &scratch_);
      case 't': return ConsumeLiteral("true");
      case 'f': return ConsumeLiteral("false");
      case 'n': return ConsumeLiteral("null");
      case '{': return SkipContainer('}', depth);
      case '[': return SkipContainer(']', depth);
      default: return ScanNumber(&p_, end_);
    }
  }

  bool SkipContainer(char close, int depth) {
    if (++depth > kMaxDepth) return false;
    ++p_;
    SkipSpace();
    if (Peek(close)) {
      ++p_;
      return true;
    }
    for (;;) {
      SkipSpace();
      if (close == '}') {
        absl::string_view key;
        if (!ReadString(&key, &key_scratch_)) return false;
        SkipSpace();
        if (!Peek(':')) return false;
        ++p_;
        SkipSpace();
      }
      if (!SkipValue(depth)) return false;
      SkipSpace();
      if (Peek(',')) {
        ++p_;
      } else if (Peek(close)) {
        ++p_;
        return true;
      } else {
        return false;
      }
    }
  }

  const char* p_;
  const char* const end_;
  bool unsupported_ = false;
  std::string scratch_;      // decoded values with escapes
  std::string key_scratch_;  // decoded keys with escapes
};

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

bool ProtoFromJson(absl::string_view json, Message* m) {
  m->Clear();
  Reader reader(json);
  if (reader.ParseDocument(m)) return true;
  m->Clear();
  if (!reader.unsupported()) return false;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  if (google::protobuf::util::JsonStringToMessage(google::protobuf::StringPiece(json.data(), json.size()), m, options)
          .ok()) {
    return true;
  }
  m->Clear();
  return false;
}

}  // namespace crm
