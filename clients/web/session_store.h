#ifndef CRM_CLIENTS_WEB_SESSION_STORE_H_
#define CRM_CLIENTS_WEB_SESSION_STORE_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace crm::web {

// The page's logins: a random session id (what the browser's cookie holds)
// mapped to the viewer's bearer token, which never leaves this process. In
// memory only: a restart logs everyone out. Thread-safe.
class SessionStore {
 public:
  using Clock = std::function<absl::Time()>;

  // Sessions end `lifetime` after they were made, however busy they are (a
  // token revoked on the server is noticed at the next call anyway).
  explicit SessionStore(absl::Duration lifetime = absl::Hours(12), Clock clock = absl::Now);

  // A new session for `token`: its id, 256 random bits (OpenSSL RAND_bytes) as
  // 64 hex digits. INTERNAL when the random generator fails. Expired sessions
  // are swept here.
  absl::StatusOr<std::string> Create(const std::string& token);

  // The token of a live session; nullopt for an unknown or expired id.
  std::optional<std::string> TokenOf(const std::string& session_id);

  // Ends a session (nothing happens for an unknown id).
  void Remove(const std::string& session_id);

  // Live and not yet swept sessions (for tests).
  size_t size() const;

 private:
  struct Session {
    std::string token;
    absl::Time expires;
  };

  void SweepExpired(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const absl::Duration lifetime_;
  const Clock clock_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, Session> sessions_ ABSL_GUARDED_BY(mu_);
};

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_SESSION_STORE_H_
