#ifndef CRM_TESTS_INTEGRATION_TEST_DB_H_
#define CRM_TESTS_INTEGRATION_TEST_DB_H_

#include <memory>
#include <string>

#include "storage/connection_pool.h"

namespace crm::testing {

// A fresh database on the test MariaDB (started by the ctest fixture, which
// puts its DSN in the file named by $CRM_TEST_DSN_FILE), with every migration
// applied. Dropped when destroyed. Fails the test when the database is not there.
class TestDatabase {
 public:
  static std::unique_ptr<TestDatabase> Create();
  ~TestDatabase();

  ConnectionPool& pool() { return *pool_; }
  const StoreConfig& config() const { return config_; }

  // Runs one SQL statement on a connection of its own and returns the first
  // column of the first row as text ("" when there is none).
  std::string QueryOne(const std::string& sql);
  void Execute(const std::string& sql);

 private:
  StoreConfig config_;
  std::unique_ptr<ConnectionPool> pool_;
};

}  // namespace crm::testing

#endif  // CRM_TESTS_INTEGRATION_TEST_DB_H_
