#ifndef CRM_TESTS_INTEGRATION_TEST_DB_H_
#define CRM_TESTS_INTEGRATION_TEST_DB_H_

#include <memory>
#include <string>

#include "storage/connection_pool.h"

namespace crm::testing {

// A fresh database on the test MariaDB (started by the ctest fixture, which
// puts the owner's DSN in the file named by $CRM_TEST_DSN_FILE and the
// application account's in `app_dsn` beside it), with every migration applied
// as the owner. pool() connects as the application account, as crm-server
// does, so the tests also prove its grants suffice. Dropped when destroyed.
// Fails the test when the database is not there.
class TestDatabase {
 public:
  static std::unique_ptr<TestDatabase> Create();
  ~TestDatabase();

  ConnectionPool& pool() { return *pool_; }
  const StoreConfig& config() const { return config_; }  // the owner's
  const StoreConfig& app_config() const { return app_config_; }

  // Runs one SQL statement, as the owner, on a connection of its own and
  // returns the first column of the first row as text ("" when there is none).
  std::string QueryOne(const std::string& sql);
  void Execute(const std::string& sql);

 private:
  StoreConfig config_;
  StoreConfig app_config_;
  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace crm::testing

#endif  // CRM_TESTS_INTEGRATION_TEST_DB_H_
