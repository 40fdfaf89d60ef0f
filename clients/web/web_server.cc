#include "clients/web/web_server.h"

#include <httplib.h>

#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/json_log.h"
#include "clients/web/cookies.h"
#include "clients/web/http_errors.h"
#include "clients/web/login_form.h"
#include "clients/web/login_page.h"
#include "clients/web/proto_json.h"
#include "clients/web/query_params.h"
#include "clients/web/same_origin.h"

namespace crm::web {

// What the handlers share.
struct WebContext {
  DashboardBackend* backend;
  SessionStore* sessions;
  Assets assets;
};

namespace {

constexpr char kJson[] = "application/json; charset=utf-8";
constexpr char kText[] = "text/plain; charset=utf-8";
constexpr size_t kMaxRequestBodyBytes = 64 * 1024;

// What the login form says after a failed attempt, by what went wrong.
struct LoginFailure {
  int http_status;
  const char* message;
};

LoginFailure LoginFailureFor(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kUnauthenticated:
      return {401, "令牌无效或已被撤销。The token was not accepted."};
    case absl::StatusCode::kPermissionDenied:
      return {403, "该账号无权查看驾驶舱。This account may not view the dashboard."};
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kDeadlineExceeded:
      return {503, "暂时连不上 CRM 服务，请稍后再试。The CRM server cannot be reached; try again shortly."};
    default:
      return {500, "登录失败，请联系管理员。Login failed; ask the administrator."};
  }
}

std::optional<absl::string_view> Header(const httplib::Request& req, const char* name) {
  if (!req.has_header(name)) return std::nullopt;
  // A view into the request's own header map (get_header_value returns a copy).
  auto it = req.headers.find(name);
  return absl::string_view(it->second);
}

// The viewer's session id, when the request carries a well-formed one.
std::optional<std::string> SessionIdOf(const httplib::Request& req) {
  if (!req.has_header("Cookie")) return std::nullopt;
  return SessionIdFromCookieHeader(req.get_header_value("Cookie"));
}

void NoStore(httplib::Response& res) { res.set_header("Cache-Control", "no-store"); }

void SendJsonError(httplib::Response& res, const absl::Status& status) {
  res.status = HttpStatusFor(status.code());
  NoStore(res);
  res.set_content(ErrorJson(status), kJson);
}

void SendLoginPage(const WebContext& ctx, httplib::Response& res, int status, absl::string_view message) {
  res.status = status;
  NoStore(res);
  res.set_content(RenderLoginPage(ctx.assets.Find("login.html")->content, message), "text/html; charset=utf-8");
}

bool RefuseCrossOrigin(const httplib::Request& req, httplib::Response& res) {
  if (OriginAllowed(Header(req, "Origin"), Header(req, "Host"))) return false;
  res.status = 403;
  res.set_content("cross-origin request refused\n", kText);
  return true;
}

void HandleRoot(WebContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::string> id = SessionIdOf(req);
  if (!id || !ctx.sessions->TokenOf(*id)) return SendLoginPage(ctx, res, 200, "");
  NoStore(res);
  res.set_content(ctx.assets.Find("index.html")->content, "text/html; charset=utf-8");
}

void HandleLogin(WebContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (RefuseCrossOrigin(req, res)) return;
  absl::StatusOr<std::string> token = TokenFromForm(req.params);
  if (!token.ok()) {
    LoginFailure failure = LoginFailureFor(absl::StatusCode::kUnauthenticated);
    return SendLoginPage(ctx, res, failure.http_status, failure.message);
  }
  // The page's first call anyway: it proves the token and the viewer's right
  // to read the dashboard at once.
  absl::StatusOr<v1::PipelineSummary> probe = ctx.backend->GetPipelineSummary(*token, {});
  if (!probe.ok()) {
    LogJson("login_failed", {{"code", absl::StatusCodeToString(probe.status().code())}});
    LoginFailure failure = LoginFailureFor(probe.status().code());
    return SendLoginPage(ctx, res, failure.http_status, failure.message);
  }
  absl::StatusOr<std::string> session = ctx.sessions->Create(*token);
  if (!session.ok()) {
    LoginFailure failure = LoginFailureFor(session.status().code());
    return SendLoginPage(ctx, res, failure.http_status, failure.message);
  }
  // A fresh id at every login, and any session the browser had is ended.
  if (std::optional<std::string> old = SessionIdOf(req)) ctx.sessions->Remove(*old);
  res.set_header("Set-Cookie", SessionCookie(*session));
  NoStore(res);
  res.set_redirect("/", 303);
}

void HandleLogout(WebContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (RefuseCrossOrigin(req, res)) return;
  if (std::optional<std::string> id = SessionIdOf(req)) ctx.sessions->Remove(*id);
  res.set_header("Set-Cookie", ClearedSessionCookie());
  NoStore(res);
  res.set_redirect("/", 303);
}

void HandleAsset(WebContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const Asset* asset = ctx.assets.Find(req.matches[1].str());
  if (asset == nullptr) {
    res.status = 404;
    res.set_content("not found\n", kText);
    return;
  }
  res.set_header("Cache-Control", "no-cache");
  res.set_content(asset->content, asset->content_type);
}

// One /api endpoint: the session's token, the query parsed into the request,
// the call, and its answer or error as JSON.
template <typename Req, typename Resp>
httplib::Server::Handler ApiHandler(WebContext& ctx, absl::StatusOr<Req> (*parse)(const QueryParams&),
                                    absl::StatusOr<Resp> (DashboardBackend::*call)(const std::string&, const Req&)) {
  return [&ctx, parse, call](const httplib::Request& req, httplib::Response& res) {
    std::optional<std::string> id = SessionIdOf(req);
    std::optional<std::string> token = id ? ctx.sessions->TokenOf(*id) : std::nullopt;
    if (!token) return SendJsonError(res, absl::UnauthenticatedError("not logged in"));
    absl::StatusOr<Req> request = parse(req.params);
    if (!request.ok()) return SendJsonError(res, request.status());
    absl::StatusOr<Resp> response = (ctx.backend->*call)(*token, *request);
    if (!response.ok()) {
      if (response.status().code() == absl::StatusCode::kUnauthenticated) {
        // The token was revoked or has expired on the server: so has the session.
        ctx.sessions->Remove(*id);
        res.set_header("Set-Cookie", ClearedSessionCookie());
      }
      return SendJsonError(res, response.status());
    }
    absl::StatusOr<std::string> json = ToJson(*response);
    if (!json.ok()) return SendJsonError(res, json.status());
    NoStore(res);
    res.set_content(*json, kJson);
  };
}

}  // namespace

