#include "clients/cli/enterprise_fields.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/enum_text.h"

namespace crm::cli {
namespace {

constexpr EnumText<v1::CertificationTitle> kTitles[] = {
    {v1::CERTIFICATION_TITLE_SEED, "种子企业"},
    {v1::CERTIFICATION_TITLE_SEED, "种子"},
    {v1::CERTIFICATION_TITLE_POTENTIAL_GAZELLE, "潜在瞪羚企业"},
    {v1::CERTIFICATION_TITLE_POTENTIAL_GAZELLE, "潜在瞪羚"},
    {v1::CERTIFICATION_TITLE_GAZELLE, "瞪羚企业"},
    {v1::CERTIFICATION_TITLE_GAZELLE, "瞪羚"},
    {v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN, "准独角兽企业"},
    {v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN, "准独角兽"},
    {v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN, "潜在独角兽企业"},
    {v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN, "潜在独角兽"},
    {v1::CERTIFICATION_TITLE_UNICORN, "独角兽企业"},
    {v1::CERTIFICATION_TITLE_UNICORN, "独角兽"},
    {v1::CERTIFICATION_TITLE_SUPER_UNICORN, "超级独角兽企业"},
    {v1::CERTIFICATION_TITLE_SUPER_UNICORN, "超级独角兽"},
    {v1::CERTIFICATION_TITLE_HIDDEN_CHAMPION, "隐形冠军企业"},
    {v1::CERTIFICATION_TITLE_HIDDEN_CHAMPION, "隐形冠军"},
    {v1::CERTIFICATION_TITLE_HIDDEN_CHAMPION, "单项冠军"},
    {v1::CERTIFICATION_TITLE_SPECIALIZED_SME, "专精特新中小企业"},
    {v1::CERTIFICATION_TITLE_SPECIALIZED_SME, "专精特新"},
    {v1::CERTIFICATION_TITLE_LITTLE_GIANT, "专精特新“小巨人”企业"},
    {v1::CERTIFICATION_TITLE_LITTLE_GIANT, "小巨人"},
    {v1::CERTIFICATION_TITLE_LITTLE_GIANT, "小巨人企业"},
    {v1::CERTIFICATION_TITLE_LITTLE_GIANT, "专精特新小巨人"},
    {v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE, "高新技术企业"},
    {v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE, "高企"},
    {v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE, "hightech"},
};

constexpr EnumText<v1::CertificationLevel> kLevels[] = {
    {v1::CERTIFICATION_LEVEL_NATIONAL, "国家级"},   {v1::CERTIFICATION_LEVEL_NATIONAL, "国家"},
    {v1::CERTIFICATION_LEVEL_PROVINCIAL, "省级"},   {v1::CERTIFICATION_LEVEL_PROVINCIAL, "省"},
    {v1::CERTIFICATION_LEVEL_MUNICIPAL, "市级"},    {v1::CERTIFICATION_LEVEL_MUNICIPAL, "市"},
    {v1::CERTIFICATION_LEVEL_ZONE, "区级"},         {v1::CERTIFICATION_LEVEL_ZONE, "园区级"},
    {v1::CERTIFICATION_LEVEL_ZONE, "园区"},
};

constexpr EnumText<v1::EnterpriseTag> kTags[] = {
    {v1::ENTERPRISE_TAG_FORTUNE_GLOBAL_500_SUBSIDIARY, "世界500强子公司"},
    {v1::ENTERPRISE_TAG_FORTUNE_GLOBAL_500_SUBSIDIARY, "世界500强"},
    {v1::ENTERPRISE_TAG_CENTRAL_SOE, "央企"},
    {v1::ENTERPRISE_TAG_LOCAL_SOE, "地方国企"},
    {v1::ENTERPRISE_TAG_LOCAL_SOE, "国企"},
    {v1::ENTERPRISE_TAG_PRIVATE, "民营企业"},
    {v1::ENTERPRISE_TAG_PRIVATE, "民企"},
    {v1::ENTERPRISE_TAG_FOREIGN_INVESTED, "外商投资企业"},
    {v1::ENTERPRISE_TAG_FOREIGN_INVESTED, "外资企业"},
    {v1::ENTERPRISE_TAG_FOREIGN_INVESTED, "外资"},
    {v1::ENTERPRISE_TAG_HK_MACAO_TAIWAN_INVESTED, "港澳台投资企业"},
    {v1::ENTERPRISE_TAG_HK_MACAO_TAIWAN_INVESTED, "港澳台资"},
    {v1::ENTERPRISE_TAG_LISTED_COMPANY_SUBSIDIARY, "上市公司子公司"},
    {v1::ENTERPRISE_TAG_UNIVERSITY_SPINOFF, "高校院所孵化"},
    {v1::ENTERPRISE_TAG_UNIVERSITY_SPINOFF, "高校科研院所孵化"},
    {v1::ENTERPRISE_TAG_RETURNEE_FOUNDED, "海归创业"},
};

constexpr EnumText<v1::ServiceCategory> kCategories[] = {
    {v1::SERVICE_CATEGORY_FUNDING, "融资"},
    {v1::SERVICE_CATEGORY_LAND_SPACE, "用地空间"},
    {v1::SERVICE_CATEGORY_LAND_SPACE, "用地"},
    {v1::SERVICE_CATEGORY_LAND_SPACE, "land"},
    {v1::SERVICE_CATEGORY_TALENT, "人才"},
    {v1::SERVICE_CATEGORY_PERMITS, "审批许可"},
    {v1::SERVICE_CATEGORY_PERMITS, "审批"},
    {v1::SERVICE_CATEGORY_POLICY, "政策"},
    {v1::SERVICE_CATEGORY_INTELLECTUAL_PROPERTY, "知识产权"},
    {v1::SERVICE_CATEGORY_INTELLECTUAL_PROPERTY, "ip"},
    {v1::SERVICE_CATEGORY_MARKET_ACCESS, "市场准入拓展"},
    {v1::SERVICE_CATEGORY_MARKET_ACCESS, "市场准入"},
    {v1::SERVICE_CATEGORY_MARKET_ACCESS, "市场拓展"},
    {v1::SERVICE_CATEGORY_OTHER, "其他"},
    {v1::SERVICE_CATEGORY_OTHER, "其它"},
};

constexpr EnumText<v1::ServiceRequestPriority> kPriorities[] = {
    {v1::SERVICE_REQUEST_PRIORITY_URGENT, "急事"},   {v1::SERVICE_REQUEST_PRIORITY_URGENT, "紧急"},
    {v1::SERVICE_REQUEST_PRIORITY_NORMAL, "一般"},   {v1::SERVICE_REQUEST_PRIORITY_NORMAL, "普通"},
};

constexpr EnumText<v1::ServiceRequestStatus> kRequestStatuses[] = {
    {v1::SERVICE_REQUEST_STATUS_OPEN, "待受理"},     {v1::SERVICE_REQUEST_STATUS_ACCEPTED, "已受理"},
    {v1::SERVICE_REQUEST_STATUS_IN_PROGRESS, "办理中"}, {v1::SERVICE_REQUEST_STATUS_RESOLVED, "已办结"},
    {v1::SERVICE_REQUEST_STATUS_CLOSED, "已关闭"},   {v1::SERVICE_REQUEST_STATUS_REOPENED, "已重开"},
};

constexpr EnumText<v1::EscalationColor> kColors[] = {
    {v1::ESCALATION_COLOR_RED, "红"},      {v1::ESCALATION_COLOR_RED, "红色"},
    {v1::ESCALATION_COLOR_RED, "红牌"},    {v1::ESCALATION_COLOR_YELLOW, "黄"},
    {v1::ESCALATION_COLOR_YELLOW, "黄色"}, {v1::ESCALATION_COLOR_YELLOW, "黄牌"},
    {v1::ESCALATION_COLOR_BLUE, "蓝"},     {v1::ESCALATION_COLOR_BLUE, "蓝色"},
    {v1::ESCALATION_COLOR_BLUE, "蓝牌"},   {v1::ESCALATION_COLOR_NONE, "无"},
};

constexpr EnumText<v1::ImportOutcome> kOutcomes[] = {
    {v1::IMPORT_OUTCOME_CREATED, "新建"},
    {v1::IMPORT_OUTCOME_UPDATED, "更新"},
    {v1::IMPORT_OUTCOME_UNCHANGED, "未变"},
    {v1::IMPORT_OUTCOME_REJECTED, "拒绝"},
};

// The value `text` names (see the header), or INVALID_ARGUMENT saying it is not `what`.
template <typename E, size_t N>
absl::StatusOr<E> ParseEnum(const EnumText<E> (&table)[N], absl::string_view text, absl::string_view what) {
  return ParseEnumText(table, text, what, ValueKey);
}

}  // namespace

std::string TitleLabel(v1::CertificationTitle value) { return LabelOf(kTitles, value); }
std::string LevelLabel(v1::CertificationLevel value) { return LabelOf(kLevels, value); }
std::string TagLabel(v1::EnterpriseTag value) { return LabelOf(kTags, value); }
std::string CategoryLabel(v1::ServiceCategory value) { return LabelOf(kCategories, value); }
std::string PriorityLabel(v1::ServiceRequestPriority value) { return LabelOf(kPriorities, value); }
std::string RequestStatusLabel(v1::ServiceRequestStatus value) { return LabelOf(kRequestStatuses, value); }
std::string ColorLabel(v1::EscalationColor value) {
  return value == v1::ESCALATION_COLOR_NONE ? "" : LabelOf(kColors, value);
}
std::string OutcomeLabel(v1::ImportOutcome value) { return LabelOf(kOutcomes, value); }

absl::StatusOr<v1::CertificationTitle> ParseTitle(absl::string_view text) {
  return ParseEnum(kTitles, text, "a title");
}
absl::StatusOr<v1::CertificationLevel> ParseLevel(absl::string_view text) {
  return ParseEnum(kLevels, text, "a level");
}
absl::StatusOr<v1::EnterpriseTag> ParseTag(absl::string_view text) { return ParseEnum(kTags, text, "a tag"); }
absl::StatusOr<v1::ServiceCategory> ParseCategory(absl::string_view text) {
  return ParseEnum(kCategories, text, "a category");
}
absl::StatusOr<v1::ServiceRequestPriority> ParsePriority(absl::string_view text) {
  return ParseEnum(kPriorities, text, "a priority");
}
absl::StatusOr<v1::ServiceRequestStatus> ParseRequestStatus(absl::string_view text) {
  return ParseEnum(kRequestStatuses, text, "a request status");
}
absl::StatusOr<v1::EscalationColor> ParseColor(absl::string_view text) {
  return ParseEnum(kColors, text, "an escalation colour");
}

std::string EnterpriseName(absl::string_view arg) { return PrefixedName("enterprises", arg); }
std::string ServiceRequestName(absl::string_view arg) {
  return ChildResourceName("enterprises", arg, "serviceRequests");
}
std::string CertificationName(absl::string_view arg) { return ChildResourceName("enterprises", arg, "certifications"); }

std::string ChildResourceName(absl::string_view parents, absl::string_view arg, absl::string_view collection) {
  std::vector<absl::string_view> parts = absl::StrSplit(arg, '/');
  auto id = [](absl::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), absl::ascii_isdigit); };
  if (parts.size() == 2 && id(parts[0]) && id(parts[1])) {
    return absl::StrCat(parents, "/", parts[0], "/", collection, "/", parts[1]);
  }
  return std::string(arg);
}

std::string PrefixedName(absl::string_view collection, absl::string_view arg) {
  if (arg.empty() || arg.find('/') != absl::string_view::npos) return std::string(arg);
  return absl::StrCat(collection, "/", arg);
}

}  // namespace crm::cli
