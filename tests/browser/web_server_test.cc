// crm-web's HTTP side on 127.0.0.1:0 against a fake dashboard backend, through
// cpp-httplib's client: login and sessions, the /api endpoints and their
// errors, the Origin check, the page's files and security headers.

#include "clients/web/web_server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "absl/synchronization/mutex.h"

namespace crm::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kGoodToken[] = "good-token-123";

// Answers as a server would for one valid token; the next answer can be made
// an error.
class FakeBackend : public DashboardBackend {
 public:
  void FailNextWith(absl::Status status) {
    absl::MutexLock lock(&mu_);
    next_error_ = std::move(status);
  }
  int calls() {
    absl::MutexLock lock(&mu_);
    return calls_;
  }
  std::string last_token() {
    absl::MutexLock lock(&mu_);
    return last_token_;
  }

  absl::StatusOr<v1::PipelineSummary> GetPipelineSummary(const std::string& token,
                                                         const v1::GetPipelineSummaryRequest& req) override {
    if (absl::Status s = Check(token); !s.ok()) return s;
    v1::PipelineSummary summary;
    summary.set_year(req.year() == 0 ? 2026 : req.year());
    summary.set_unit(req.unit());
    summary.set_open_project_count(7);
    return summary;
  }
  absl::StatusOr<v1::UnitScoreboard> GetUnitScoreboard(const std::string& token,
                                                       const v1::GetUnitScoreboardRequest& req) override {
    if (absl::Status s = Check(token); !s.ok()) return s;
    v1::UnitScoreboard board;
    board.set_year(req.year());
    board.add_units()->set_unit_display_name("招商一局");
    return board;
  }
  absl::StatusOr<v1::ListAlertsResponse> ListAlerts(const std::string& token,
                                                    const v1::ListAlertsRequest& req) override {
    if (absl::Status s = Check(token); !s.ok()) return s;
    v1::ListAlertsResponse response;
    response.add_alerts()->set_kind(req.kind());
    response.set_next_page_token(req.page_token() + "+");
    return response;
  }
  absl::StatusOr<v1::EnterprisePoolSummary> GetEnterprisePoolSummary(
      const std::string& token, const v1::GetEnterprisePoolSummaryRequest& req) override {
    if (absl::Status s = Check(token); !s.ok()) return s;
    v1::EnterprisePoolSummary pool;
    pool.set_year(req.year());
    return pool;
  }
  absl::StatusOr<v1::Trend> GetTrend(const std::string& token, const v1::GetTrendRequest& req) override {
    if (absl::Status s = Check(token); !s.ok()) return s;
    v1::Trend trend;
    trend.set_industry(req.industry());
    return trend;
  }

 private:
  absl::Status Check(const std::string& token) {
    absl::MutexLock lock(&mu_);
    ++calls_;
    last_token_ = token;
    if (!next_error_.ok()) return std::exchange(next_error_, absl::OkStatus());
    if (token != kGoodToken) return absl::UnauthenticatedError("unknown token");
    return absl::OkStatus();
  }

  absl::Mutex mu_;
  int calls_ ABSL_GUARDED_BY(mu_) = 0;
  std::string last_token_ ABSL_GUARDED_BY(mu_);
  absl::Status next_error_ ABSL_GUARDED_BY(mu_);
};

class WebServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(testing::TempDir()) / "crm-web-server-test";
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    Write("index.html", "<!doctype html><title>dashboard page</title>");
    Write("login.html", "<form method=post action=/login><!--message--></form>");
    Write("dashboard.js", "'use strict';");
    Write("dashboard.css", "body{}");
    Write("echarts.min.js", "var echarts;");
    auto assets = Assets::Load(dir_.string());
    ASSERT_TRUE(assets.ok()) << assets.status();
    server_ = std::make_unique<WebServer>(&backend_, &sessions_, *std::move(assets));
    auto port = server_->Bind({"127.0.0.1", 0});
    ASSERT_TRUE(port.ok()) << port.status();
    port_ = *port;
    serving_ = std::thread([this] { EXPECT_TRUE(server_->Serve().ok()); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }

  void TearDown() override {
    if (server_) server_->Stop();
    if (serving_.joinable()) serving_.join();
    std::filesystem::remove_all(dir_);
  }

  void Write(const std::string& name, const std::string& content) { std::ofstream(dir_ / name) << content; }

  std::string Origin() const { return "http://127.0.0.1:" + std::to_string(port_); }

  httplib::Result Login(const std::string& token, const std::string& origin = "") {
    httplib::Headers headers;
    if (!origin.empty()) headers.emplace("Origin", origin);
    return client_->Post("/login", headers, "token=" + token, "application/x-www-form-urlencoded");
  }

  // Logs in with the good token; the `crm_session=…` pair to send back.
  std::string LoggedInCookie() {
    auto res = Login(kGoodToken, Origin());
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 303);
    std::smatch m;
    std::string set_cookie = res->get_header_value("Set-Cookie");
    EXPECT_TRUE(std::regex_search(set_cookie, m, std::regex("^(crm_session=[0-9a-f]{64});"))) << set_cookie;
    return m.empty() ? "" : m[1].str();
  }

  httplib::Result Get(const std::string& path, const std::string& cookie) {
    httplib::Headers headers;
    if (!cookie.empty()) headers.emplace("Cookie", cookie);
    return client_->Get(path, headers);
  }

  std::filesystem::path dir_;
  FakeBackend backend_;
  SessionStore sessions_;
  std::unique_ptr<WebServer> server_;
  std::thread serving_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(WebServerTest, WithoutASessionTheRootIsTheLoginFormAndTheApiIs401) {
  auto page = Get("/", "");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_THAT(page->body, HasSubstr("action=/login"));
  EXPECT_THAT(page->body, Not(HasSubstr("login-error")));
  auto api = Get("/api/summary", "");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->status, 401);
  EXPECT_THAT(api->body, HasSubstr(R"("code":"UNAUTHENTICATED")"));
  EXPECT_THAT(api->get_header_value("Content-Type"), HasSubstr("application/json"));
  auto forged = Get("/api/summary", "crm_session=" + std::string(64, 'a'));
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 401);
  EXPECT_EQ(backend_.calls(), 0);
}

