#include "base/visibility.h"

#include <utility>

namespace crm {

Visibility Visibility::AnyOf(std::vector<Match> matches) {
  std::vector<Match> kept;
  for (Match& m : matches) {
    if (!m.id.empty()) kept.push_back(std::move(m));
  }
  return Visibility(false, std::move(kept));
}

bool Visibility::Admits(absl::FunctionRef<std::string(Facet)> id_of) const {
  if (all_) return true;
  for (const Match& m : any_of_) {
    if (id_of(m.facet) == m.id) return true;
  }
  return false;
}

}  // namespace crm
