#include "clients/cli/enterprise_csv.h"

#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "base/text.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/column_headers.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/money.h"

namespace crm::cli {
namespace {

// In export order.
constexpr EnterpriseColumn kAllColumns[] = {
    EnterpriseColumn::kUscc,        EnterpriseColumn::kCompanyName,         EnterpriseColumn::kFormerNames,
    EnterpriseColumn::kFoundedDate, EnterpriseColumn::kRegisteredCapital,   EnterpriseColumn::kLegalRepresentative,
    EnterpriseColumn::kAddress,     EnterpriseColumn::kInZone,              EnterpriseColumn::kIndustry,
    EnterpriseColumn::kIndustryDivision, EnterpriseColumn::kListed,         EnterpriseColumn::kTags,
};

absl::string_view ColumnName(EnterpriseColumn column) {
  switch (column) {
    case EnterpriseColumn::kUscc: return "统一社会信用代码";
    case EnterpriseColumn::kCompanyName: return "企业名称";
    case EnterpriseColumn::kFormerNames: return "曾用名";
    case EnterpriseColumn::kFoundedDate: return "成立日期";
    case EnterpriseColumn::kRegisteredCapital: return "注册资本";
    case EnterpriseColumn::kLegalRepresentative: return "法定代表人";
    case EnterpriseColumn::kAddress: return "地址";
    case EnterpriseColumn::kInZone: return "是否在园区";
    case EnterpriseColumn::kIndustry: return "行业";
    case EnterpriseColumn::kIndustryDivision: return "行业大类";
    case EnterpriseColumn::kListed: return "是否上市";
    case EnterpriseColumn::kTags: return "标签";
  }
  return "?";
}

struct HeaderAlias {
  absl::string_view header;
  EnterpriseColumn column;
};

// Headers besides the column names and the proto field names (compared by
// CellKey). The capital column is matched apart because its header carries a unit.
constexpr HeaderAlias kHeaderAliases[] = {
    {"社会信用代码", EnterpriseColumn::kUscc},           {"信用代码", EnterpriseColumn::kUscc},
    {"公司名称", EnterpriseColumn::kCompanyName},        {"企业", EnterpriseColumn::kCompanyName},
    {"公司", EnterpriseColumn::kCompanyName},            {"company", EnterpriseColumn::kCompanyName},
    {"曾用名称", EnterpriseColumn::kFormerNames},        {"成立时间", EnterpriseColumn::kFoundedDate},
    {"注册日期", EnterpriseColumn::kFoundedDate},        {"founded", EnterpriseColumn::kFoundedDate},
    {"法人", EnterpriseColumn::kLegalRepresentative},    {"法人代表", EnterpriseColumn::kLegalRepresentative},
    {"注册地址", EnterpriseColumn::kAddress},            {"企业地址", EnterpriseColumn::kAddress},
    {"住所", EnterpriseColumn::kAddress},                {"在园区", EnterpriseColumn::kInZone},
    {"园区内", EnterpriseColumn::kInZone},               {"区内企业", EnterpriseColumn::kInZone},
    {"行业门类", EnterpriseColumn::kIndustry},           {"所属行业", EnterpriseColumn::kIndustry},
    {"国民经济行业大类", EnterpriseColumn::kIndustryDivision}, {"上市", EnterpriseColumn::kListed},
    {"企业标签", EnterpriseColumn::kTags},               {"企业类型", EnterpriseColumn::kTags},
};

std::optional<EnterpriseColumn> ColumnOfHeader(absl::string_view key) {
  for (EnterpriseColumn column : kAllColumns) {
    if (key == CellKey(ColumnName(column)) || key == CellKey(EnterpriseFieldPath(column))) return column;
  }
  for (const HeaderAlias& alias : kHeaderAliases) {
    if (key == CellKey(alias.header)) return alias.column;
  }
  return std::nullopt;
}

// What the capital column's header starts with, before its unit.
constexpr absl::string_view kCapitalHeaders[] = {"注册资本金", "注册资本", "注册资金", "registeredcapital", "capital"};

// The non-empty parts of a cell holding several values.
std::vector<std::string> SplitList(absl::string_view cell, bool commas_too) {
  std::string normal = absl::StrReplaceAll(cell, {{"；", ";"}, {"、", ";"}, {"\r", ";"}, {"\n", ";"}});
  if (commas_too) normal = absl::StrReplaceAll(normal, {{"，", ";"}, {",", ";"}});
  std::vector<std::string> parts;
  for (absl::string_view part : absl::StrSplit(normal, ';')) {
    part = TrimCell(part);
    if (!part.empty()) parts.emplace_back(part);
  }
  return parts;
}

absl::Status SetField(EnterpriseColumn column, absl::string_view cell, int64_t capital_unit, v1::Enterprise& e) {
  switch (column) {
    case EnterpriseColumn::kUscc:
      e.set_uscc(absl::AsciiStrToUpper(FoldFullWidth(cell)));
      return absl::OkStatus();
    case EnterpriseColumn::kCompanyName:
      e.set_company_name(std::string(cell));
      return absl::OkStatus();
    case EnterpriseColumn::kFormerNames:
      for (std::string& name : SplitList(cell, false)) e.add_former_names(std::move(name));
      return absl::OkStatus();
    case EnterpriseColumn::kFoundedDate: {
      absl::StatusOr<std::string> day = ParseDay(cell);
      if (!day.ok()) return day.status();
      e.set_founded_date(*std::move(day));
      return absl::OkStatus();
    }
    case EnterpriseColumn::kRegisteredCapital: {
      absl::StatusOr<int64_t> yuan = ParseCny(cell, capital_unit);
      if (!yuan.ok()) return yuan.status();
      e.set_registered_capital_cny(*yuan);
      return absl::OkStatus();
    }
    case EnterpriseColumn::kLegalRepresentative:
      e.set_legal_representative(std::string(cell));
      return absl::OkStatus();
    case EnterpriseColumn::kAddress:
      e.set_address(std::string(cell));
      return absl::OkStatus();
    case EnterpriseColumn::kInZone:
    case EnterpriseColumn::kListed: {
      absl::StatusOr<bool> yes = ParseYesNo(cell);
      if (!yes.ok()) return yes.status();
      column == EnterpriseColumn::kInZone ? e.set_in_zone(*yes) : e.set_listed(*yes);
      return absl::OkStatus();
    }
    case EnterpriseColumn::kIndustry: {
      absl::StatusOr<v1::IndustrySection> section = ParseIndustrySection(cell);
      if (!section.ok()) return section.status();
      e.set_industry(*section);
      return absl::OkStatus();
    }
    case EnterpriseColumn::kIndustryDivision: {
      const std::string division = FoldFullWidth(cell);
      if (division.size() != 2 || !absl::ascii_isdigit(division[0]) || !absl::ascii_isdigit(division[1])) {
        return absl::InvalidArgumentError(
            absl::StrCat("\"", cell, "\" is not a GB/T 4754 division (two digits, e.g. 39)"));
      }
      e.set_industry_division(division);
      return absl::OkStatus();
    }
    case EnterpriseColumn::kTags:
      for (const std::string& part : SplitList(cell, true)) {
        absl::StatusOr<v1::EnterpriseTag> tag = ParseTag(part);
        if (!tag.ok()) return tag.status();
        e.add_tags(*tag);
      }
      return absl::OkStatus();
  }
  return absl::OkStatus();
}

std::string ExportCell(EnterpriseColumn column, const v1::Enterprise& e) {
  switch (column) {
    case EnterpriseColumn::kUscc: return e.uscc();
    case EnterpriseColumn::kCompanyName: return e.company_name();
    case EnterpriseColumn::kFormerNames: return absl::StrJoin(e.former_names(), "；");
    case EnterpriseColumn::kFoundedDate: return e.founded_date();
    case EnterpriseColumn::kRegisteredCapital: return absl::StrCat(e.registered_capital_cny());
    case EnterpriseColumn::kLegalRepresentative: return e.legal_representative();
    case EnterpriseColumn::kAddress: return e.address();
    case EnterpriseColumn::kInZone: return YesNoLabel(e.in_zone());
    case EnterpriseColumn::kIndustry: return IndustryLabel(e.industry());
    case EnterpriseColumn::kIndustryDivision: return e.industry_division();
    case EnterpriseColumn::kListed: return YesNoLabel(e.listed());
    case EnterpriseColumn::kTags: {
      std::vector<std::string> labels;
      for (int tag : e.tags()) labels.push_back(TagLabel(static_cast<v1::EnterpriseTag>(tag)));
      return absl::StrJoin(labels, "、");
    }
  }
  return "";
}

}  // namespace

std::string EnterpriseFieldPath(EnterpriseColumn column) {
  switch (column) {
    case EnterpriseColumn::kUscc: return "uscc";
    case EnterpriseColumn::kCompanyName: return "company_name";
    case EnterpriseColumn::kFormerNames: return "former_names";
    case EnterpriseColumn::kFoundedDate: return "founded_date";
    case EnterpriseColumn::kRegisteredCapital: return "registered_capital_cny";
    case EnterpriseColumn::kLegalRepresentative: return "legal_representative";
    case EnterpriseColumn::kAddress: return "address";
    case EnterpriseColumn::kInZone: return "in_zone";
    case EnterpriseColumn::kIndustry: return "industry";
    case EnterpriseColumn::kIndustryDivision: return "industry_division";
    case EnterpriseColumn::kListed: return "listed";
    case EnterpriseColumn::kTags: return "tags";
  }
  return "";
}

std::string EnterpriseColumnHeader(EnterpriseColumn column) {
  return column == EnterpriseColumn::kRegisteredCapital ? "注册资本(元)" : std::string(ColumnName(column));
}

absl::StatusOr<EnterpriseColumns> MapEnterpriseHeaders(const std::vector<std::string>& headers) {
  auto match = MatchHeaders(
      headers, EnterpriseColumn::kRegisteredCapital,
      [](absl::string_view key) { return AmountHeaderUnit(key, kCapitalHeaders); }, ColumnOfHeader, ColumnName);
  if (!match.ok()) return match.status();
  if (!match->Has(EnterpriseColumn::kUscc)) {
    return absl::InvalidArgumentError(
        "no USCC column: rows are matched by it (name one 统一社会信用代码, 信用代码 or uscc)");
  }
  return EnterpriseColumns{std::move(match->by_index), match->amount_unit, std::move(match->ignored)};
}

absl::StatusOr<v1::Enterprise> EnterpriseFromRow(const EnterpriseColumns& columns,
                                                 const std::vector<std::string>& row) {
  v1::Enterprise e;
  absl::Status status = ReadCells(
      columns.by_index, row,
      [&](EnterpriseColumn column, absl::string_view cell) { return SetField(column, cell, columns.capital_unit, e); },
      ColumnName);
  if (!status.ok()) return status;
  return e;
}

std::vector<std::string> EnterpriseExportHeaders() {
  std::vector<std::string> headers;
  for (EnterpriseColumn column : kAllColumns) headers.push_back(EnterpriseColumnHeader(column));
  for (const char* extra : {"服务秘书", "当前称号", "企业编号"}) headers.emplace_back(extra);
  return headers;
}

std::vector<std::string> EnterpriseExportRow(const v1::Enterprise& e) {
  std::vector<std::string> row;
  for (EnterpriseColumn column : kAllColumns) row.push_back(ExportCell(column, e));
  std::vector<std::string> titles;
  for (int title : e.held_titles()) titles.push_back(TitleLabel(static_cast<v1::CertificationTitle>(title)));
  row.push_back(e.service_secretary());
  row.push_back(absl::StrJoin(titles, "、"));
  row.push_back(e.name());
  return row;
}

}  // namespace crm::cli
