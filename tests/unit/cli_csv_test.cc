#include "clients/cli/csv.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crm::cli {
namespace {

using Records = std::vector<std::vector<std::string>>;
using ::testing::HasSubstr;

Records Parse(absl::string_view text) {
  absl::StatusOr<Records> records = ParseCsv(text);
  EXPECT_TRUE(records.ok()) << records.status();
  return records.ok() ? *records : Records{};
}

TEST(CsvLineTest, PlainFieldsEndWithCrlf) {
  EXPECT_EQ(CsvLine({"华为技术有限公司", "走出去", "1200000"}), "华为技术有限公司,走出去,1200000\r\n");
  EXPECT_EQ(CsvLine({"a", "", "b"}), "a,,b\r\n");
}

TEST(CsvLineTest, QuotesFieldsWithCommasQuotesAndLineBreaks) {
  EXPECT_EQ(CsvLine({"华为, 深圳", "say \"hi\"", "line1\nline2", "cr\rx"}),
            "\"华为, 深圳\",\"say \"\"hi\"\"\",\"line1\nline2\",\"cr\rx\"\r\n");
}

TEST(CsvLineTest, SoleEmptyFieldIsNotAnEmptyLine) {
  EXPECT_EQ(CsvLine({""}), "\"\"\r\n");
  EXPECT_EQ(CsvLine({"", ""}), ",\r\n");
}

TEST(CsvLineTest, EscapesFormulas) {
  EXPECT_EQ(CsvLine({"=SUM(A1:A9)"}), "'=SUM(A1:A9)\r\n");
  EXPECT_EQ(CsvLine({"+86 21 5555 0000"}), "'+86 21 5555 0000\r\n");
  EXPECT_EQ(CsvLine({"@cmd"}), "'@cmd\r\n");
  EXPECT_EQ(CsvLine({"-2+3"}), "'-2+3\r\n");
  EXPECT_EQ(CsvLine({"-"}), "'-\r\n");
  EXPECT_EQ(CsvLine({"=HYPERLINK(\"http://x\",\"y\")"}),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
  // Quotes already in front of a formula get one more, which reading removes.
  EXPECT_EQ(CsvLine({"'=1"}), "''=1\r\n");
}

TEST(CsvLineTest, LeavesNumbersAndOtherTextAlone) {
  EXPECT_EQ(CsvLine({"-5", "+1.5", "-0.25", "a=b", "'", "'-5"}), "-5,+1.5,-0.25,a=b,',"
                                                                  "'-5\r\n");
  EXPECT_EQ(CsvLine({"-1,200"}), "\"-1,200\"\r\n");
}

TEST(ParseCsvTest, LfAndCrlfLines) {
  const Records expected = {{"a", "b"}, {"c", "d"}};
  EXPECT_EQ(Parse("a,b\nc,d\n"), expected);
  EXPECT_EQ(Parse("a,b\r\nc,d\r\n"), expected);
  EXPECT_EQ(Parse("a,b\r\nc,d\n"), expected);
}

TEST(ParseCsvTest, LastLineWithoutBreakCounts) {
  EXPECT_EQ(Parse("a,b\nc,d"), (Records{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(Parse("a\r"), (Records{{"a"}}));
}

TEST(ParseCsvTest, SkipsEmptyLinesButNotEmptyFields) {
  EXPECT_EQ(Parse("a\n\n\r\nb\n"), (Records{{"a"}, {"b"}}));
  EXPECT_EQ(Parse("a,\n,\n\"\"\n"), (Records{{"a", ""}, {"", ""}, {""}}));
  EXPECT_EQ(Parse(""), Records{});
  EXPECT_EQ(Parse("\n\r\n"), Records{});
}

TEST(ParseCsvTest, QuotedFields) {
  EXPECT_EQ(Parse("\"华为, 深圳\",\"他说\"\"你好\"\"\",x\n"),
            (Records{{"华为, 深圳", "他说\"你好\"", "x"}}));
  EXPECT_EQ(Parse("\"line1\r\nline2\",z\n"), (Records{{"line1\r\nline2", "z"}}));
  EXPECT_EQ(Parse("\"\"\"\"\n"), (Records{{"\""}}));
}

TEST(ParseCsvTest, KeepsQuotesInsideUnquotedFieldsAndTextAfterClosingQuote) {
  EXPECT_EQ(Parse("5\"5,\"ab\"c\n"), (Records{{"5\"5", "abc"}}));
}

TEST(ParseCsvTest, LoneCrIsACharacter) {
  EXPECT_EQ(Parse("a\rb,c\n"), (Records{{"a\rb", "c"}}));
}

TEST(ParseCsvTest, TextWithOrWithoutBom) {
  EXPECT_EQ(Parse("企业名称,备注\n"), (Records{{"企业名称", "备注"}}));
  EXPECT_EQ(Parse("\xEF\xBB\xBF企业名称,备注\n"), (Records{{"企业名称", "备注"}}));
}

TEST(ParseCsvTest, UnterminatedQuoteNamesItsLine) {
  absl::StatusOr<Records> records = ParseCsv("a,b\nc,\"open\nmore\n");
  EXPECT_EQ(records.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(records.status().message(), HasSubstr("line 2"));

  // Lines inside an earlier quoted field count.
  records = ParseCsv("\"x\ny\",1\n2,\"oops\n");
  EXPECT_EQ(records.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(records.status().message(), HasSubstr("line 3"));
}

TEST(ParseCsvTest, RemovesTheFormulaEscape) {
  EXPECT_EQ(Parse("'=SUM(A1),'+86 21 5555 0000,'-5,''=x,\"'@a,b\"\n"),
            (Records{{"=SUM(A1)", "+86 21 5555 0000", "'-5", "'=x", "@a,b"}}));
}

TEST(CsvRoundTripTest, ParseCsvReadsBackWhatCsvLineWrote) {
  const Records records = {
      {"企业名称", "备注", "预计投资额(元)"},
      {"华为技术有限公司", "第一次走访, 关注\"用地\"\n下周回访", "1250000000"},
      {"Bosch", "", "-5"},
      {""},
      {"", ""},
      {"=1+1", "+86 21 5555 0000", "@x", "-", "'", "''=x", "'-5", "a\r\nb", "\"\""},
      {" 前后空格 ", "𠮷野家 😀", "tab\there"},
  };
  std::string text;
  for (const auto& record : records) text += CsvLine(record);
  EXPECT_EQ(Parse(text), records);
}

}  // namespace
}  // namespace crm::cli
