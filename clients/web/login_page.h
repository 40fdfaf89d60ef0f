#ifndef CRM_CLIENTS_WEB_LOGIN_PAGE_H_
#define CRM_CLIENTS_WEB_LOGIN_PAGE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace crm::web {

// `text` safe to put in HTML text or a quoted attribute: & < > " ' escaped.
std::string HtmlEscape(absl::string_view text);

// The login page: `page_template` (login.html from the assets) with its
// `<!--message-->` marker replaced by `message` in an alert paragraph
// (escaped), or by nothing when `message` is empty.
std::string RenderLoginPage(absl::string_view page_template, absl::string_view message);

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_LOGIN_PAGE_H_
