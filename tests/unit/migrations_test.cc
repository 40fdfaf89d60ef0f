#include "storage/migrations.h"

#include <gtest/gtest.h>

namespace crm {
namespace {

TEST(SplitStatementsTest, SplitsAtSemicolonsEndingALineAndDropsComments) {
  auto statements = SplitStatements(
      "-- a comment; with a semicolon\n"
      "CREATE TABLE a (\n  x INT -- trailing\n);\n"
      "\n"
      "INSERT INTO a VALUES (1);\n");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_EQ(statements[0], "CREATE TABLE a (\n  x INT -- trailing\n)");
  EXPECT_EQ(statements[1], "INSERT INTO a VALUES (1)");
}

TEST(BuiltInMigrationsTest, AreNumberedInOrderWithoutGaps) {
  const auto& migrations = BuiltInMigrations();
  ASSERT_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1) << migrations[i].name;
    EXPECT_FALSE(SplitStatements(migrations[i].sql).empty()) << migrations[i].name;
  }
}

}  // namespace
}  // namespace crm
