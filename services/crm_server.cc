// crm-server: hosts the crm.v1 services against one MySQL store. Flags only
// here; everything else is in the libraries.

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/algorithm/container.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "base/json_log.h"
#include "base/shutdown_signals.h"
#include "services/admin/admin_service.h"
#include "services/common/executor.h"
#include "services/common/rpc_runner.h"
#include "services/common/server.h"
#include "services/dashboard/dashboard_service.h"
#include "services/enterprises/enterprises_service.h"
#include "services/enterprises/screening.h"
#include "services/leads/leads_service.h"
#include "services/projects/project_rules.h"
#include "services/projects/projects_service.h"
#include "storage/connection_pool.h"
#include "storage/migrations.h"
#include "storage/principal_store.h"
#include "storage/store_watch.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051", "address to serve gRPC on (port 0: any free port)");
ABSL_FLAG(std::string, dsn, "",
          "MySQL store as the application account, mysql://USER:PASSWORD@HOST:PORT/DATABASE (default: $CRM_DSN)");
ABSL_FLAG(std::string, migrate_dsn, "",
          "the same store as the schema owner, for migrations (default: $CRM_MIGRATE_DSN, else --dsn)");
ABSL_FLAG(std::string, services, "leads,admin,enterprises,projects,dashboard",
          "comma-separated services to host: leads, admin, enterprises, projects, dashboard");
ABSL_FLAG(std::string, project_policy, "",
          "text-format crm.v1.ProjectPolicy file (stage probabilities, 三未 thresholds, battle-map template) "
          "replacing the built-in defaults");
ABSL_FLAG(std::string, peer_address, "",
          "HOST:PORT of the enterprises and projects services (plaintext: loopback or a sidecar) when this "
          "process hosts leads without them; ConvertLead needs them");
ABSL_FLAG(std::string, enterprise_policy, "",
          "text-format crm.v1.EnterprisePolicy file (screening criteria, SLA, escalation days) replacing the "
          "built-in defaults");
ABSL_FLAG(int, pool_size, 8, "store connections; also the number of worker threads");
ABSL_FLAG(int, queue_capacity, 1000, "calls that may wait for a worker before RESOURCE_EXHAUSTED");
ABSL_FLAG(bool, migrate, true, "apply pending schema migrations at start-up");
ABSL_FLAG(std::string, bootstrap_token_file, "",
          "file holding the first administrator's bearer token, registered as users/admin when the store "
          "has no administrator yet (default: $CRM_BOOTSTRAP_TOKEN)");
ABSL_FLAG(std::string, port_file, "", "if set, write the port the server listens on to this file");
ABSL_FLAG(std::string, tls_cert_file, "", "PEM server certificate: serve TLS (with --tls_key_file)");
ABSL_FLAG(std::string, tls_key_file, "", "PEM server private key");
ABSL_FLAG(std::string, tls_client_ca_file, "",
          "PEM CA: require client certificates signed by it (mTLS); a certificate's common name names the "
          "department account it acts as");
ABSL_FLAG(absl::Duration, auth_cache_ttl, absl::Seconds(2),
          "how long a token's successful lookup is reused (0: look up every call); revocations and user "
          "changes made through this process apply at once");
ABSL_FLAG(double, rate_limit, 200, "calls per second each principal may make on average (0: no limit)");
ABSL_FLAG(double, rate_burst, 400, "calls a principal may make in a burst");
ABSL_FLAG(int, max_message_bytes, 4 << 20, "largest request or response, in bytes");
ABSL_FLAG(absl::Duration, max_deadline, absl::Seconds(30), "longest a call may run, whatever its deadline");
ABSL_FLAG(absl::Duration, store_ping_period, absl::Milliseconds(500),
          "how often health pings the store: NOT_SERVING while it cannot be reached (0: never)");
ABSL_FLAG(absl::Duration, drain_deadline, absl::Seconds(10), "how long in-flight calls may finish on SIGTERM");

