#include "base/method_policy.h"

#include <cstdlib>
#include <cstdio>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "crm/v1/admin_service.pb.h"
#include "crm/v1/dashboard_service.pb.h"
#include "crm/v1/enterprises_service.pb.h"
#include "crm/v1/leads_service.pb.h"
#include "crm/v1/projects_service.pb.h"

namespace crm {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::MethodDescriptor;

// The files that define the crm.v1 services (naming one message of each also
// links it in, so its descriptors are registered).
std::vector<const google::protobuf::FileDescriptor*> ServiceFiles() {
  return {v1::GetLeadRequest::descriptor()->file(), v1::GetEnterpriseRequest::descriptor()->file(),
          v1::GetProjectRequest::descriptor()->file(), v1::GetPipelineSummaryRequest::descriptor()->file(),
          v1::GetUserRequest::descriptor()->file()};
}

struct Methods {
  std::vector<const MethodDescriptor*> all;
  absl::flat_hash_map<const Descriptor*, const MethodDescriptor*> by_request;
};

const Methods& TheMethods() {
  static const Methods* const methods = [] {
    auto* m = new Methods;
    for (const google::protobuf::FileDescriptor* file : ServiceFiles()) {
      for (int s = 0; s < file->service_count(); ++s) {
        for (int i = 0; i < file->service(s)->method_count(); ++i) {
          const MethodDescriptor* method = file->service(s)->method(i);
          m->all.push_back(method);
          // A contract error, caught by the first test that starts anything.
          if (!m->by_request.emplace(method->input_type(), method).second) {
            std::fprintf(stderr, "%s shares its request type with another method\n", method->full_name().c_str());
            std::abort();
          }
        }
      }
    }
    return m;
  }();
  return *methods;
}

// True when `message` or a message field of it (one level down: the resource
// of an update) has a non-empty `etag`.
bool CarriesEtag(const Message& message) {
  const Descriptor* type = message.GetDescriptor();
  const google::protobuf::Reflection* reflection = message.GetReflection();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    if (field->is_repeated()) continue;
    if (field->name() == "etag" && field->type() == FieldDescriptor::TYPE_STRING &&
        !reflection->GetString(message, field).empty()) {
      return true;
    }
    if (field->type() == FieldDescriptor::TYPE_MESSAGE && reflection->HasField(message, field)) {
      const Message& inner = reflection->GetMessage(message, field);
      const FieldDescriptor* etag = inner.GetDescriptor()->FindFieldByName("etag");
      if (etag != nullptr && etag->type() == FieldDescriptor::TYPE_STRING && !etag->is_repeated() &&
          !inner.GetReflection()->GetString(inner, etag).empty()) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

const std::vector<const MethodDescriptor*>& CrmMethods() { return TheMethods().all; }

const MethodDescriptor* MethodOfRequest(const Descriptor& request) {
  const auto& by_request = TheMethods().by_request;
  auto it = by_request.find(&request);
  return it == by_request.end() ? nullptr : it->second;
}

std::string MethodName(const MethodDescriptor& method) {
  return absl::StrCat(method.service()->full_name(), "/", method.name());
}

const v1::MethodPolicy& PolicyOf(const MethodDescriptor& method) {
  return method.options().GetExtension(v1::method_policy);
}

bool SafeToRetry(const Message& request) {
  const MethodDescriptor* method = MethodOfRequest(*request.GetDescriptor());
  if (method == nullptr) return false;
  switch (PolicyOf(*method).retry()) {
    case v1::RETRY_POLICY_SAFE:
      return true;
    case v1::RETRY_POLICY_SAFE_WITHOUT_ETAG:
      return !CarriesEtag(request);
    default:
      return false;
  }
}

}  // namespace crm
