#include "bench/datagen/bulk_insert.h"

#include <cppconn/exception.h>
#include <cppconn/statement.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "storage/sql_error.h"

namespace crm::datagen {

BulkInsert::BulkInsert(absl::string_view table, absl::string_view columns, TableStats* stats, absl::string_view suffix)
    : header_(absl::StrCat("INSERT INTO ", table, " ", columns, " VALUES ")), suffix_(suffix), stats_(stats) {}

BulkInsert& BulkInsert::Begin() {
  if (pending_ == 0) {
    sql_ = header_;
  } else {
    sql_ += ',';
  }
  sql_ += '(';
  first_column_ = true;
  return *this;
}

void BulkInsert::Separator() {
  if (!first_column_) sql_ += ',';
  first_column_ = false;
}

BulkInsert& BulkInsert::Int(int64_t v) {
  Separator();
  absl::StrAppend(&sql_, v);
  return *this;
}

BulkInsert& BulkInsert::Real(double v) {
  Separator();
  absl::StrAppendFormat(&sql_, "%.10g", v);
  return *this;
}

BulkInsert& BulkInsert::Text(absl::string_view v) {
  Separator();
  sql_ += '\'';
  for (char c : v) {
    switch (c) {
      case '\'':
        sql_ += "\\'";
        break;
      case '\\':
        sql_ += "\\\\";
        break;
      case '\0':
        sql_ += "\\0";
        break;
      default:
        sql_ += c;
    }
  }
  sql_ += '\'';
  return *this;
}

BulkInsert& BulkInsert::Null() {
  Separator();
  sql_ += "NULL";
  return *this;
}

BulkInsert& BulkInsert::Date(absl::CivilDay d) {
  Separator();
  absl::StrAppendFormat(&sql_, "'%04d-%02d-%02d'", d.year(), d.month(), d.day());
  return *this;
}

BulkInsert& BulkInsert::Time(absl::Time t) {
  Separator();
  absl::CivilSecond s = absl::ToCivilSecond(t, absl::UTCTimeZone());
  int64_t micros = absl::ToInt64Microseconds(t - absl::FromCivil(s, absl::UTCTimeZone()));
  absl::StrAppendFormat(&sql_, "'%04d-%02d-%02d %02d:%02d:%02d.%06d'", s.year(), s.month(), s.day(), s.hour(),
                        s.minute(), s.second(), micros);
  return *this;
}

void BulkInsert::End() {
  sql_ += ')';
  ++pending_;
}

absl::Status BulkInsert::Flush(sql::Connection& conn) {
  if (pending_ == 0) return absl::OkStatus();
  sql_ += suffix_;
  absl::Time start = absl::Now();
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    st->execute(sql_);
  } catch (const sql::SQLException& e) {
    absl::Status status = StatusFromSqlError(e);
    return absl::Status(
        status.code(), absl::StrCat(header_.substr(0, header_.find('(')), "(", pending_, " rows): ", status.message()));
  }
  stats_->sql_time += absl::Now() - start;
  stats_->rows += static_cast<int64_t>(pending_);
  pending_ = 0;
  sql_.clear();
  return absl::OkStatus();
}

}  // namespace crm::datagen
