#ifndef CRM_BASE_METHOD_POLICY_H_
#define CRM_BASE_METHOD_POLICY_H_

// The crm.v1 methods as the contracts describe them (proto/crm/v1/
// method_options.proto): each method's name and policy, found from its
// request type. Every crm.v1 method takes a request message of its own, so
// the request type names the method; the server's runner, its permission
// table and the client library's retries all read the facts from here.

#include <string>
#include <type_traits>
#include <vector>

#include "crm/v1/method_options.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace crm {

// Every method of every crm.v1 service.
const std::vector<const google::protobuf::MethodDescriptor*>& CrmMethods();

// The method whose request type is `request`; nullptr when none is.
const google::protobuf::MethodDescriptor* MethodOfRequest(const google::protobuf::Descriptor& request);

// "crm.v1.LeadService/GetLead": a method's name as gRPC, the logs, the audit
// log and the permission table spell it.
std::string MethodName(const google::protobuf::MethodDescriptor& method);

// The name of the method whose request type is `Request`, computed once.
template <typename Request>
const std::string& MethodNameOf() {
  static_assert(std::is_base_of_v<google::protobuf::Message, Request>, "a crm.v1 request message");
  static const std::string* const name = new std::string(MethodName(*MethodOfRequest(*Request::descriptor())));
  return *name;
}

// `method`'s policy (the default, which lets nobody in, when it has none).
const v1::MethodPolicy& PolicyOf(const google::protobuf::MethodDescriptor& method);

// Whether a client may send `request` again after a transient failure, by its
// method's retry policy (and, for RETRY_POLICY_SAFE_WITHOUT_ETAG, whether it
// carries an etag).
bool SafeToRetry(const google::protobuf::Message& request);

}  // namespace crm

#endif  // CRM_BASE_METHOD_POLICY_H_
