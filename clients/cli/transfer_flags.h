#ifndef CRM_CLIENTS_CLI_TRANSFER_FLAGS_H_
#define CRM_CLIENTS_CLI_TRANSFER_FLAGS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/cli/text_encoding.h"

namespace crm::cli {

// The file arguments that every `crm import …` and `crm export …` command
// takes, whatever it imports or exports.

// `crm import X FILE [--encoding E]`.
struct ImportFileFlags {
  std::string file;
  std::string encoding = "auto";

  void AddTo(CLI::App* cmd);
  // INVALID_ARGUMENT naming the choices for an unknown --encoding.
  absl::StatusOr<Encoding> ParsedEncoding() const { return ParseEncodingName(encoding); }
};

// `crm export X [FILE] [--bom]`.
struct ExportFileFlags {
  std::string file = "-";  // standard output
  bool bom = false;

  void AddTo(CLI::App* cmd);
  // Runs `write(out, bom)`, returning how many records it wrote, on the file
  // (replaced) or standard output; for a file, then says on standard error how
  // many `what` were written to it. PERMISSION_DENIED when the file cannot be
  // opened; `write`'s error as it is.
  absl::Status Write(absl::string_view what,
                     const std::function<absl::StatusOr<int>(std::ostream& out, bool bom)>& write) const;
};

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_TRANSFER_FLAGS_H_
