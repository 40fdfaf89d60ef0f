#ifndef CRM_CLIENTS_CLI_ENTERPRISE_CSV_H_
#define CRM_CLIENTS_CLI_ENTERPRISE_CSV_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "crm/v1/enterprises_service.pb.h"

namespace crm::cli {

// Enterprises of the cultivation pool in spreadsheets: which column holds which
// field, and how cells become field values (as lead_csv.h does for leads).
// Headers may be Chinese or English (case, spaces, `_`, `-`, `/` ignored):
// 统一社会信用代码/uscc, 企业名称/公司名称/company_name, 曾用名/former_names,
// 成立日期/founded_date, 注册资本(元|万元|亿元)/registered_capital_cny,
// 法定代表人/法人/legal_representative, 地址/注册地址/address,
// 是否在园区/园区内/in_zone, 行业/行业门类/industry, 行业大类/industry_division,
// 是否上市/listed, 标签/企业标签/tags.
enum class EnterpriseColumn {
  kUscc, kCompanyName, kFormerNames, kFoundedDate, kRegisteredCapital, kLegalRepresentative, kAddress,
  kInZone, kIndustry, kIndustryDivision, kListed, kTags,
};

struct EnterpriseColumns {
  std::map<int, EnterpriseColumn> by_index;  // column index → field
  // Multiplier for a bare number in the capital column: 1 (元), 10,000 (万元)
  // or 100,000,000 (亿元), from the header's unit.
  int64_t capital_unit = 1;
  std::vector<std::string> ignored;  // headers that map to nothing (e.g. the export's 服务秘书)
};

// Blank headers are skipped; unknown headers, and a capital header with an
// unknown unit such as 注册资本(美元), are ignored. INVALID_ARGUMENT when no
// column is the USCC (rows are matched by it), or two columns map to the same field.
absl::StatusOr<EnterpriseColumns> MapEnterpriseHeaders(const std::vector<std::string>& headers);

// The enterprise a data row describes (empty cells leave fields unset; the
// server checks what is required). Cells: the USCC in either case and width;
// former names and tags several to a cell, separated by ; ； 、 or a line break
// (tags also by commas); dates as ParseDay reads them; capital as ParseCny;
// yes/no as ParseYesNo; the industry as a lead's; the division as two digits;
// tags as ParseTag. INVALID_ARGUMENT naming the column and the reason when a
// cell cannot be read; a short row is read as if the rest were empty.
absl::StatusOr<v1::Enterprise> EnterpriseFromRow(const EnterpriseColumns& columns,
                                                 const std::vector<std::string>& row);

// The proto field a column sets, e.g. "registered_capital_cny" (for update masks).
std::string EnterpriseFieldPath(EnterpriseColumn column);
// The Chinese header of a column, e.g. "注册资本(元)" (for messages and exports).
std::string EnterpriseColumnHeader(EnterpriseColumn column);

// Export: the columns above under Chinese headers (which MapEnterpriseHeaders
// reads back; capital in 元, enums as Chinese labels), then what import
// ignores: 服务秘书, 当前称号 and 企业编号 (`enterprises/{id}`).
std::vector<std::string> EnterpriseExportHeaders();
std::vector<std::string> EnterpriseExportRow(const v1::Enterprise& enterprise);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_ENTERPRISE_CSV_H_
