#include "clients/cli/text_encoding.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace crm::cli {
namespace {

using ::testing::HasSubstr;

constexpr absl::string_view kZhongGuoGbk = "\xd6\xd0\xb9\xfa";  // 中国 in GBK

TEST(ParseEncodingNameTest, KnownNamesInAnyCase) {
  EXPECT_EQ(ParseEncodingName("auto").value(), Encoding::kAuto);
  EXPECT_EQ(ParseEncodingName("UTF-8").value(), Encoding::kUtf8);
  EXPECT_EQ(ParseEncodingName("utf8").value(), Encoding::kUtf8);
  EXPECT_EQ(ParseEncodingName(" GBK ").value(), Encoding::kGb18030);
  EXPECT_EQ(ParseEncodingName("gb2312").value(), Encoding::kGb18030);
  EXPECT_EQ(ParseEncodingName("GB18030").value(), Encoding::kGb18030);
  EXPECT_EQ(ParseEncodingName("cp936").value(), Encoding::kGb18030);
}

TEST(ParseEncodingNameTest, UnknownNames) {
  for (absl::string_view name : {"latin1", "", "big5", "utf-16"}) {
    absl::StatusOr<Encoding> encoding = ParseEncodingName(name);
    EXPECT_EQ(encoding.status().code(), absl::StatusCode::kInvalidArgument) << name;
    EXPECT_THAT(encoding.status().message(), HasSubstr(absl::StrCat("\"", name, "\"")));
  }
}

TEST(ToUtf8Test, DetectsGbkBytes) {
  Encoding detected = Encoding::kAuto;
  EXPECT_EQ(ToUtf8(kZhongGuoGbk, Encoding::kAuto, &detected).value(), "中国");
  EXPECT_EQ(detected, Encoding::kGb18030);
}

TEST(ToUtf8Test, DetectsGbkCsvMadeWithFromUtf8) {
  const std::string text = "企业名称,渠道,预计投资额(万元)\r\n华为技术有限公司,走出去,5000\r\n";
  const std::string gbk = FromUtf8(text, Encoding::kGb18030).value();
  EXPECT_NE(gbk, text);
  Encoding detected = Encoding::kAuto;
  EXPECT_EQ(ToUtf8(gbk, Encoding::kAuto, &detected).value(), text);
  EXPECT_EQ(detected, Encoding::kGb18030);
  EXPECT_EQ(ToUtf8(gbk, Encoding::kGb18030).value(), text);
}

TEST(FromUtf8Test, WritesGbkBytes) {
  EXPECT_EQ(FromUtf8("中国", Encoding::kGb18030).value(), kZhongGuoGbk);
  EXPECT_EQ(FromUtf8("abc", Encoding::kGb18030).value(), "abc");
  EXPECT_EQ(FromUtf8("", Encoding::kGb18030).value(), "");
}

TEST(FromUtf8Test, CharactersOutsideGbkUseGb18030FourByteForms) {
  const std::string text = "𠮷野家 😀";
  const std::string gb = FromUtf8(text, Encoding::kGb18030).value();
  EXPECT_EQ(gb.size(), 4u + 2 + 2 + 1 + 4);
  EXPECT_EQ(ToUtf8(gb, Encoding::kGb18030).value(), text);
}

TEST(FromUtf8Test, Utf8AndAutoLeaveTextUnchanged) {
  EXPECT_EQ(FromUtf8("中国", Encoding::kUtf8).value(), "中国");
  EXPECT_EQ(FromUtf8("中国", Encoding::kAuto).value(), "中国");
}

TEST(FromUtf8Test, InvalidUtf8CannotBeConverted) {
  absl::StatusOr<std::string> gb = FromUtf8("ab\xff", Encoding::kGb18030);
  EXPECT_EQ(gb.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(gb.status().message(), HasSubstr("byte 2"));
}

TEST(ToUtf8Test, LongGbkText) {
  // More than iconv's 4 KiB output buffer at a time.
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "中国,";
  const std::string gbk = FromUtf8(text, Encoding::kGb18030).value();
  EXPECT_EQ(gbk.size(), 3000u * 5);
  EXPECT_EQ(ToUtf8(gbk, Encoding::kAuto).value(), text);
}

TEST(ToUtf8Test, Utf8WithAndWithoutBom) {
  Encoding detected = Encoding::kAuto;
  EXPECT_EQ(ToUtf8("企业名称,备注", Encoding::kAuto, &detected).value(), "企业名称,备注");
  EXPECT_EQ(detected, Encoding::kUtf8);

  detected = Encoding::kAuto;
  EXPECT_EQ(ToUtf8("\xEF\xBB\xBF企业名称", Encoding::kAuto, &detected).value(), "企业名称");
  EXPECT_EQ(detected, Encoding::kUtf8);

  EXPECT_EQ(ToUtf8("\xEF\xBB\xBF企业名称", Encoding::kUtf8).value(), "企业名称");
  EXPECT_EQ(ToUtf8("plain ascii", Encoding::kAuto, &detected).value(), "plain ascii");
  EXPECT_EQ(detected, Encoding::kUtf8);
  EXPECT_EQ(ToUtf8("", Encoding::kAuto).value(), "");
}

TEST(ToUtf8Test, ForcedEncodingIsReportedAsDetected) {
  Encoding detected = Encoding::kAuto;
  EXPECT_EQ(ToUtf8("abc", Encoding::kGb18030, &detected).value(), "abc");
  EXPECT_EQ(detected, Encoding::kGb18030);
}

TEST(ToUtf8Test, ForcedUtf8RejectsInvalidBytesNamingTheOffset) {
  struct Case {
    absl::string_view bytes;
    absl::string_view offset;
  };
  for (const Case& c : {
           Case{"ab\xd6\xd0\xb9\xfa", "byte 2"},   // GBK
           Case{"\xC0\xAF", "byte 0"},              // overlong /
           Case{"x\xED\xA0\x80", "byte 1"},         // surrogate
           Case{"\xF4\x90\x80\x80", "byte 0"},      // above U+10FFFF
           Case{"中\xE4\xB8", "byte 3"},            // cut short
           Case{"\xEF\xBB\xBF\x80", "byte 3"},      // stray continuation after a BOM
       }) {
    absl::StatusOr<std::string> text = ToUtf8(c.bytes, Encoding::kUtf8);
    EXPECT_EQ(text.status().code(), absl::StatusCode::kInvalidArgument) << c.offset;
    EXPECT_THAT(text.status().message(), HasSubstr(c.offset));
  }
}

TEST(ToUtf8Test, BomMakesAutoUtf8EvenWhenTheRestIsInvalid) {
  absl::StatusOr<std::string> text = ToUtf8("\xEF\xBB\xBF\xd6\xd0", Encoding::kAuto);
  EXPECT_EQ(text.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(text.status().message(), HasSubstr("UTF-8"));
}

TEST(ToUtf8Test, ForcedGbkRejectsInvalidBytesNamingTheOffset) {
  absl::StatusOr<std::string> text = ToUtf8("a\xff", Encoding::kGb18030);
  EXPECT_EQ(text.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(text.status().message(), HasSubstr("byte 1"));

  text = ToUtf8("ab\xd6", Encoding::kAuto);  // a lead byte at the end
  EXPECT_EQ(text.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(text.status().message(), HasSubstr("byte 2"));
}

TEST(ToUtf8Test, DropsGb18030Bom) {
  EXPECT_EQ(ToUtf8("\x84\x31\x95\x33\xd6\xd0", Encoding::kGb18030).value(), "中");
}

}  // namespace
}  // namespace crm::cli
