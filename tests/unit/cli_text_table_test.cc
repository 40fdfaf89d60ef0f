#include "clients/cli/text_table.h"

#include <cstdint>
#include <limits>
#include <string>

#include "gtest/gtest.h"

namespace crm::cli {
namespace {

TEST(DisplayWidthTest, AsciiIsOneColumnEach) {
  EXPECT_EQ(DisplayWidth(""), 0);
  EXPECT_EQ(DisplayWidth("Bosch"), 5);
  EXPECT_EQ(DisplayWidth("a b-c"), 5);
}

TEST(DisplayWidthTest, CjkAndFullWidthAreTwoColumns) {
  EXPECT_EQ(DisplayWidth("中国"), 4);
  EXPECT_EQ(DisplayWidth("Bosch 博世"), 10);
  EXPECT_EQ(DisplayWidth("𠮷"), 2);           // U+20BB7, outside the BMP
  EXPECT_EQ(DisplayWidth("ＡＢ１"), 6);       // full-width forms
  EXPECT_EQ(DisplayWidth("（深圳）"), 8);     // full-width brackets in company names
  EXPECT_EQ(DisplayWidth("、。"), 4);         // CJK punctuation
  EXPECT_EQ(DisplayWidth("한국"), 4);         // Hangul
  EXPECT_EQ(DisplayWidth("カタカナ"), 8);
}

TEST(DisplayWidthTest, EmojiAreTwoColumns) {
  EXPECT_EQ(DisplayWidth("😀"), 2);
  EXPECT_EQ(DisplayWidth("🚀"), 2);
  EXPECT_EQ(DisplayWidth("✅"), 2);
  EXPECT_EQ(DisplayWidth("👍🏽"), 2);  // the skin tone joins the thumb
}

TEST(DisplayWidthTest, CombiningAndZeroWidthCharactersTakeNoColumn) {
  EXPECT_EQ(DisplayWidth("e\u0301"), 1);        // e + combining acute
  EXPECT_EQ(DisplayWidth("Ame\u0301lie"), 6);
  EXPECT_EQ(DisplayWidth("a\u200Bb"), 2);       // zero-width space
  EXPECT_EQ(DisplayWidth("\uFEFFabc"), 3);      // BOM
  EXPECT_EQ(DisplayWidth("\u2764\uFE0F"), 1);   // heart + variation selector 16
}

TEST(DisplayWidthTest, OtherCharactersAreOneColumn) {
  EXPECT_EQ(DisplayWidth("é"), 1);       // precomposed
  EXPECT_EQ(DisplayWidth("Ωж"), 2);
  EXPECT_EQ(DisplayWidth("…·"), 2);
  EXPECT_EQ(DisplayWidth("\xFF\xFE"), 2);  // broken bytes: one column each
}

TEST(FitToWidthTest, KeepsTextThatFits) {
  EXPECT_EQ(FitToWidth("Bosch", 5), "Bosch");
  EXPECT_EQ(FitToWidth("华为", 4), "华为");
  EXPECT_EQ(FitToWidth("", 0), "");
}

TEST(FitToWidthTest, CutsWithEllipsis) {
  EXPECT_EQ(FitToWidth("Bosch", 4), "Bos…");
  EXPECT_EQ(FitToWidth("华为技术有限公司", 9), "华为技术…");
  // Half a character would overflow: the cut leaves a column unused.
  EXPECT_EQ(FitToWidth("华为技术有限公司", 8), "华为技…");
  EXPECT_EQ(DisplayWidth(FitToWidth("华为技术有限公司", 8)), 7);
  EXPECT_EQ(FitToWidth("𠮷野家", 3), "𠮷…");
  EXPECT_EQ(FitToWidth("中", 1), "…");
  EXPECT_EQ(FitToWidth("abc", 0), "");
}

TEST(FitToWidthTest, KeepsCombiningMarksWithTheirLetter) {
  EXPECT_EQ(FitToWidth("e\u0301e\u0301e\u0301", 2), "e\u0301…");
}

TEST(RenderTableTest, AlignsChineseAndAsciiByDisplayWidth) {
  Table table;
  table.headers = {"NAME", "企业名称", "投资额"};
  table.rows = {
      {"huawei", "华为技术有限公司", "12.5亿元"},
      {"bosch", "Bosch", "3,500万元"},
      {"yoshinoya", "𠮷野家 😀", "800元"},
  };
  table.right_aligned = {false, false, true};
  EXPECT_EQ(RenderTable(table),
            "NAME       企业名称             投资额\n"
            "─────────  ────────────────  ─────────\n"
            "huawei     华为技术有限公司   12.5亿元\n"
            "bosch      Bosch             3,500万元\n"
            "yoshinoya  𠮷野家 😀             800元\n");
}

TEST(RenderTableTest, CutsWideCellsAtMaxColumnWidth) {
  Table table;
  table.headers = {"NAME", "企业名称", "投资额"};
  table.rows = {
      {"huawei", "华为技术有限公司", "12.5亿元"},
      {"bosch", "Bosch", "3,500万元"},
      {"yoshinoya", "𠮷野家 😀", "800元"},
  };
  table.right_aligned = {false, false, true};
  EXPECT_EQ(RenderTable(table, 6),
            "NAME    企业…  投资额\n"
            "──────  ─────  ──────\n"
            "huawei  华为…   12.5…\n"
            "bosch   Bosch  3,500…\n"
            "yoshi…  𠮷野…   800元\n");
}

TEST(RenderTableTest, NoTrailingSpacesAfterShortOrEmptyLastCells) {
  Table table;
  table.headers = {"ID", "备注"};
  table.rows = {{"1", "首次走访"}, {"22", ""}, {"333", "line1\nline2"}};
  table.right_aligned = {true};  // the second column is left aligned
  EXPECT_EQ(RenderTable(table),
            " ID  备注\n"
            "───  ───────────\n"
            "  1  首次走访\n"
            " 22\n"
            "333  line1 line2\n");
}

TEST(RenderTableTest, ShortRowsAndNoRows) {
  Table table;
  table.headers = {"A", "B"};
  table.rows = {{"x"}};
  EXPECT_EQ(RenderTable(table), "A  B\n─  ─\nx\n");
  EXPECT_EQ(RenderTable(Table{{"企业名称"}, {}, {}}), "企业名称\n────────\n");
  EXPECT_EQ(RenderTable(Table{}), "");
}

TEST(FormatCnyTest, BelowTenThousandInYuan) {
  EXPECT_EQ(FormatCny(0), "0元");
  EXPECT_EQ(FormatCny(800), "800元");
  EXPECT_EQ(FormatCny(9'999), "9,999元");
}

TEST(FormatCnyTest, TenThousandsInWan) {
  EXPECT_EQ(FormatCny(10'000), "1万元");
  EXPECT_EQ(FormatCny(12'345), "1.23万元");
  EXPECT_EQ(FormatCny(10'050), "1.01万元");  // rounded half up
  EXPECT_EQ(FormatCny(15'000), "1.5万元");
  EXPECT_EQ(FormatCny(35'000'000), "3,500万元");
  EXPECT_EQ(FormatCny(99'990'000), "9,999万元");
}

TEST(FormatCnyTest, HundredMillionsInYi) {
  EXPECT_EQ(FormatCny(100'000'000), "1亿元");
  EXPECT_EQ(FormatCny(99'999'999), "1亿元");  // not "10,000万元"
  EXPECT_EQ(FormatCny(1'250'000'000), "12.5亿元");
  EXPECT_EQ(FormatCny(5'000'000'000), "50亿元");
  EXPECT_EQ(FormatCny(1'234'000'000), "12.34亿元");
  EXPECT_EQ(FormatCny(123'456'789'012), "1,234.57亿元");
  EXPECT_EQ(FormatCny(std::numeric_limits<int64_t>::max()), "92,233,720,368.55亿元");
}

TEST(FormatCnyTest, NegativeAmounts) {
  EXPECT_EQ(FormatCny(-800), "-800元");
  EXPECT_EQ(FormatCny(-35'000'000), "-3,500万元");
  EXPECT_EQ(FormatCny(-1'250'000'000), "-12.5亿元");
  EXPECT_EQ(FormatCny(std::numeric_limits<int64_t>::min()), "-92,233,720,368.55亿元");
}

TEST(FormatYiTest, ANumberOfYiForColumnsHeadedInYi) {
  EXPECT_EQ(FormatYi(2'500'000'000), "25");
  EXPECT_EQ(FormatYi(50'000'000), "0.5");
  EXPECT_EQ(FormatYi(1'234'560'000), "12.35");
  EXPECT_EQ(FormatYi(0), "0");
  EXPECT_EQ(FormatYi(-100), "0");
  EXPECT_EQ(FormatYi(std::numeric_limits<int64_t>::max()), "92,233,720,368.55");
}

}  // namespace
}  // namespace crm::cli
