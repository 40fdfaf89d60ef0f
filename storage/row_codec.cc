#include "storage/row_codec.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/numbers.h"
#include "storage/mutation.h"
#include "storage/proto_json.h"

namespace crm {

std::string IdOf(absl::string_view resource_name) {
  size_t slash = resource_name.find('/');
  return std::string(resource_name.substr(slash + 1));
}

int64_t LastId(absl::string_view resource_name) {
  int64_t id = 0;
  size_t slash = resource_name.rfind('/');
  if (slash == absl::string_view::npos || !absl::SimpleAtoi(resource_name.substr(slash + 1), &id)) return 0;
  return id;
}

int64_t Micros(const google::protobuf::Timestamp& ts) {
  return google::protobuf::util::TimeUtil::TimestampToMicroseconds(ts);
}

void RepeatedFromJson(const std::string& json, google::protobuf::Message* holder) {
  (void)ProtoFromJson(json, holder);  // clears `holder`, and leaves it empty when `json` is malformed
}

std::optional<google::protobuf::Timestamp> TimeColumn(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return TimestampProto(ParseSqlTime(rs.getString(column)));
}

void BindTime(sql::PreparedStatement& ps, int index, bool set, const google::protobuf::Timestamp& ts) {
  if (set) {
    ps.setString(index, SqlTime(absl::FromUnixMicros(Micros(ts))));
  } else {
    ps.setNull(index, sql::DataType::TIMESTAMP);
  }
}

void BindTextOrNull(sql::PreparedStatement& ps, int index, const std::string& text) {
  if (text.empty()) ps.setNull(index, sql::DataType::VARCHAR); else ps.setString(index, text);
}

}  // namespace crm
