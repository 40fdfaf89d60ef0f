#ifndef CRM_CLIENTS_CLI_ENTERPRISE_FIELDS_H_
#define CRM_CLIENTS_CLI_ENTERPRISE_FIELDS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "crm/v1/enterprises_service.pb.h"

namespace crm::cli {

// The values of the cultivation pool (enterprises, titles, service requests)
// as people write and read them: Chinese labels for tables and exports, and
// parsers for flags and CSV cells. Parsers accept the Chinese label, common
// other names, and the enum name with or without its prefix in any case
// (瞪羚企业, 瞪羚, gazelle, CERTIFICATION_TITLE_GAZELLE); spaces, `_`, `-`, `/`
// and 、 are ignored, full-width forms are folded. INVALID_ARGUMENT quoting the
// text and listing the choices otherwise. Labels are "" for the zero value
// and the number for a value this client does not know (a newer server).
// Days, yes/no, industries and money are read by cell_parsers.h and money.h.

std::string TitleLabel(v1::CertificationTitle value);          // 瞪羚企业
std::string LevelLabel(v1::CertificationLevel value);          // 国家级
std::string TagLabel(v1::EnterpriseTag value);                 // 民营企业
std::string CategoryLabel(v1::ServiceCategory value);          // 融资
std::string PriorityLabel(v1::ServiceRequestPriority value);   // 急事, 一般
std::string RequestStatusLabel(v1::ServiceRequestStatus value);  // 待受理 … 已关闭
std::string ColorLabel(v1::EscalationColor value);             // 红, 黄, 蓝; "" for NONE
std::string OutcomeLabel(v1::ImportOutcome value);             // 新建, 更新, 未变, 拒绝

absl::StatusOr<v1::CertificationTitle> ParseTitle(absl::string_view text);
absl::StatusOr<v1::CertificationLevel> ParseLevel(absl::string_view text);
absl::StatusOr<v1::EnterpriseTag> ParseTag(absl::string_view text);
absl::StatusOr<v1::ServiceCategory> ParseCategory(absl::string_view text);
absl::StatusOr<v1::ServiceRequestPriority> ParsePriority(absl::string_view text);
absl::StatusOr<v1::ServiceRequestStatus> ParseRequestStatus(absl::string_view text);
// red/红/红色/红牌, yellow…, blue…, none/无.
absl::StatusOr<v1::EscalationColor> ParseColor(absl::string_view text);

// Resource names as typed on the command line: `7` or `enterprises/7` →
// `enterprises/7`; a request `7/3` or its full name →
// `enterprises/7/serviceRequests/3`; a title `7/2` → `enterprises/7/certifications/2`;
// `zhangsan` or `users/zhangsan` → `users/zhangsan` (any collection).
std::string EnterpriseName(absl::string_view arg);
std::string ServiceRequestName(absl::string_view arg);
std::string CertificationName(absl::string_view arg);
std::string PrefixedName(absl::string_view collection, absl::string_view arg);
// `7/3` → `{parents}/7/{collection}/3` when both are ids; anything else as typed.
std::string ChildResourceName(absl::string_view parents, absl::string_view arg, absl::string_view collection);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_ENTERPRISE_FIELDS_H_
