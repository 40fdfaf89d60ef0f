#include "clients/cli/lead_csv.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/numeric/int128.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "services/common/text.h"

namespace crm::cli {
namespace {

using v1::IndustrySection;
using v1::LeadChannel;
using v1::LeadStatus;
using v1::TargetList;

constexpr int64_t kWan = 10'000;
constexpr int64_t kYi = 100'000'000;

// ---------------------------------------------------------------------------
// Text normalisation


// `cell` without surrounding spaces, including the ideographic space and the
// no-break space that cells pasted from web pages carry.
absl::string_view TrimCell(absl::string_view cell) {
  constexpr absl::string_view kIdeographicSpace = "\xE3\x80\x80";
  constexpr absl::string_view kNoBreakSpace = "\xC2\xA0";
  size_t size_before;
  do {
    size_before = cell.size();
    cell = absl::StripAsciiWhitespace(cell);
    for (absl::string_view space : {kIdeographicSpace, kNoBreakSpace}) {
      absl::ConsumePrefix(&cell, space);
      absl::ConsumeSuffix(&cell, space);
    }
  } while (cell.size() != size_before);
  return cell;
}

// What headers and enum cells are compared by: half-width, lower case, without
// spaces, line breaks, _ - / 、 or a BOM. "Company Name", "company_name" and
// "COMPANY-NAME" all become "companyname"; "国家/地区" becomes "国家地区".
std::string Key(absl::string_view text) {
  std::string key = absl::AsciiStrToLower(FoldFullWidth(text));
  key = absl::StrReplaceAll(
      key, {{"_", ""}, {"-", ""}, {"/", ""}, {"、", ""}, {"\xEF\xBB\xBF", ""}});
  key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return absl::ascii_isspace(c); }),
            key.end());
  return key;
}

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

// Headers besides the column names above (compared by Key). The investment
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
    if (key == Key(ColumnName(column))) return column;
  }
  for (const HeaderAlias& alias : kHeaderAliases) {
    if (key == Key(alias.header)) return alias.column;
  }
  return std::nullopt;
}