WebServer::WebServer(DashboardBackend* backend, SessionStore* sessions, Assets assets)
    : context_(std::make_unique<WebContext>(WebContext{backend, sessions, std::move(assets)})),
      server_(std::make_unique<httplib::Server>()) {
  WebContext& ctx = *context_;
  server_->set_default_headers({{"Content-Security-Policy", "default-src 'self'"},
                                {"X-Content-Type-Options", "nosniff"},
                                {"X-Frame-Options", "DENY"},
                                {"Referrer-Policy", "same-origin"}});
  server_->set_payload_max_length(kMaxRequestBodyBytes);
  server_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content("internal error\n", kText);
  });
  server_->set_logger([](const httplib::Request& req, const httplib::Response& res) {
    LogJson("http", {{"method", req.method}, {"path", req.path}, {"status", static_cast<long long>(res.status)}});
  });

  server_->Get("/", [&ctx](const httplib::Request& req, httplib::Response& res) { HandleRoot(ctx, req, res); });
  server_->Post("/login", [&ctx](const httplib::Request& req, httplib::Response& res) { HandleLogin(ctx, req, res); });
  // Where a reload after a failed login lands: the form is at /.
  server_->Get("/login", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/", 303); });
  server_->Post("/logout",
                [&ctx](const httplib::Request& req, httplib::Response& res) { HandleLogout(ctx, req, res); });
  server_->Get(R"(/assets/([A-Za-z0-9_.-]+))",
               [&ctx](const httplib::Request& req, httplib::Response& res) { HandleAsset(ctx, req, res); });
  server_->Get("/api/summary", ApiHandler(ctx, &ParseSummaryQuery, &DashboardBackend::GetPipelineSummary));
  server_->Get("/api/scoreboard", ApiHandler(ctx, &ParseScoreboardQuery, &DashboardBackend::GetUnitScoreboard));
  server_->Get("/api/alerts", ApiHandler(ctx, &ParseAlertsQuery, &DashboardBackend::ListAlerts));
  server_->Get("/api/pool", ApiHandler(ctx, &ParsePoolQuery, &DashboardBackend::GetEnterprisePoolSummary));
  server_->Get("/api/trend", ApiHandler(ctx, &ParseTrendQuery, &DashboardBackend::GetTrend));
}

WebServer::~WebServer() = default;

absl::StatusOr<int> WebServer::Bind(const ListenAddress& address) {
  int port = address.port;
  bool bound = port == 0 ? (port = server_->bind_to_any_port(address.host)) > 0
                         : server_->bind_to_port(address.host, port);
  if (!bound) return absl::UnavailableError(absl::StrCat("cannot listen on ", address.host, ":", address.port));
  return port;
}

absl::Status WebServer::Serve() {
  if (!server_->listen_after_bind() && !stopping_.load()) {
    return absl::InternalError("the HTTP server stopped with an error");
  }
  return absl::OkStatus();
}

void WebServer::Stop() {
  stopping_ = true;
  server_->stop();
}

}  // namespace crm::web
