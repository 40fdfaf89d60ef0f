// The pure pieces of crm-web (clients/web): query parameters, status mapping,
// sessions, cookies, the Origin check, the login form and page, addresses.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "clients/web/assets.h"
#include "clients/web/cookies.h"
#include "clients/web/http_errors.h"
#include "clients/web/listen_address.h"
#include "clients/web/login_form.h"
#include "clients/web/login_page.h"
#include "clients/web/proto_json.h"
#include "clients/web/query_params.h"
#include "clients/web/same_origin.h"
#include "clients/web/session_store.h"

namespace crm::web {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

// --- query parameters ---------------------------------------------------------

TEST(QueryParamsTest, EmptyQueryKeepsEveryDefault) {
  auto req = ParseSummaryQuery({});
  ASSERT_TRUE(req.ok()) << req.status();
  EXPECT_EQ(req->year(), 0);
  EXPECT_EQ(req->unit(), "");
  EXPECT_EQ(req->industry(), v1::INDUSTRY_SECTION_UNSPECIFIED);
}

TEST(QueryParamsTest, EmptyValuesAreAbsent) {
  auto req = ParseSummaryQuery({{"year", ""}, {"unit", ""}, {"industry", ""}});
  ASSERT_TRUE(req.ok()) << req.status();
  EXPECT_EQ(req->year(), 0);
}

TEST(QueryParamsTest, SummaryTakesYearUnitAndIndustry) {
  auto req = ParseSummaryQuery({{"year", "2026"}, {"unit", "units/3"}, {"industry", "c"}});
  ASSERT_TRUE(req.ok()) << req.status();
  EXPECT_EQ(req->year(), 2026);
  EXPECT_EQ(req->unit(), "units/3");
  EXPECT_EQ(req->industry(), v1::INDUSTRY_SECTION_C);
  auto full = ParseTrendQuery({{"industry", "INDUSTRY_SECTION_I"}});
  ASSERT_TRUE(full.ok()) << full.status();
  EXPECT_EQ(full->industry(), v1::INDUSTRY_SECTION_I);
}

TEST(QueryParamsTest, BadYearNamesTheParameter) {
  for (const char* year : {"abc", "20x6", "-1", "+2026", " 2026", "0", "10000", "99999999999"}) {
    auto req = ParseSummaryQuery({{"year", year}});
    ASSERT_FALSE(req.ok()) << year;
    EXPECT_EQ(req.status().code(), absl::StatusCode::kInvalidArgument) << year;
    EXPECT_THAT(std::string(req.status().message()), MatchesRegex("^year: .*")) << year;
  }
  EXPECT_THAT(std::string(ParseSummaryQuery({{"year", "abc"}}).status().message()), HasSubstr("\"abc\""));
}

TEST(QueryParamsTest, YearBoundaries) {
  EXPECT_EQ(ParseScoreboardQuery({{"year", "1"}})->year(), 1);
  EXPECT_EQ(ParseScoreboardQuery({{"year", "9999"}})->year(), 9999);
  EXPECT_FALSE(ParsePoolQuery({{"year", "10000"}}).ok());
}

TEST(QueryParamsTest, RepeatedParameterIsRefused) {
  auto req = ParseSummaryQuery({{"year", "2025"}, {"year", "2026"}});
  ASSERT_FALSE(req.ok());
  EXPECT_EQ(std::string(req.status().message()), "year: given more than once");
}

TEST(QueryParamsTest, UnitMustBeAUnitName) {
  for (const char* unit : {"3", "units/", "leads/3", "units/3/x"}) {
    auto req = ParseSummaryQuery({{"unit", unit}});
    ASSERT_FALSE(req.ok()) << unit;
    EXPECT_THAT(std::string(req.status().message()), MatchesRegex("^unit: .*")) << unit;
  }
}

TEST(QueryParamsTest, IndustryMustBeASection) {
  for (const char* industry : {"Z", "UNSPECIFIED", "INDUSTRY_SECTION_UNSPECIFIED", "制造业"}) {
    auto req = ParseSummaryQuery({{"industry", industry}});
    ASSERT_FALSE(req.ok()) << industry;
    EXPECT_THAT(std::string(req.status().message()), MatchesRegex("^industry: .*")) << industry;
  }
}

TEST(QueryParamsTest, AlertsTakeKindAndPaging) {
  auto req = ParseAlertsQuery(
      {{"kind", "overdue_milestone"}, {"page_size", "20"}, {"page_token", "abc"}, {"unit", "units/1"}});
  ASSERT_TRUE(req.ok()) << req.status();
  EXPECT_EQ(req->kind(), v1::ALERT_KIND_OVERDUE_MILESTONE);
  EXPECT_EQ(req->page_size(), 20);
  EXPECT_EQ(req->page_token(), "abc");
  EXPECT_EQ(req->unit(), "units/1");
  EXPECT_EQ(ParseAlertsQuery({{"kind", "ALERT_KIND_STALLED_PROJECT"}})->kind(), v1::ALERT_KIND_STALLED_PROJECT);
}

TEST(QueryParamsTest, AlertsRefuseBadKindAndPageSize) {
  EXPECT_THAT(std::string(ParseAlertsQuery({{"kind", "LATE"}}).status().message()), MatchesRegex("^kind: .*"));
  EXPECT_THAT(std::string(ParseAlertsQuery({{"page_size", "0"}}).status().message()), MatchesRegex("^page_size: .*"));
  EXPECT_THAT(std::string(ParseAlertsQuery({{"page_size", "501"}}).status().message()),
              MatchesRegex("^page_size: .*"));
  EXPECT_TRUE(ParseAlertsQuery({{"page_size", "500"}}).ok());
  EXPECT_THAT(std::string(ParseAlertsQuery({{"page_token", std::string(1025, 'a')}}).status().message()),
              MatchesRegex("^page_token: .*"));
}

TEST(QueryParamsTest, UnknownParametersAreIgnored) {
  EXPECT_TRUE(ParseScoreboardQuery({{"industry", "not-a-section"}, {"_", "123"}}).ok());
}

TEST(QueryParamsTest, LongBadValueIsCutInTheMessage) {
  auto req = ParseSummaryQuery({{"year", std::string(500, '9')}});
  ASSERT_FALSE(req.ok());
  EXPECT_LT(req.status().message().size(), 120u);
}

// --- status mapping -------------------------------------------------------------

TEST(HttpErrorsTest, MapsGrpcCodesToHttpStatuses) {
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kOk), 200);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(absl::StatusCode::kDeadlineExceeded), 503);
  for (auto code : {absl::StatusCode::kInternal, absl::StatusCode::kUnknown, absl::StatusCode::kAborted,
                    absl::StatusCode::kResourceExhausted, absl::StatusCode::kFailedPrecondition,
                    absl::StatusCode::kUnimplemented, absl::StatusCode::kDataLoss}) {
    EXPECT_EQ(HttpStatusFor(code), 500) << absl::StatusCodeToString(code);
  }
}

