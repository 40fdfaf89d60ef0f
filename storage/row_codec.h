#ifndef CRM_STORAGE_ROW_CODEC_H_
#define CRM_STORAGE_ROW_CODEC_H_

// Small conversions between rows and crm.v1 messages that every store needs.

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace crm {

// The `{id}` of `collection/{id}` (everything after the first slash).
std::string IdOf(absl::string_view resource_name);

// The numeric id after the last slash of a resource name; 0 when there is none.
int64_t LastId(absl::string_view resource_name);

// Microseconds since the epoch.
int64_t Micros(const google::protobuf::Timestamp& ts);

// Repeated fields are kept as the JSON of a message holding only them
// (written with MessageToJson); this reads such JSON back into `holder`,
// which it clears first: parse into a spare message and swap the field over.
void RepeatedFromJson(const std::string& json, google::protobuf::Message* holder);

// The DATETIME(6) column `column` as a Timestamp; nullopt when NULL. (Callers
// assign it only when present: touching a message field marks it as set.)
std::optional<google::protobuf::Timestamp> TimeColumn(sql::ResultSet& rs, const char* column);

// Binds a Timestamp as DATETIME(6), or NULL when `set` is false.
void BindTime(sql::PreparedStatement& ps, int index, bool set, const google::protobuf::Timestamp& ts);

// Binds text, or NULL when it is empty.
void BindTextOrNull(sql::PreparedStatement& ps, int index, const std::string& text);

}  // namespace crm

#endif  // CRM_STORAGE_ROW_CODEC_H_
