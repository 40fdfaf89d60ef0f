#ifndef CRM_BASE_VISIBILITY_H_
#define CRM_BASE_VISIBILITY_H_

// Who may see the records of one kind, as data. Each entity's rule is written
// once, as a function from the caller to a Visibility (LeadVisibility,
// ProjectVisibility, ServiceRequestVisibility); the in-memory check (CanSee*)
// evaluates it against a record, and the store turns the same value into its
// SQL scope (storage/where_clause.h), so a Get and a List cannot disagree.

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"

namespace crm {

// What a record can be matched on: a person's or a unit's id in one of its
// roles. The rules name facets; each store knows its column for each.
enum class Facet { kUnit, kOwner, kServiceSecretary, kFirstResponderUnit, kHandlingUnit };

class Visibility {
 public:
  // One facet equal to one id (`alice`, `zsj-1`: the `{id}` of the name).
  struct Match {
    Facet facet;
    std::string id;
  };

  static Visibility All() { return Visibility(true, {}); }
  static Visibility None() { return Visibility(false, {}); }
  // The records where any of `matches` holds. A match with an empty id is
  // dropped: an empty id names nobody, so it must not match the records whose
  // facet is empty (a lead without an owner).
  static Visibility AnyOf(std::vector<Match> matches);

  bool all() const { return all_; }
  // Nothing at all: neither all nor any match.
  bool none() const { return !all_ && any_of_.empty(); }
  const std::vector<Match>& any_of() const { return any_of_; }

  // Whether a record is visible; `id_of(facet)` is the record's id in that
  // facet ("" when it has none).
  bool Admits(absl::FunctionRef<std::string(Facet)> id_of) const;

 private:
  Visibility(bool all, std::vector<Match> any_of) : all_(all), any_of_(std::move(any_of)) {}

  bool all_;
  std::vector<Match> any_of_;
};

}  // namespace crm

#endif  // CRM_BASE_VISIBILITY_H_
