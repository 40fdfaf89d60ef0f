#ifndef CRM_BENCH_LOAD_NAME_PICKER_H_
#define CRM_BENCH_LOAD_NAME_PICKER_H_

#include <string>
#include <vector>

#include "absl/random/random.h"
#include "bench/load/workload_options.h"

namespace crm::load {

// Resource names picked uniformly at random: `collection/{id}` for an id of a
// range, or one of a list of names.
class NamePicker {
 public:
  NamePicker() = default;
  NamePicker(std::string collection, IdRange ids) : collection_(std::move(collection)), ids_(ids) {}
  explicit NamePicker(std::vector<std::string> names) : names_(std::move(names)) {}

  bool empty() const { return ids_.empty() && names_.empty(); }
  std::string Pick(absl::BitGen& rng) const;
  // For the report: "ids 1–1000000" or "1000 listed names".
  std::string Describe() const;

 private:
  std::string collection_;
  IdRange ids_;
  std::vector<std::string> names_;
};

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_NAME_PICKER_H_
