#ifndef CRM_TESTS_FAULTS_FUZZ_FUZZ_SUPPORT_H_
#define CRM_TESTS_FAULTS_FUZZ_FUZZ_SUPPORT_H_

// What the request-validation fuzz targets (one per service, *_validation_fuzz.cc)
// share. An input is one request: its first byte picks a method of the
// service (modulo the number of methods, in the order of the .proto), the
// rest is that method's request as the client would send it. Each target
// runs the service's pure checks on the request, the ones its handler runs
// before and around the store, and aborts (a crash, for libFuzzer) when one
// of them answers anything but what the API promises: OK, or INVALID_ARGUMENT
// carrying at least one field violation (google.rpc.BadRequest), or the few
// other codes a check documents (PERMISSION_DENIED for who may do what,
// FAILED_PRECONDITION for a move the state does not allow).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "base/principal.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace crm::fuzz {

// Aborts with `what` (and the method being fuzzed) unless `ok`.
void Require(bool ok, absl::string_view what);

// Requires `status` to be OK, or INVALID_ARGUMENT with at least one field
// violation each naming a field and saying why, or one of `also`.
void RequireVerdict(const absl::Status& status, std::initializer_list<absl::StatusCode> also = {});

// The principals every check is run for: an ADMIN, STAFF and a UNIT_LEAD of
// `units/east`, LEADERSHIP, and a DEPARTMENT_SERVICE account with scopes.
const std::vector<Principal>& Principals();

// The day the checks run on (fixed, so that a run can be replayed).
absl::CivilDay Today();

// A list request's paging: the fingerprint of `unpaged` (the request with
// page_size and page_token cleared) and `page_token` decoded against it
// (OK or INVALID_ARGUMENT); a token made for that fingerprint decodes to
// the cursor it was made from.
void CheckPaging(const google::protobuf::Message& unpaged, const std::string& page_token);

// The checks of one service: for each method's name, what to run on its
// request.
class Checks {
 public:
  explicit Checks(absl::string_view service);

  // Registers `check` for `method`, whose request type is `Request`.
  template <typename Request>
  Checks& On(const std::string& method, std::function<void(const Request&)> check) {
    checks_[method] = [check = std::move(check)](const google::protobuf::Message& m) {
      const Request* request = dynamic_cast<const Request*>(&m);
      Require(request != nullptr, "the request type of the method");
      check(*request);
    };
    return *this;
  }

  // Aborts unless every method of the service has a check (a new RPC must be
  // added to its fuzz target).
  void RequireAllMethods() const;

  // Runs the check of the method `data` picks on the request it encodes;
  // nothing when the request does not parse (gRPC refuses it before any
  // handler runs: see tests/faults/hostile_input_test.cc).
  void Run(const uint8_t* data, size_t size) const;

  const google::protobuf::ServiceDescriptor* service() const { return service_; }

 private:
  const google::protobuf::ServiceDescriptor* service_;
  std::map<std::string, std::function<void(const google::protobuf::Message&)>> checks_;
};

}  // namespace crm::fuzz

#endif  // CRM_TESTS_FAULTS_FUZZ_FUZZ_SUPPORT_H_
