#ifndef CRM_STORAGE_PROTO_JSON_H_
#define CRM_STORAGE_PROTO_JSON_H_

// Proto3 JSON for the JSON columns and audit rows, by reflection and in one
// pass. protobuf's own util (JsonStringToMessage, MessageToJsonString) goes
// JSON → binary → message through a generic converter and was a large share of
// the CPU of reads and writes.

#include <google/protobuf/message.h>

#include <string>

#include "absl/strings/string_view.h"

namespace crm {

// `m` as JSON, byte for byte what protobuf 3.21's MessageToJsonString prints
// with preserve_proto_field_names (the other options default): no whitespace,
// fields in field-number order, proto3 defaults omitted, 64-bit integers
// quoted, enums by name, Timestamp/Duration/FieldMask/wrappers in their JSON
// forms, strings escaped as protobuf escapes them. What this writer does not
// render itself (Any, Struct/Value/ListValue, a map of several entries, a
// string that is not valid UTF-8, an out-of-range Timestamp…) is handed whole
// to MessageToJsonString, so the output is always protobuf's.
std::string ProtoToJson(const google::protobuf::Message& m);

// Parses proto3 JSON (as written by ProtoToJson or by protobuf, with proto
// field names or lowerCamel json names) into `m`, which it clears first.
// Unknown keys and unknown enum names are skipped; `null` leaves a field unset;
// 64-bit integers may be strings or numbers, enums names or numbers. Returns
// false, leaving `m` cleared, on anything malformed: bad JSON (raw control
// characters in strings included), trailing bytes, invalid UTF-8, bad escapes
// or lone surrogates, nesting deeper than 64, or a value of the wrong JSON
// type for its field (a number for a string, a string that is not a number
// for a number, a fraction or out-of-range value for an integer, anything but
// true/false for a bool, a scalar for a repeated field, `null` inside an
// array…). Input with a value for an Any, Struct, Value or ListValue field is
// handed to protobuf's JsonStringToMessage (ignoring unknown fields).
bool ProtoFromJson(absl::string_view json, google::protobuf::Message* m);

namespace proto_json_internal {

// ProtoToJson's own writer without the fallback: false (with `json` holding
// junk) when `m` needs protobuf's. For tests that check the fast path is taken.
bool FastProtoToJson(const google::protobuf::Message& m, std::string* json);

}  // namespace proto_json_internal

}  // namespace crm

#endif  // CRM_STORAGE_PROTO_JSON_H_
