#include "clients/cli/cell_parsers.h"
#include "clients/cli/lead_csv.h"
#include "clients/cli/money.h"

#include <google/protobuf/util/message_differencer.h>

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "clients/cli/csv.h"
#include "clients/cli/text_encoding.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crm::cli {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

constexpr int64_t kWan = 10'000;
constexpr int64_t kYi = 100'000'000;

// The lead of a one-row file with these headers and cells.
absl::StatusOr<v1::Lead> ReadLead(const std::vector<std::string>& headers,
                                  const std::vector<std::string>& row) {
  absl::StatusOr<LeadColumns> columns = MapLeadHeaders(headers);
  if (!columns.ok()) return columns.status();
  return LeadFromRow(*columns, row);
}

// The lead with just a company name and `header` set to `cell`.
v1::Lead ReadCell(const std::string& header, const std::string& cell) {
  absl::StatusOr<v1::Lead> lead = ReadLead({"企业名称", header}, {"华为", cell});
  EXPECT_TRUE(lead.ok()) << header << "=" << cell << ": " << lead.status();
  return lead.value_or(v1::Lead());
}

// The error reading `cell` under `header`.
std::string CellError(const std::string& header, const std::string& cell) {
  absl::StatusOr<v1::Lead> lead = ReadLead({"企业名称", header}, {"华为", cell});
  EXPECT_EQ(lead.status().code(), absl::StatusCode::kInvalidArgument) << header << "=" << cell;
  return std::string(lead.status().message());
}

// ---------------------------------------------------------------------------
// MapLeadHeaders

TEST(MapLeadHeadersTest, ChineseHeaders) {
  absl::StatusOr<LeadColumns> columns = MapLeadHeaders(
      {"企业名称", "统一社会信用代码", "名录", "招商渠道", "活动名称", "推荐企业", "行业门类",
       "国家地区", "预计投资额(万元)", "备注", "联系人", "职务", "联系电话", "邮箱"});
  ASSERT_TRUE(columns.ok()) << columns.status();
  const std::map<int, LeadColumn> expected = {
      {0, LeadColumn::kCompanyName},          {1, LeadColumn::kUscc},
      {2, LeadColumn::kTargetList},           {3, LeadColumn::kChannel},
      {4, LeadColumn::kEventName},            {5, LeadColumn::kReferrer},
      {6, LeadColumn::kIndustry},             {7, LeadColumn::kCountryRegion},
      {8, LeadColumn::kEstimatedInvestment},  {9, LeadColumn::kNotes},
      {10, LeadColumn::kContactName},         {11, LeadColumn::kContactTitle},
      {12, LeadColumn::kContactPhone},        {13, LeadColumn::kContactEmail},
  };
  EXPECT_EQ(columns->by_index, expected);
  EXPECT_EQ(columns->investment_unit, kWan);
  EXPECT_THAT(columns->ignored, IsEmpty());
}

TEST(MapLeadHeadersTest, EnglishHeadersInAnyCaseWithSpaces) {
  absl::StatusOr<LeadColumns> columns = MapLeadHeaders(
      {" Company_Name ", "USCC", "target_list", "Channel", "event_name", "referrer", "industry",
       "country_region", "estimated_investment_cny", "notes", "contact_name", "Contact Title",
       "CONTACT_PHONE", "contact_email"});
  ASSERT_TRUE(columns.ok()) << columns.status();
  ASSERT_EQ(columns->by_index.size(), 14u);
  for (const auto& [index, column] : columns->by_index) {
    EXPECT_EQ(static_cast<int>(column), index);  // the headers are in LeadColumn order
  }
  EXPECT_EQ(columns->investment_unit, 1);
  EXPECT_THAT(columns->ignored, IsEmpty());
}

TEST(MapLeadHeadersTest, OtherChineseNames) {
  absl::StatusOr<LeadColumns> columns =
      MapLeadHeaders({"公司名称", "渠道", "行业", "国家/地区", "电话"});
  ASSERT_TRUE(columns.ok()) << columns.status();
  EXPECT_EQ(columns->by_index,
            (std::map<int, LeadColumn>{{0, LeadColumn::kCompanyName},
                                       {1, LeadColumn::kChannel},
                                       {2, LeadColumn::kIndustry},
                                       {3, LeadColumn::kCountryRegion},
                                       {4, LeadColumn::kContactPhone}}));
}

