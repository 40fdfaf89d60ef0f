#include "bench/load/name_picker.h"

#include "absl/strings/str_cat.h"

namespace crm::load {

std::string NamePicker::Pick(absl::BitGen& rng) const {
  if (!ids_.empty())
    return absl::StrCat(collection_, "/", absl::Uniform<int64_t>(absl::IntervalClosed, rng, ids_.first, ids_.last));
  return names_[absl::Uniform<size_t>(rng, 0, names_.size())];
}

std::string NamePicker::Describe() const {
  if (!ids_.empty()) return absl::StrCat(collection_, " ids ", ids_.first, "-", ids_.last, " uniformly");
  return absl::StrCat(names_.size(), " names from a list call, uniformly");
}

}  // namespace crm::load
