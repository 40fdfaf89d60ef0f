#ifndef CRM_BASE_STATUS_MACROS_H_
#define CRM_BASE_STATUS_MACROS_H_

// Debian's Abseil (20220623) has no status macros; this is the project's one pair.

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Returns the status from the enclosing function if `expr` is not OK.
#define RETURN_IF_ERROR(expr)                                  \
  do {                                                         \
    ::absl::Status crm_status_ = (expr);                       \
    if (!crm_status_.ok()) return crm_status_;                 \
  } while (false)

#define CRM_CONCAT_INNER_(a, b) a##b
#define CRM_CONCAT_(a, b) CRM_CONCAT_INNER_(a, b)

// `ASSIGN_OR_RETURN(auto x, F());` declares x from an OK StatusOr, or returns its status.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(CRM_CONCAT_(crm_statusor_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                           \
  if (!tmp.ok()) return tmp.status();          \
  lhs = std::move(tmp).value()

#endif  // CRM_BASE_STATUS_MACROS_H_
