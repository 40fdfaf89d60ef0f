#ifndef CRM_STORAGE_WHERE_CLAUSE_H_
#define CRM_STORAGE_WHERE_CLAUSE_H_

// A WHERE clause built together with its parameters: each condition is added
// with the values of its `?`, so the SQL and the binding cannot drift apart.
//
//   WhereClause where;
//   where.Add("delete_time IS NULL");
//   if (q.status) where.Add("status = ?", {int64_t{q.status}});
//   sql::PreparedStatement& ps = conn.Prepare(StrCat("SELECT … FROM leads", where.Sql(), " LIMIT ?"));
//   int next = where.Bind(ps);
//   ps.setInt(next, limit);

#include <cppconn/prepared_statement.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "base/visibility.h"

namespace crm {

class WhereClause {
 public:
  using Value = std::variant<int64_t, std::string>;

  // `condition` with one `?` for each of `values`, in order.
  void Add(std::string condition, std::vector<Value> values = {});

  // The records `visibility` admits; `column_of` is the store's column for a
  // facet (only the facets the visibility names are asked for).
  void AddVisibility(const Visibility& visibility, absl::FunctionRef<absl::string_view(Facet)> column_of);

  // `column` contains `text` literally (LIKE with `%`, `_` and the escape
  // character escaped).
  void AddContains(absl::string_view column, absl::string_view text);

  // Keyset paging: rows after (`key`, `id`) in the order `key_column`, `id_column`
  // (both descending when `descending`).
  void AddAfter(absl::string_view key_column, absl::string_view id_column, bool descending, Value key, int64_t id);

  // " WHERE a AND b", or "" when there is no condition.
  std::string Sql() const;

  // Binds the values from parameter 1; returns the next parameter's index.
  int Bind(sql::PreparedStatement& ps) const;

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> values_;
};

}  // namespace crm

#endif  // CRM_STORAGE_WHERE_CLAUSE_H_
