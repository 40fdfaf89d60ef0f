// crm-datagen: fills a migrated crm database with synthetic data for
// benchmarks and demos, or grows one to the counts asked for. Flags only.
//
//   crm-datagen --dsn=mysql://OWNER:PASSWORD@HOST:PORT/crm --projects=100000 --enterprises=10000 --leads=20000

#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "bench/datagen/datagen.h"
#include "storage/connection_pool.h"
#include "storage/migrations.h"
#include "storage/store_config.h"

ABSL_FLAG(std::string, dsn, "",
          "the schema owner's DSN, mysql://USER:PASSWORD@HOST:PORT/DATABASE (default: $CRM_MIGRATE_DSN); the "
          "rollup refill needs DELETE, which the application account lacks");
ABSL_FLAG(int64_t, projects, 1'000'000, "projects wanted in total (a database holding some gets the difference)");
ABSL_FLAG(int64_t, enterprises, 100'000, "enterprises wanted in total");
ABSL_FLAG(int64_t, leads, 200'000, "leads wanted in total");
ABSL_FLAG(int, units, 20, "units (each with a unit lead and four staff users)");
ABSL_FLAG(int, years, 5, "years of history: the current one (zone calendar, UTC+8) and those before");
ABSL_FLAG(uint64_t, seed, 1, "random seed: the same seed and counts give the same data");
ABSL_FLAG(bool, migrate, false,
          "apply the built-in schema migrations first (crm-server does that on start; this is for a database no "
          "server has opened yet)");
ABSL_FLAG(std::string, leadership_token_file, "",
          "if set, add a LEADERSHIP user `leadership` and write a fresh bearer token for it to this file (0600)");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("fills a migrated crm database with synthetic data (see bench/README.md)");
  absl::ParseCommandLine(argc, argv);

  std::string dsn = absl::GetFlag(FLAGS_dsn);
  if (dsn.empty() && std::getenv("CRM_MIGRATE_DSN") != nullptr) dsn = std::getenv("CRM_MIGRATE_DSN");
  if (dsn.empty()) {
    std::cerr << "crm-datagen: --dsn (or $CRM_MIGRATE_DSN) is required\n";
    return 2;
  }
  auto config = crm::ParseDsn(dsn);
  if (!config.ok()) {
    std::cerr << "crm-datagen: --dsn: " << config.status().message() << "\n";
    return 2;
  }
  if (config->database.empty()) {
    std::cerr << "crm-datagen: --dsn must name the database (…/crm)\n";
    return 2;
  }

  if (absl::GetFlag(FLAGS_migrate)) {
    crm::StoreConfig owner = *config;
    owner.pool_size = 1;
    auto pool = crm::ConnectionPool::Create(owner);
    absl::Status migrated = pool.ok() ? crm::ApplyMigrations(**pool, crm::BuiltInMigrations()) : pool.status();
    if (!migrated.ok()) {
      std::cerr << "crm-datagen: migrations: " << migrated << "\n";
      return 1;
    }
  }

  crm::datagen::Options options;
  options.projects = absl::GetFlag(FLAGS_projects);
  options.enterprises = absl::GetFlag(FLAGS_enterprises);
  options.leads = absl::GetFlag(FLAGS_leads);
  options.units = absl::GetFlag(FLAGS_units);
  options.years = absl::GetFlag(FLAGS_years);
  options.seed = absl::GetFlag(FLAGS_seed);
  options.leadership_token_file = absl::GetFlag(FLAGS_leadership_token_file);

  auto report = crm::datagen::Generate(*config, options);
  if (!report.ok()) {
    std::cerr << "crm-datagen: " << report.status() << "\n";
    return 1;
  }
  std::cout << crm::datagen::FormatReport(*report) << std::flush;
  return 0;
}
