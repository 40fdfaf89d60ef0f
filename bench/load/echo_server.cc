// crm-echo-server: a gRPC server that answers Echo.Echo with the request and
// does nothing else — the bare-gRPC baseline of bench/perf.sh. Callback API,
// answered on the gRPC thread, default server settings, plaintext.

#include <grpcpp/grpcpp.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "base/shutdown_signals.h"
#include "echo.grpc.pb.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:0", "address to serve on (port 0: any free port)");
ABSL_FLAG(std::string, port_file, "", "if set, write the port it listens on to this file");

namespace crm::bench {
namespace {

class EchoService final : public Echo::CallbackService {
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* context, const EchoMessage* request,
                                 EchoMessage* response) override {
    response->set_text(request->text());
    grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};

}  // namespace
}  // namespace crm::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("crm-echo-server [--listen=127.0.0.1:0] [--port_file=FILE]");
  absl::ParseCommandLine(argc, argv);
  crm::BlockShutdownSignals();
  crm::bench::EchoService service;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(absl::GetFlag(FLAGS_listen), grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    std::cerr << "crm-echo-server: cannot listen on " << absl::GetFlag(FLAGS_listen) << "\n";
    return 1;
  }
  if (!absl::GetFlag(FLAGS_port_file).empty()) std::ofstream(absl::GetFlag(FLAGS_port_file)) << port << "\n";
  std::cerr << "crm-echo-server: serving on port " << port << "\n";
  crm::WaitForShutdownSignal();
  server->Shutdown();
  return 0;
}
