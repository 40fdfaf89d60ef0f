#ifndef CRM_CLIENTS_CLI_PROJECT_FIELDS_H_
#define CRM_CLIENTS_CLI_PROJECT_FIELDS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crm/v1/projects_service.pb.h"

namespace crm::cli {

// The values of investment projects as people write and read them: Chinese
// labels for tables, and parsers for flags that accept the label, common
// other names, and the enum name with or without its prefix in any case
// (签约, signed, PROJECT_STAGE_SIGNED), as enterprise_fields.h does.
// INVALID_ARGUMENT quoting the text and listing the choices otherwise. Labels
// are "" for the zero value and the number for a value this client does not
// know (a newer server).

std::string StageLabel(v1::ProjectStage value);     // 在谈 签约 注册 开工 投产 流失
std::string TierLabel(v1::InvestmentTier value);    // 10亿以下, 10亿以上, 20亿以上, 50亿以上
std::string FormLabel(v1::InvestmentForm value);    // 新设 增资 并购 技改
std::string LostReasonLabel(v1::LostReason value);  // 外地竞争, 投资方撤回, 用地, 政策, 资金, 其他
std::string StallLabel(v1::StallKind value);        // 签约未注册…; "" for NONE
std::string MilestoneStatusLabel(v1::MilestoneStatus value);  // 已完成 正常 临期 逾期
std::string ProblemTypeLabel(v1::ProblemType value);          // 资金 用地 政策 审批 其他
std::string ProblemStatusLabel(v1::ProblemStatus value);      // 待解决 解决中 已解决
std::string EscalationLevelLabel(v1::EscalationLevel value);  // 责任单位 招商局 管委会

absl::StatusOr<v1::ProjectStage> ParseStage(absl::string_view text);
// 10亿 (or 1b), 20亿, 50亿, below (10亿以下).
absl::StatusOr<v1::InvestmentTier> ParseTier(absl::string_view text);
absl::StatusOr<v1::InvestmentForm> ParseForm(absl::string_view text);
absl::StatusOr<v1::LostReason> ParseLostReason(absl::string_view text);
absl::StatusOr<v1::StallKind> ParseStall(absl::string_view text);
absl::StatusOr<v1::ProblemType> ParseProblemType(absl::string_view text);
absl::StatusOr<v1::ProblemStatus> ParseProblemStatus(absl::string_view text);
absl::StatusOr<v1::EscalationLevel> ParseEscalationLevel(absl::string_view text);

// Resource names as typed on the command line: `7` or `projects/7` →
// `projects/7`; a milestone `7/2` → `projects/7/milestones/2`; a problem
// `7/1` → `projects/7/problems/1`; anything else as typed.
std::string ProjectName(absl::string_view arg);
std::string MilestoneName(absl::string_view arg);
std::string ProblemName(absl::string_view arg);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_PROJECT_FIELDS_H_
