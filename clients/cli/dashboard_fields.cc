#include "clients/cli/dashboard_fields.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/enum_text.h"
#include "clients/cli/text_table.h"

namespace crm::cli {
namespace {

// The labels of the pledge (责任状) columns of `crm targets`.
constexpr EnumText<v1::PledgeMetric> kMetrics[] = {
    {v1::PLEDGE_METRIC_SIGNED_PROJECTS, "签约项目"},   {v1::PLEDGE_METRIC_SIGNED_PROJECTS_1B, "10亿以上"},
    {v1::PLEDGE_METRIC_SIGNED_PROJECTS_2B, "20亿以上"}, {v1::PLEDGE_METRIC_SIGNED_PROJECTS_5B, "50亿以上"},
    {v1::PLEDGE_METRIC_SIGNED_INVESTMENT, "签约投资"},  {v1::PLEDGE_METRIC_CONSTRUCTION_STARTS, "开工项目"},
    {v1::PLEDGE_METRIC_CAPITAL_ARRIVED, "到资"},
};

constexpr EnumText<v1::Pace> kPaces[] = {
    {v1::PACE_AHEAD, "领先"},
    {v1::PACE_BEHIND, "落后"},
    {v1::PACE_NO_TARGET, "无责任状"},
};

constexpr EnumText<v1::AlertKind> kAlertKinds[] = {
    {v1::ALERT_KIND_STALLED_PROJECT, "项目停滞"},
    {v1::ALERT_KIND_STALLED_PROJECT, "stalled"},
    {v1::ALERT_KIND_STALLED_PROJECT, "三未"},
    {v1::ALERT_KIND_OVERDUE_MILESTONE, "节点逾期"},
    {v1::ALERT_KIND_OVERDUE_MILESTONE, "milestone"},
    {v1::ALERT_KIND_OVERDUE_SERVICE_REQUEST, "服务逾期"},
    {v1::ALERT_KIND_OVERDUE_SERVICE_REQUEST, "request"},
    {v1::ALERT_KIND_OVERDUE_SERVICE_REQUEST, "服务事项"},
};

}  // namespace

std::string PledgeMetricLabel(v1::PledgeMetric value) { return LabelOf(kMetrics, value); }
std::string PaceLabel(v1::Pace value) { return LabelOf(kPaces, value); }
std::string AlertKindLabel(v1::AlertKind value) { return LabelOf(kAlertKinds, value); }

absl::StatusOr<v1::AlertKind> ParseAlertKind(absl::string_view text) {
  return ParseEnumText(kAlertKinds, text, "an alert kind", ValueKey);
}

bool IsMoneyMetric(v1::PledgeMetric metric) {
  return metric == v1::PLEDGE_METRIC_SIGNED_INVESTMENT || metric == v1::PLEDGE_METRIC_CAPITAL_ARRIVED;
}

std::string FormatPercent(double fraction) { return absl::StrFormat("%.1f%%", fraction * 100); }

std::string PledgeCell(const v1::PledgeProgress& p) {
  auto amount = [&](int64_t value) { return IsMoneyMetric(p.metric()) ? FormatYi(value) : absl::StrCat(value); };
  if (!p.has_completion()) return amount(p.achieved());
  return absl::StrCat(amount(p.achieved()), "/", amount(p.target()), " (", FormatPercent(p.completion()), ")");
}

std::string CountAndYi(int64_t count, int64_t yuan) {
  if (count == 0 && yuan == 0) return "0";
  return absl::StrCat(count, " / ", FormatYi(yuan));
}

}  // namespace crm::cli