TEST_F(WebServerTest, WrongTokenShowsTheFormAgainWith401) {
  auto res = Login("wrong-token", Origin());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_THAT(res->body, HasSubstr(R"(data-testid="login-error")"));
  EXPECT_FALSE(res->has_header("Set-Cookie"));
  EXPECT_EQ(backend_.last_token(), "wrong-token");
  EXPECT_EQ(sessions_.size(), 0u);
}

TEST_F(WebServerTest, MalformedTokenIsRefusedWithoutACall) {
  auto res = Login("two%20words", Origin());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(backend_.calls(), 0);
}

TEST_F(WebServerTest, LoginSetsAnHttpOnlyStrictCookieThatHoldsNoToken) {
  auto res = Login(kGoodToken, Origin());
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(res->get_header_value("Location"), "/");
  std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_TRUE(std::regex_match(cookie, std::regex("crm_session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/")))
      << cookie;
  EXPECT_THAT(cookie, Not(HasSubstr(kGoodToken)));
  EXPECT_EQ(backend_.last_token(), kGoodToken);
}

TEST_F(WebServerTest, WithASessionTheRootIsThePage) {
  std::string cookie = LoggedInCookie();
  auto page = Get("/", cookie);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_THAT(page->body, HasSubstr("dashboard page"));
  EXPECT_THAT(page->body, Not(HasSubstr(kGoodToken)));
  EXPECT_EQ(page->get_header_value("Cache-Control"), "no-store");
}

TEST_F(WebServerTest, ApiCallsUseTheSessionsTokenAndAnswerJson) {
  std::string cookie = LoggedInCookie();
  auto res = Get("/api/summary?year=2025&unit=units%2F2", cookie);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_THAT(res->body, HasSubstr(R"("year":2025)"));
  EXPECT_THAT(res->body, HasSubstr(R"("unit":"units/2")"));
  EXPECT_THAT(res->body, HasSubstr(R"("open_project_count":"7")"));
  EXPECT_THAT(res->body, HasSubstr(R"("lost_count":"0")"));  // zeros are printed
  EXPECT_EQ(backend_.last_token(), kGoodToken);
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store");

  auto alerts = Get("/api/alerts?kind=OVERDUE_SERVICE_REQUEST&page_token=p1", cookie);
  ASSERT_TRUE(alerts);
  EXPECT_EQ(alerts->status, 200);
  EXPECT_THAT(alerts->body, HasSubstr(R"("kind":"ALERT_KIND_OVERDUE_SERVICE_REQUEST")"));
  EXPECT_THAT(alerts->body, HasSubstr(R"("next_page_token":"p1+")"));
  auto board = Get("/api/scoreboard?year=2024", cookie);
  ASSERT_TRUE(board);
  EXPECT_THAT(board->body, HasSubstr("招商一局"));
  auto pool = Get("/api/pool?year=2023", cookie);
  ASSERT_TRUE(pool);
  EXPECT_THAT(pool->body, HasSubstr(R"("year":2023)"));
  auto trend = Get("/api/trend?industry=I", cookie);
  ASSERT_TRUE(trend);
  EXPECT_THAT(trend->body, HasSubstr(R"("industry":"INDUSTRY_SECTION_I")"));
}

