#include "base/page_token.h"

#include <vector>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "base/field_violations.h"
#include "base/principal.h"

namespace crm {

std::string QueryFingerprint(const google::protobuf::Message& request) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream out(&stream);
    out.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&out);
  }
  return absl::BytesToHexString(Sha256(bytes).substr(0, 8));
}

std::string EncodePageToken(const PageCursor& cursor, absl::string_view fingerprint) {
  std::string token;
  absl::WebSafeBase64Escape(absl::StrCat("1:", cursor.key, ":", cursor.id, ":", fingerprint, ":", cursor.text_id),
                            &token);
  return token;
}

absl::StatusOr<PageCursor> DecodePageToken(absl::string_view token, absl::string_view fingerprint) {
  std::string raw;
  PageCursor cursor;
  std::vector<absl::string_view> parts;
  if (absl::WebSafeBase64Unescape(token, &raw)) parts = absl::StrSplit(raw, absl::MaxSplits(':', 4));
  if (parts.size() != 5 || parts[0] != "1" || !absl::SimpleAtoi(parts[1], &cursor.key) ||
      !absl::SimpleAtoi(parts[2], &cursor.id)) {
    return InvalidField("page_token", "is not a token this service issued");
  }
  if (parts[3] != fingerprint) {
    return InvalidField("page_token", "belongs to a list call with other filters or order; start again without it");
  }
  cursor.text_id = std::string(parts[4]);
  return cursor;
}

absl::StatusOr<int> EffectivePageSize(int page_size) {
  if (page_size < 0) return InvalidField("page_size", "must not be negative");
  if (page_size == 0) return 50;
  return std::min(page_size, 1000);
}

}  // namespace crm
