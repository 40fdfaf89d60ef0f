// TLS and mTLS on the real server, with certificates made here by openssl:
// a client needs a certificate from the configured client CA, and a good one
// acts as the department account its common name names.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "clients/cpp/crm_client.h"
#include "tests/integration/test_server.h"

namespace crm {
namespace {

namespace fs = std::filesystem;

// Writes a CA, a server certificate for 127.0.0.1/localhost, a department's
// client certificate (CN stats-bureau) and one from an unrelated CA into `dir`.
bool MakeCertificates(const fs::path& dir) {
  std::string d = dir.string();
  std::string script = absl::StrCat(
      "set -e; cd '", d, "'\n",
      "q() { \"$@\" >/dev/null 2>&1; }\n",
      "q openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=zone-ca\n",
      "q openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 2 -subj /CN=other-ca\n",
      "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > server.ext\n",
      "q openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=localhost\n",
      "q openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile server.ext\n",
      "q openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj /CN=stats-bureau\n",
      "q openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 2\n",
      "q openssl req -newkey rsa:2048 -nodes -keyout rogue.key -out rogue.csr -subj /CN=stats-bureau\n",
      "q openssl x509 -req -in rogue.csr -CA other-ca.pem -CAkey other-ca.key -CAcreateserial -out rogue.pem -days 2\n");
  std::ofstream(dir / "make.sh") << script;
  return std::system(absl::StrCat("bash '", d, "/make.sh'").c_str()) == 0;
}

class TlsTest : public ::testing::Test {
 protected:
  static ServerConfig Config() {
    dir_ = fs::temp_directory_path() / absl::StrCat("crm_tls_test_", getpid());
    fs::create_directories(dir_);
    made_ = MakeCertificates(dir_);
    ServerConfig config;
    config.tls_cert_file = (dir_ / "server.pem").string();
    config.tls_key_file = (dir_ / "server.key").string();
    config.tls_client_ca_file = (dir_ / "ca.pem").string();
    return config;
  }

  void SetUp() override {
    ASSERT_TRUE(made_) << "openssl could not make the test certificates";
    ASSERT_TRUE(server_.ready());
    MutationContext ctx{"users/admin", "test-setup", "", absl::Now() + absl::Seconds(10)};
    v1::Unit unit;
    unit.set_display_name("统计局");
    ASSERT_TRUE(server_.principals().CreateUnit(ctx, "stats", unit).ok());
    v1::User account;
    account.set_display_name("统计局数据接口");
    account.set_unit("units/stats");
    account.set_role(v1::ROLE_DEPARTMENT_SERVICE);
    account.set_active(true);
    ASSERT_TRUE(server_.principals().CreateUser(ctx, "stats-bureau", account).ok());
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  // A ListLeads call over TLS with the given client certificate (none when empty) and token.
  absl::Status List(const std::string& cert, const std::string& token) {
    client::ClientOptions options;
    options.address = server_.address();
    options.ca_file = (dir_ / "ca.pem").string();
    if (!cert.empty()) {
      options.cert_file = (dir_ / (cert + ".pem")).string();
      options.key_file = (dir_ / (cert + ".key")).string();
    }
    options.token = token;
    options.deadline = absl::Seconds(5);
    options.max_attempts = 1;
    auto client = client::LeadsClient::Connect(options);
    if (!client.ok()) return client.status();
    return (*client)->ListLeads(v1::ListLeadsRequest()).status();
  }

  static fs::path dir_;
  static bool made_;
  testing::TestServer server_{100, Config()};
};
fs::path TlsTest::dir_;
bool TlsTest::made_ = false;

TEST_F(TlsTest, AClientWithoutACertificateOrWithAForeignOneCannotConnect) {
  EXPECT_EQ(List("", testing::kToken).code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(List("rogue", testing::kToken).code(), absl::StatusCode::kUnavailable);
}

TEST_F(TlsTest, ACertificateFromTheClientCaActsAsItsDepartmentAccount) {
  // The department may not list leads: refused as that account, not as a stranger.
  EXPECT_EQ(List("client", "").code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(server_.db().QueryOne("SELECT principal FROM audit_log WHERE outcome = 'PERMISSION_DENIED'"),
            "users/stats-bureau");
  // With a bearer token as well, the token says who calls.
  EXPECT_TRUE(List("client", testing::kToken).ok());
}

}  // namespace
}  // namespace crm