TEST(MapLeadHeadersTest, InvestmentUnitFromHeader) {
  const std::map<std::string, int64_t> cases = {
      {"预计投资额", 1},           {"预计投资额(元)", 1},       {"预计投资额(万元)", kWan},
      {"预计投资额（万元）", kWan}, {"预计投资额 (亿元)", kYi}, {"预计投资额（亿元）", kYi},
      {"投资额(万元)", kWan},      {"estimated_investment_cny", 1},
  };
  for (const auto& [header, unit] : cases) {
    absl::StatusOr<LeadColumns> columns = MapLeadHeaders({"企业名称", header});
    ASSERT_TRUE(columns.ok()) << header << ": " << columns.status();
    EXPECT_EQ(columns->by_index.at(1), LeadColumn::kEstimatedInvestment) << header;
    EXPECT_EQ(columns->investment_unit, unit) << header;
  }
}

TEST(MapLeadHeadersTest, UnknownHeadersAreIgnoredAndListed) {
  absl::StatusOr<LeadColumns> columns =
      MapLeadHeaders({"序号", "企业名称", " 负责人 ", "", "预计投资额(美元)"});
  ASSERT_TRUE(columns.ok()) << columns.status();
  EXPECT_EQ(columns->by_index, (std::map<int, LeadColumn>{{1, LeadColumn::kCompanyName}}));
  // Blank headers are columns nobody named, not worth a warning.
  EXPECT_THAT(columns->ignored, ElementsAre("序号", "负责人", "预计投资额(美元)"));
}

