#ifndef CRM_BENCH_LOAD_SYNTHETIC_H_
#define CRM_BENCH_LOAD_SYNTHETIC_H_

// The rows the load generator writes: valid for the API, and a function of a
// run's nonce and a serial number, so that two runs on one database never
// collide and the CSV given to LOAD DATA holds exactly the rows the import
// workload streams.

#include <cstdint>
#include <string>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "crm/v1/enterprises_service.pb.h"
#include "crm/v1/leads_service.pb.h"
#include "crm/v1/projects_service.pb.h"

namespace crm::load {

// A random version-4 UUID, for request ids.
std::string NewUuid(absl::BitGen& rng);

// Four random characters of the USCC alphabet: a run's nonce.
std::string NewNonce();

// A valid USCC (GB 32100-2015) unique to (nonce, kind, serial): "91" (an
// enterprise), region "99" + the nonce (no real region code, nor any that
// crm-datagen uses, starts with 99), `kind` (a character of the alphabet, e.g.
// 'L' for leads, 'E' for enterprises), the serial in 8 base-31 digits, and the
// check character.
std::string SyntheticUscc(absl::string_view nonce, char kind, int64_t serial);

v1::Lead SyntheticLead(absl::string_view nonce, int64_t serial);
v1::Project SyntheticProject(absl::string_view nonce, int64_t serial);
v1::Enterprise SyntheticEnterprise(absl::string_view nonce, int64_t serial);

// Writes enterprises `first` … `first + count - 1` to `path` as CSV in the
// column order of the `enterprises` table's writable columns:
//   uscc, company_name, former_names_json, founded_date, registered_capital_cny,
//   legal_representative, address, in_zone, industry, industry_division, listed, tags_json
// every field in double quotes, `"` and `\` escaped with a backslash (LOAD DATA's
// defaults), one row a line. JSON columns are written as the store writes them.
absl::Status WriteEnterpriseCsv(const std::string& path, absl::string_view nonce, int64_t first, int64_t count);

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_SYNTHETIC_H_
