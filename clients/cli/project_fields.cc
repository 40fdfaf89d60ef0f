#include "clients/cli/project_fields.h"

#include "clients/cli/cell_parsers.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/enum_text.h"

namespace crm::cli {
namespace {

constexpr EnumText<v1::ProjectStage> kStages[] = {
    {v1::PROJECT_STAGE_NEGOTIATING, "在谈"},
    {v1::PROJECT_STAGE_NEGOTIATING, "洽谈"},
    {v1::PROJECT_STAGE_SIGNED, "签约"},
    {v1::PROJECT_STAGE_SIGNED, "已签约"},
    {v1::PROJECT_STAGE_REGISTERED, "注册"},
    {v1::PROJECT_STAGE_REGISTERED, "已注册"},
    {v1::PROJECT_STAGE_CONSTRUCTION_STARTED, "开工"},
    {v1::PROJECT_STAGE_CONSTRUCTION_STARTED, "已开工"},
    {v1::PROJECT_STAGE_CONSTRUCTION_STARTED, "started"},
    {v1::PROJECT_STAGE_IN_PRODUCTION, "投产"},
    {v1::PROJECT_STAGE_IN_PRODUCTION, "已投产"},
    {v1::PROJECT_STAGE_IN_PRODUCTION, "production"},
    {v1::PROJECT_STAGE_LOST, "流失"},
};

constexpr EnumText<v1::InvestmentTier> kTiers[] = {
    {v1::INVESTMENT_TIER_BELOW_1B, "10亿以下"}, {v1::INVESTMENT_TIER_BELOW_1B, "below"},
    {v1::INVESTMENT_TIER_1B, "10亿以上"},       {v1::INVESTMENT_TIER_1B, "10亿"},
    {v1::INVESTMENT_TIER_2B, "20亿以上"},       {v1::INVESTMENT_TIER_2B, "20亿"},
    {v1::INVESTMENT_TIER_5B, "50亿以上"},       {v1::INVESTMENT_TIER_5B, "50亿"},
};

constexpr EnumText<v1::InvestmentForm> kForms[] = {
    {v1::INVESTMENT_FORM_NEW_ESTABLISHMENT, "新设"}, {v1::INVESTMENT_FORM_NEW_ESTABLISHMENT, "new"},
    {v1::INVESTMENT_FORM_CAPITAL_INCREASE, "增资"},  {v1::INVESTMENT_FORM_MERGER_ACQUISITION, "并购"},
    {v1::INVESTMENT_FORM_MERGER_ACQUISITION, "m&a"}, {v1::INVESTMENT_FORM_TECHNICAL_UPGRADE, "技改"},
};

constexpr EnumText<v1::LostReason> kLostReasons[] = {
    {v1::LOST_REASON_COMPETING_REGION, "外地竞争"},
    {v1::LOST_REASON_COMPETING_REGION, "落户外地"},
    {v1::LOST_REASON_INVESTOR_WITHDREW, "投资方撤回"},
    {v1::LOST_REASON_INVESTOR_WITHDREW, "withdrew"},
    {v1::LOST_REASON_LAND, "用地"},
    {v1::LOST_REASON_LAND, "土地"},
    {v1::LOST_REASON_POLICY, "政策"},
    {v1::LOST_REASON_FINANCING, "资金"},
    {v1::LOST_REASON_FINANCING, "融资"},
    {v1::LOST_REASON_OTHER, "其他"},
};

constexpr EnumText<v1::StallKind> kStalls[] = {
    {v1::STALL_KIND_SIGNED_NOT_REGISTERED, "签约未注册"},
    {v1::STALL_KIND_SIGNED_NOT_REGISTERED, "未注册"},
    {v1::STALL_KIND_REGISTERED_NOT_STARTED, "注册未开工"},
    {v1::STALL_KIND_REGISTERED_NOT_STARTED, "未开工"},
    {v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION, "开工未投产"},
    {v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION, "未投产"},
    {v1::STALL_KIND_NONE, "无"},
};

constexpr EnumText<v1::MilestoneStatus> kMilestoneStatuses[] = {
    {v1::MILESTONE_STATUS_DONE, "已完成"},
    {v1::MILESTONE_STATUS_ON_TRACK, "正常"},
    {v1::MILESTONE_STATUS_DUE_SOON, "临期"},
    {v1::MILESTONE_STATUS_OVERDUE, "逾期"},
};

constexpr EnumText<v1::ProblemType> kProblemTypes[] = {
    {v1::PROBLEM_TYPE_FUNDING, "资金"}, {v1::PROBLEM_TYPE_FUNDING, "融资"}, {v1::PROBLEM_TYPE_LAND, "用地"},
    {v1::PROBLEM_TYPE_LAND, "土地"},    {v1::PROBLEM_TYPE_POLICY, "政策"},  {v1::PROBLEM_TYPE_APPROVAL, "审批"},
    {v1::PROBLEM_TYPE_OTHER, "其他"},
};

constexpr EnumText<v1::ProblemStatus> kProblemStatuses[] = {
    {v1::PROBLEM_STATUS_OPEN, "待解决"},
    {v1::PROBLEM_STATUS_IN_PROGRESS, "解决中"},
    {v1::PROBLEM_STATUS_RESOLVED, "已解决"},
};

constexpr EnumText<v1::EscalationLevel> kLevels[] = {
    {v1::ESCALATION_LEVEL_UNIT, "责任单位"},          {v1::ESCALATION_LEVEL_UNIT, "单位"},
    {v1::ESCALATION_LEVEL_BUREAU, "招商局"},          {v1::ESCALATION_LEVEL_BUREAU, "局"},
    {v1::ESCALATION_LEVEL_ZONE_LEADERSHIP, "管委会"}, {v1::ESCALATION_LEVEL_ZONE_LEADERSHIP, "leadership"},
};

}  // namespace

std::string StageLabel(v1::ProjectStage value) { return LabelOf(kStages, value); }
std::string TierLabel(v1::InvestmentTier value) { return LabelOf(kTiers, value); }
std::string FormLabel(v1::InvestmentForm value) { return LabelOf(kForms, value); }
std::string LostReasonLabel(v1::LostReason value) { return LabelOf(kLostReasons, value); }
std::string StallLabel(v1::StallKind value) { return value == v1::STALL_KIND_NONE ? "" : LabelOf(kStalls, value); }
std::string MilestoneStatusLabel(v1::MilestoneStatus value) { return LabelOf(kMilestoneStatuses, value); }
std::string ProblemTypeLabel(v1::ProblemType value) { return LabelOf(kProblemTypes, value); }
std::string ProblemStatusLabel(v1::ProblemStatus value) { return LabelOf(kProblemStatuses, value); }
std::string EscalationLevelLabel(v1::EscalationLevel value) { return LabelOf(kLevels, value); }

absl::StatusOr<v1::ProjectStage> ParseStage(absl::string_view text) {
  return ParseEnumText(kStages, text, "a stage", ValueKey);
}
absl::StatusOr<v1::InvestmentTier> ParseTier(absl::string_view text) {
  return ParseEnumText(kTiers, text, "a tier", ValueKey);
}
absl::StatusOr<v1::InvestmentForm> ParseForm(absl::string_view text) {
  return ParseEnumText(kForms, text, "an investment form", ValueKey);
}
absl::StatusOr<v1::LostReason> ParseLostReason(absl::string_view text) {
  return ParseEnumText(kLostReasons, text, "a reason", ValueKey);
}
absl::StatusOr<v1::StallKind> ParseStall(absl::string_view text) {
  return ParseEnumText(kStalls, text, "a 三未 list", ValueKey);
}
absl::StatusOr<v1::ProblemType> ParseProblemType(absl::string_view text) {
  return ParseEnumText(kProblemTypes, text, "a problem type", ValueKey);
}
absl::StatusOr<v1::ProblemStatus> ParseProblemStatus(absl::string_view text) {
  return ParseEnumText(kProblemStatuses, text, "a problem status", ValueKey);
}
absl::StatusOr<v1::EscalationLevel> ParseEscalationLevel(absl::string_view text) {
  return ParseEnumText(kLevels, text, "an escalation level", ValueKey);
}

std::string ProjectName(absl::string_view arg) { return PrefixedName("projects", arg); }
std::string MilestoneName(absl::string_view arg) { return ChildResourceName("projects", arg, "milestones"); }
std::string ProblemName(absl::string_view arg) { return ChildResourceName("projects", arg, "problems"); }

}  // namespace crm::cli
