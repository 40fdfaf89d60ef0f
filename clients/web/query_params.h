#ifndef CRM_CLIENTS_WEB_QUERY_PARAMS_H_
#define CRM_CLIENTS_WEB_QUERY_PARAMS_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "crm/v1/dashboard_service.pb.h"

namespace crm::web {

// A request's query parameters, name → value (the shape cpp-httplib's
// `Request::params` has, so the parsers stay free of the HTTP library).
using QueryParams = std::multimap<std::string, std::string>;

// The dashboard requests the page's /api endpoints take, built from their query
// parameters. An absent or empty parameter keeps the request's default (e.g.
// year 0: this year). A bad value is INVALID_ARGUMENT with a message naming the
// parameter (`year: must be a whole number from 1 to 9999, got "abc"`); a
// parameter given twice is refused too, since which one wins would be a guess.
// Parameters an endpoint does not know are ignored.
//
//   year       1–9999
//   unit       `units/{id}`
//   industry   a section letter (`C`) or its enum name (`INDUSTRY_SECTION_C`)
//   kind       an alert kind, short (`STALLED_PROJECT`) or full (`ALERT_KIND_…`)
//   page_size  1–500
//   page_token opaque, at most 1024 characters
absl::StatusOr<v1::GetPipelineSummaryRequest> ParseSummaryQuery(const QueryParams& params);
absl::StatusOr<v1::GetUnitScoreboardRequest> ParseScoreboardQuery(const QueryParams& params);
absl::StatusOr<v1::ListAlertsRequest> ParseAlertsQuery(const QueryParams& params);
absl::StatusOr<v1::GetEnterprisePoolSummaryRequest> ParsePoolQuery(const QueryParams& params);
absl::StatusOr<v1::GetTrendRequest> ParseTrendQuery(const QueryParams& params);

}  // namespace crm::web

#endif  // CRM_CLIENTS_WEB_QUERY_PARAMS_H_
