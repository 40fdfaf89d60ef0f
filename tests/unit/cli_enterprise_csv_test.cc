// The enterprise CSV mapping and the pool's values as typed (enterprise_csv.h,
// enterprise_fields.h): no server, no files.

#include "clients/cli/cell_parsers.h"
#include "clients/cli/enterprise_csv.h"
#include "clients/cli/money.h"

#include <google/protobuf/util/message_differencer.h>

#include <map>
#include <string>
#include <vector>

#include "clients/cli/csv.h"
#include "clients/cli/enterprise_fields.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crm::cli {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kUscc[] = "91350200MA2XYZ1234";  // the mapping does not check codes; the server does

absl::StatusOr<v1::Enterprise> ReadRow(const std::vector<std::string>& headers, const std::vector<std::string>& row) {
  absl::StatusOr<EnterpriseColumns> columns = MapEnterpriseHeaders(headers);
  if (!columns.ok()) return columns.status();
  return EnterpriseFromRow(*columns, row);
}

// The enterprise with just a USCC and `header` set to `cell`.
v1::Enterprise ReadCell(const std::string& header, const std::string& cell) {
  absl::StatusOr<v1::Enterprise> e = ReadRow({"统一社会信用代码", header}, {kUscc, cell});
  EXPECT_TRUE(e.ok()) << header << "=" << cell << ": " << e.status();
  return e.value_or(v1::Enterprise());
}

std::string CellError(const std::string& header, const std::string& cell) {
  absl::StatusOr<v1::Enterprise> e = ReadRow({"统一社会信用代码", header}, {kUscc, cell});
  EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument) << header << "=" << cell;
  return std::string(e.status().message());
}

// ---------------------------------------------------------------------------
// Headers

