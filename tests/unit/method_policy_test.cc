#include "base/method_policy.h"

#include <gtest/gtest.h>

#include <set>

#include "crm/v1/enterprises_service.pb.h"
#include "crm/v1/leads_service.pb.h"
#include "crm/v1/projects_service.pb.h"

namespace crm {
namespace {

TEST(MethodPolicyTest, EveryMethodSaysWhoMayCallItAndHasARequestTypeOfItsOwn) {
  std::set<const google::protobuf::Descriptor*> requests;
  for (const google::protobuf::MethodDescriptor* method : CrmMethods()) {
    EXPECT_NE(PolicyOf(*method).audience(), v1::AUDIENCE_UNSPECIFIED) << method->full_name() << " has no method_policy";
    EXPECT_TRUE(requests.insert(method->input_type()).second) << method->full_name();
    EXPECT_EQ(MethodOfRequest(*method->input_type()), method);
  }
  EXPECT_GT(CrmMethods().size(), 70u);
}

TEST(MethodPolicyTest, TheRequestTypeNamesTheMethod) {
  EXPECT_EQ(MethodNameOf<v1::GetLeadRequest>(), "crm.v1.LeadService/GetLead");
  EXPECT_EQ(MethodNameOf<v1::ImportEnterprisesRequest>(), "crm.v1.EnterpriseService/ImportEnterprises");
  EXPECT_EQ(MethodOfRequest(*v1::Lead::descriptor()), nullptr) << "a resource is no method's request";
}

TEST(MethodPolicyTest, RetriesFollowTheContract) {
  EXPECT_TRUE(SafeToRetry(v1::GetLeadRequest()));
  EXPECT_TRUE(SafeToRetry(v1::CreateLeadRequest())) << "creates carry a request id";
  EXPECT_FALSE(SafeToRetry(v1::UpdateLeadRequest()));
  EXPECT_FALSE(SafeToRetry(v1::DeleteLeadRequest()));
  EXPECT_FALSE(SafeToRetry(v1::Lead())) << "not a request";

  // An upsert is safe to repeat unless a stale etag would refuse the repeat.
  v1::UpdateYearlyMetricsRequest metrics;
  EXPECT_TRUE(SafeToRetry(metrics));
  metrics.mutable_yearly_metrics()->set_revenue_cny(1);
  EXPECT_TRUE(SafeToRetry(metrics));
  metrics.mutable_yearly_metrics()->set_etag("W/\"3\"");
  EXPECT_FALSE(SafeToRetry(metrics));
  v1::SetUnitTargetRequest target;
  EXPECT_TRUE(SafeToRetry(target));
  target.mutable_unit_target()->set_etag("W/\"1\"");
  EXPECT_FALSE(SafeToRetry(target));
}

}  // namespace
}  // namespace crm
