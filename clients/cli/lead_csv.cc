#include "clients/cli/lead_csv.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/text.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/column_headers.h"
#include "clients/cli/enum_text.h"
#include "clients/cli/money.h"

namespace crm::cli {
namespace {

using v1::IndustrySection;
using v1::LeadChannel;
using v1::LeadStatus;
using v1::TargetList;

// ---------------------------------------------------------------------------
// Columns

// In export order.
constexpr LeadColumn kAllColumns[] = {
    LeadColumn::kCompanyName,  LeadColumn::kUscc,          LeadColumn::kTargetList,
    LeadColumn::kChannel,      LeadColumn::kEventName,     LeadColumn::kReferrer,
    LeadColumn::kIndustry,     LeadColumn::kCountryRegion, LeadColumn::kEstimatedInvestment,
    LeadColumn::kNotes,        LeadColumn::kContactName,   LeadColumn::kContactTitle,
    LeadColumn::kContactPhone, LeadColumn::kContactEmail,
};

// The Chinese name of a column, used in exports and error messages.
absl::string_view ColumnName(LeadColumn column) {
  switch (column) {
    case LeadColumn::kCompanyName: return "企业名称";
    case LeadColumn::kUscc: return "统一社会信用代码";
    case LeadColumn::kTargetList: return "名录";
    case LeadColumn::kChannel: return "渠道";
    case LeadColumn::kEventName: return "活动名称";
    case LeadColumn::kReferrer: return "推荐企业";
    case LeadColumn::kIndustry: return "行业";
    case LeadColumn::kCountryRegion: return "国家地区";
    case LeadColumn::kEstimatedInvestment: return "预计投资额";
    case LeadColumn::kNotes: return "备注";
    case LeadColumn::kContactName: return "联系人";
    case LeadColumn::kContactTitle: return "职务";
    case LeadColumn::kContactPhone: return "联系电话";
    case LeadColumn::kContactEmail: return "邮箱";
  }
  return "?";
}

struct HeaderAlias {
  absl::string_view header;
  LeadColumn column;
};

// Headers besides the column names above (compared by CellKey). The investment
// column is matched apart because its header carries a unit.
constexpr HeaderAlias kHeaderAliases[] = {
    {"公司名称", LeadColumn::kCompanyName},     {"企业", LeadColumn::kCompanyName},
    {"公司", LeadColumn::kCompanyName},         {"company_name", LeadColumn::kCompanyName},
    {"company", LeadColumn::kCompanyName},      {"社会信用代码", LeadColumn::kUscc},
    {"信用代码", LeadColumn::kUscc},            {"uscc", LeadColumn::kUscc},
    {"所属名录", LeadColumn::kTargetList},      {"target_list", LeadColumn::kTargetList},
    {"招商渠道", LeadColumn::kChannel},         {"channel", LeadColumn::kChannel},
    {"展会名称", LeadColumn::kEventName},       {"event_name", LeadColumn::kEventName},
    {"推荐单位", LeadColumn::kReferrer},        {"referrer", LeadColumn::kReferrer},
    {"行业门类", LeadColumn::kIndustry},        {"所属行业", LeadColumn::kIndustry},
    {"industry", LeadColumn::kIndustry},        {"国家或地区", LeadColumn::kCountryRegion},
    {"国别", LeadColumn::kCountryRegion},       {"country_region", LeadColumn::kCountryRegion},
    {"country", LeadColumn::kCountryRegion},    {"notes", LeadColumn::kNotes},
    {"联系人姓名", LeadColumn::kContactName},   {"contact_name", LeadColumn::kContactName},
    {"联系人职务", LeadColumn::kContactTitle},  {"contact_title", LeadColumn::kContactTitle},
    {"电话", LeadColumn::kContactPhone},        {"手机", LeadColumn::kContactPhone},
    {"contact_phone", LeadColumn::kContactPhone}, {"电子邮箱", LeadColumn::kContactEmail},
    {"email", LeadColumn::kContactEmail},       {"contact_email", LeadColumn::kContactEmail},
};

std::optional<LeadColumn> ColumnOfHeader(absl::string_view key) {
  for (LeadColumn column : kAllColumns) {
    if (key == CellKey(ColumnName(column))) return column;
  }
  for (const HeaderAlias& alias : kHeaderAliases) {
    if (key == CellKey(alias.header)) return alias.column;
  }
  return std::nullopt;
}

// What the investment column's header starts with, before its unit.
constexpr absl::string_view kInvestmentHeaders[] = {"预计投资额", "预计投资", "投资额", "estimatedinvestment",
                                                    "investment"};

// ---------------------------------------------------------------------------
// Enums

constexpr EnumText<TargetList> kTargetLists[] = {
    {v1::TARGET_LIST_FORTUNE_GLOBAL_500, "世界500强"},
    {v1::TARGET_LIST_CENTRAL_SOE_TOP_100, "央企100强"},
    {v1::TARGET_LIST_PRIVATE_TOP_100, "民企100强"},
    {v1::TARGET_LIST_PRIVATE_TOP_500, "民企500强"},
    {v1::TARGET_LIST_INDUSTRY_LEADER, "行业领军企业"},
    {v1::TARGET_LIST_OTHER, "其他"},
    {v1::TARGET_LIST_OTHER, "其它"},
};

constexpr EnumText<LeadChannel> kChannels[] = {
    {v1::LEAD_CHANNEL_OUTBOUND_VISIT, "走出去"},
    {v1::LEAD_CHANNEL_HOSTED_VISIT, "请进来"},
    {v1::LEAD_CHANNEL_BUSINESS_REFERRAL, "以商招商"},
    {v1::LEAD_CHANNEL_EVENT, "活动"},
    {v1::LEAD_CHANNEL_EVENT, "展会"},
    {v1::LEAD_CHANNEL_EVENT, "会展"},
    {v1::LEAD_CHANNEL_ONLINE, "线上"},
    {v1::LEAD_CHANNEL_OTHER, "其他"},
    {v1::LEAD_CHANNEL_OTHER, "其它"},
};

constexpr EnumText<LeadStatus> kStatuses[] = {
    {v1::LEAD_STATUS_NEW, "新建"},          {v1::LEAD_STATUS_CONTACTING, "接洽中"},
    {v1::LEAD_STATUS_QUALIFIED, "已确认"},  {v1::LEAD_STATUS_DISQUALIFIED, "已放弃"},
    {v1::LEAD_STATUS_CONVERTED, "已转化"},
};

// The labels of a table, for error messages: "世界500强, 央企100强 … or 其他".
template <typename E, size_t N>
std::string LabelList(const EnumText<E> (&table)[N]) {
  std::vector<std::string> labels;
  for (const EnumText<E>& entry : table) {
    std::string label = LabelOf(table, entry.value);  // other texts follow their label
    if (labels.empty() || labels.back() != label) labels.push_back(std::move(label));
  }
  const std::string last = labels.back();
  labels.pop_back();
  return absl::StrCat(absl::StrJoin(labels, ", "), " or ", last);
}

// ---------------------------------------------------------------------------
// Cells

absl::Status NotOneOf(absl::string_view cell, absl::string_view what, absl::string_view choices) {
  return absl::InvalidArgumentError(
      absl::StrCat("\"", cell, "\" is not ", what, " (use ", choices, ")"));
}

// Places people write by name instead of by ISO code.
constexpr std::pair<absl::string_view, absl::string_view> kCountryNames[] = {
    {"中国", "CN"},     {"中国大陆", "CN"}, {"香港", "HK"},     {"中国香港", "HK"},
    {"澳门", "MO"},     {"中国澳门", "MO"}, {"台湾", "TW"},     {"中国台湾", "TW"},
    {"美国", "US"},     {"德国", "DE"},     {"日本", "JP"},     {"韩国", "KR"},
    {"英国", "GB"},     {"法国", "FR"},     {"新加坡", "SG"},   {"意大利", "IT"},
    {"荷兰", "NL"},     {"瑞士", "CH"},     {"瑞典", "SE"},     {"加拿大", "CA"},
    {"澳大利亚", "AU"}, {"以色列", "IL"},
};

absl::StatusOr<std::string> ParseCountryRegion(absl::string_view cell) {
  const std::string code = absl::AsciiStrToUpper(FoldFullWidth(cell));
  if (code.size() == 2 && absl::ascii_isalpha(code[0]) && absl::ascii_isalpha(code[1])) return code;
  for (const auto& [name, iso] : kCountryNames) {
    if (cell == name) return std::string(iso);
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "\"", cell, "\" is not a country or region code (use two letters such as CN, DE, HK)"));
}

// Stores the non-empty `cell` of `column` in `lead` (contact columns in `contact`).
absl::Status SetField(LeadColumn column, absl::string_view cell, int64_t investment_unit,
                      v1::Lead& lead, v1::Contact& contact) {
  switch (column) {
    case LeadColumn::kCompanyName:
      lead.set_company_name(std::string(cell));
      return absl::OkStatus();
    case LeadColumn::kUscc:
      lead.set_uscc(absl::AsciiStrToUpper(FoldFullWidth(cell)));
      return absl::OkStatus();
    case LeadColumn::kTargetList: {
      std::optional<TargetList> value = FindEnum(kTargetLists, cell, CellKey);
      if (!value) return NotOneOf(cell, "a target list", LabelList(kTargetLists));
      lead.set_target_list(*value);
      return absl::OkStatus();
    }
    case LeadColumn::kChannel: {
      std::optional<LeadChannel> value = FindEnum(kChannels, cell, CellKey);
      if (!value) return NotOneOf(cell, "a channel", LabelList(kChannels));
      lead.set_channel(*value);
      return absl::OkStatus();
    }
    case LeadColumn::kEventName:
      lead.set_event_name(std::string(cell));
      return absl::OkStatus();
    case LeadColumn::kReferrer:
      lead.set_referrer(std::string(cell));
      return absl::OkStatus();
    case LeadColumn::kIndustry: {
      absl::StatusOr<IndustrySection> value = ParseIndustrySection(cell);
      if (!value.ok()) return value.status();
      lead.set_industry(*value);
      return absl::OkStatus();
    }
    case LeadColumn::kCountryRegion: {
      absl::StatusOr<std::string> code = ParseCountryRegion(cell);
      if (!code.ok()) return code.status();
      lead.set_country_region(*std::move(code));
      return absl::OkStatus();
    }
    case LeadColumn::kEstimatedInvestment: {
      absl::StatusOr<int64_t> yuan = ParseCny(cell, investment_unit);
      if (!yuan.ok()) return yuan.status();
      lead.set_estimated_investment_cny(*yuan);
      return absl::OkStatus();
    }
    case LeadColumn::kNotes:
      lead.set_notes(std::string(cell));
      return absl::OkStatus();
    case LeadColumn::kContactName:
      contact.set_display_name(std::string(cell));
      return absl::OkStatus();
    case LeadColumn::kContactTitle:
      contact.set_title(std::string(cell));
      return absl::OkStatus();
    case LeadColumn::kContactPhone:
      contact.set_phone(std::string(cell));
      return absl::OkStatus();
    case LeadColumn::kContactEmail:
      contact.set_email(std::string(cell));
      return absl::OkStatus();
  }
  return absl::OkStatus();
}

std::string ExportCell(LeadColumn column, const v1::Lead& lead) {
  const v1::Contact& contact =
      lead.contacts_size() > 0 ? lead.contacts(0) : v1::Contact::default_instance();
  switch (column) {
    case LeadColumn::kCompanyName: return lead.company_name();
    case LeadColumn::kUscc: return lead.uscc();
    case LeadColumn::kTargetList: return TargetListLabel(lead.target_list());
    case LeadColumn::kChannel: return ChannelLabel(lead.channel());
    case LeadColumn::kEventName: return lead.event_name();
    case LeadColumn::kReferrer: return lead.referrer();
    case LeadColumn::kIndustry: return IndustryLabel(lead.industry());
    case LeadColumn::kCountryRegion: return lead.country_region();
    case LeadColumn::kEstimatedInvestment:
      // 0 is also "not estimated"; an empty cell reads back as 0.
      return lead.estimated_investment_cny() == 0 ? ""
                                                  : absl::StrCat(lead.estimated_investment_cny());
    case LeadColumn::kNotes: return lead.notes();
    case LeadColumn::kContactName: return contact.display_name();
    case LeadColumn::kContactTitle: return contact.title();
    case LeadColumn::kContactPhone: return contact.phone();
    case LeadColumn::kContactEmail: return contact.email();
  }
  return "";
}

}  // namespace