TEST(MapEnterpriseHeadersTest, ChineseHeaders) {
  auto columns = MapEnterpriseHeaders({"统一社会信用代码", "企业名称", "曾用名", "成立日期", "注册资本(万元)", "法定代表人",
                                       "注册地址", "是否在园区", "行业门类", "行业大类", "是否上市", "企业标签"});
  ASSERT_TRUE(columns.ok()) << columns.status();
  const std::map<int, EnterpriseColumn> expected = {
      {0, EnterpriseColumn::kUscc},         {1, EnterpriseColumn::kCompanyName},
      {2, EnterpriseColumn::kFormerNames},  {3, EnterpriseColumn::kFoundedDate},
      {4, EnterpriseColumn::kRegisteredCapital}, {5, EnterpriseColumn::kLegalRepresentative},
      {6, EnterpriseColumn::kAddress},      {7, EnterpriseColumn::kInZone},
      {8, EnterpriseColumn::kIndustry},     {9, EnterpriseColumn::kIndustryDivision},
      {10, EnterpriseColumn::kListed},      {11, EnterpriseColumn::kTags},
  };
  EXPECT_EQ(columns->by_index, expected);
  EXPECT_EQ(columns->capital_unit, 10'000);
  EXPECT_TRUE(columns->ignored.empty());
}

TEST(MapEnterpriseHeadersTest, EnglishHeadersInAnyCaseAndWidth) {
  auto columns = MapEnterpriseHeaders({"USCC", " Company Name ", "founded-date", "Registered_Capital_CNY", "ＩＮ_ＺＯＮＥ",
                                       "industry", "tags", "former_names", "legal_representative"});
  ASSERT_TRUE(columns.ok()) << columns.status();
  EXPECT_EQ(columns->by_index.size(), 9u);
  EXPECT_EQ(columns->by_index.at(1), EnterpriseColumn::kCompanyName);
  EXPECT_EQ(columns->by_index.at(3), EnterpriseColumn::kRegisteredCapital);
  EXPECT_EQ(columns->by_index.at(4), EnterpriseColumn::kInZone);
  EXPECT_EQ(columns->capital_unit, 1);
}

TEST(MapEnterpriseHeadersTest, CapitalUnitsComeFromTheHeader) {
  EXPECT_EQ(MapEnterpriseHeaders({"uscc", "注册资本（亿元）"})->capital_unit, 100'000'000);
  EXPECT_EQ(MapEnterpriseHeaders({"uscc", "注册资本(元)"})->capital_unit, 1);
  auto dollars = MapEnterpriseHeaders({"uscc", "注册资本(美元)"});
  ASSERT_TRUE(dollars.ok());
  EXPECT_THAT(dollars->ignored, ElementsAre("注册资本(美元)")) << "an unknown unit is not read as 元";
}

TEST(MapEnterpriseHeadersTest, UnknownAndBlankHeadersAreIgnoredTheExportsOwnToo) {
  auto columns = MapEnterpriseHeaders({"信用代码", "", "联系人", "服务秘书", "当前称号", "企业编号"});
  ASSERT_TRUE(columns.ok());
  EXPECT_EQ(columns->by_index.size(), 1u);
  EXPECT_THAT(columns->ignored, ElementsAre("联系人", "服务秘书", "当前称号", "企业编号"));
}

TEST(MapEnterpriseHeadersTest, TheUsccColumnIsRequiredAndColumnsMayNotRepeat) {
  auto no_uscc = MapEnterpriseHeaders({"企业名称", "成立日期"});
  EXPECT_EQ(no_uscc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(no_uscc.status().message(), HasSubstr("no USCC column"));
  auto twice = MapEnterpriseHeaders({"uscc", "企业名称", "公司名称"});
  EXPECT_EQ(twice.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(twice.status().message(), HasSubstr("columns 2 (企业名称) and 3 (公司名称) are both 企业名称"));
}

// ---------------------------------------------------------------------------
// Cells

TEST(EnterpriseFromRowTest, AWholeRow) {
  auto e = ReadRow({"统一社会信用代码", "企业名称", "曾用名", "成立日期", "注册资本(万元)", "法定代表人", "地址",
                    "是否在园区", "行业", "行业大类", "是否上市", "标签"},
                   {" ９１３５０２００ma2xyz1234 ", "厦门某智能装备股份有限公司", "厦门某机械有限公司；某装备厂",
                    "2015/3/8", "5,000", "陈某", "厦门市集美区某路1号", "是", "C", "34", "否", "民营企业、高校院所孵化"});
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(e->uscc(), kUscc) << "upper case, half width, trimmed";
  EXPECT_EQ(e->company_name(), "厦门某智能装备股份有限公司");
  EXPECT_THAT(e->former_names(), ElementsAre("厦门某机械有限公司", "某装备厂"));
  EXPECT_EQ(e->founded_date(), "2015-03-08");
  EXPECT_EQ(e->registered_capital_cny(), 50'000'000);
  EXPECT_EQ(e->legal_representative(), "陈某");
  EXPECT_TRUE(e->in_zone());
  EXPECT_EQ(e->industry(), v1::INDUSTRY_SECTION_C);
  EXPECT_EQ(e->industry_division(), "34");
  EXPECT_FALSE(e->listed());
  EXPECT_THAT(e->tags(), ElementsAre(v1::ENTERPRISE_TAG_PRIVATE, v1::ENTERPRISE_TAG_UNIVERSITY_SPINOFF));
}

TEST(EnterpriseFromRowTest, EmptyCellsAndShortRowsLeaveFieldsUnset) {
  auto e = ReadRow({"uscc", "企业名称", "成立日期", "注册资本"}, {kUscc, "  "});
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*e, [] {
    v1::Enterprise only;
    only.set_uscc(kUscc);
    return only;
  }()));
}

TEST(EnterpriseFromRowTest, CellsAsPeopleWriteThem) {
  EXPECT_EQ(ReadCell("成立日期", "2015年3月8日").founded_date(), "2015-03-08");
  EXPECT_EQ(ReadCell("成立日期", "2015.12.31").founded_date(), "2015-12-31");
  EXPECT_EQ(ReadCell("注册资本", "1.2亿").registered_capital_cny(), 120'000'000);
  EXPECT_EQ(ReadCell("注册资本(亿元)", "0.5").registered_capital_cny(), 50'000'000);
  EXPECT_TRUE(ReadCell("是否上市", "yes").listed());
  EXPECT_TRUE(ReadCell("in_zone", "√").in_zone());
  EXPECT_FALSE(ReadCell("in_zone", "0").in_zone());
  EXPECT_EQ(ReadCell("行业", "I 信息传输、软件和信息技术服务业").industry(), v1::INDUSTRY_SECTION_I);
  EXPECT_EQ(ReadCell("行业", "制造业").industry(), v1::INDUSTRY_SECTION_C);
  EXPECT_THAT(ReadCell("标签", "央企, FOREIGN_INVESTED；returnee_founded").tags(),
              ElementsAre(v1::ENTERPRISE_TAG_CENTRAL_SOE, v1::ENTERPRISE_TAG_FOREIGN_INVESTED,
                          v1::ENTERPRISE_TAG_RETURNEE_FOUNDED));
  EXPECT_THAT(ReadCell("曾用名", "甲公司\n乙公司").former_names(), ElementsAre("甲公司", "乙公司"));
}

TEST(EnterpriseFromRowTest, ABadCellNamesItsColumnAndTheReason) {
  EXPECT_THAT(CellError("成立日期", "2026-02-30"), HasSubstr("成立日期: \"2026-02-30\" is not a day of the calendar"));
  EXPECT_THAT(CellError("成立日期", "去年"), HasSubstr("use YYYY-MM-DD"));
  EXPECT_THAT(CellError("注册资本", "很多"), HasSubstr("注册资本: \"很多\" is not an amount"));
  EXPECT_THAT(CellError("注册资本", "-5万"), HasSubstr("negative"));
  EXPECT_THAT(CellError("是否在园区", "也许"), HasSubstr("是否在园区: \"也许\" is not yes or no"));
  EXPECT_THAT(CellError("行业", "Z"), HasSubstr("行业: \"Z\" is not a GB/T 4754 section"));
  EXPECT_THAT(CellError("行业大类", "3"), HasSubstr("行业大类: \"3\" is not a GB/T 4754 division"));
  EXPECT_THAT(CellError("标签", "民营企业、独角兽"), HasSubstr("标签: \"独角兽\" is not a tag (use 世界500强子公司/"));
}

// ---------------------------------------------------------------------------
// Export

v1::Enterprise FullEnterprise() {
  v1::Enterprise e;
  e.set_name("enterprises/7");
  e.set_uscc(kUscc);
  e.set_company_name("厦门某智能装备股份有限公司");
  e.add_former_names("厦门某机械有限公司");
  e.add_former_names("某装备厂, 含逗号");
  e.set_founded_date("2015-03-08");
  e.set_registered_capital_cny(50'000'000);
  e.set_legal_representative("陈某");
  e.set_address("厦门市集美区某路1号");
  e.set_in_zone(true);
  e.set_industry(v1::INDUSTRY_SECTION_C);
  e.set_industry_division("34");
  e.set_listed(false);
  e.add_tags(v1::ENTERPRISE_TAG_PRIVATE);
  e.add_tags(v1::ENTERPRISE_TAG_LISTED_COMPANY_SUBSIDIARY);
  e.set_service_secretary("users/zhangsan");
  e.add_held_titles(v1::CERTIFICATION_TITLE_GAZELLE);
  return e;
}

TEST(EnterpriseExportTest, HeadersAndCellsInChinese) {
  const std::vector<std::string> headers = EnterpriseExportHeaders();
  EXPECT_THAT(headers, ElementsAre("统一社会信用代码", "企业名称", "曾用名", "成立日期", "注册资本(元)", "法定代表人",
                                   "地址", "是否在园区", "行业", "行业大类", "是否上市", "标签", "服务秘书", "当前称号",
                                   "企业编号"));
  const std::vector<std::string> row = EnterpriseExportRow(FullEnterprise());
  ASSERT_EQ(row.size(), headers.size());
  EXPECT_EQ(row[4], "50000000");
  EXPECT_EQ(row[7], "是");
  EXPECT_EQ(row[8], "C 制造业");
  EXPECT_EQ(row[11], "民营企业、上市公司子公司");
  EXPECT_EQ(row[12], "users/zhangsan");
  EXPECT_EQ(row[13], "瞪羚企业");
  EXPECT_EQ(row[14], "enterprises/7");
}

TEST(EnterpriseExportTest, AnExportReadsBackThroughCsvAsTheSameRegistrationFields) {
  const std::string csv = CsvLine(EnterpriseExportHeaders()) + CsvLine(EnterpriseExportRow(FullEnterprise()));
  auto records = ParseCsv(csv);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 2u);
  auto back = ReadRow((*records)[0], (*records)[1]);
  ASSERT_TRUE(back.ok()) << back.status();
  v1::Enterprise expected = FullEnterprise();
  expected.clear_name();  // output-only columns are not imported
  expected.clear_service_secretary();
  expected.clear_held_titles();
  EXPECT_TRUE(MessageDifferencer::Equals(*back, expected)) << back->DebugString();
}

