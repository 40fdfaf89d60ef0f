#include "clients/web/session_store.h"

#include <openssl/rand.h>

#include <utility>

#include "absl/strings/escaping.h"

namespace crm::web {
namespace {

constexpr int kSessionIdBytes = 32;  // 256 bits

}  // namespace

SessionStore::SessionStore(absl::Duration lifetime, Clock clock) : lifetime_(lifetime), clock_(std::move(clock)) {}

absl::StatusOr<std::string> SessionStore::Create(const std::string& token) {
  unsigned char bytes[kSessionIdBytes];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return absl::InternalError("no random bytes for a session id");
  std::string id = absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
  absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  SweepExpired(now);
  sessions_[id] = Session{token, now + lifetime_};
  return id;
}

std::optional<std::string> SessionStore::TokenOf(const std::string& session_id) {
  absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto it = sessions_.find(session_id);
  if (it == sessions_.end()) return std::nullopt;
  if (now >= it->second.expires) {
    sessions_.erase(it);
    return std::nullopt;
  }
  return it->second.token;
}

void SessionStore::Remove(const std::string& session_id) {
  absl::MutexLock lock(&mu_);
  sessions_.erase(session_id);
}

size_t SessionStore::size() const {
  absl::MutexLock lock(&mu_);
  return sessions_.size();
}

void SessionStore::SweepExpired(absl::Time now) {
  absl::erase_if(sessions_, [now](const auto& entry) { return now >= entry.second.expires; });
}

}  // namespace crm::web
