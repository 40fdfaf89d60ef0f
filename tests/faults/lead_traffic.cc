#include "tests/faults/lead_traffic.h"

#include <unistd.h>

#include <random>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace crm::testing {

std::string RequestIdFor(uint32_t run, uint64_t n) {
  return absl::StrFormat("%08x-0000-4000-8000-%012x", run, n & 0xffffffffffffULL);
}

v1::CreateLeadRequest NewLeadRequest(uint32_t run, uint64_t n) {
  v1::CreateLeadRequest req;
  v1::Lead* lead = req.mutable_lead();
  lead->set_company_name(absl::StrCat("故障测试企业 ", absl::Hex(run), "-", n));
  lead->set_target_list(v1::TARGET_LIST_INDUSTRY_LEADER);
  lead->set_channel(v1::LEAD_CHANNEL_OUTBOUND_VISIT);
  lead->set_industry(v1::INDUSTRY_SECTION_C);
  lead->set_estimated_investment_cny(1'000'000'000);
  req.set_request_id(RequestIdFor(run, n));
  return req;
}

uint32_t NewRunNumber() {
  std::random_device random;
  return static_cast<uint32_t>(random()) ^ static_cast<uint32_t>(getpid());
}

void CodeTally::Add(grpc::StatusCode code) {
  absl::MutexLock lock(&mu_);
  ++counts_[code];
}

int CodeTally::count(grpc::StatusCode code) const {
  absl::MutexLock lock(&mu_);
  auto it = counts_.find(code);
  return it == counts_.end() ? 0 : it->second;
}

int CodeTally::total() const {
  absl::MutexLock lock(&mu_);
  int total = 0;
  for (const auto& [code, n] : counts_) total += n;
  return total;
}

std::map<grpc::StatusCode, int> CodeTally::Except(std::initializer_list<grpc::StatusCode> allowed) const {
  absl::MutexLock lock(&mu_);
  std::map<grpc::StatusCode, int> others = counts_;
  for (grpc::StatusCode code : allowed) others.erase(code);
  return others;
}

std::string CodeTally::ToString() const {
  absl::MutexLock lock(&mu_);
  return absl::StrJoin(counts_, " ", [](std::string* out, const auto& entry) {
    absl::StrAppend(out, CodeName(entry.first), "=", entry.second);
  });
}

std::string CodeName(grpc::StatusCode code) {
  // grpc::StatusCode and absl::StatusCode share their numbers.
  return absl::StatusCodeToString(static_cast<absl::StatusCode>(code));
}

}  // namespace crm::testing
