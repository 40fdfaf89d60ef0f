#ifndef CRM_CLIENTS_DEMO_DEMO_PROJECTS_H_
#define CRM_CLIENTS_DEMO_DEMO_PROJECTS_H_

#include <string>

#include "absl/status/statusor.h"
#include "clients/cpp/crm_client.h"

namespace crm::demo {

// Loads demo projects: `lead` (a demo lead with a USCC) qualified and
// converted into an enterprise and a project, a few more projects moved to
// later stages (which draws their battle maps), capital arrived, a problem,
// and the caller's unit's targets for this year. Fixed request ids make a
// rerun change nothing. Returns how many projects are present.
absl::StatusOr<int> LoadDemoProjects(client::LeadsClient& leads, client::ProjectsClient& projects,
                                     const std::string& lead, int year);

}  // namespace crm::demo

#endif  // CRM_CLIENTS_DEMO_DEMO_PROJECTS_H_
