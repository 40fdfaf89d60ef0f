#include "clients/cli/transfer_flags.h"

#include <fstream>
#include <iostream>

#include "absl/strings/str_cat.h"

namespace crm::cli {

void ImportFileFlags::AddTo(CLI::App* cmd) {
  cmd->add_option("file", file, "the CSV file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--encoding", encoding, "auto, utf-8, gbk or gb18030")->capture_default_str();
}

void ExportFileFlags::AddTo(CLI::App* cmd) {
  cmd->add_option("file", file, "output file (default: standard output)");
  cmd->add_flag("--bom", bom, "start with a UTF-8 BOM, so that Excel detects the encoding");
}

absl::Status ExportFileFlags::Write(
    absl::string_view what, const std::function<absl::StatusOr<int>(std::ostream& out, bool bom)>& write) const {
  const bool to_stdout = file == "-";
  std::ofstream out_file;
  if (!to_stdout) {
    out_file.open(file, std::ios::binary | std::ios::trunc);
    if (!out_file) return absl::PermissionDeniedError(absl::StrCat("cannot write ", file));
  }
  auto written = write(to_stdout ? std::cout : out_file, bom);
  if (!written.ok()) return written.status();
  if (!to_stdout) std::cerr << *written << " " << what << " written to " << file << "\n";
  return absl::OkStatus();
}

}  // namespace crm::cli
