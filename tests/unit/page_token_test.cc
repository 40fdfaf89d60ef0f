#include "base/page_token.h"

#include <gtest/gtest.h>

#include "base/field_violations.h"
#include "crm/v1/leads_service.pb.h"

namespace crm {
namespace {

TEST(PageTokenTest, RoundTripsTheCursor) {
  std::string token = EncodePageToken({1764190000123456, 42, ""}, "abcd");
  auto cursor = DecodePageToken(token, "abcd");
  ASSERT_TRUE(cursor.ok()) << cursor.status();
  EXPECT_EQ(cursor->key, 1764190000123456);
  EXPECT_EQ(cursor->id, 42);
  EXPECT_EQ(token.find_first_of("+/"), std::string::npos) << "URL-safe";
}

TEST(PageTokenTest, RefusesATokenOfAnotherQuery) {
  std::string token = EncodePageToken({1, 2, ""}, "abcd");
  absl::Status s = DecodePageToken(token, "ffff").status();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(ViolationsOf(s).size(), 1u);
  EXPECT_EQ(ViolationsOf(s)[0].field, "page_token");
}

TEST(PageTokenTest, RefusesGarbage) {
  for (const char* token : {"", "!!!", "MTox", "bm90IGEgdG9rZW4"}) {
    EXPECT_EQ(DecodePageToken(token, "abcd").status().code(), absl::StatusCode::kInvalidArgument) << token;
  }
}

TEST(QueryFingerprintTest, DependsOnFiltersOnly) {
  v1::ListLeadsRequest a;
  a.set_status(v1::LEAD_STATUS_NEW);
  v1::ListLeadsRequest b = a;
  EXPECT_EQ(QueryFingerprint(a), QueryFingerprint(b));
  b.set_company_name_contains("科技");
  EXPECT_NE(QueryFingerprint(a), QueryFingerprint(b));
}

TEST(EffectivePageSizeTest, DefaultsAndCaps) {
  EXPECT_EQ(*EffectivePageSize(0), 50);
  EXPECT_EQ(*EffectivePageSize(7), 7);
  EXPECT_EQ(*EffectivePageSize(5000), 1000);
  EXPECT_EQ(EffectivePageSize(-1).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace crm
