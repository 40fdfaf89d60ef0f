#include "storage/store_config.h"

#include <gtest/gtest.h>

namespace crm {
namespace {

TEST(ParseDsnTest, ReadsEveryPart) {
  auto c = ParseDsn("mysql://crm:p%40ss@127.0.0.1:3307/crm_test");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->user, "crm");
  EXPECT_EQ(c->password, "p@ss");
  EXPECT_EQ(c->host, "127.0.0.1");
  EXPECT_EQ(c->port, 3307);
  EXPECT_EQ(c->database, "crm_test");
}

TEST(ParseDsnTest, DefaultsPortAndAllowsNoDatabase) {
  auto c = ParseDsn("mysql://root@db.internal/");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->port, 3306);
  EXPECT_EQ(c->database, "");
  EXPECT_EQ(c->password, "");
}

TEST(ParseDsnTest, RefusesMalformed) {
  for (const char* dsn : {"", "postgres://a@b/c", "mysql://hostonly/db", "mysql://u@h:port/db", "mysql://u:%zz@h/db"}) {
    EXPECT_EQ(ParseDsn(dsn).status().code(), absl::StatusCode::kInvalidArgument) << dsn;
  }
}

}  // namespace
}  // namespace crm
