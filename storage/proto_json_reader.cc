// ProtoFromJson: proto3 JSON into a message by reflection, in one pass (see proto_json.h).

#include "storage/proto_json.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>

#include <cmath>
#include <cstdint>
#include <limits>

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
using proto_json_internal::AppendUtf8;
using proto_json_internal::DecodeUtf8;
using proto_json_internal::IsNullValue;
using proto_json_internal::IsUnsupportedType;
using proto_json_internal::IsWrapper;
using proto_json_internal::SecondsNanos;
using proto_json_internal::SecondsNanosOf;
using proto_json_internal::kMaxDepth;
using proto_json_internal::kMaxDurationSeconds;
using proto_json_internal::kMaxTimestampSeconds;
using proto_json_internal::kMinTimestampSeconds;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
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