TEST(MapLeadHeadersTest, MissingCompanyColumn) {
  absl::StatusOr<LeadColumns> columns = MapLeadHeaders({"联系人", "备注"});
  EXPECT_EQ(columns.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(columns.status().message(), HasSubstr("企业名称"));
  EXPECT_EQ(MapLeadHeaders({}).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(MapLeadHeadersTest, TwoColumnsForOneField) {
  absl::StatusOr<LeadColumns> columns = MapLeadHeaders({"企业名称", "备注", "公司名称"});
  EXPECT_EQ(columns.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(columns.status().message(), HasSubstr("columns 1 (企业名称) and 3 (公司名称)"));

  columns = MapLeadHeaders({"企业名称", "预计投资额(元)", "投资额(万元)"});
  EXPECT_EQ(columns.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(columns.status().message(), HasSubstr("预计投资额"));
}

// ---------------------------------------------------------------------------
// LeadFromRow

TEST(LeadFromRowTest, ReadsEveryColumn) {
  absl::StatusOr<v1::Lead> lead = ReadLead(
      {"企业名称", "统一社会信用代码", "名录", "渠道", "活动名称", "推荐企业", "行业", "国家地区",
       "预计投资额(万元)", "备注", "联系人", "职务", "联系电话", "邮箱"},
      {" 华为技术有限公司 ", "914403001922038216", "世界500强", "活动", "软交会", "中兴通讯",
       "I", "cn", "5000", "关注用地", "张三", "投资总监", "+86 755 2878 0808",
       "zhang@example.com"});
  ASSERT_TRUE(lead.ok()) << lead.status();
  EXPECT_EQ(lead->company_name(), "华为技术有限公司");
  EXPECT_EQ(lead->uscc(), "914403001922038216");
  EXPECT_EQ(lead->target_list(), v1::TARGET_LIST_FORTUNE_GLOBAL_500);
  EXPECT_EQ(lead->channel(), v1::LEAD_CHANNEL_EVENT);
  EXPECT_EQ(lead->event_name(), "软交会");
  EXPECT_EQ(lead->referrer(), "中兴通讯");
  EXPECT_EQ(lead->industry(), v1::INDUSTRY_SECTION_I);
  EXPECT_EQ(lead->country_region(), "CN");
  EXPECT_EQ(lead->estimated_investment_cny(), 50'000'000);
  EXPECT_EQ(lead->notes(), "关注用地");
  ASSERT_EQ(lead->contacts_size(), 1);
  EXPECT_EQ(lead->contacts(0).display_name(), "张三");
  EXPECT_EQ(lead->contacts(0).title(), "投资总监");
  EXPECT_EQ(lead->contacts(0).phone(), "+86 755 2878 0808");
  EXPECT_EQ(lead->contacts(0).email(), "zhang@example.com");
}

TEST(LeadFromRowTest, EmptyAndMissingCellsLeaveFieldsUnset) {
  absl::StatusOr<v1::Lead> lead =
      ReadLead({"企业名称", "名录", "预计投资额", "联系人", "联系电话"}, {"Bosch", "　"});
  ASSERT_TRUE(lead.ok()) << lead.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*lead, ReadLead({"企业名称"}, {"Bosch"}).value()));
  EXPECT_EQ(lead->company_name(), "Bosch");
  EXPECT_EQ(lead->target_list(), v1::TARGET_LIST_UNSPECIFIED);
  EXPECT_EQ(lead->contacts_size(), 0);
}

TEST(LeadFromRowTest, OneContactCellMakesAContact) {
  EXPECT_EQ(ReadCell("联系电话", "13800000000").contacts(0).phone(), "13800000000");
}

TEST(LeadFromRowTest, IgnoredColumnsAreNotRead) {
  absl::StatusOr<v1::Lead> lead = ReadLead({"序号", "企业名称", "负责人"}, {"1", "Bosch", "李四"});
  ASSERT_TRUE(lead.ok()) << lead.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*lead, ReadLead({"企业名称"}, {"Bosch"}).value()));
}

TEST(LeadFromRowTest, EmptyCompanyNameIsLeftToTheServer) {
  // `crm leads update --notes …` reads flags as a row with an empty company name.
  absl::StatusOr<v1::Lead> lead = ReadLead({"企业名称", "备注"}, {" ", "备注"});
  ASSERT_TRUE(lead.ok()) << lead.status();
  EXPECT_EQ(lead->company_name(), "");
  EXPECT_EQ(lead->notes(), "备注");
}

TEST(LeadFromRowTest, FullWidthCellsAndCodes) {
  EXPECT_EQ(ReadCell("预计投资额(万元)", "５０００").estimated_investment_cny(), 50'000'000);
  EXPECT_EQ(ReadCell("统一社会信用代码", "91440300192203821x").uscc(), "91440300192203821X");
  EXPECT_EQ(ReadCell("国家地区", "ＤＥ").country_region(), "DE");
  EXPECT_EQ(ReadCell("国家地区", "德国").country_region(), "DE");
  EXPECT_EQ(ReadCell("国家地区", "中国香港").country_region(), "HK");
  EXPECT_EQ(ReadCell("名录", "世界５００强").target_list(), v1::TARGET_LIST_FORTUNE_GLOBAL_500);
}

TEST(LeadFromRowTest, InvestmentUnitAppliesToBareNumbersOnly) {
  EXPECT_EQ(ReadCell("预计投资额(万元)", "12.5").estimated_investment_cny(), 125'000);
  EXPECT_EQ(ReadCell("预计投资额(万元)", "3亿").estimated_investment_cny(), 3 * kYi);
  EXPECT_EQ(ReadCell("预计投资额(万元)", "800元").estimated_investment_cny(), 800);
  EXPECT_EQ(ReadCell("预计投资额(亿元)", "1.5").estimated_investment_cny(), 150'000'000);
  EXPECT_EQ(ReadCell("预计投资额", "1,200,000").estimated_investment_cny(), 1'200'000);
}

TEST(LeadFromRowTest, TargetListsByLabelAndName) {
  const std::map<std::string, v1::TargetList> cases = {
      {"世界500强", v1::TARGET_LIST_FORTUNE_GLOBAL_500},
      {"央企100强", v1::TARGET_LIST_CENTRAL_SOE_TOP_100},
      {"民企100强", v1::TARGET_LIST_PRIVATE_TOP_100},
      {"民企500强", v1::TARGET_LIST_PRIVATE_TOP_500},
      {"行业领军企业", v1::TARGET_LIST_INDUSTRY_LEADER},
      {"其他", v1::TARGET_LIST_OTHER},
      {"其它", v1::TARGET_LIST_OTHER},
      {"TARGET_LIST_FORTUNE_GLOBAL_500", v1::TARGET_LIST_FORTUNE_GLOBAL_500},
      {"FORTUNE_GLOBAL_500", v1::TARGET_LIST_FORTUNE_GLOBAL_500},
      {"fortune_global_500", v1::TARGET_LIST_FORTUNE_GLOBAL_500},
  };
  for (const auto& [cell, value] : cases) {
    EXPECT_EQ(ReadCell("名录", cell).target_list(), value) << cell;
  }
  for (int i = 1; i <= 6; ++i) {
    const auto value = static_cast<v1::TargetList>(i);
    const std::string name = v1::TargetList_Name(value);
    EXPECT_EQ(ReadCell("名录", name).target_list(), value) << name;
    EXPECT_EQ(ReadCell("名录", name.substr(sizeof("TARGET_LIST_") - 1)).target_list(), value)
        << name;
    EXPECT_EQ(ReadCell("名录", TargetListLabel(value)).target_list(), value) << name;
  }
}

TEST(LeadFromRowTest, ChannelsByLabelAndName) {
  const std::map<std::string, v1::LeadChannel> cases = {
      {"走出去", v1::LEAD_CHANNEL_OUTBOUND_VISIT},
      {"请进来", v1::LEAD_CHANNEL_HOSTED_VISIT},
      {"以商招商", v1::LEAD_CHANNEL_BUSINESS_REFERRAL},
      {"活动", v1::LEAD_CHANNEL_EVENT},
      {"展会", v1::LEAD_CHANNEL_EVENT},
      {"会展", v1::LEAD_CHANNEL_EVENT},
      {"线上", v1::LEAD_CHANNEL_ONLINE},
      {"其他", v1::LEAD_CHANNEL_OTHER},
      {"LEAD_CHANNEL_HOSTED_VISIT", v1::LEAD_CHANNEL_HOSTED_VISIT},
      {"business_referral", v1::LEAD_CHANNEL_BUSINESS_REFERRAL},
  };
  for (const auto& [cell, value] : cases) {
    EXPECT_EQ(ReadCell("渠道", cell).channel(), value) << cell;
  }
  for (int i = 1; i <= 6; ++i) {
    const auto value = static_cast<v1::LeadChannel>(i);
    const std::string name = v1::LeadChannel_Name(value);
    EXPECT_EQ(ReadCell("渠道", name).channel(), value) << name;
    EXPECT_EQ(ReadCell("渠道", name.substr(sizeof("LEAD_CHANNEL_") - 1)).channel(), value) << name;
    EXPECT_EQ(ReadCell("渠道", ChannelLabel(value)).channel(), value) << name;
  }
}

TEST(LeadFromRowTest, IndustriesByLetterNameAndLabel) {
  EXPECT_EQ(ReadCell("行业", "C").industry(), v1::INDUSTRY_SECTION_C);
  EXPECT_EQ(ReadCell("行业", "c").industry(), v1::INDUSTRY_SECTION_C);
  EXPECT_EQ(ReadCell("行业", "制造业").industry(), v1::INDUSTRY_SECTION_C);
  EXPECT_EQ(ReadCell("行业", "C 制造业").industry(), v1::INDUSTRY_SECTION_C);
  EXPECT_EQ(ReadCell("行业", "INDUSTRY_SECTION_C").industry(), v1::INDUSTRY_SECTION_C);
  EXPECT_EQ(ReadCell("行业", "农、林、牧、渔业").industry(), v1::INDUSTRY_SECTION_A);
  EXPECT_EQ(ReadCell("行业", "农林牧渔业").industry(), v1::INDUSTRY_SECTION_A);
  EXPECT_EQ(ReadCell("行业", "信息传输、软件和信息技术服务业").industry(), v1::INDUSTRY_SECTION_I);
  for (int i = 1; i <= 20; ++i) {
    const auto value = static_cast<v1::IndustrySection>(i);
    const std::string letter(1, static_cast<char>('A' + i - 1));
    EXPECT_EQ(ReadCell("行业", letter).industry(), value) << letter;
    EXPECT_EQ(ReadCell("行业", IndustryLabel(value)).industry(), value) << letter;
    EXPECT_EQ(ReadCell("行业", v1::IndustrySection_Name(value)).industry(), value) << letter;
  }
}

TEST(LeadFromRowTest, BadCellsNameTheColumn) {
  EXPECT_EQ(CellError("预计投资额(万元)", "三亿"),
            "预计投资额: \"三亿\" is not an amount (examples: 1200000, 3亿, 5000万)");
  EXPECT_EQ(CellError("名录", "世界五百强"),
            "名录: \"世界五百强\" is not a target list (use 世界500强, 央企100强, 民企100强, "
            "民企500强, 行业领军企业 or 其他)");
  EXPECT_EQ(CellError("渠道", "电话"),
            "渠道: \"电话\" is not a channel (use 走出去, 请进来, 以商招商, 活动, 线上 or 其他)");
  EXPECT_THAT(CellError("行业", "汽车"), StartsWith("行业: \"汽车\" is not a GB/T 4754 section"));
  EXPECT_THAT(CellError("行业", "U"), StartsWith("行业: "));
  EXPECT_THAT(CellError("国家地区", "Germany"), StartsWith("国家地区: \"Germany\""));
  EXPECT_THAT(CellError("预计投资额", "-5"), StartsWith("预计投资额: \"-5\" is negative"));
  EXPECT_THAT(CellError("名录", "TARGET_LIST_UNSPECIFIED"), StartsWith("名录: "));
}

// ---------------------------------------------------------------------------
// ParseCny

TEST(ParseCnyTest, Amounts) {
  const std::map<std::string, int64_t> cases = {
      {"0", 0},
      {"800", 800},
      {"1200000", 1'200'000},
      {"1,200,000", 1'200'000},
      {"800元", 800},
      {"5000万", 50'000'000},
      {"5000万元", 50'000'000},
      {"3亿", 300'000'000},
      {"1.5亿元", 150'000'000},
      {"0.35亿", 35'000'000},
      {"3千万", 30'000'000},
      {"1.2百万", 1'200'000},
      {"3亿5000万", 350'000'000},
      {"1亿2000万500元", 120'000'500},
      {" 5000 万元 ", 50'000'000},
      {"１２００万", 12'000'000},
      {"¥1,000", 1'000},
      {"￥1,000", 1'000},
      {"1200000.4", 1'200'000},  // whole yuan, rounded
      {"1200000.5", 1'200'001},
      {"9223372036854775807", std::numeric_limits<int64_t>::max()},
  };
  for (const auto& [text, yuan] : cases) {
    absl::StatusOr<int64_t> parsed = ParseCny(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.status();
    EXPECT_EQ(*parsed, yuan) << text;
  }
}

TEST(ParseCnyTest, UnitMultipliesBareNumbers) {
  EXPECT_EQ(ParseCny("5000", kWan).value(), 50'000'000);
  EXPECT_EQ(ParseCny("12.345", kWan).value(), 123'450);
  EXPECT_EQ(ParseCny("2.5", kYi).value(), 250'000'000);
  EXPECT_EQ(ParseCny("3亿", kWan).value(), 300'000'000);
  EXPECT_EQ(ParseCny("800元", kYi).value(), 800);
}

TEST(ParseCnyTest, NotAmounts) {
  for (absl::string_view text :
       {"", " ", "三亿", "abc", "1,2345", "12,00", ",100", "1.2.3", "1.", ".5", "3亿亿", "5000万3亿",
        "3亿5000", "3亿3亿", "万", "1e6", "100 USD", "+5"}) {
    absl::StatusOr<int64_t> parsed = ParseCny(text);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_THAT(parsed.status().message(), HasSubstr("is not an amount")) << text;
  }
}

TEST(ParseCnyTest, NegativeAmounts) {
  for (absl::string_view text : {"-5", "-3亿", "-1,200"}) {
    absl::StatusOr<int64_t> parsed = ParseCny(text);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_THAT(parsed.status().message(), HasSubstr("negative")) << text;
  }
}

TEST(ParseCnyTest, Overflow) {
  for (const auto& [text, unit] : std::vector<std::pair<std::string, int64_t>>{
           {"9223372036854775808", 1},
           {"99999999999999999999999", 1},
           {"92233720369亿", 1},
           {"92233720368亿90000000万", 1},  // each part fits, the sum does not
           {"922337203685478", kWan},
       }) {
    absl::StatusOr<int64_t> parsed = ParseCny(text, unit);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
    EXPECT_THAT(parsed.status().message(), HasSubstr("too large")) << text;
  }
  EXPECT_EQ(ParseCny("92233720368亿", 1).value(), 9'223'372'036'800'000'000);
}

TEST(ParseCnyTest, UnitMustBePositive) {
  EXPECT_EQ(ParseCny("5", 0).status().code(), absl::StatusCode::kInvalidArgument);
}

// ---------------------------------------------------------------------------
// Labels and export

TEST(LabelsTest, ChineseLabels) {
  EXPECT_EQ(TargetListLabel(v1::TARGET_LIST_FORTUNE_GLOBAL_500), "世界500强");
  EXPECT_EQ(TargetListLabel(v1::TARGET_LIST_CENTRAL_SOE_TOP_100), "央企100强");
  EXPECT_EQ(TargetListLabel(v1::TARGET_LIST_PRIVATE_TOP_100), "民企100强");
  EXPECT_EQ(TargetListLabel(v1::TARGET_LIST_PRIVATE_TOP_500), "民企500强");
  EXPECT_EQ(TargetListLabel(v1::TARGET_LIST_INDUSTRY_LEADER), "行业领军企业");
  EXPECT_EQ(TargetListLabel(v1::TARGET_LIST_OTHER), "其他");
  EXPECT_EQ(TargetListLabel(v1::TARGET_LIST_UNSPECIFIED), "");

  EXPECT_EQ(ChannelLabel(v1::LEAD_CHANNEL_OUTBOUND_VISIT), "走出去");
  EXPECT_EQ(ChannelLabel(v1::LEAD_CHANNEL_HOSTED_VISIT), "请进来");
  EXPECT_EQ(ChannelLabel(v1::LEAD_CHANNEL_BUSINESS_REFERRAL), "以商招商");
  EXPECT_EQ(ChannelLabel(v1::LEAD_CHANNEL_EVENT), "活动");
  EXPECT_EQ(ChannelLabel(v1::LEAD_CHANNEL_ONLINE), "线上");
  EXPECT_EQ(ChannelLabel(v1::LEAD_CHANNEL_OTHER), "其他");
  EXPECT_EQ(ChannelLabel(v1::LEAD_CHANNEL_UNSPECIFIED), "");

  EXPECT_EQ(LeadStatusLabel(v1::LEAD_STATUS_NEW), "新建");
  EXPECT_EQ(LeadStatusLabel(v1::LEAD_STATUS_CONTACTING), "接洽中");
  EXPECT_EQ(LeadStatusLabel(v1::LEAD_STATUS_QUALIFIED), "已确认");
  EXPECT_EQ(LeadStatusLabel(v1::LEAD_STATUS_DISQUALIFIED), "已放弃");
  EXPECT_EQ(LeadStatusLabel(v1::LEAD_STATUS_CONVERTED), "已转化");
  EXPECT_EQ(LeadStatusLabel(v1::LEAD_STATUS_UNSPECIFIED), "");

  EXPECT_EQ(IndustryLabel(v1::INDUSTRY_SECTION_A), "A 农、林、牧、渔业");
  EXPECT_EQ(IndustryLabel(v1::INDUSTRY_SECTION_C), "C 制造业");
  EXPECT_EQ(IndustryLabel(v1::INDUSTRY_SECTION_I), "I 信息传输、软件和信息技术服务业");
  EXPECT_EQ(IndustryLabel(v1::INDUSTRY_SECTION_T), "T 国际组织");
  EXPECT_EQ(IndustryLabel(v1::INDUSTRY_SECTION_UNSPECIFIED), "");
}

TEST(LabelsTest, UnknownValuesShowTheirNumber) {
  EXPECT_EQ(TargetListLabel(static_cast<v1::TargetList>(42)), "42");
  EXPECT_EQ(IndustryLabel(static_cast<v1::IndustrySection>(21)), "21");
}

TEST(LeadExportTest, HeadersMapBackToEveryColumn) {
  const std::vector<std::string> headers = LeadExportHeaders();
  EXPECT_EQ(headers[0], "企业名称");
  absl::StatusOr<LeadColumns> columns = MapLeadHeaders(headers);
  ASSERT_TRUE(columns.ok()) << columns.status();
  EXPECT_EQ(columns->by_index.size(), 14u);
  EXPECT_EQ(columns->by_index.size(), headers.size());
  EXPECT_EQ(columns->investment_unit, 1);
  EXPECT_THAT(columns->ignored, IsEmpty());
}

v1::Lead FullLead() {
  v1::Lead lead;
  lead.set_company_name("华为技术有限公司");
  lead.set_uscc("914403001922038216");
  lead.set_target_list(v1::TARGET_LIST_FORTUNE_GLOBAL_500);
  lead.set_channel(v1::LEAD_CHANNEL_EVENT);
  lead.set_event_name("软交会");
  lead.set_referrer("中兴通讯");
  lead.set_industry(v1::INDUSTRY_SECTION_I);
  lead.set_country_region("CN");
  lead.set_estimated_investment_cny(1'250'000'000);
  lead.set_notes("第一次走访, 关注\"用地\"\n下周回访");
  v1::Contact* contact = lead.add_contacts();
  contact->set_display_name("张三");
  contact->set_title("投资总监");
  contact->set_phone("+86 755 2878 0808");
  contact->set_email("zhang@example.com");
  return lead;
}

TEST(LeadExportTest, RowIsTheLeadInChinese) {
  v1::Lead lead = FullLead();
  lead.add_contacts()->set_display_name("李四");  // only the first contact is exported
  EXPECT_THAT(LeadExportRow(lead),
              ElementsAre("华为技术有限公司", "914403001922038216", "世界500强", "活动", "软交会",
                          "中兴通讯", "I 信息传输、软件和信息技术服务业", "CN", "1250000000",
                          "第一次走访, 关注\"用地\"\n下周回访", "张三", "投资总监",
                          "+86 755 2878 0808", "zhang@example.com"));
  EXPECT_EQ(LeadExportRow(v1::Lead()), std::vector<std::string>(14, ""));
}

// Exports `leads` as a CSV file, optionally in GBK, and reads it back.
std::vector<v1::Lead> ThroughCsv(const std::vector<v1::Lead>& leads, Encoding encoding) {
  std::string text = CsvLine(LeadExportHeaders());
  for (const v1::Lead& lead : leads) text += CsvLine(LeadExportRow(lead));
  const std::string bytes = FromUtf8(text, encoding).value();
  const auto records = ParseCsv(ToUtf8(bytes, Encoding::kAuto).value()).value();
  const LeadColumns columns = MapLeadHeaders(records.at(0)).value();
  std::vector<v1::Lead> read;
  for (size_t i = 1; i < records.size(); ++i) {
    absl::StatusOr<v1::Lead> lead = LeadFromRow(columns, records[i]);
    EXPECT_TRUE(lead.ok()) << "row " << i << ": " << lead.status();
    read.push_back(lead.value_or(v1::Lead()));
  }
  return read;
}

TEST(LeadExportTest, ExportedLeadsReadBackTheSame) {
  std::vector<v1::Lead> leads = {FullLead()};
  v1::Lead bare;
  bare.set_company_name("Bosch");
  leads.push_back(bare);
  // Every enum value, and cells Excel would take for formulas.
  for (int i = 1; i <= 20; ++i) {
    v1::Lead lead;
    lead.set_company_name(absl::StrCat("=企业", i));
    lead.set_target_list(static_cast<v1::TargetList>(1 + i % 6));
    lead.set_channel(static_cast<v1::LeadChannel>(1 + i % 6));
    lead.set_industry(static_cast<v1::IndustrySection>(i));
    lead.set_estimated_investment_cny(i * 12'345'678);
    lead.add_contacts()->set_phone(absl::StrCat("+86 21 5555 ", 1000 + i));
    leads.push_back(lead);
  }
  for (Encoding encoding : {Encoding::kUtf8, Encoding::kGb18030}) {
    const std::vector<v1::Lead> read = ThroughCsv(leads, encoding);
    ASSERT_EQ(read.size(), leads.size());
    for (size_t i = 0; i < leads.size(); ++i) {
      std::string diff;
      MessageDifferencer differencer;
      differencer.ReportDifferencesToString(&diff);
      EXPECT_TRUE(differencer.Compare(leads[i], read[i])) << "lead " << i << ": " << diff;
    }
  }
}

}  // namespace
}  // namespace crm::cli
