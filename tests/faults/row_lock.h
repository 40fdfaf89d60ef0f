#ifndef CRM_TESTS_FAULTS_ROW_LOCK_H_
#define CRM_TESTS_FAULTS_ROW_LOCK_H_

// Rows another session holds locked, as a long transaction of another
// client would: what keeps the server's workers busy for as long as a
// scenario needs, for real (R7's calls at work when the drain deadline comes,
// R8's admitted calls that must not end during the burst).

#include <memory>
#include <string>
#include <vector>

#include "storage/connection_pool.h"
#include "storage/store_config.h"

namespace crm::testing {

class RowLock {
 public:
  // SELECT … FOR UPDATE of the leads `lead_names` ("leads/12") in a
  // transaction left open, as `owner`; nullptr (with a test failure) on error.
  static std::unique_ptr<RowLock> Leads(const StoreConfig& owner, const std::vector<std::string>& lead_names);
  ~RowLock() { Release(); }

  // Also inserts, uncommitted, the answer of `request_id`, as a first
  // attempt of a call still in flight would: a create with that request id
  // then waits for this transaction when it stores its own answer. False
  // (with a test failure) on error.
  bool HoldRequestId(const std::string& request_id);

  // Rolls the transaction back: the rows are free again.
  void Release();

 private:
  explicit RowLock(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}
  std::unique_ptr<Connection> conn_;
};

}  // namespace crm::testing

#endif  // CRM_TESTS_FAULTS_ROW_LOCK_H_
