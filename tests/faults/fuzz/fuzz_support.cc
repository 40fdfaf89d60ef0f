#include "tests/faults/fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>

#include "absl/algorithm/container.h"
#include "base/field_violations.h"
#include "base/page_token.h"
#include "google/protobuf/stubs/logging.h"

namespace crm::fuzz {
namespace {

// The method being checked, for the message of a failed requirement.
thread_local std::string current_method;

}  // namespace

void Require(bool ok, absl::string_view what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz requirement failed in %s: %.*s\n", current_method.c_str(), static_cast<int>(what.size()),
               what.data());
  std::abort();
}

void RequireVerdict(const absl::Status& status, std::initializer_list<absl::StatusCode> also) {
  if (status.ok() || absl::c_linear_search(also, status.code())) return;
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    std::fprintf(stderr, "unexpected status: %s\n", status.ToString().c_str());
    Require(false, "a check answers OK or INVALID_ARGUMENT");
  }
  std::vector<FieldViolation> violations = ViolationsOf(status);
  if (violations.empty()) std::fprintf(stderr, "no field violation in: %s\n", status.ToString().c_str());
  Require(!violations.empty(), "INVALID_ARGUMENT names the bad field (google.rpc.BadRequest)");
  for (const FieldViolation& v : violations) {
    Require(!v.field.empty() && !v.description.empty(), "a field violation names a field and says why");
  }
}

const std::vector<Principal>& Principals() {
  static const std::vector<Principal>* principals = [] {
    auto* p = new std::vector<Principal>;
    p->push_back({"admin", "admin", v1::ROLE_ADMIN, {}});
    p->push_back({"zhang-san", "east", v1::ROLE_STAFF, {}});
    p->push_back({"li-si", "east", v1::ROLE_UNIT_LEAD, {}});
    p->push_back({"wang-wu", "office", v1::ROLE_LEADERSHIP, {}});
    p->push_back({"stats-bureau", "stats", v1::ROLE_DEPARTMENT_SERVICE, {"leads.read", "projects.write"}});
    return p;
  }();
  return *principals;
}

absl::CivilDay Today() { return absl::CivilDay(2026, 6, 15); }

void CheckPaging(const google::protobuf::Message& unpaged, const std::string& page_token) {
  const std::string fingerprint = QueryFingerprint(unpaged);
  Require(!fingerprint.empty(), "a fingerprint");
  absl::StatusOr<PageCursor> cursor = DecodePageToken(page_token, fingerprint);
  if (page_token.empty()) return;
  RequireVerdict(cursor.status());
  if (!cursor.ok()) return;
  absl::StatusOr<PageCursor> again = DecodePageToken(EncodePageToken(*cursor, fingerprint), fingerprint);
  Require(again.ok() && again->key == cursor->key && again->id == cursor->id && again->text_id == cursor->text_id,
          "a page token decodes to the cursor it was made from");
}

Checks::Checks(absl::string_view service)
    : service_(google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(std::string(service))) {
  Require(service_ != nullptr, "the service is in the generated descriptors");
  // Most inputs do not parse, and protobuf says so on stderr each time.
  google::protobuf::SetLogHandler(nullptr);
}

void Checks::RequireAllMethods() const {
  for (int i = 0; i < service_->method_count(); ++i) {
    current_method = service_->method(i)->full_name();
    Require(checks_.count(service_->method(i)->name()) == 1, "every method has a check in its fuzz target");
  }
}

void Checks::Run(const uint8_t* data, size_t size) const {
  if (size == 0) return;
  const google::protobuf::MethodDescriptor* method = service_->method(data[0] % service_->method_count());
  current_method = method->full_name();
  std::unique_ptr<google::protobuf::Message> request(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(method->input_type())->New());
  if (!request->ParseFromArray(data + 1, static_cast<int>(size - 1))) return;
  auto check = checks_.find(method->name());
  Require(check != checks_.end(), "every method has a check in its fuzz target");
  check->second(*request);
}

}  // namespace crm::fuzz
