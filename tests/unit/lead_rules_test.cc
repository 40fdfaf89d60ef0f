#include "services/leads/lead_rules.h"

#include <gtest/gtest.h>

namespace crm {
namespace {

using v1::Lead;

Lead ValidLead() {
  Lead lead;
  lead.set_company_name("厦门某科技有限公司");
  lead.set_target_list(v1::TARGET_LIST_INDUSTRY_LEADER);
  lead.set_channel(v1::LEAD_CHANNEL_OUTBOUND_VISIT);
  return lead;
}

std::vector<std::string> Fields(const FieldViolations& v) {
  std::vector<std::string> out;
  for (const auto& fv : v.violations()) out.push_back(fv.field);
  return out;
}

TEST(NormalizeCompanyNameTest, FoldsWidthCaseSpacesBracketsAndSuffixes) {
  EXPECT_EQ(NormalizeCompanyName("华为技术有限公司"), "华为技术");
  EXPECT_EQ(NormalizeCompanyName("华为技术（中国）有限公司"), "华为技术");
  EXPECT_EQ(NormalizeCompanyName("华为技术(中国)有限公司"), "华为技术");
  EXPECT_EQ(NormalizeCompanyName(" 华为 技术 股份有限公司 "), "华为技术");
  EXPECT_EQ(NormalizeCompanyName("ＡＢＣ集团"), "abc");
  EXPECT_EQ(NormalizeCompanyName("abc Group"), "abc");
  EXPECT_EQ(NormalizeCompanyName("Bosch Rexroth Co., Ltd."), "boschrexroth");
  EXPECT_EQ(NormalizeCompanyName("【测试】新材料集团有限公司"), "测试新材料");
}

TEST(NormalizeCompanyNameTest, KeepsANameThatIsOnlyASuffix) {
  // A name is never cut to nothing.
  EXPECT_EQ(NormalizeCompanyName("集团"), "集团");
}

TEST(NormalizeCompanyNameTest, DistinguishesDifferentCompanies) {
  EXPECT_NE(NormalizeCompanyName("华为技术有限公司"), NormalizeCompanyName("华为终端有限公司"));
}

TEST(CharCountTest, CountsCharactersNotBytes) {
  EXPECT_EQ(CharCount("abc"), 3u);
  EXPECT_EQ(CharCount("华为"), 2u);
  EXPECT_EQ(CharCount("𠮷"), 1u);
}

TEST(ValidateLeadTest, AcceptsAMinimalLead) {
  FieldViolations v;
  ValidateLeadFields(ValidLead(), "lead.", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(ValidateLeadTest, ReportsEveryProblemWithItsField) {
  Lead lead;
  lead.set_company_name(std::string(201, 'x'));
  lead.set_uscc("91350200776049653B");
  lead.set_estimated_investment_cny(-1);
  lead.set_country_region("china");
  lead.set_owner("alice");
  auto* contact = lead.add_contacts();
  contact->set_email("not-an-email");
  FieldViolations v;
  ValidateLeadFields(lead, "lead.", v);
  std::vector<std::string> expected = {"lead.company_name", "lead.uscc", "lead.target_list", "lead.channel",
                                       "lead.country_region", "lead.estimated_investment_cny", "lead.owner",
                                       "lead.contacts[0].display_name", "lead.contacts[0].email"};
  EXPECT_EQ(Fields(v), expected);
  EXPECT_EQ(v.violations()[1].description, "check character should be 'A'");
}

TEST(ValidateLeadTest, CountsNameLengthInCharacters) {
  Lead lead = ValidLead();
  std::string name;
  for (int i = 0; i < 200; ++i) name += "华";
  lead.set_company_name(name);  // 600 bytes, 200 characters
  FieldViolations v;
  ValidateLeadFields(lead, "lead.", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(ValidateLeadTest, EventAndReferralChannelsNeedTheirDetail) {
  Lead event = ValidLead();
  event.set_channel(v1::LEAD_CHANNEL_EVENT);
  FieldViolations v1;
  ValidateLeadFields(event, "lead.", v1);
  EXPECT_EQ(Fields(v1), std::vector<std::string>{"lead.event_name"});

  Lead referral = ValidLead();
  referral.set_channel(v1::LEAD_CHANNEL_BUSINESS_REFERRAL);
  FieldViolations v2;
  ValidateLeadFields(referral, "lead.", v2);
  EXPECT_EQ(Fields(v2), std::vector<std::string>{"lead.referrer"});
}

TEST(ApplyLeadActionTest, FollowsTheFunnel) {
  Lead lead = ValidLead();
  lead.set_status(v1::LEAD_STATUS_NEW);
  ASSERT_TRUE(ApplyLeadAction(lead, LeadAction::kFirstActivity).ok());
  EXPECT_EQ(lead.status(), v1::LEAD_STATUS_CONTACTING);
  ASSERT_TRUE(ApplyLeadAction(lead, LeadAction::kQualify).ok());
  EXPECT_EQ(lead.status(), v1::LEAD_STATUS_QUALIFIED);
  lead.set_disqualify_reason("stale");
  ASSERT_TRUE(ApplyLeadAction(lead, LeadAction::kDisqualify).ok());
  EXPECT_EQ(lead.status(), v1::LEAD_STATUS_DISQUALIFIED);
  ASSERT_TRUE(ApplyLeadAction(lead, LeadAction::kReopen).ok());
  EXPECT_EQ(lead.status(), v1::LEAD_STATUS_CONTACTING);
  EXPECT_EQ(lead.disqualify_reason(), "");
  ASSERT_TRUE(ApplyLeadAction(lead, LeadAction::kQualify).ok());
  ASSERT_TRUE(ApplyLeadAction(lead, LeadAction::kConvert).ok());
  EXPECT_EQ(lead.status(), v1::LEAD_STATUS_CONVERTED);
}

TEST(ApplyLeadActionTest, RefusesIllegalMovesNamingTheAllowedStatuses) {
  struct Case {
    v1::LeadStatus from;
    LeadAction action;
    const char* message_part;
  };
  const Case cases[] = {
      {v1::LEAD_STATUS_QUALIFIED, LeadAction::kQualify, "only from NEW or CONTACTING"},
      {v1::LEAD_STATUS_CONVERTED, LeadAction::kDisqualify, "only from NEW or CONTACTING or QUALIFIED"},
      {v1::LEAD_STATUS_NEW, LeadAction::kReopen, "only from DISQUALIFIED"},
      {v1::LEAD_STATUS_CONTACTING, LeadAction::kFirstActivity, "only from NEW"},
      {v1::LEAD_STATUS_CONTACTING, LeadAction::kConvert, "only from QUALIFIED"},
      {v1::LEAD_STATUS_DISQUALIFIED, LeadAction::kQualify, "is DISQUALIFIED"},
  };
  for (const Case& c : cases) {
    Lead lead = ValidLead();
    lead.set_status(c.from);
    absl::Status s = ApplyLeadAction(lead, c.action);
    EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_NE(s.message().find(c.message_part), std::string::npos) << s;
    EXPECT_EQ(lead.status(), c.from);
  }
}

TEST(ApplyLeadMaskTest, CopiesOnlyTheNamedFields) {
  Lead lead = ValidLead();
  lead.set_notes("old");
  Lead patch;
  patch.set_company_name("新名字有限公司");
  patch.set_notes("new");
  patch.add_contacts()->set_display_name("张三");
  google::protobuf::FieldMask mask;
  mask.add_paths("notes");
  mask.add_paths("contacts");
  ASSERT_TRUE(ApplyLeadMask(mask, patch, lead).ok());
  EXPECT_EQ(lead.company_name(), "厦门某科技有限公司");
  EXPECT_EQ(lead.notes(), "new");
  ASSERT_EQ(lead.contacts_size(), 1);
  EXPECT_EQ(lead.contacts(0).display_name(), "张三");
}

TEST(ApplyLeadMaskTest, StarReplacesEveryUpdatableField) {
  Lead lead = ValidLead();
  lead.set_status(v1::LEAD_STATUS_QUALIFIED);
  lead.set_notes("old");
  Lead patch = ValidLead();
  patch.set_company_name("另一家公司");
  patch.set_status(v1::LEAD_STATUS_NEW);  // not updatable: ignored by `*`
  google::protobuf::FieldMask mask;
  mask.add_paths("*");
  ASSERT_TRUE(ApplyLeadMask(mask, patch, lead).ok());
  EXPECT_EQ(lead.company_name(), "另一家公司");
  EXPECT_EQ(lead.notes(), "");
  EXPECT_EQ(lead.status(), v1::LEAD_STATUS_QUALIFIED);
}

TEST(ApplyLeadMaskTest, RefusesEmptyUnknownAndReadOnlyPaths) {
  Lead lead = ValidLead();
  google::protobuf::FieldMask empty;
  EXPECT_EQ(ApplyLeadMask(empty, Lead(), lead).code(), absl::StatusCode::kInvalidArgument);
  for (const char* path : {"status", "name", "create_time", "etag", "no_such_field"}) {
    google::protobuf::FieldMask mask;
    mask.add_paths(path);
    absl::Status s = ApplyLeadMask(mask, Lead(), lead);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << path;
    ASSERT_EQ(ViolationsOf(s).size(), 1u);
    EXPECT_EQ(ViolationsOf(s)[0].field, "update_mask");
  }
  google::protobuf::FieldMask status;
  status.add_paths("status");
  EXPECT_NE(ApplyLeadMask(status, Lead(), lead).message().find("QualifyLead"), std::string::npos);
}

TEST(ValidateActivityTest, RequiresKindDateAndSummary) {
  v1::Activity activity;
  activity.set_next_step_date("tomorrow");
  FieldViolations v;
  ValidateActivityFields(activity, "activity.", v);
  std::vector<std::string> expected = {"activity.kind", "activity.occur_date", "activity.summary",
                                       "activity.next_step_date"};
  EXPECT_EQ(Fields(v), expected);
}

}  // namespace
}  // namespace crm
