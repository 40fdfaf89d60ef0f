#ifndef CRM_STORAGE_STORE_CONFIG_H_
#define CRM_STORAGE_STORE_CONFIG_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace crm {

// Where the MySQL store is and how to talk to it.
struct StoreConfig {
  std::string host = "127.0.0.1";
  int port = 3306;
  std::string user;
  std::string password;
  std::string database;
  size_t pool_size = 8;
  absl::Duration connect_timeout = absl::Seconds(5);
  absl::Duration read_timeout = absl::Seconds(30);
  absl::Duration write_timeout = absl::Seconds(30);
};

// Parses `mysql://USER:PASSWORD@HOST:PORT/DATABASE` (password percent-decoded;
// port defaults to 3306; the database may be empty). Other fields keep their defaults.
absl::StatusOr<StoreConfig> ParseDsn(absl::string_view dsn);

}  // namespace crm

#endif  // CRM_STORAGE_STORE_CONFIG_H_
