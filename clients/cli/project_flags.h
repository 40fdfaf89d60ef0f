#ifndef CRM_CLIENTS_CLI_PROJECT_FLAGS_H_
#define CRM_CLIENTS_CLI_PROJECT_FLAGS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/field_flags.h"
#include "crm/v1/projects_service.pb.h"
#include "google/protobuf/field_mask.pb.h"

namespace crm::cli {

// `status` with its message prefixed by `flag`, e.g. "--form: …".
absl::Status Flagged(absl::string_view flag, const absl::Status& status);

// When `text` is not empty: `set(*parse(text))`; INVALID_ARGUMENT naming
// `flag` when `parse` (returning a StatusOr) refuses it.
template <typename Parse, typename Set>
absl::Status ParseFlag(absl::string_view flag, const std::string& text, Parse parse, Set set) {
  if (text.empty()) return absl::OkStatus();
  auto value = parse(text);
  if (!value.ok()) return Flagged(flag, value.status());
  set(*value);
  return absl::OkStatus();
}

// Whether the flag `opt` was given (false when it is null); when it was, adds
// `path` to `mask` (when not null). For flags that each set one field.
bool Given(const CLI::Option* opt, const char* path, google::protobuf::FieldMask* mask);

// One writable field of a project as a flag: `set` reads the typed text
// into the project; `path` is its update-mask path.
struct ProjectField {
  const char* flag;
  const char* path;
  const char* help;
  absl::Status (*set)(absl::string_view text, v1::Project& project);
};

// The writable fields of a project as flags (--name, --investor,
// --investor-name, --investor-uscc, --industry, --form, --planned,
// --contracted, --land, --unit, --owner, --secretary): enums in Chinese or
// English, amounts as 25亿 or 5000万, names as `7` or `enterprises/7`.
struct ProjectFieldFlags : FieldFlagValues<ProjectField> {
  void AddTo(CLI::App* cmd);
  // Sets the given fields of `p`, and their paths in `mask` when not null;
  // INVALID_ARGUMENT naming the flag when one cannot be read.
  absl::Status Fill(v1::Project& p, google::protobuf::FieldMask* mask) const;
};

// The filters of `projects list`.
struct ProjectListFlags {
  std::string stage, tier, unit, owner, industry, investor, lead, order;
  int signed_year = 0;
  bool stalled = false;
  int limit = 0;

  void AddTo(CLI::App* cmd);
  absl::StatusOr<v1::ListProjectsRequest> Request() const;
};

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_PROJECT_FLAGS_H_
