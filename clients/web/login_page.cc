#include "clients/web/login_page.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace crm::web {

std::string HtmlEscape(absl::string_view text) {
  return absl::StrReplaceAll(
      text, {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});
}

std::string RenderLoginPage(absl::string_view page_template, absl::string_view message) {
  std::string paragraph;
  if (!message.empty()) {
    paragraph = absl::StrCat(R"(<p class="login-error" role="alert" data-testid="login-error">)",
                             HtmlEscape(message), "</p>");
  }
  return absl::StrReplaceAll(page_template, {{"<!--message-->", paragraph}});
}

}  // namespace crm::web