absl::StatusOr<LeadColumns> MapLeadHeaders(const std::vector<std::string>& headers) {
  auto match = MatchHeaders(
      headers, LeadColumn::kEstimatedInvestment,
      [](absl::string_view key) { return AmountHeaderUnit(key, kInvestmentHeaders); }, ColumnOfHeader, ColumnName);
  if (!match.ok()) return match.status();
  if (!match->Has(LeadColumn::kCompanyName)) {
    return absl::InvalidArgumentError(
        "no company name column (name one 企业名称, 公司名称 or company_name)");
  }
  return LeadColumns{std::move(match->by_index), match->amount_unit, std::move(match->ignored)};
}

absl::StatusOr<v1::Lead> LeadFromRow(const LeadColumns& columns,
                                     const std::vector<std::string>& row) {
  v1::Lead lead;
  v1::Contact contact;
  absl::Status status = ReadCells(
      columns.by_index, row,
      [&](LeadColumn column, absl::string_view cell) {
        return SetField(column, cell, columns.investment_unit, lead, contact);
      },
      ColumnName);
  if (!status.ok()) return status;
  if (contact.ByteSizeLong() > 0) *lead.add_contacts() = std::move(contact);
  return lead;
}

std::vector<std::string> LeadExportHeaders() {
  std::vector<std::string> headers;
  for (LeadColumn column : kAllColumns) {
    headers.emplace_back(column == LeadColumn::kEstimatedInvestment ? "预计投资额(元)"
                                                                      : ColumnName(column));
  }
  return headers;
}

std::vector<std::string> LeadExportRow(const v1::Lead& lead) {
  std::vector<std::string> row;
  for (LeadColumn column : kAllColumns) row.push_back(ExportCell(column, lead));
  return row;
}

std::string TargetListLabel(v1::TargetList value) { return LabelOf(kTargetLists, value); }

std::string ChannelLabel(v1::LeadChannel value) { return LabelOf(kChannels, value); }

std::string LeadStatusLabel(v1::LeadStatus value) { return LabelOf(kStatuses, value); }

}  // namespace crm::cli