TEST(EnterpriseExportTest, ColumnsNameTheirUpdateMaskPaths) {
  EXPECT_EQ(EnterpriseFieldPath(EnterpriseColumn::kRegisteredCapital), "registered_capital_cny");
  EXPECT_EQ(EnterpriseFieldPath(EnterpriseColumn::kIndustryDivision), "industry_division");
  EXPECT_EQ(EnterpriseColumnHeader(EnterpriseColumn::kRegisteredCapital), "注册资本(元)");
  // A column's proto name is also a header import reads.
  auto by_field_name = MapEnterpriseHeaders({"uscc", "industry_division", "registered_capital_cny"});
  ASSERT_TRUE(by_field_name.ok());
  EXPECT_EQ(by_field_name->by_index.size(), 3u);
}

// ---------------------------------------------------------------------------
// Values as typed

TEST(EnterpriseFieldsTest, TitlesByLabelOtherNameOrEnumName) {
  for (const char* text : {"瞪羚企业", "瞪羚", "gazelle", "GAZELLE", "certification_title_gazelle", " Gazelle "}) {
    auto title = ParseTitle(text);
    ASSERT_TRUE(title.ok()) << text << ": " << title.status();
    EXPECT_EQ(*title, v1::CERTIFICATION_TITLE_GAZELLE) << text;
  }
  EXPECT_EQ(*ParseTitle("小巨人"), v1::CERTIFICATION_TITLE_LITTLE_GIANT);
  EXPECT_EQ(*ParseTitle("专精特新“小巨人”企业"), v1::CERTIFICATION_TITLE_LITTLE_GIANT);
  EXPECT_EQ(*ParseTitle("potential-unicorn"), v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN);
  EXPECT_EQ(*ParseTitle("准独角兽"), v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN);
  auto bad = ParseTitle("神兽");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("\"神兽\" is not a title (use 种子企业/seed, 潜在瞪羚企业/potential_gazelle"));
  EXPECT_FALSE(ParseTitle("").ok());
  EXPECT_FALSE(ParseTitle("unspecified").ok());
}

