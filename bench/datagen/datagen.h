#ifndef CRM_BENCH_DATAGEN_DATAGEN_H_
#define CRM_BENCH_DATAGEN_DATAGEN_H_

// crm-datagen's work: fills a migrated crm database with realistic synthetic
// data, straight over SQL (multi-row INSERTs), growing what is there to the
// counts asked for, then recounts the dashboard's rollups.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "bench/datagen/bulk_insert.h"
#include "storage/store_config.h"

namespace crm::datagen {

struct Options {
  // Totals wanted: a database that already holds more is left as it is;
  // one that holds fewer gets the difference.
  int64_t projects = 1'000'000;
  int64_t enterprises = 100'000;
  int64_t leads = 200'000;
  int units = 20;
  // The current year and the years before it (zone calendar, UTC+8).
  int years = 5;
  uint64_t seed = 1;
  // When set, a LEADERSHIP user's fresh token is written there (mode 0600).
  std::string leadership_token_file;
  // "Now", for the calendar; nothing generated is later.
  absl::Time now = absl::Now();
};

struct Report {
  std::map<std::string, TableStats> tables;
  int64_t rows = 0;
  // Generating and inserting everything, commits and ANALYZE TABLE included.
  absl::Duration load_time;
  // RefillRollups.
  absl::Duration refill_time;
  // Projects by stage name after the run, in stage order.
  std::vector<std::pair<std::string, int64_t>> stages;
  int64_t projects = 0, enterprises = 0, leads = 0;  // totals after the run
};

// Connects with `config` (an account that may DELETE: the schema owner) and
// does the work. Errors are the store's, with the table that failed.
absl::StatusOr<Report> Generate(const StoreConfig& config, const Options& options);

// The report as a table: rows and rows/s per table (rows ÷ the time of its
// INSERT statements), overall rows/s (all rows ÷ the whole load's wall time),
// the refill time, the stage distribution, and a last machine-readable line
// `datagen: rows=N load_s=S rows_per_s=R refill_s=F`.
std::string FormatReport(const Report& report);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_DATAGEN_H_
