#include "services/common/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>

#include <fstream>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "base/json_log.h"

namespace crm {

namespace {

absl::StatusOr<std::string> ReadPem(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InvalidArgumentError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> Credentials(const ServerConfig& config) {
  if (config.tls_cert_file.empty() != config.tls_key_file.empty()) {
    return absl::InvalidArgumentError("TLS needs both a certificate and a key file");
  }
  if (config.tls_cert_file.empty()) {
    if (!config.tls_client_ca_file.empty()) return absl::InvalidArgumentError("mTLS needs TLS: give a certificate and key");
    bool loopback = absl::StartsWith(config.listen_address, "127.") ||
                    absl::StartsWith(config.listen_address, "localhost:") ||
                    absl::StartsWith(config.listen_address, "[::1]:");
    if (!loopback) {
      LogJson("warning", {{"message", "serving PLAINTEXT on a non-loopback address: tokens and data cross the "
                                      "network unencrypted; use --tls_cert_file/--tls_key_file"},
                          {"address", config.listen_address}});
    }
    return grpc::InsecureServerCredentials();
  }
  grpc::SslServerCredentialsOptions options(config.tls_client_ca_file.empty()
                                                ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                                                : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  auto cert = ReadPem(config.tls_cert_file);
  if (!cert.ok()) return cert.status();
  auto key = ReadPem(config.tls_key_file);
  if (!key.ok()) return key.status();
  options.pem_key_cert_pairs.push_back({*key, *cert});
  if (!config.tls_client_ca_file.empty()) {
    auto ca = ReadPem(config.tls_client_ca_file);
    if (!ca.ok()) return ca.status();
    options.pem_root_certs = *ca;
  }
  return grpc::SslServerCredentials(options);
}

}  // namespace

absl::StatusOr<std::unique_ptr<CrmServer>> CrmServer::Start(const ServerConfig& config,
                                                            const std::vector<grpc::Service*>& services,
                                                            const std::vector<std::string>& names) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  auto credentials = Credentials(config);
  if (!credentials.ok()) return credentials.status();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(config.listen_address, *credentials, &port);
  builder.SetMaxReceiveMessageSize(config.max_message_bytes);
  builder.SetMaxSendMessageSize(config.max_message_bytes);
  for (grpc::Service* service : services) builder.RegisterService(service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || port == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", config.listen_address));
  }
  auto* health = server->GetHealthCheckService();
  health->SetServingStatus(true);
  for (const std::string& name : names) health->SetServingStatus(name, true);
  return std::unique_ptr<CrmServer>(new CrmServer(config, std::move(server), port, names));
}

CrmServer::~CrmServer() { Shutdown(); }

void CrmServer::SetServing(bool serving) {
  // Sets "" and every service Start named; gRPC's health service ignores it
  // after its Shutdown, so this cannot undo a drain.
  server_->GetHealthCheckService()->SetServingStatus(serving);
}

bool CrmServer::Shutdown(const std::function<bool(absl::Time)>& drain_calls) {
  if (shut_down_) return true;
  shut_down_ = true;
  const absl::Time deadline = absl::Now() + config_.drain_deadline;
  server_->GetHealthCheckService()->Shutdown();  // every service NOT_SERVING, and stays so
  if (drain_calls && !drain_calls(deadline)) return false;
  server_->Shutdown(absl::ToChronoTime(deadline));
  server_->Wait();
  return true;
}

std::shared_ptr<grpc::Channel> CrmServer::InProcessChannel() const {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(config_.max_message_bytes);
  args.SetMaxSendMessageSize(config_.max_message_bytes);
  return server_->InProcessChannel(args);
}

}  // namespace crm
