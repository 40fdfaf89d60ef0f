#include "tests/faults/seed_leads.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "clients/cpp/crm_client.h"
#include "tests/faults/fault_harness.h"

namespace crm::testing {

v1::CreateLeadRequest NewWeightyLead(const std::string& company_name) {
  v1::CreateLeadRequest req;
  req.set_request_id(client::NewRequestId());
  req.mutable_lead()->set_company_name(company_name);
  req.mutable_lead()->set_target_list(v1::TARGET_LIST_OTHER);
  req.mutable_lead()->set_channel(v1::LEAD_CHANNEL_ONLINE);
  req.mutable_lead()->set_notes(std::string(300, 'n'));
  return req;
}

std::vector<v1::Lead> SeedLeads(v1::LeadService::Stub& stub, int n, const std::string& label) {
  std::vector<v1::Lead> leads(n);
  std::atomic<int> next{0}, failed{0};
  std::vector<std::thread> seeders;
  for (int t = 0; t < 8; ++t) {
    seeders.emplace_back([&] {
      for (int i = next++; i < n; i = next++) {
        grpc::Status s = stub.CreateLead(ServerProcess::Context(absl::Seconds(20)).get(),
                                         NewWeightyLead(absl::StrCat(label, " 第", i, "家")), &leads[i]);
        if (!s.ok()) ++failed;
      }
    });
  }
  for (std::thread& t : seeders) t.join();
  EXPECT_EQ(failed, 0) << "seeding " << label;
  if (failed > 0) return {};
  return leads;
}

}  // namespace crm::testing