// The unit of an investment header such as 预计投资额(万元) or estimated_investment_cny.
std::optional<int64_t> InvestmentHeaderUnit(absl::string_view key) {
  constexpr absl::string_view kBases[] = {"预计投资额", "预计投资", "投资额", "estimatedinvestment",
                                          "investment"};
  constexpr std::pair<absl::string_view, int64_t> kUnits[] = {
      {"", 1}, {"元", 1}, {"cny", 1}, {"万元", kWan}, {"万", kWan}, {"亿元", kYi}, {"亿", kYi}};
  for (absl::string_view base : kBases) {
    absl::string_view unit = key;
    if (!absl::ConsumePrefix(&unit, base)) continue;
    if (absl::ConsumePrefix(&unit, "(") && !absl::ConsumeSuffix(&unit, ")")) continue;
    for (const auto& [name, multiplier] : kUnits) {
      if (unit == name) return multiplier;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// Enums

template <typename E>
struct EnumText {
  E value;
  absl::string_view text;  // the first one of a value is its label
};

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

// GB/T 4754-2017 sections A to T (IndustrySection 1 to 20).
constexpr absl::string_view kIndustryNames[] = {
    "农、林、牧、渔业",
    "采矿业",
    "制造业",
    "电力、热力、燃气及水生产和供应业",
    "建筑业",
    "批发和零售业",
    "交通运输、仓储和邮政业",
    "住宿和餐饮业",
    "信息传输、软件和信息技术服务业",
    "金融业",
    "房地产业",
    "租赁和商务服务业",
    "科学研究和技术服务业",
    "水利、环境和公共设施管理业",
    "居民服务、修理和其他服务业",
    "教育",
    "卫生和社会工作",
    "文化、体育和娱乐业",
    "公共管理、社会保障和社会组织",
    "国际组织",
};
constexpr int kIndustryCount = sizeof(kIndustryNames) / sizeof(kIndustryNames[0]);

template <typename E>
std::string EnumName(E value) {
  const auto* descriptor = google::protobuf::GetEnumDescriptor<E>()->FindValueByNumber(value);
  return descriptor == nullptr ? "" : descriptor->name();
}

// The label of `value`: "" when unspecified, the number when this code does
// not know the value (a newer server).
template <typename E, size_t N>
std::string LabelOf(const EnumText<E> (&table)[N], E value) {
  if (value == 0) return "";
  for (const EnumText<E>& entry : table) {
    if (entry.value == value) return std::string(entry.text);
  }
  return absl::StrCat(static_cast<int>(value));
}

// The value whose label, other text, enum name (TARGET_LIST_OTHER) or enum
// name without its prefix (OTHER) is `cell`, compared by Key.
template <typename E, size_t N>
std::optional<E> ParseEnum(const EnumText<E> (&table)[N], absl::string_view cell) {
  // "TARGET_LIST_" from TARGET_LIST_UNSPECIFIED.
  const std::string prefix(absl::StripSuffix(EnumName(static_cast<E>(0)), "UNSPECIFIED"));
  const std::string key = Key(cell);
  for (const EnumText<E>& entry : table) {
    const std::string name = EnumName(entry.value);
    if (key == Key(entry.text) || key == Key(name) || key == Key(absl::StripPrefix(name, prefix))) {
      return entry.value;
    }
  }
  return std::nullopt;
}

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

std::optional<IndustrySection> ParseIndustry(absl::string_view cell) {
  const std::string key = Key(cell);
  for (int i = 0; i < kIndustryCount; ++i) {
    const std::string letter(1, static_cast<char>('a' + i));
    const std::string name = Key(kIndustryNames[i]);
    if (key == letter || key == name || key == letter + name || key == "industrysection" + letter) {
      return static_cast<IndustrySection>(i + 1);
    }
  }
  return std::nullopt;
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
      std::optional<TargetList> value = ParseEnum(kTargetLists, cell);
      if (!value) return NotOneOf(cell, "a target list", LabelList(kTargetLists));
      lead.set_target_list(*value);
      return absl::OkStatus();
    }
    case LeadColumn::kChannel: {
      std::optional<LeadChannel> value = ParseEnum(kChannels, cell);
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
      std::optional<IndustrySection> value = ParseIndustry(cell);
      if (!value) {
        return NotOneOf(cell, "a GB/T 4754 section", "a letter A to T or a name such as C 制造业");
      }
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

// ---------------------------------------------------------------------------
// Amounts

// Amount units, longest first so that 万元 is not read as 万 then 元.
constexpr std::pair<absl::string_view, int64_t> kAmountUnits[] = {
    {"亿元", kYi},          {"亿", kYi},   {"千万元", 1000 * kWan}, {"千万", 1000 * kWan},
    {"百万元", 100 * kWan}, {"百万", 100 * kWan}, {"万元", kWan},   {"万", kWan},
    {"元", 1},
};

// A number as written before a unit: digits, optionally grouped by commas in
// threes, optionally with a decimal point.
struct Decimal {
  std::string whole;     // digits only
  std::string fraction;  // digits after the point, if any
};

bool ValidGrouping(absl::string_view digits_and_commas) {
  size_t group = 0;
  bool grouped = false;
  for (char c : digits_and_commas) {
    if (c != ',') {
      ++group;
      continue;
    }
    if (group == 0 || (grouped && group != 3) || (!grouped && group > 3)) return false;
    grouped = true;
    group = 0;
  }
  return !grouped || group == 3;
}

std::optional<Decimal> ConsumeDecimal(absl::string_view& text) {
  size_t end = 0;
  while (end < text.size() && (absl::ascii_isdigit(text[end]) || text[end] == ',')) ++end;
  const absl::string_view whole = text.substr(0, end);
  if (whole.empty() || !absl::ascii_isdigit(whole[0]) || !ValidGrouping(whole)) return std::nullopt;
  Decimal number{absl::StrReplaceAll(whole, {{",", ""}}), ""};
  if (end + 1 < text.size() && text[end] == '.' && absl::ascii_isdigit(text[end + 1])) {
    size_t fraction_end = end + 1;
    while (fraction_end < text.size() && absl::ascii_isdigit(text[fraction_end])) ++fraction_end;
    number.fraction = std::string(text.substr(end + 1, fraction_end - end - 1));
    end = fraction_end;
  }
  text.remove_prefix(end);
  return number;
}

// `number` × `multiplier` in whole yuan, rounded half up; nullopt on overflow.
std::optional<int64_t> Scale(const Decimal& number, int64_t multiplier) {
  constexpr absl::uint128 kMax = std::numeric_limits<int64_t>::max();
  const absl::uint128 scale = static_cast<uint64_t>(multiplier);
  absl::uint128 whole = 0;
  for (char c : number.whole) {
    whole = whole * 10 + (c - '0');
    if (whole > kMax) return std::nullopt;
  }
  // Digits beyond the 18th cannot change a whole-yuan result.
  absl::uint128 numerator = 0, denominator = 1;
  for (size_t i = 0; i < number.fraction.size() && i < 18; ++i) {
    numerator = numerator * 10 + (number.fraction[i] - '0');
    denominator *= 10;
  }
  const absl::uint128 yuan =
      whole * scale + (numerator * scale + denominator / 2) / denominator;
  if (yuan > kMax) return std::nullopt;
  return static_cast<int64_t>(absl::Uint128Low64(yuan));
}

absl::Status NotAnAmount(absl::string_view text) {
  return absl::InvalidArgumentError(
      absl::StrCat("\"", text, "\" is not an amount (examples: 1200000, 3亿, 5000万)"));
}

}  // namespace

absl::StatusOr<LeadColumns> MapLeadHeaders(const std::vector<std::string>& headers) {
  LeadColumns columns;
  std::map<LeadColumn, int> index_of;
  for (int i = 0; i < static_cast<int>(headers.size()); ++i) {
    const std::string key = Key(headers[i]);
    if (key.empty()) continue;  // a blank header: a column Excel kept but nobody named
    std::optional<LeadColumn> column;
    if (std::optional<int64_t> unit = InvestmentHeaderUnit(key)) {
      column = LeadColumn::kEstimatedInvestment;
      columns.investment_unit = *unit;
    } else {
      column = ColumnOfHeader(key);
    }
    if (!column) {
      columns.ignored.emplace_back(TrimCell(headers[i]));
      continue;
    }
    const auto [it, inserted] = index_of.emplace(*column, i);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat(
          "columns ", it->second + 1, " (", TrimCell(headers[it->second]), ") and ", i + 1, " (",
          TrimCell(headers[i]), ") are both ", ColumnName(*column), "; keep one"));
    }
    columns.by_index[i] = *column;
  }
  if (!index_of.contains(LeadColumn::kCompanyName)) {
    return absl::InvalidArgumentError(
        "no company name column (name one 企业名称, 公司名称 or company_name)");
  }
  return columns;
}

absl::StatusOr<v1::Lead> LeadFromRow(const LeadColumns& columns,
                                     const std::vector<std::string>& row) {
  v1::Lead lead;
  v1::Contact contact;
  for (const auto& [index, column] : columns.by_index) {
    const absl::string_view cell =
        index >= 0 && index < static_cast<int>(row.size()) ? TrimCell(row[index]) : "";
    if (cell.empty()) continue;
    absl::Status status = SetField(column, cell, columns.investment_unit, lead, contact);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(ColumnName(column), ": ", status.message()));
    }
  }
  if (contact.ByteSizeLong() > 0) *lead.add_contacts() = std::move(contact);
  return lead;
}

