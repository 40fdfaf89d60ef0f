// crm-web: the leadership dashboard page, served over HTTP and backed by
// crm.v1.DashboardService with each viewer's own token. Flags and wiring only.

#include <fstream>
#include <iostream>
#include <string>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "base/json_log.h"
#include "base/shutdown_signals.h"
#include "clients/cpp/crm_client.h"
#include "clients/web/assets.h"
#include "clients/web/dashboard_backend.h"
#include "clients/web/listen_address.h"
#include "clients/web/session_store.h"
#include "clients/web/web_server.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:8080", "HTTP address to serve the page on (port 0: any free port)");
ABSL_FLAG(std::string, port_file, "", "if set, write the port the page is served on to this file");
ABSL_FLAG(std::string, crm_address, "127.0.0.1:50051", "crm-server (DashboardService) gRPC address");
ABSL_FLAG(bool, tls, false, "call crm-server over TLS with the system's CAs");
ABSL_FLAG(std::string, ca_file, "", "PEM CA file: call crm-server over TLS and trust this CA");
ABSL_FLAG(std::string, cert_file, "", "PEM client certificate for mTLS (with --key_file)");
ABSL_FLAG(std::string, key_file, "", "PEM client private key for mTLS");
ABSL_FLAG(std::string, assets_dir, "", "the page's files (default: the assets directory beside this executable)");

namespace {

int Fail(const std::string& message) {
  std::cerr << "crm-web: " << message << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  crm::BlockShutdownSignals();  // before any thread starts: only the wait below receives them
  absl::SetProgramUsageMessage("crm-web: the leadership dashboard page over crm.v1.DashboardService");
  absl::ParseCommandLine(argc, argv);

  auto address = crm::web::ParseListenAddress(absl::GetFlag(FLAGS_listen));
  if (!address.ok()) return Fail(std::string(address.status().message()));
  std::string assets_dir = absl::GetFlag(FLAGS_assets_dir);
  if (assets_dir.empty()) {
    auto found = crm::web::DefaultAssetsDir();
    if (!found.ok()) return Fail(std::string(found.status().message()));
    assets_dir = *found;
  }
  auto assets = crm::web::Assets::Load(assets_dir);
  if (!assets.ok()) return Fail(std::string(assets.status().message()));

  crm::client::ClientOptions options;
  options.address = absl::GetFlag(FLAGS_crm_address);
  options.tls = absl::GetFlag(FLAGS_tls);
  options.ca_file = absl::GetFlag(FLAGS_ca_file);
  options.cert_file = absl::GetFlag(FLAGS_cert_file);
  options.key_file = absl::GetFlag(FLAGS_key_file);
  options.deadline = absl::Seconds(5);
  auto channel = crm::client::MakeChannel(options);
  if (!channel.ok()) return Fail(std::string(channel.status().message()));
  auto backend = crm::web::NewGrpcDashboardBackend(*channel, options);
  crm::web::SessionStore sessions;

  crm::web::WebServer server(backend.get(), &sessions, *std::move(assets));
  auto port = server.Bind(*address);
  if (!port.ok()) return Fail(std::string(port.status().message()));
  if (!absl::GetFlag(FLAGS_port_file).empty()) {
    std::ofstream(absl::GetFlag(FLAGS_port_file)) << *port << "\n";
  }
  crm::LogJson("serving", {{"address", absl::GetFlag(FLAGS_listen)},
                           {"port", static_cast<long long>(*port)},
                           {"crm_address", options.address}});

  absl::Status served;
  std::thread serving([&] { served = server.Serve(); });
  std::thread stopping([&] {
    crm::LogJson("stopping", {{"signal", static_cast<long long>(crm::WaitForShutdownSignal())}});
    server.Stop();
  });
  serving.join();
  if (!served.ok()) {
    // The server stopped on its own: nothing will send the signal the other
    // thread waits for, so leave without joining it.
    stopping.detach();
    return Fail(std::string(served.message()));
  }
  stopping.join();
  crm::LogJson("stopped", {});
  return 0;
}
