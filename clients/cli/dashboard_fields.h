#ifndef CRM_CLIENTS_CLI_DASHBOARD_FIELDS_H_
#define CRM_CLIENTS_CLI_DASHBOARD_FIELDS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crm/v1/dashboard_service.pb.h"

namespace crm::cli {

// The dashboard's values as the bureau reads them, in the manner of
// project_fields.h: Chinese labels ("" for the zero value, the number for a
// value this client does not know), and a parser for the alert kind flag.

std::string PledgeMetricLabel(v1::PledgeMetric value);  // 签约项目, 10亿以上, …, 签约投资, 开工项目, 到资
std::string PaceLabel(v1::Pace value);                  // 领先, 落后, 无责任状
std::string AlertKindLabel(v1::AlertKind value);        // 项目停滞, 节点逾期, 服务逾期

// 项目停滞/stalled/三未, 节点逾期/milestone, 服务逾期/request, or the enum name.
absl::StatusOr<v1::AlertKind> ParseAlertKind(absl::string_view text);

// Whether a pledge metric counts yuan (signed investment, capital arrived)
// rather than projects.
bool IsMoneyMetric(v1::PledgeMetric metric);

// A fraction as a percentage with one decimal: 0.4 → "40.0%", 2.5/3 → "83.3%".
std::string FormatPercent(double fraction);

// A pledge metric in a table: "achieved/target (completion)", money in 亿元
// without the unit (the column header carries it): "2/4 (50.0%)",
// "100/120 (83.3%)"; the achievement alone when there is no target ("2").
std::string PledgeCell(const v1::PledgeProgress& progress);

// A stage × tier cell: "count / 亿元" ("1 / 0.3"), or "0" when empty.
std::string CountAndYi(int64_t count, int64_t yuan);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_DASHBOARD_FIELDS_H_
