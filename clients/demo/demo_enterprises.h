#ifndef CRM_CLIENTS_DEMO_DEMO_ENTERPRISES_H_
#define CRM_CLIENTS_DEMO_DEMO_ENTERPRISES_H_

#include "absl/status/statusor.h"
#include "clients/cpp/crm_client.h"

namespace crm::demo {

// Loads a few demo enterprises of the cultivation pool with two years of
// figures, a title, a service secretary (`secretary`, `users/{id}`) and open
// service requests. Every write carries a fixed request id (or is an upsert),
// so loading again changes nothing. Returns how many enterprises are present.
absl::StatusOr<int> LoadDemoEnterprises(client::EnterprisesClient& client, const std::string& secretary);

}  // namespace crm::demo

#endif  // CRM_CLIENTS_DEMO_DEMO_ENTERPRISES_H_