namespace {

int Fail(const std::string& what) {
  crm::LogJson("fatal", {{"error", what}});
  return 1;
}

std::string ReadSecretFile(const std::string& path) {
  std::ifstream in(path);
  std::string value((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return std::string(absl::StripAsciiWhitespace(value));
}

// A policy: the file given, else the built-in defaults, parsed by `parse`.
template <typename Policy>
absl::StatusOr<Policy> LoadPolicy(const std::string& path, absl::string_view defaults,
                                  absl::StatusOr<Policy> (*parse)(absl::string_view)) {
  if (path.empty()) return parse(defaults);
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read policy file ", path));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  absl::StatusOr<Policy> policy = parse(text);
  if (!policy.ok()) return absl::InvalidArgumentError(absl::StrCat(path, ": ", policy.status().message()));
  return policy;
}

std::string EnvOr(const std::string& flag_value, const char* env) {
  if (!flag_value.empty()) return flag_value;
  const char* value = std::getenv(env);
  return value ? value : "";
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("crm-server --dsn=mysql://USER:PASSWORD@HOST:PORT/DB [--listen=HOST:PORT]");
  absl::ParseCommandLine(argc, argv);
  crm::BlockShutdownSignals();
  // Debian's Abseil is built with Mutex deadlock detection on, which keeps a
  // lock graph on every Lock (a few percent of a cheap call's CPU). It is a
  // debugging aid; the tests keep it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);

  std::string dsn = EnvOr(absl::GetFlag(FLAGS_dsn), "CRM_DSN");
  if (dsn.empty()) return Fail("no store: pass --dsn or set CRM_DSN");
  absl::StatusOr<crm::StoreConfig> store_config = crm::ParseDsn(dsn);
  if (!store_config.ok()) return Fail(std::string(store_config.status().message()));
  int pool_size = absl::GetFlag(FLAGS_pool_size);
  if (pool_size < 1) return Fail("--pool_size must be at least 1");
  store_config->pool_size = pool_size;

  std::string token = absl::GetFlag(FLAGS_bootstrap_token_file).empty()
                          ? EnvOr("", "CRM_BOOTSTRAP_TOKEN")
                          : ReadSecretFile(absl::GetFlag(FLAGS_bootstrap_token_file));
  if (!token.empty() && token.size() < 32) return Fail("the bootstrap token must have at least 32 characters");

  if (absl::GetFlag(FLAGS_migrate)) {
    // Migrations run as the schema owner, on a pool of their own that is closed before serving.
    std::string migrate_dsn = EnvOr(absl::GetFlag(FLAGS_migrate_dsn), "CRM_MIGRATE_DSN");
    absl::StatusOr<crm::StoreConfig> owner = crm::ParseDsn(migrate_dsn.empty() ? dsn : migrate_dsn);
    if (!owner.ok()) return Fail(absl::StrCat("--migrate_dsn: ", owner.status().message()));
    owner->pool_size = 1;
    auto owner_pool = crm::ConnectionPool::Create(*owner);
    if (!owner_pool.ok()) return Fail(std::string(owner_pool.status().message()));
    if (absl::Status s = crm::ApplyMigrations(**owner_pool, crm::BuiltInMigrations()); !s.ok()) {
      return Fail(std::string(s.message()));
    }
  }
  auto pool = crm::ConnectionPool::Create(*store_config);
  if (!pool.ok()) return Fail(std::string(pool.status().message()));
  crm::PrincipalStore principals(pool->get(), absl::GetFlag(FLAGS_auth_cache_ttl));
  if (!token.empty()) {
    auto created = principals.BootstrapAdmin(token);
    // ALREADY_EXISTS: another replica bootstrapped at the same moment.
    if (!created.ok() && created.status().code() != absl::StatusCode::kAlreadyExists) {
      return Fail(std::string(created.status().message()));
    }
    if (created.ok() && *created) crm::LogJson("bootstrap", {{"created", "users/admin with the bootstrap token"}});
    token.assign(token.size(), '\0');
  }

  crm::BoundedExecutor executor(pool_size, absl::GetFlag(FLAGS_queue_capacity));
  crm::RpcRunnerOptions runner_options;
  runner_options.max_deadline = absl::GetFlag(FLAGS_max_deadline);
  runner_options.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  std::unique_ptr<crm::RateLimiter> rate_limiter;
  if (absl::GetFlag(FLAGS_rate_limit) > 0) {
    rate_limiter = std::make_unique<crm::RateLimiter>(absl::GetFlag(FLAGS_rate_limit), absl::GetFlag(FLAGS_rate_burst));
    runner_options.rate_limiter = rate_limiter.get();
  }
  runner_options.on_denied = [&principals](const crm::CallContext& call, const absl::Status& status) {
    principals.RecordDenied({call.principal.user_name(), call.method, "", call.deadline},
                            absl::StatusCodeToString(status.code()));
  };
  crm::RpcRunner runner(&executor, &principals, runner_options);

  absl::StatusOr<crm::v1::EnterprisePolicy> policy = LoadPolicy<crm::v1::EnterprisePolicy>(
      absl::GetFlag(FLAGS_enterprise_policy), crm::DefaultEnterprisePolicyText(), &crm::ParseEnterprisePolicy);
  if (!policy.ok()) return Fail(std::string(policy.status().message()));
  absl::StatusOr<crm::v1::ProjectPolicy> project_policy = LoadPolicy<crm::v1::ProjectPolicy>(
      absl::GetFlag(FLAGS_project_policy), crm::DefaultProjectPolicyText(), &crm::ParseProjectPolicy);
  if (!project_policy.ok()) return Fail(std::string(project_policy.status().message()));
  crm::LeadService* leads = nullptr;

  std::vector<std::unique_ptr<grpc::Service>> hosted;
  std::vector<grpc::Service*> services;
  std::vector<std::string> names;
  for (absl::string_view name : absl::StrSplit(absl::GetFlag(FLAGS_services), ',', absl::SkipEmpty())) {
    if (name == "leads") {
      auto service = std::make_unique<crm::LeadService>(&runner, pool->get());
      leads = service.get();
      hosted.push_back(std::move(service));
      names.push_back("crm.v1.LeadService");
    } else if (name == "admin") {
      hosted.push_back(std::make_unique<crm::AdminService>(&runner, &principals, pool->get()));
      names.push_back("crm.v1.AdminService");
    } else if (name == "enterprises") {
      hosted.push_back(std::make_unique<crm::EnterpriseService>(&runner, pool->get(), &*policy));
      names.push_back("crm.v1.EnterpriseService");
    } else if (name == "projects") {
      hosted.push_back(std::make_unique<crm::ProjectService>(&runner, pool->get(), &*project_policy));
      names.push_back("crm.v1.ProjectService");
    } else if (name == "dashboard") {
      hosted.push_back(std::make_unique<crm::DashboardService>(&runner, pool->get(), &*project_policy, &*policy));
      names.push_back("crm.v1.DashboardService");
    } else {
      return Fail(absl::StrCat("unknown service in --services: ", name,
                               " (known: leads, admin, enterprises, projects, dashboard)"));
    }
    services.push_back(hosted.back().get());
  }
  if (services.empty()) return Fail("--services names no service");

  crm::ServerConfig config;
  config.listen_address = absl::GetFlag(FLAGS_listen);
  config.drain_deadline = absl::GetFlag(FLAGS_drain_deadline);
  config.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  config.tls_cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  config.tls_key_file = absl::GetFlag(FLAGS_tls_key_file);
  config.tls_client_ca_file = absl::GetFlag(FLAGS_tls_client_ca_file);
  auto server = crm::CrmServer::Start(config, services, names);
  if (!server.ok()) return Fail(std::string(server.status().message()));
  // Health follows the store: NOT_SERVING while it is gone, SERVING again by itself.
  std::unique_ptr<crm::StoreWatch> store_watch;
  if (absl::GetFlag(FLAGS_store_ping_period) > absl::ZeroDuration()) {
    store_watch = std::make_unique<crm::StoreWatch>(*store_config, absl::GetFlag(FLAGS_store_ping_period),
                                                    [&server](bool up) { (*server)->SetServing(up); });
  }
  if (leads) {
    // ConvertLead calls the enterprises and projects services: in this
    // process when it hosts them, else at --peer_address.
    bool here = absl::c_linear_search(names, "crm.v1.EnterpriseService") &&
                absl::c_linear_search(names, "crm.v1.ProjectService");
    std::string peer = absl::GetFlag(FLAGS_peer_address);
    std::shared_ptr<grpc::Channel> channel =
        here ? (*server)->InProcessChannel()
             : peer.empty() ? nullptr : grpc::CreateChannel(peer, grpc::InsecureChannelCredentials());
    // Fewer conversions than workers, so that the calls they make always find one.
    if (channel) leads->ConnectConversionPeers(channel, channel, here ? pool_size / 2 : pool_size);
  }
  if (!absl::GetFlag(FLAGS_port_file).empty()) {
    std::ofstream(absl::GetFlag(FLAGS_port_file)) << (*server)->port() << "\n";
  }
  crm::LogJson("serving", {{"address", config.listen_address},
                           {"port", static_cast<long long>((*server)->port())},
                           {"services", absl::StrJoin(names, ",")}});

  int signal = crm::WaitForShutdownSignal();
  crm::LogJson("draining", {{"signal", static_cast<long long>(signal)}});
  store_watch.reset();  // no more pings: the drain's NOT_SERVING stands anyway
  if (!(*server)->Shutdown([&runner](absl::Time deadline) { return runner.Drain(deadline); })) {
    // Calls still at work at the drain deadline (a lock wait, a slow store):
    // leave without them rather than overstay. Their callers see UNAVAILABLE
    // as the connections close, and the store rolls back their transactions
    // as the sessions close, so none is half-applied.
    crm::LogJson("stopped", {{"abandoned_calls", static_cast<long long>(runner.in_flight())}});
    std::_Exit(0);
  }
  crm::LogJson("stopped", {});
  return 0;
}
