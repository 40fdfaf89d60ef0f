#ifndef CRM_CLIENTS_CLI_LEAD_CSV_H_
#define CRM_CLIENTS_CLI_LEAD_CSV_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crm/v1/leads_service.pb.h"

namespace crm::cli {

// Leads in spreadsheets: which column holds which field, and how cells become
// field values. Headers may be Chinese or English (case and surrounding spaces
// ignored), e.g. 企业名称/公司名称/company_name, 统一社会信用代码/uscc,
// 名录/target_list, 渠道/招商渠道/channel, 活动名称/event_name, 推荐企业/referrer,
// 行业/行业门类/industry, 国家地区/country_region, 预计投资额(元|万元|亿元)/
// estimated_investment_cny, 备注/notes, 联系人/contact_name, 职务/contact_title,
// 联系电话/contact_phone, 邮箱/contact_email.
enum class LeadColumn {
  kCompanyName, kUscc, kTargetList, kChannel, kEventName, kReferrer, kIndustry, kCountryRegion,
  kEstimatedInvestment, kNotes, kContactName, kContactTitle, kContactPhone, kContactEmail,
};

struct LeadColumns {
  std::map<int, LeadColumn> by_index;  // column index → field
  // Multiplier for a bare number in the investment column: 1 (元), 10,000 (万元)
  // or 100,000,000 (亿元), from the header's unit.
  int64_t investment_unit = 1;
  std::vector<std::string> ignored;  // headers that map to nothing
};

// Blank headers are skipped; a header with an unknown unit, such as
// 预计投资额(美元), is ignored rather than read as 元. Full-width brackets and
// spaces are accepted, and `_`, `-`, `/` and 、 are ignored when matching.
// INVALID_ARGUMENT when no column is the company name, or two columns map to the same field.
absl::StatusOr<LeadColumns> MapLeadHeaders(const std::vector<std::string>& headers);

// The lead a data row describes (fields not in the file stay unset). Enum cells
// accept the Chinese label or the enum name, e.g. 世界500强 or
// TARGET_LIST_FORTUNE_GLOBAL_500 or FORTUNE_GLOBAL_500; channels 走出去/请进来/
// 以商招商/活动/展会/线上/其他; industry as ParseIndustrySection reads it
// (cell_parsers.h); the country a two-letter code in either case or a common
// Chinese name (德国 → DE, 中国香港 → HK); the investment as ParseCny (money.h).
// An empty company name stays empty (the server decides). INVALID_ARGUMENT naming the column and the reason when a cell
// cannot be read; a row with too few cells is read as if the rest were empty.
absl::StatusOr<v1::Lead> LeadFromRow(const LeadColumns& columns, const std::vector<std::string>& row);

// Export: Chinese headers that MapLeadHeaders reads back, and a lead's cells
// (investment in 元, enums as their Chinese labels, the first contact only).
std::vector<std::string> LeadExportHeaders();
std::vector<std::string> LeadExportRow(const v1::Lead& lead);

// Chinese labels used in tables and exports.
std::string TargetListLabel(v1::TargetList value);
std::string ChannelLabel(v1::LeadChannel value);
std::string LeadStatusLabel(v1::LeadStatus value);  // 新建/接洽中/已确认/已放弃/已转化

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_LEAD_CSV_H_
