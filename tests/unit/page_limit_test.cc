#include "base/page_limit.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crm/v1/leads_service.pb.h"

namespace crm {
namespace {

std::vector<v1::Lead> Leads(int n, size_t notes_bytes) {
  std::vector<v1::Lead> leads(n);
  for (int i = 0; i < n; ++i) {
    leads[i].set_name("leads/" + std::to_string(i + 1));
    leads[i].set_notes(std::string(notes_bytes, 'x'));
  }
  return leads;
}

TEST(PageLimitTest, RowsEndAtThePageSizeOrTheBytesWhicheverComesFirst) {
  std::vector<v1::Lead> small = Leads(51, 100);
  EXPECT_TRUE(TrimPage(small, 50, PageBytes(4 << 20)));  // the extra row tells there is more
  EXPECT_EQ(small.size(), 50u);

  std::vector<v1::Lead> large = Leads(51, 30000);
  const size_t budget = 200000;
  EXPECT_TRUE(TrimPage(large, 50, budget));
  size_t bytes = 0;
  for (const v1::Lead& l : large) bytes += l.ByteSizeLong() + kPageRowOverheadBytes;
  EXPECT_LE(bytes, budget);
  EXPECT_EQ(large.size(), 6u);  // 6 × ~30 KB fit in 200 KB, 7 do not

  std::vector<v1::Lead> all = Leads(3, 100);
  EXPECT_FALSE(TrimPage(all, 50, budget));  // no bound reached: the last page
  EXPECT_EQ(all.size(), 3u);
}

TEST(PageLimitTest, AlwaysAtLeastOneRowSoThatPagingAdvances) {
  std::vector<v1::Lead> huge = Leads(2, 5000);
  EXPECT_TRUE(TrimPage(huge, 50, 100));
  EXPECT_EQ(huge.size(), 1u);
  std::vector<v1::Lead> none;
  EXPECT_FALSE(TrimPage(none, 50, 100));
}

TEST(PageLimitTest, ExtraBytesPerRowCount) {
  std::vector<v1::Lead> rows = Leads(10, 0);
  const size_t row = rows[0].ByteSizeLong() + kPageRowOverheadBytes;
  EXPECT_EQ(RowsThatFit(rows, 50, 5 * row), 5u);
  EXPECT_EQ(RowsThatFit(rows, 50, 5 * row, row), 2u);  // each row counts double
  EXPECT_EQ(RowsThatFit(rows, 50, 0), 10u);            // 0: no byte bound
}

TEST(PageLimitTest, PageBytesLeavesRoomForTheRestOfTheResponse) {
  EXPECT_EQ(PageBytes(4 << 20), (4u << 20) - 64 * 1024);
  EXPECT_EQ(PageBytes(100000), 75000u);  // small limits keep a quarter
  EXPECT_GT(PageBytes(0), 0u);
}

}  // namespace
}  // namespace crm
