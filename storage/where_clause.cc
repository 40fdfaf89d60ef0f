#include "storage/where_clause.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace crm {
namespace {

// The escape character of AddContains' LIKE patterns.
constexpr char kLikeEscape = '!';

std::string LikePattern(absl::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == kLikeEscape) pattern += kLikeEscape;
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace

void WhereClause::Add(std::string condition, std::vector<Value> values) {
  conditions_.push_back(std::move(condition));
  values_.insert(values_.end(), values.begin(), values.end());
}

void WhereClause::AddVisibility(const Visibility& visibility, absl::FunctionRef<absl::string_view(Facet)> column_of) {
  if (visibility.all()) return;
  if (visibility.none()) {
    Add("FALSE");
    return;
  }
  std::vector<std::string> any;
  for (const Visibility::Match& m : visibility.any_of()) {
    any.push_back(absl::StrCat(column_of(m.facet), " = ?"));
    values_.push_back(m.id);
  }
  conditions_.push_back(absl::StrCat("(", absl::StrJoin(any, " OR "), ")"));
}

void WhereClause::AddContains(absl::string_view column, absl::string_view text) {
  Add(absl::StrCat(column, " LIKE ? ESCAPE '", std::string(1, kLikeEscape), "'"), {LikePattern(text)});
}

void WhereClause::AddAfter(absl::string_view key_column, absl::string_view id_column, bool descending, Value key,
                           int64_t id) {
  const char* cmp = descending ? "<" : ">";
  Add(absl::StrCat("(", key_column, " ", cmp, " ? OR (", key_column, " = ? AND ", id_column, " ", cmp, " ?))"),
      {key, key, id});
}

std::string WhereClause::Sql() const {
  return conditions_.empty() ? "" : absl::StrCat(" WHERE ", absl::StrJoin(conditions_, " AND "));
}

int WhereClause::Bind(sql::PreparedStatement& ps) const {
  int i = 1;
  for (const Value& v : values_) {
    if (const int64_t* n = std::get_if<int64_t>(&v)) {
      ps.setInt64(i++, *n);
    } else {
      ps.setString(i++, std::get<std::string>(v));
    }
  }
  return i;
}

}  // namespace crm