TEST_F(WebServerTest, BadParameterIs400NamingItWithoutACall) {
  std::string cookie = LoggedInCookie();
  int calls = backend_.calls();
  auto res = Get("/api/summary?year=abc", cookie);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_THAT(res->body, HasSubstr(R"("code":"INVALID_ARGUMENT")"));
  EXPECT_THAT(res->body, HasSubstr(R"("message":"year: )"));
  EXPECT_EQ(backend_.calls(), calls);
}

TEST_F(WebServerTest, ServiceErrorsBecomeHttpStatuses) {
  std::string cookie = LoggedInCookie();
  const std::pair<absl::Status, int> cases[] = {
      {absl::InvalidArgumentError("unit: no such unit"), 400},
      {absl::PermissionDeniedError("not yours"), 403},
      {absl::NotFoundError("units/9"), 404},
      {absl::UnavailableError("down"), 503},
      {absl::DeadlineExceededError("slow"), 503},
      {absl::InternalError("oops"), 500},
  };
  for (const auto& [status, http] : cases) {
    backend_.FailNextWith(status);
    auto res = Get("/api/trend", cookie);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, http) << status;
    EXPECT_THAT(res->body, HasSubstr(absl::StrCat(R"("code":")", absl::StatusCodeToString(status.code()), "\"")));
    EXPECT_THAT(res->body, HasSubstr(std::string(status.message())));
  }
  // None of those ended the session.
  auto after = Get("/api/trend", cookie);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST_F(WebServerTest, UnauthenticatedFromTheServiceEndsTheSession) {
  std::string cookie = LoggedInCookie();
  backend_.FailNextWith(absl::UnauthenticatedError("token revoked"));
  auto res = Get("/api/pool", cookie);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_THAT(res->get_header_value("Set-Cookie"), HasSubstr("Max-Age=0"));
  int calls = backend_.calls();
  auto again = Get("/api/pool", cookie);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 401);
  EXPECT_EQ(backend_.calls(), calls);
}

TEST_F(WebServerTest, LoginErrorsOtherThanABadToken) {
  backend_.FailNextWith(absl::PermissionDeniedError("no dashboard.read"));
  auto denied = Login(kGoodToken, Origin());
  ASSERT_TRUE(denied);
  EXPECT_EQ(denied->status, 403);
  EXPECT_THAT(denied->body, HasSubstr("login-error"));
  backend_.FailNextWith(absl::UnavailableError("down"));
  auto down = Login(kGoodToken, Origin());
  ASSERT_TRUE(down);
  EXPECT_EQ(down->status, 503);
  EXPECT_EQ(sessions_.size(), 0u);
}

TEST_F(WebServerTest, CrossOriginPostsAreRefused) {
  auto login = Login(kGoodToken, "http://evil.example");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 403);
  EXPECT_EQ(backend_.calls(), 0);
  EXPECT_EQ(sessions_.size(), 0u);

  std::string cookie = LoggedInCookie();
  httplib::Headers headers{{"Cookie", cookie}, {"Origin", "http://evil.example"}};
  auto logout = client_->Post("/logout", headers, "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(logout);
  EXPECT_EQ(logout->status, 403);
  EXPECT_EQ(Get("/api/summary", cookie)->status, 200);  // still logged in
}

TEST_F(WebServerTest, LoginWithoutOriginHeaderIsAllowed) {
  auto res = Login(kGoodToken);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
}

TEST_F(WebServerTest, GetLoginLeadsToTheForm) {
  auto res = Get("/login", "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(res->get_header_value("Location"), "/");
}

TEST_F(WebServerTest, LogoutEndsTheSession) {
  std::string cookie = LoggedInCookie();
  httplib::Headers headers{{"Cookie", cookie}, {"Origin", Origin()}};
  auto res = client_->Post("/logout", headers, "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  EXPECT_THAT(res->get_header_value("Set-Cookie"), HasSubstr("Max-Age=0"));
  EXPECT_EQ(Get("/api/summary", cookie)->status, 401);
  EXPECT_THAT(Get("/", cookie)->body, HasSubstr("action=/login"));
}

TEST_F(WebServerTest, AssetsHaveTheirTypesAndNoCache) {
  auto js = Get("/assets/dashboard.js", "");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "'use strict';");
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->get_header_value("Cache-Control"), "no-cache");
  EXPECT_EQ(Get("/assets/dashboard.css", "")->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(Get("/assets/missing.js", "")->status, 404);
  EXPECT_EQ(Get("/assets/..%2Findex.html", "")->status, 404);
}

TEST_F(WebServerTest, EveryAnswerCarriesTheSecurityHeaders) {
  for (const char* path : {"/", "/assets/dashboard.js", "/api/summary", "/nowhere"}) {
    auto res = Get(path, "");
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->get_header_value("Content-Security-Policy"), "default-src 'self'") << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
}

}  // namespace
}  // namespace crm::web