TEST(EnterpriseFieldsTest, OtherEnums) {
  EXPECT_EQ(*ParseLevel("national"), v1::CERTIFICATION_LEVEL_NATIONAL);
  EXPECT_EQ(*ParseLevel("省级"), v1::CERTIFICATION_LEVEL_PROVINCIAL);
  EXPECT_EQ(*ParseCategory("用地/空间"), v1::SERVICE_CATEGORY_LAND_SPACE);
  EXPECT_EQ(*ParseCategory("intellectual_property"), v1::SERVICE_CATEGORY_INTELLECTUAL_PROPERTY);
  EXPECT_EQ(*ParsePriority("急事"), v1::SERVICE_REQUEST_PRIORITY_URGENT);
  EXPECT_EQ(*ParseRequestStatus("in_progress"), v1::SERVICE_REQUEST_STATUS_IN_PROGRESS);
  EXPECT_EQ(*ParseRequestStatus("办理中"), v1::SERVICE_REQUEST_STATUS_IN_PROGRESS);
  EXPECT_EQ(*ParseColor("red"), v1::ESCALATION_COLOR_RED);
  EXPECT_EQ(*ParseColor("黄牌"), v1::ESCALATION_COLOR_YELLOW);
  EXPECT_FALSE(ParseColor("green").ok());
}

