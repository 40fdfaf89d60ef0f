#ifndef CRM_STORAGE_PROTO_JSON_INTERNAL_H_
#define CRM_STORAGE_PROTO_JSON_INTERNAL_H_

// What the proto3 JSON writer (proto_json_writer.cc) and reader
// (proto_json_reader.cc) share. Not for other callers: see proto_json.h.

#include <google/protobuf/descriptor.h>

#include <cstdint>
#include <string>

namespace crm::proto_json_internal {

// Objects and arrays nested deeper than this are refused by the reader and
// handed to protobuf by the writer, so hostile input cannot run either
// recursion off the end of the stack.
inline constexpr int kMaxDepth = 64;

// The Timestamp range of RFC 3339 (0001-01-01T00:00:00Z..9999-12-31T23:59:59Z)
// and the Duration range (±10,000 years), as protobuf enforces them.
inline constexpr int64_t kMinTimestampSeconds = -62135596800;
inline constexpr int64_t kMaxTimestampSeconds = 253402300799;
inline constexpr int64_t kMaxDurationSeconds = 315576000000;
inline constexpr int32_t kNanosPerSecond = 1000000000;


// The length of the valid UTF-8 sequence at `p` (whose first byte is ≥ 0x80)
// and its code point; 0 when it is not valid UTF-8 (a stray continuation byte,
// a truncated sequence, an overlong form, a surrogate, a value past U+10FFFF).
int DecodeUtf8(const char* p, const char* end, uint32_t* cp);

// Appends code point `cp` (≤ U+10FFFF, not a surrogate) as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out);

// The two fields of a Timestamp or Duration, found by number so that dynamic
// copies of the types work as well as the generated ones.
struct SecondsNanos {
  const google::protobuf::FieldDescriptor* seconds;
  const google::protobuf::FieldDescriptor* nanos;
};
SecondsNanos SecondsNanosOf(const google::protobuf::Descriptor* d);

// The enum that stands for JSON null inside google.protobuf.Value; left to protobuf.
bool IsNullValue(const google::protobuf::EnumDescriptor* e);

bool IsWrapper(google::protobuf::Descriptor::WellKnownType t);

// Any, Struct, Value and ListValue: both directions leave them to protobuf.
bool IsUnsupportedType(const google::protobuf::Descriptor* d);

}  // namespace crm::proto_json_internal

#endif  // CRM_STORAGE_PROTO_JSON_INTERNAL_H_
