#ifndef CRM_SERVICES_COMMON_CALL_MUTATION_H_
#define CRM_SERVICES_COMMON_CALL_MUTATION_H_

#include <string>

#include "services/common/rpc_runner.h"
#include "storage/mutation.h"

namespace crm {

// What a store needs to know about the call that writes: who, which method,
// the request id (empty: none) and the deadline. (Header-only: it joins the
// service layer's call to the storage layer's context, for the adapters,
// which link both.)
inline MutationContext MutationOf(const CallContext& call, const std::string& request_id = "") {
  return MutationContext{call.principal.user_name(), call.method, request_id, call.deadline};
}

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_CALL_MUTATION_H_