TEST(EnterpriseFieldsTest, Labels) {
  EXPECT_EQ(TitleLabel(v1::CERTIFICATION_TITLE_HIDDEN_CHAMPION), "隐形冠军企业");
  EXPECT_EQ(TitleLabel(v1::CERTIFICATION_TITLE_UNSPECIFIED), "");
  EXPECT_EQ(TitleLabel(static_cast<v1::CertificationTitle>(99)), "99") << "a newer server's value";
  EXPECT_EQ(LevelLabel(v1::CERTIFICATION_LEVEL_ZONE), "区级");
  EXPECT_EQ(RequestStatusLabel(v1::SERVICE_REQUEST_STATUS_RESOLVED), "已办结");
  EXPECT_EQ(ColorLabel(v1::ESCALATION_COLOR_RED), "红");
  EXPECT_EQ(ColorLabel(v1::ESCALATION_COLOR_NONE), "");
  EXPECT_EQ(OutcomeLabel(v1::IMPORT_OUTCOME_UNCHANGED), "未变");
}

TEST(EnterpriseFieldsTest, NumbersAndDays) {
  EXPECT_EQ(*ParseSignedCny("3.2亿"), 320'000'000);
  EXPECT_EQ(*ParseSignedCny("-800万"), -8'000'000);
  EXPECT_EQ(*ParseSignedCny("320000000"), 320'000'000);
  EXPECT_FALSE(ParseSignedCny("--5").ok());
  EXPECT_EQ(*ParseCount("1,200"), 1200);
  EXPECT_FALSE(ParseCount("-3").ok());
  EXPECT_FALSE(ParseCount("3.5").ok());
  EXPECT_FALSE(ParseCount("99999999999").ok());
  EXPECT_EQ(*ParseDay("2024-2-29"), "2024-02-29");
  EXPECT_FALSE(ParseDay("2023-2-29").ok());
  EXPECT_FALSE(ParseDay("24-02-01").ok());
  EXPECT_TRUE(*ParseYesNo("是"));
  EXPECT_FALSE(*ParseYesNo("No"));
}

TEST(EnterpriseFieldsTest, NamesAsTyped) {
  EXPECT_EQ(EnterpriseName("7"), "enterprises/7");
  EXPECT_EQ(EnterpriseName("enterprises/7"), "enterprises/7");
  EXPECT_EQ(ServiceRequestName("7/3"), "enterprises/7/serviceRequests/3");
  EXPECT_EQ(ServiceRequestName("enterprises/7/serviceRequests/3"), "enterprises/7/serviceRequests/3");
  EXPECT_EQ(CertificationName("7/2"), "enterprises/7/certifications/2");
  EXPECT_EQ(PrefixedName("users", "zhangsan"), "users/zhangsan");
  EXPECT_EQ(PrefixedName("users", ""), "");
}

}  // namespace
}  // namespace crm::cli
