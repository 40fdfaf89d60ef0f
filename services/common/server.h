#ifndef CRM_SERVICES_COMMON_SERVER_H_
#define CRM_SERVICES_COMMON_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace crm {

struct ServerConfig {
  std::string listen_address = "127.0.0.1:50051";  // port 0 picks a free one
  int max_message_bytes = 4 * 1024 * 1024;
  absl::Duration drain_deadline = absl::Seconds(10);
  // TLS when both are set (PEM files). Plaintext is for loopback development:
  // listening in plaintext on any other address logs a warning.
  std::string tls_cert_file;
  std::string tls_key_file;
  // mTLS: clients must present a certificate signed by this CA (PEM). A
  // department's certificate acts as the DEPARTMENT_SERVICE account named by
  // its common name.
  std::string tls_client_ca_file;
};

// A gRPC server for some of the crm.v1 services, with grpc.health.v1 and
// server reflection. Health reports SERVING for each hosted service (and for
// the server as a whole, "") from start until Shutdown, except while
// SetServing(false) says the store is gone.
class CrmServer {
 public:
  // `services` must outlive the server; `names` are their full names
  // ("crm.v1.LeadService") for health.
  static absl::StatusOr<std::unique_ptr<CrmServer>> Start(const ServerConfig& config,
                                                          const std::vector<grpc::Service*>& services,
                                                          const std::vector<std::string>& names);
  ~CrmServer();

  int port() const { return port_; }

  // A channel to this server that stays inside the process (no sockets, no
  // TLS): how one hosted service calls another.
  std::shared_ptr<grpc::Channel> InProcessChannel() const;

  // Health of the server and of each hosted service: NOT_SERVING while the
  // store cannot be reached (see storage/store_watch.h), SERVING again after.
  // Once Shutdown has begun, everything stays NOT_SERVING whatever this says.
  void SetServing(bool serving);

  // Graceful drain, within the config's drain deadline: health turns
  // NOT_SERVING; then `drain_calls(deadline)`, when given, refuses new calls
  // and lets those in flight finish (RpcRunner::Drain); then gRPC stops:
  // streams in flight may finish until the deadline, the rest are cancelled.
  // False when `drain_calls` said calls were still running at the deadline:
  // gRPC is then left as it is, since stopping it would wait for them, and
  // the process should exit without waiting (crm_server.cc does).
  bool Shutdown(const std::function<bool(absl::Time)>& drain_calls = nullptr);

 private:
  CrmServer(const ServerConfig& config, std::unique_ptr<grpc::Server> server, int port,
            std::vector<std::string> names)
      : config_(config), server_(std::move(server)), port_(port), names_(std::move(names)) {}

  ServerConfig config_;
  std::unique_ptr<grpc::Server> server_;
  int port_;
  std::vector<std::string> names_;
  bool shut_down_ = false;
};

}  // namespace crm

#endif  // CRM_SERVICES_COMMON_SERVER_H_
