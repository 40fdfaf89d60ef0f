#ifndef CRM_CLIENTS_CLI_FIELD_FLAGS_H_
#define CRM_CLIENTS_CLI_FIELD_FLAGS_H_

#include <CLI/CLI.hpp>
#include <cstddef>
#include <deque>
#include <string>

namespace crm::cli {

// Flags that each set one field of a record (`--company 华为`), kept as the
// typed text so that the record's CSV reader can read them: a flag then
// accepts exactly what an import cell does. `Field` describes one flag: its
// `flag` ("--company") and `help`, and what the reader needs to know.
template <typename Field>
struct FieldFlagValues {
  struct Bound {
    CLI::Option* option;
    const Field* field;
    std::string value;
  };
  std::deque<Bound> bound;  // deque: stable addresses for CLI11's bindings

  // Adds `field`'s flag to `cmd`; `field` must outlive the flags.
  void Add(CLI::App* cmd, const Field& field) {
    bound.push_back({nullptr, &field, ""});
    bound.back().option = cmd->add_option(field.flag, bound.back().value, field.help);
  }

  template <size_t N>
  void AddAll(CLI::App* cmd, const Field (&fields)[N]) {
    for (const Field& field : fields) Add(cmd, field);
  }
};

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_FIELD_FLAGS_H_
