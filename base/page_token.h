#ifndef CRM_BASE_PAGE_TOKEN_H_
#define CRM_BASE_PAGE_TOKEN_H_

#include <cstdint>
#include <string>

#include <google/protobuf/message.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crm {

// Where the next page starts: the sort key and id of the last row returned.
// Lists are ordered by (key, id), so the next page is a keyset seek, and its
// cost does not depend on how deep it is.
struct PageCursor {
  int64_t key = 0;  // e.g. a time in microseconds, or a day number
  int64_t id = 0;
  std::string text_id;  // for collections keyed by a text id (units, users): the last one
};

// Fingerprint of a list request with its paging fields cleared: a token only
// continues the query that made it. Stable across processes and replicas.
std::string QueryFingerprint(const google::protobuf::Message& request_without_paging);

// An opaque, URL-safe token for `cursor`, bound to `fingerprint`.
std::string EncodePageToken(const PageCursor& cursor, absl::string_view fingerprint);

// The cursor of `token`; INVALID_ARGUMENT (field `page_token`) when it is
// malformed or was made for a different query.
absl::StatusOr<PageCursor> DecodePageToken(absl::string_view token, absl::string_view fingerprint);

// `page_size` made usable: 0 → 50, above 1000 → 1000; negative is INVALID_ARGUMENT.
absl::StatusOr<int> EffectivePageSize(int page_size);

}  // namespace crm

#endif  // CRM_BASE_PAGE_TOKEN_H_
