#include "storage/sql_error.h"

#include "absl/strings/str_cat.h"

namespace crm {
namespace {

constexpr int kDuplicateKey = 1062;  // ER_DUP_ENTRY

}  // namespace

bool IsConnectionError(const sql::SQLException& e) {
  switch (e.getErrorCode()) {
    case 1053:  // ER_SERVER_SHUTDOWN
    case 1927:  // ER_CONNECTION_KILLED
    case 2002:  // CR_CONNECTION_ERROR
    case 2003:  // CR_CONN_HOST_ERROR
    case 2006:  // CR_SERVER_GONE_ERROR
    case 2013:  // CR_SERVER_LOST
    case 2055:  // CR_SERVER_LOST_EXTENDED
      return true;
    default:
      return false;
  }
}

bool IsDuplicateKey(const sql::SQLException& e) { return e.getErrorCode() == kDuplicateKey; }

absl::Status StatusFromSqlError(const sql::SQLException& e) {
  std::string what = absl::StrCat("MySQL error ", e.getErrorCode(), " (", e.getSQLState(), "): ", e.what());
  if (IsConnectionError(e)) return absl::UnavailableError(what);
  switch (e.getErrorCode()) {
    case kDuplicateKey: return absl::AlreadyExistsError(what);
    case 1205:
    case 1213:
    case 1317: return absl::AbortedError(what);  // ER_QUERY_INTERRUPTED: someone's KILL QUERY
    case 1969:
    case 3024: return absl::DeadlineExceededError(what);
    default: return absl::InternalError(what);
  }
}

}  // namespace crm
