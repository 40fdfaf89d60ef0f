#include "clients/web/assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace crm::web {
namespace {

constexpr absl::string_view kRequiredFiles[] = {"index.html", "login.html", "dashboard.js", "dashboard.css",
                                                "echarts.min.js"};

}  // namespace

std::string ContentTypeFor(absl::string_view file_name) {
  size_t dot = file_name.rfind('.');
  if (dot == absl::string_view::npos) return "";
  std::string ext = absl::AsciiStrToLower(file_name.substr(dot + 1));
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json") return "application/json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  return "";
}

absl::StatusOr<Assets> Assets::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  Assets assets;
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) return absl::NotFoundError(absl::StrCat("cannot read the assets directory ", dir, ": ", error.message()));
  for (const fs::directory_entry& entry : it) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().filename().string();
    std::string type = ContentTypeFor(name);
    if (type.empty()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", entry.path().string()));
    assets.files_[name] = Asset{content.str(), type};
  }
  for (absl::string_view name : kRequiredFiles) {
    if (assets.Find(name) == nullptr) {
      return absl::NotFoundError(absl::StrCat("no ", name, " in the assets directory ", dir,
                                              " (build the crm-web target, or pass --assets_dir)"));
    }
  }
  return assets;
}

const Asset* Assets::Find(absl::string_view name) const {
  auto it = files_.find(name);
  return it == files_.end() ? nullptr : &it->second;
}

absl::StatusOr<std::string> DefaultAssetsDir() {
  std::error_code error;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return absl::NotFoundError(absl::StrCat("cannot find the running executable: ", error.message()));
  return (exe.parent_path() / "assets").string();
}

}  // namespace crm::web