absl::StatusOr<int64_t> ParseCny(absl::string_view text, int64_t unit) {
  if (unit < 1) return absl::InvalidArgumentError(absl::StrCat("unit ", unit, " is not positive"));
  text = TrimCell(text);
  std::string normal = FoldFullWidth(text);
  normal.erase(std::remove_if(normal.begin(), normal.end(),
                              [](char c) { return absl::ascii_isspace(c); }),
               normal.end());
  absl::string_view rest = normal;
  // ¥ and ￥ (U+00A5, U+FFE5) before the number.
  if (!absl::ConsumePrefix(&rest, "\xC2\xA5")) absl::ConsumePrefix(&rest, "\xEF\xBF\xA5");
  if (rest.size() > 1 && rest[0] == '-' && absl::ascii_isdigit(rest[1])) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", text, "\" is negative; amounts are 0 or more"));
  }
  if (rest.empty()) return NotAnAmount(text);

  // Parts such as 3亿 5000万 800元, in falling units; a bare number only alone.
  int64_t total = 0;
  int64_t previous_unit = std::numeric_limits<int64_t>::max();
  bool first = true;
  while (!rest.empty()) {
    std::optional<Decimal> number = ConsumeDecimal(rest);
    if (!number) return NotAnAmount(text);
    std::optional<int64_t> multiplier;
    for (const auto& [suffix, value] : kAmountUnits) {
      if (absl::ConsumePrefix(&rest, suffix)) {
        multiplier = value;
        break;
      }
    }
    if (!multiplier && first && rest.empty()) multiplier = unit;
    if (!multiplier || *multiplier >= previous_unit) return NotAnAmount(text);
    std::optional<int64_t> yuan = Scale(*number, *multiplier);
    if (!yuan || *yuan > std::numeric_limits<int64_t>::max() - total) {
      return absl::InvalidArgumentError(absl::StrCat("\"", text, "\" is too large"));
    }
    total += *yuan;
    previous_unit = *multiplier;
    first = false;
  }
  return total;
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

std::string IndustryLabel(v1::IndustrySection value) {
  if (value == v1::INDUSTRY_SECTION_UNSPECIFIED) return "";
  if (value < 1 || value > kIndustryCount) return absl::StrCat(static_cast<int>(value));
  return absl::StrCat(std::string(1, static_cast<char>('A' + value - 1)), " ",
                      kIndustryNames[value - 1]);
}

std::string LeadStatusLabel(v1::LeadStatus value) { return LabelOf(kStatuses, value); }

}  // namespace crm::cli
