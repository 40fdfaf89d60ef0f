#include "clients/cli/cli_config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace crm::cli {
namespace {

std::string ConfigDir() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg && *xdg) return absl::StrCat(xdg, "/crm");
  const char* home = std::getenv("HOME");
  return absl::StrCat(home ? home : ".", "/.config/crm");
}

absl::Status MakeDirs(const std::string& path) {
  std::string partial;
  for (absl::string_view part : absl::StrSplit(path, '/')) {
    partial += std::string(part) + "/";
    if (part.empty()) continue;
    if (mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
      return absl::PermissionDeniedError(absl::StrCat("cannot create ", partial, ": ", std::strerror(errno)));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string ConfigPath() { return ConfigDir() + "/config"; }

absl::StatusOr<client::ClientOptions> LoadClientOptions() {
  client::ClientOptions options;
  std::ifstream in(ConfigPath());
  std::string line;
  while (std::getline(in, line)) {
    absl::string_view l = absl::StripAsciiWhitespace(line);
    if (l.empty() || l[0] == '#') continue;
    std::pair<std::string, std::string> kv = absl::StrSplit(l, absl::MaxSplits('=', 1));
    if (kv.first == "addr") options.address = kv.second;
    else if (kv.first == "token") options.token = kv.second;
    else if (kv.first == "ca_file") options.ca_file = kv.second;
    else if (kv.first == "cert_file") options.cert_file = kv.second;
    else if (kv.first == "key_file") options.key_file = kv.second;
    else if (kv.first == "tls") options.tls = kv.second == "true";
  }
  if (const char* addr = std::getenv("CRM_ADDR"); addr && *addr) options.address = addr;
  if (const char* token = std::getenv("CRM_TOKEN"); token && *token) options.token = token;
  return options;
}

absl::Status SaveClientOptions(const client::ClientOptions& options) {
  if (absl::Status s = MakeDirs(ConfigDir()); !s.ok()) return s;
  std::string path = ConfigPath();
  std::string tmp = path + ".tmp";
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return absl::PermissionDeniedError(absl::StrCat("cannot write ", tmp, ": ", std::strerror(errno)));
  fchmod(fd, 0600);  // also when the file existed with wider permissions
  std::string text = absl::StrCat("# written by `crm login`; keep private (mode 0600)\n", "addr=", options.address,
                                  "\n", "token=", options.token, "\n", "tls=", options.tls ? "true" : "false", "\n");
  if (!options.ca_file.empty()) absl::StrAppend(&text, "ca_file=", options.ca_file, "\n");
  if (!options.cert_file.empty()) absl::StrAppend(&text, "cert_file=", options.cert_file, "\n");
  if (!options.key_file.empty()) absl::StrAppend(&text, "key_file=", options.key_file, "\n");
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = fsync(fd) == 0 && ok;
  close(fd);
  if (!ok || rename(tmp.c_str(), path.c_str()) != 0) {
    unlink(tmp.c_str());
    return absl::InternalError(absl::StrCat("cannot write ", path, ": ", std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace crm::cli
