#include "clients/cli/output.h"

#include <google/protobuf/util/json_util.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "base/field_violations.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/csv.h"
#include "clients/cli/lead_csv.h"
#include "clients/cli/text_table.h"

namespace crm::cli {
namespace {

constexpr char kBold[] = "\033[1m";
constexpr char kRed[] = "\033[31m";
constexpr char kReset[] = "\033[0m";

std::string ActivityKindLabel(v1::ActivityKind kind) {
  switch (kind) {
    case v1::ACTIVITY_KIND_VISIT: return "拜访";
    case v1::ACTIVITY_KIND_CALL: return "电话";
    case v1::ACTIVITY_KIND_MEETING: return "会谈";
    case v1::ACTIVITY_KIND_EVENT_CONTACT: return "活动接触";
    default: return "";
  }
}

std::vector<std::string> ActivityRow(const v1::Activity& a) {
  std::string next = a.next_step();
  if (!a.next_step_date().empty()) next = absl::StrCat(next, "（", a.next_step_date(), "前）");
  return {a.occur_date(), ActivityKindLabel(a.kind()), absl::StrJoin(a.participants(), "、"), a.summary(), next,
          a.creator()};
}

}  // namespace

std::string LocalTime(const google::protobuf::Timestamp& ts) {
  if (ts.seconds() == 0 && ts.nanos() == 0) return "";
  return absl::FormatTime("%Y-%m-%d %H:%M", absl::FromUnixSeconds(ts.seconds()), absl::LocalTimeZone());
}

void Printer::PrintTable(const std::string& rendered) {
  size_t eol = rendered.find('\n');
  if (color_ && eol != std::string::npos) {
    out_ << kBold << rendered.substr(0, eol) << kReset << rendered.substr(eol);
  } else {
    out_ << rendered;
  }
}

void Printer::Json(const std::vector<const google::protobuf::Message*>& messages, bool as_array) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = !as_array;
  if (as_array) out_ << "[";
  for (size_t i = 0; i < messages.size(); ++i) {
    std::string json;
    (void)google::protobuf::util::MessageToJsonString(*messages[i], &json, options);
    if (as_array) out_ << (i ? ",\n " : "\n ");
    out_ << json;
  }
  out_ << (as_array ? (messages.empty() ? "]\n" : "\n]\n") : "");
}

void Printer::JsonObject(const google::protobuf::Message& message) {
  Json({&message}, false);
  out_ << "\n";
}

void Printer::Leads(const std::vector<v1::Lead>& leads) {
  if (format_ == Format::kJson) {
    std::vector<const google::protobuf::Message*> messages;
    for (const auto& l : leads) messages.push_back(&l);
    return Json(messages, true);
  }
  if (format_ == Format::kCsv) {
    out_ << CsvLine(LeadExportHeaders());
    for (const auto& l : leads) out_ << CsvLine(LeadExportRow(l));
    return;
  }
  Table table;
  table.headers = {"线索", "企业名称", "状态", "名录", "渠道", "行业", "预计投资", "负责人", "创建时间"};
  table.right_aligned = {false, false, false, false, false, false, true, false, false};
  for (const v1::Lead& l : leads) {
    table.rows.push_back({l.name(), l.company_name(), LeadStatusLabel(l.status()), TargetListLabel(l.target_list()),
                          ChannelLabel(l.channel()), IndustryLabel(l.industry()),
                          FormatCny(l.estimated_investment_cny()), l.owner(), LocalTime(l.create_time())});
  }
  PrintTable(RenderTable(table, 30));
  out_ << "(" << leads.size() << " 条)\n";
}

