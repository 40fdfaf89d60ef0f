#include "tests/faults/row_lock.h"

#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace crm::testing {

std::unique_ptr<RowLock> RowLock::Leads(const StoreConfig& owner, const std::vector<std::string>& lead_names) {
  absl::StatusOr<std::unique_ptr<Connection>> conn = ConnectionPool::Connect(owner);
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status();
    return nullptr;
  }
  std::vector<std::string> ids;
  for (const std::string& name : lead_names) ids.push_back(name.substr(name.find('/') + 1));
  try {
    std::unique_ptr<sql::Statement> st((*conn)->raw().createStatement());
    st->execute("START TRANSACTION");
    // executeQuery reads the rows at once, which leaves the session ready for the next statement.
    std::unique_ptr<sql::ResultSet>(
        st->executeQuery(absl::StrCat("SELECT id FROM leads WHERE id IN (", absl::StrJoin(ids, ","), ") FOR UPDATE")));
  } catch (const sql::SQLException& e) {
    ADD_FAILURE() << "cannot lock the leads: " << e.what();
    return nullptr;
  }
  return std::unique_ptr<RowLock>(new RowLock(*std::move(conn)));
}

bool RowLock::HoldRequestId(const std::string& request_id) {
  try {
    std::unique_ptr<sql::Statement> st(conn_->raw().createStatement());
    st->execute(absl::StrCat("INSERT INTO idempotency_keys (request_id, method, principal, resource_name, response,"
                             " created_at) VALUES ('", request_id, "', 'held', 'held', 'held', '', NOW(6))"));
    return true;
  } catch (const sql::SQLException& e) {
    ADD_FAILURE() << "cannot hold request id " << request_id << ": " << e.what();
    return false;
  }
}

void RowLock::Release() {
  if (!conn_) return;
  try {
    conn_->Execute("ROLLBACK");
  } catch (const sql::SQLException& e) {
    ADD_FAILURE() << "cannot release the lock: " << e.what();
  }
  conn_.reset();
}

}  // namespace crm::testing
