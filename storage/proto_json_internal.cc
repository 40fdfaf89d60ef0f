#include "storage/proto_json_internal.h"

#include "absl/strings/string_view.h"

namespace crm::proto_json_internal {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;

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

}  // namespace crm::proto_json_internal
