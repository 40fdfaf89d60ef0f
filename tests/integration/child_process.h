#ifndef CRM_TESTS_INTEGRATION_CHILD_PROCESS_H_
#define CRM_TESTS_INTEGRATION_CHILD_PROCESS_H_

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "storage/store_config.h"

namespace crm::testing {

// A child process (argv[0] is the binary's path) with its output appended to
// a log file; SIGTERM, then SIGKILL, when destroyed.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const std::filesystem::path& log);
  ~Child() { Stop(); }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  bool running() const;

  // SIGTERM, then waits up to `grace_ms` before SIGKILL. The exit status
  // (-1 when it had to be killed or died of a signal).
  int Stop(int grace_ms = 15000);

  // SIGKILL at once, and reaped: a crash.
  void Kill9();

 private:
  pid_t pid_ = 0;
};

// The port a server wrote to `file`, waiting up to 30 s while `child` runs; 0 when none came.
int WaitForPort(const Child& child, const std::filesystem::path& file);

// `mysql://USER:PASSWORD@HOST:PORT/DATABASE` of `config`, the password percent-encoded.
std::string DsnOf(const StoreConfig& config);

}  // namespace crm::testing

#endif  // CRM_TESTS_INTEGRATION_CHILD_PROCESS_H_
