#include "bench/datagen/rollup_refill.h"

#include <cppconn/exception.h>
#include <cppconn/statement.h>

#include <memory>

#include "storage/sql_error.h"

namespace crm::datagen {

absl::Status RefillRollups(sql::Connection& conn) {
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    // One transaction: readers see the old figures or the new ones, never
    // empty tables.
    st->execute("DELETE FROM pipeline_stage_rollup");
    st->execute("INSERT INTO pipeline_stage_rollup SELECT * FROM pipeline_stage_recount");
    st->execute("DELETE FROM pipeline_month_rollup");
    st->execute("INSERT INTO pipeline_month_rollup SELECT * FROM pipeline_month_recount");
    conn.commit();
    return absl::OkStatus();
  } catch (const sql::SQLException& e) {
    absl::Status status = StatusFromSqlError(e);
    try {
      conn.rollback();
    } catch (const sql::SQLException&) {
    }
    return status;
  }
}

}  // namespace crm::datagen