void Printer::Lead(const v1::Lead& l) {
  if (format_ == Format::kJson) return JsonObject(l);
  if (format_ == Format::kCsv) {
    out_ << CsvLine(LeadExportHeaders()) << CsvLine(LeadExportRow(l));
    return;
  }
  Table table;
  table.headers = {"字段", "值"};
  auto add = [&](const char* label, const std::string& value) {
    if (!value.empty()) table.rows.push_back({label, value});
  };
  add("线索", l.name());
  add("企业名称", l.company_name());
  add("统一社会信用代码", l.uscc());
  add("状态", LeadStatusLabel(l.status()));
  add("放弃原因", l.disqualify_reason());
  add("名录", TargetListLabel(l.target_list()));
  add("渠道", ChannelLabel(l.channel()));
  add("活动名称", l.event_name());
  add("推荐企业", l.referrer());
  add("行业", IndustryLabel(l.industry()));
  add("国家/地区", l.country_region());
  add("预计投资", FormatCny(l.estimated_investment_cny()));
  add("负责人", l.owner());
  add("单位", l.unit());
  for (const v1::Contact& c : l.contacts()) {
    std::vector<std::string> parts;
    for (const std::string* p : {&c.display_name(), &c.title(), &c.phone(), &c.email()}) {
      if (!p->empty()) parts.push_back(*p);
    }
    add("联系人", absl::StrJoin(parts, " · "));
  }
  add("备注", l.notes());
  add("创建时间", LocalTime(l.create_time()));
  add("更新时间", LocalTime(l.update_time()));
  add("删除时间", LocalTime(l.delete_time()));
  add("etag", l.etag());
  PrintTable(RenderTable(table, 80));
}

void Printer::Activities(const std::vector<v1::Activity>& activities) {
  if (format_ == Format::kJson) {
    std::vector<const google::protobuf::Message*> messages;
    for (const auto& a : activities) messages.push_back(&a);
    return Json(messages, true);
  }
  std::vector<std::string> headers = {"日期", "方式", "参与人", "纪要", "下一步", "记录人"};
  if (format_ == Format::kCsv) {
    out_ << CsvLine(headers);
    for (const auto& a : activities) out_ << CsvLine(ActivityRow(a));
    return;
  }
  Table table;
  table.headers = headers;
  for (const auto& a : activities) table.rows.push_back(ActivityRow(a));
  PrintTable(RenderTable(table, 40));
  out_ << "(" << activities.size() << " 条)\n";
}

void Printer::Activity(const v1::Activity& a) { Activities({a}); }

void Printer::Duplicates(const v1::FindDuplicateLeadsResponse& response) {
  if (format_ == Format::kJson) return JsonObject(response);
  std::vector<std::string> headers = {"线索", "企业名称", "统一社会信用代码", "匹配", "状态", "负责人"};
  Table table;
  table.headers = headers;
  for (const auto& m : response.matches()) {
    table.rows.push_back({m.lead().name(), m.lead().company_name(), m.lead().uscc(),
                          m.matched_on() == "uscc" ? "信用代码相同" : "名称相近",
                          LeadStatusLabel(m.lead().status()), m.lead().owner()});
  }
  if (format_ == Format::kCsv) {
    out_ << CsvLine(headers);
    for (const auto& row : table.rows) out_ << CsvLine(row);
    return;
  }
  PrintTable(RenderTable(table, 30));
  out_ << "(" << response.matches_size() << " 条疑似重复)\n";
}

void Printer::Records(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                      const std::vector<const google::protobuf::Message*>& messages) {
  if (format_ == Format::kJson) return Json(messages, true);
  if (format_ == Format::kCsv) {
    out_ << CsvLine(headers);
    for (const auto& row : rows) out_ << CsvLine(row);
    return;
  }
  Table table;
  table.headers = headers;
  table.rows = rows;
  PrintTable(RenderTable(table, 40));
}

void Printer::Fields(const std::vector<std::pair<std::string, std::string>>& fields) {
  Table table;
  table.headers = {"字段", "值"};
  for (const auto& [label, value] : fields) {
    if (!value.empty()) table.rows.push_back({label, value});
  }
  PrintTable(RenderTable(table, 80));
}

void PrintError(std::ostream& err, const absl::Status& status, bool color) {
  std::vector<FieldViolation> violations = ViolationsOf(status);
  err << (color ? kRed : "") << "error:" << (color ? kReset : "") << " ";
  if (violations.empty()) {
    err << status.message() << " (" << absl::StatusCodeToString(status.code()) << ")\n";
    return;
  }
  err << "the request was refused (" << absl::StatusCodeToString(status.code()) << "):\n";
  for (const FieldViolation& v : violations) err << "  " << v.field << ": " << v.description << "\n";
}

}  // namespace crm::cli
