#include "tests/integration/test_db.h"

#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "storage/migrations.h"

namespace crm::testing {

std::unique_ptr<TestDatabase> TestDatabase::Create() {
  const char* dsn_file = std::getenv("CRM_TEST_DSN_FILE");
  if (dsn_file == nullptr) {
    ADD_FAILURE() << "CRM_TEST_DSN_FILE is not set: run these tests through ctest (it starts MariaDB)";
    return nullptr;
  }
  auto read_dsn = [](const std::string& path) {
    std::ifstream in(path);
    std::string dsn((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return ParseDsn(absl::StripAsciiWhitespace(dsn));
  };
  auto config = read_dsn(dsn_file);
  std::string app_file = std::filesystem::path(dsn_file).replace_filename("app_dsn").string();
  auto app_config = read_dsn(app_file);
  if (!config.ok() || !app_config.ok()) {
    ADD_FAILURE() << "no usable DSNs in " << dsn_file << " and " << app_file << ": " << config.status() << " "
                  << app_config.status();
    return nullptr;
  }
  static std::atomic<int> counter{0};
  std::string database = absl::StrCat("crm_test_", getpid(), "_", counter++);
  auto admin = ConnectionPool::Connect(*config);
  if (!admin.ok()) {
    ADD_FAILURE() << admin.status();
    return nullptr;
  }
  std::unique_ptr<sql::Statement>((*admin)->raw().createStatement())
      ->execute(absl::StrCat("CREATE DATABASE ", database, " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));

  auto db = std::unique_ptr<TestDatabase>(new TestDatabase());
  db->config_ = *config;
  db->config_.database = database;
  db->config_.pool_size = 1;
  auto owner_pool = ConnectionPool::Create(db->config_);
  if (!owner_pool.ok()) {
    ADD_FAILURE() << owner_pool.status();
    return nullptr;
  }
  absl::Status migrated = ApplyMigrations(**owner_pool, BuiltInMigrations());
  if (!migrated.ok()) {
    ADD_FAILURE() << migrated;
    return nullptr;
  }
  db->app_config_ = *app_config;
  db->app_config_.database = database;
  db->app_config_.pool_size = 8;
  auto pool = ConnectionPool::Create(db->app_config_);
  if (!pool.ok()) {
    ADD_FAILURE() << pool.status();
    return nullptr;
  }
  db->pool_ = *std::move(pool);
  return db;
}

TestDatabase::~TestDatabase() {
  pool_.reset();
  Execute(absl::StrCat("DROP DATABASE IF EXISTS ", config_.database));
}

std::string TestDatabase::QueryOne(const std::string& sql) {
  auto conn = ConnectionPool::Connect(config_);
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status();
    return "";
  }
  std::unique_ptr<sql::Statement> st((*conn)->raw().createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery(sql));
  return rs->next() && !rs->isNull(1) ? std::string(rs->getString(1)) : "";
}

void TestDatabase::Execute(const std::string& sql) {
  auto conn = ConnectionPool::Connect(config_);
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status();
    return;
  }
  std::unique_ptr<sql::Statement>((*conn)->raw().createStatement())->execute(sql);
}

}  // namespace crm::testing