TEST(HttpErrorsTest, ErrorJsonEscapesTheMessage) {
  std::string json = ErrorJson(absl::InvalidArgumentError("year: got \"a\\b\"\n<x>"));
  EXPECT_THAT(json, HasSubstr(R"("code":"INVALID_ARGUMENT")"));
  EXPECT_THAT(json, HasSubstr(R"("message":"year: got \"a\\b\"\n)"));
  EXPECT_THAT(json, ::testing::Not(HasSubstr("\n")));
}

TEST(HttpErrorsTest, ErrorJsonKeepsUtf8) {
  std::string json = ErrorJson(absl::PermissionDeniedError("无权查看"));
  EXPECT_THAT(json, HasSubstr("无权查看"));
  EXPECT_THAT(json, HasSubstr("PERMISSION_DENIED"));
}

// --- JSON of responses ------------------------------------------------------------

TEST(ProtoJsonTest, PrintsZerosEnumNamesAndProtoFieldNames) {
  v1::PipelineSummary summary;
  summary.set_year(2026);
  auto* stage = summary.add_stages();
  stage->set_stage(v1::PROJECT_STAGE_SIGNED);
  auto json = ToJson(summary);
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, HasSubstr(R"("open_project_count":"0")"));
  EXPECT_THAT(*json, HasSubstr(R"("stage":"PROJECT_STAGE_SIGNED")"));
  EXPECT_THAT(*json, HasSubstr(R"("industry":"INDUSTRY_SECTION_UNSPECIFIED")"));
  EXPECT_THAT(*json, HasSubstr(R"("lost_reasons":[])"));
}

// --- sessions ----------------------------------------------------------------------

