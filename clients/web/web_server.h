#ifndef CRM_CLIENTS_WEB_WEB_SERVER_H_
#define CRM_CLIENTS_WEB_WEB_SERVER_H_

#include <atomic>
#include <memory>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "clients/web/assets.h"
#include "clients/web/dashboard_backend.h"
#include "clients/web/listen_address.h"
#include "clients/web/session_store.h"

namespace httplib {
class Server;
}

namespace crm::web {

struct WebContext;

// crm-web's HTTP side: the login form, the dashboard page and its files, and
// the JSON endpoints over the dashboard service.
//
//   GET  /                 the page with a session, else the login form
//   POST /login            token=…: checked with GetPipelineSummary; a session
//                          cookie and a redirect to /, or the form again (401)
//   GET  /login            redirects to /
//   POST /logout           ends the session
//   GET  /assets/NAME      the page's files (no session needed: no data in them)
//   GET  /api/summary      ?year=&unit=&industry=
//   GET  /api/scoreboard   ?year=&unit=
//   GET  /api/alerts       ?unit=&industry=&kind=&page_size=&page_token=
//   GET  /api/pool         ?year=&unit=&industry=
//   GET  /api/trend        ?year=&unit=&industry=
//
// The /api endpoints answer the service's response as JSON (see ToJson), or
// {"code", "message"} with the HTTP status of HttpStatusFor; without a session
// 401. A POST whose Origin is another site's is refused (403). Every answer
// carries a Content-Security-Policy of `default-src 'self'` and nosniff.
class WebServer {
 public:
  // `backend` and `sessions` must outlive the server.
  WebServer(DashboardBackend* backend, SessionStore* sessions, Assets assets);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  // Binds the listening socket; the port bound (the free one picked for port 0).
  absl::StatusOr<int> Bind(const ListenAddress& address);

  // Answers requests until Stop() (from another thread). After Bind. OK when
  // it ended because Stop() was called.
  absl::Status Serve();

  void Stop();

 private:
  std::unique_ptr<WebContext> context_;
  std::unique_ptr<httplib::Server> server_;
  // cpp-httplib 0.11's accept loop can report its own stop as a failure when
  // the listening socket is closed under it; a stop asked for is not one.
  std::atomic<bool> stopping_{false};
};

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_WEB_SERVER_H_
