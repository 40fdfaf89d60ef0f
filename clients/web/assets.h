#ifndef CRM_CLIENTS_WEB_ASSETS_H_
#define CRM_CLIENTS_WEB_ASSETS_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace crm::web {

// One file the page is made of.
struct Asset {
  std::string content;
  std::string content_type;  // with `; charset=utf-8` for text
};

// The page's files (index.html, login.html, dashboard.js, dashboard.css,
// echarts.min.js), read once at start-up from the directory the build copied
// them to, so a missing file stops the server at once, not a viewer later.
class Assets {
 public:
  // Every file directly in `dir` whose extension has a content type
  // (.html .js .css .svg .png .ico .json); NOT_FOUND when `dir` cannot be read
  // or a required file is missing.
  static absl::StatusOr<Assets> Load(const std::string& dir);

  // The file called `name` (no directories), or nullptr.
  const Asset* Find(absl::string_view name) const;

 private:
  absl::flat_hash_map<std::string, Asset> files_;
};

// The content type of a file name by its extension; empty when unknown.
std::string ContentTypeFor(absl::string_view file_name);

// The `assets` directory beside the running executable (/proc/self/exe), where
// the build puts the page.
absl::StatusOr<std::string> DefaultAssetsDir();

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_ASSETS_H_