TEST(SessionStoreTest, CreatesRandomHexIdsThatMapToTheToken) {
  SessionStore store;
  auto a = store.Create("token-a");
  auto b = store.Create("token-b");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_THAT(*a, MatchesRegex("^[0-9a-f]{64}$"));
  EXPECT_NE(*a, *b);
  EXPECT_EQ(store.TokenOf(*a), "token-a");
  EXPECT_EQ(store.TokenOf(*b), "token-b");
  EXPECT_EQ(store.TokenOf(std::string(64, '0')), std::nullopt);
}

TEST(SessionStoreTest, SessionsExpireAfterTheirLifetime) {
  absl::Time now = absl::FromUnixSeconds(1'800'000'000);
  SessionStore store(absl::Hours(12), [&now] { return now; });
  auto id = store.Create("t");
  ASSERT_TRUE(id.ok());
  now += absl::Hours(12) - absl::Seconds(1);
  EXPECT_EQ(store.TokenOf(*id), "t");
  now += absl::Seconds(1);
  EXPECT_EQ(store.TokenOf(*id), std::nullopt);
  EXPECT_EQ(store.size(), 0u);  // an expired session is forgotten when seen
}

TEST(SessionStoreTest, CreateSweepsExpiredSessions) {
  absl::Time now = absl::FromUnixSeconds(1'800'000'000);
  SessionStore store(absl::Minutes(10), [&now] { return now; });
  ASSERT_TRUE(store.Create("old-1").ok());
  ASSERT_TRUE(store.Create("old-2").ok());
  now += absl::Minutes(11);
  auto fresh = store.Create("new");
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(store.size(), 1u);
  EXPECT_EQ(store.TokenOf(*fresh), "new");
}

TEST(SessionStoreTest, RemoveEndsASession) {
  SessionStore store;
  auto id = store.Create("t");
  ASSERT_TRUE(id.ok());
  store.Remove(*id);
  store.Remove("unknown");
  EXPECT_EQ(store.TokenOf(*id), std::nullopt);
}

// --- cookies and origins ---------------------------------------------------------------

TEST(CookiesTest, FindsTheSessionAmongOtherCookies) {
  std::string id(64, 'a');
  EXPECT_EQ(SessionIdFromCookieHeader("crm_session=" + id), id);
  EXPECT_EQ(SessionIdFromCookieHeader("theme=dark; crm_session=" + id + "; x=1"), id);
  EXPECT_EQ(SessionIdFromCookieHeader("  crm_session = " + id + " "), id);
}

TEST(CookiesTest, IgnoresMalformedSessionIds) {
  EXPECT_EQ(SessionIdFromCookieHeader(""), std::nullopt);
  EXPECT_EQ(SessionIdFromCookieHeader("crm_session="), std::nullopt);
  EXPECT_EQ(SessionIdFromCookieHeader("crm_session=" + std::string(63, 'a')), std::nullopt);
  EXPECT_EQ(SessionIdFromCookieHeader("crm_session=" + std::string(64, 'A')), std::nullopt);
  EXPECT_EQ(SessionIdFromCookieHeader("crm_session=" + std::string(64, 'g')), std::nullopt);
  EXPECT_EQ(SessionIdFromCookieHeader("xcrm_session=" + std::string(64, 'a')), std::nullopt);
}

TEST(CookiesTest, SessionCookieIsHttpOnlyAndStrict) {
  EXPECT_EQ(SessionCookie("abc"), "crm_session=abc; HttpOnly; SameSite=Strict; Path=/");
  EXPECT_THAT(ClearedSessionCookie(), HasSubstr("Max-Age=0"));
  EXPECT_THAT(ClearedSessionCookie(), HasSubstr("crm_session=;"));
}

TEST(SameOriginTest, AllowsNoOriginAndTheSameHost) {
  EXPECT_TRUE(OriginAllowed(std::nullopt, "127.0.0.1:8080"));
  EXPECT_TRUE(OriginAllowed(std::nullopt, std::nullopt));
  EXPECT_TRUE(OriginAllowed("http://127.0.0.1:8080", "127.0.0.1:8080"));
  EXPECT_TRUE(OriginAllowed("https://Dash.Zone.example", "dash.zone.example"));
}

TEST(SameOriginTest, RefusesOtherOrigins) {
  EXPECT_FALSE(OriginAllowed("http://evil.example", "127.0.0.1:8080"));
  EXPECT_FALSE(OriginAllowed("http://127.0.0.1:8081", "127.0.0.1:8080"));
  EXPECT_FALSE(OriginAllowed("http://127.0.0.1", "127.0.0.1:8080"));
  EXPECT_FALSE(OriginAllowed("null", "127.0.0.1:8080"));
  EXPECT_FALSE(OriginAllowed("http://127.0.0.1:8080", std::nullopt));
  EXPECT_FALSE(OriginAllowed("http://127.0.0.1:8080", ""));
  EXPECT_FALSE(OriginAllowed("ftp://127.0.0.1:8080", "127.0.0.1:8080"));
}

// --- login --------------------------------------------------------------------------------

TEST(LoginFormTest, TrimsTheToken) {
  EXPECT_EQ(*TokenFromForm({{"token", "  abc-DEF_123\n"}}), "abc-DEF_123");
}

TEST(LoginFormTest, RefusesWhatCannotBeAToken) {
  EXPECT_FALSE(TokenFromForm({}).ok());
  EXPECT_FALSE(TokenFromForm({{"token", "   "}}).ok());
  EXPECT_FALSE(TokenFromForm({{"token", "two words"}}).ok());
  EXPECT_FALSE(TokenFromForm({{"token", "line\nbreak"}}).ok());
  EXPECT_FALSE(TokenFromForm({{"token", "令牌"}}).ok());
  EXPECT_FALSE(TokenFromForm({{"token", std::string(513, 'a')}}).ok());
  EXPECT_TRUE(TokenFromForm({{"token", std::string(512, 'a')}}).ok());
}

TEST(LoginPageTest, EscapesTheMessageIntoTheMarker) {
  std::string page = RenderLoginPage("<form><!--message--></form>", "bad <token> & \"x\"");
  EXPECT_EQ(page,
            "<form><p class=\"login-error\" role=\"alert\" data-testid=\"login-error\">"
            "bad &lt;token&gt; &amp; &quot;x&quot;</p></form>");
  EXPECT_EQ(RenderLoginPage("<form><!--message--></form>", ""), "<form></form>");
  EXPECT_EQ(HtmlEscape("it's"), "it&#39;s");
}

// --- addresses and assets --------------------------------------------------------------------

TEST(ListenAddressTest, ParsesHostAndPort) {
  auto a = ParseListenAddress("127.0.0.1:8080");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8080);
  EXPECT_EQ(ParseListenAddress("0.0.0.0:0")->port, 0);
  EXPECT_EQ(ParseListenAddress("[::1]:9000")->host, "::1");
  EXPECT_EQ(ParseListenAddress("localhost:65535")->port, 65535);
}

TEST(ListenAddressTest, RefusesBadAddresses) {
  for (const char* text : {"8080", ":8080", "127.0.0.1:", "127.0.0.1:x", "127.0.0.1:65536", "127.0.0.1:-1",
                           "::1:8080", "[]:80"}) {
    EXPECT_FALSE(ParseListenAddress(text).ok()) << text;
  }
}

TEST(AssetsTest, ContentTypesByExtension) {
  EXPECT_EQ(ContentTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("echarts.min.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("dashboard.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("favicon.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("notes.txt"), "");
  EXPECT_EQ(ContentTypeFor("Makefile"), "");
}

TEST(AssetsTest, LoadNeedsEveryPageFile) {
  std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "crm-web-assets-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  EXPECT_EQ(Assets::Load(dir.string()).status().code(), absl::StatusCode::kNotFound);
  for (const char* name : {"index.html", "login.html", "dashboard.js", "dashboard.css", "echarts.min.js",
                           "notes.txt"}) {
    std::ofstream(dir / name) << "content of " << name;
  }
  auto assets = Assets::Load(dir.string());
  ASSERT_TRUE(assets.ok()) << assets.status();
  ASSERT_NE(assets->Find("dashboard.js"), nullptr);
  EXPECT_EQ(assets->Find("dashboard.js")->content, "content of dashboard.js");
  EXPECT_EQ(assets->Find("dashboard.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(assets->Find("notes.txt"), nullptr);
  EXPECT_EQ(assets->Find("../dashboard.js"), nullptr);
  EXPECT_EQ(Assets::Load((dir / "missing").string()).status().code(), absl::StatusCode::kNotFound);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace crm::web
