#include "clients/cli/enterprise_output.h"

#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/csv.h"
#include "clients/cli/enterprise_csv.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/text_table.h"

namespace crm::cli {
namespace {

constexpr char kBold[] = "\033[1m";
constexpr char kReset[] = "\033[0m";

const char* AnsiColor(v1::EscalationColor color) {
  switch (color) {
    case v1::ESCALATION_COLOR_RED: return "\033[1;31m";
    case v1::ESCALATION_COLOR_YELLOW: return "\033[1;33m";
    case v1::ESCALATION_COLOR_BLUE: return "\033[1;34m";
    default: return nullptr;
  }
}

std::string Titles(const google::protobuf::RepeatedField<int>& titles) {
  std::vector<std::string> labels;
  for (int t : titles) labels.push_back(TitleLabel(static_cast<v1::CertificationTitle>(t)));
  return absl::StrJoin(labels, "、");
}

std::string Tags(const google::protobuf::RepeatedField<int>& tags) {
  std::vector<std::string> labels;
  for (int t : tags) labels.push_back(TagLabel(static_cast<v1::EnterpriseTag>(t)));
  return absl::StrJoin(labels, "、");
}

}  // namespace

void PrintEscalationTable(std::ostream& out, bool color, const std::vector<std::string>& headers,
                          const std::vector<std::vector<std::string>>& rows,
                          const std::vector<v1::EscalationColor>& colors) {
  Table table;
  table.headers = headers;
  table.rows = rows;
  // 40 columns: a request's name, enterprises/{id}/serviceRequests/{id}, is never cut.
  std::vector<std::string> lines = absl::StrSplit(RenderTable(table, 40), '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty() && i + 1 == lines.size()) break;  // after the last "\n"
    std::string& line = lines[i];
    if (color && i == 0) line = absl::StrCat(kBold, line, kReset);
    // Data lines start at 2 (after the header and its rule); their last cell
    // is the colour's label, at the end of the line (no trailing spaces).
    if (color && i >= 2 && i - 2 < colors.size()) {
      const char* ansi = AnsiColor(colors[i - 2]);
      const std::string label = ColorLabel(colors[i - 2]);
      if (ansi != nullptr && !label.empty() && absl::EndsWith(line, label)) {
        line = absl::StrCat(line.substr(0, line.size() - label.size()), ansi, label, kReset);
      }
    }
    out << line << "\n";
  }
}

void EnterprisePrinter::PrintTable(const std::vector<std::string>& headers,
                                   const std::vector<std::vector<std::string>>& rows,
                                   const std::vector<v1::EscalationColor>& colors) {
  PrintEscalationTable(out_, color_, headers, rows, colors);
}

void EnterprisePrinter::PrintFields(const std::vector<std::pair<std::string, std::string>>& fields) {
  Generic().Fields(fields);
}

void EnterprisePrinter::Enterprises(const std::vector<v1::Enterprise>& enterprises) {
  std::vector<const google::protobuf::Message*> messages;
  for (const auto& e : enterprises) messages.push_back(&e);
  if (format_ == Format::kJson) return Generic().Records({}, {}, messages);
  if (format_ == Format::kCsv) {
    out_ << CsvLine(EnterpriseExportHeaders());
    for (const auto& e : enterprises) out_ << CsvLine(EnterpriseExportRow(e));
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const v1::Enterprise& e : enterprises) {
    rows.push_back({e.name(), e.company_name(), e.uscc(), IndustryLabel(e.industry()), e.founded_date(),
                    FormatCny(e.registered_capital_cny()), e.in_zone() ? "是" : "否", Titles(e.held_titles()),
                    e.service_secretary()});
  }
  PrintTable({"企业", "企业名称", "统一社会信用代码", "行业", "成立日期", "注册资本", "园区内", "当前称号", "服务秘书"},
             rows);
  out_ << "(" << enterprises.size() << " 家)\n";
}

void EnterprisePrinter::Enterprise(const v1::Enterprise& e) {
  if (format_ == Format::kJson) return Generic().JsonObject(e);
  if (format_ == Format::kCsv) return Enterprises({e});
  PrintFields({
      {"企业", e.name()},
      {"企业名称", e.company_name()},
      {"统一社会信用代码", e.uscc()},
      {"曾用名", absl::StrJoin(e.former_names(), "；")},
      {"成立日期", e.founded_date()},
      {"注册资本", FormatCny(e.registered_capital_cny())},
      {"法定代表人", e.legal_representative()},
      {"地址", e.address()},
      {"园区内", YesNoLabel(e.in_zone())},
      {"行业", IndustryLabel(e.industry())},
      {"行业大类", e.industry_division()},
      {"上市", YesNoLabel(e.listed())},
      {"标签", Tags(e.tags())},
      {"当前称号", Titles(e.held_titles())},
      {"服务秘书", e.service_secretary()},
      {"创建时间", LocalTime(e.create_time())},
      {"更新时间", LocalTime(e.update_time())},
      {"删除时间", LocalTime(e.delete_time())},
      {"etag", e.etag()},
  });
}

void EnterprisePrinter::Metrics(const std::vector<v1::YearlyMetrics>& years) {
  std::vector<const google::protobuf::Message*> messages;
  for (const auto& m : years) messages.push_back(&m);
  const bool table = format_ == Format::kTable;
  // Absent figures are empty cells, never 0.
  auto money = [&](bool has, int64_t yuan) { return !has ? "" : table ? FormatCny(yuan) : absl::StrCat(yuan); };
  auto count = [](bool has, int32_t n) { return has ? absl::StrCat(n) : ""; };
  auto ratio = [&](bool has, double r, bool sign) {
    if (!has) return std::string();
    if (!table) return absl::StrCat(r);
    return absl::StrFormat(sign ? "%+.1f%%" : "%.1f%%", r * 100);
  };
  std::vector<std::vector<std::string>> rows;
  for (const v1::YearlyMetrics& m : years) {
    rows.push_back({absl::StrCat(m.year()), money(m.has_revenue_cny(), m.revenue_cny()),
                    ratio(m.has_revenue_growth(), m.revenue_growth(), true), money(m.has_profit_cny(), m.profit_cny()),
                    money(m.has_rd_expense_cny(), m.rd_expense_cny()),
                    ratio(m.has_rd_intensity(), m.rd_intensity(), false), count(m.has_employees(), m.employees()),
                    count(m.has_rd_staff(), m.rd_staff()), money(m.has_valuation_cny(), m.valuation_cny()),
                    money(m.has_cumulative_financing_cny(), m.cumulative_financing_cny()),
                    money(m.has_tax_paid_cny(), m.tax_paid_cny()), count(m.has_patents(), m.patents())});
  }
  std::vector<std::string> headers = {"年份", "营业收入", "收入增长", "利润",     "研发费用", "研发强度",
                                      "员工", "研发人员", "估值",     "累计融资", "纳税",     "专利"};
  if (!table) return Generic().Records(headers, rows, messages);
  PrintTable(headers, rows);
  out_ << "(" << years.size() << " 年)\n";
}

void EnterprisePrinter::YearlyMetrics(const v1::YearlyMetrics& year) {
  if (format_ == Format::kJson) return Generic().JsonObject(year);
  Metrics({year});
}

void EnterprisePrinter::Certification(const v1::Certification& certification) {
  if (format_ == Format::kJson) return Generic().JsonObject(certification);
  Certifications({certification});
}

void EnterprisePrinter::Certifications(const std::vector<v1::Certification>& certifications) {
  std::vector<const google::protobuf::Message*> messages;
  std::vector<std::vector<std::string>> rows;
  for (const v1::Certification& c : certifications) {
    messages.push_back(&c);
    rows.push_back({c.name(), TitleLabel(c.title()), LevelLabel(c.level()), c.issuer(), absl::StrCat(c.batch_year()),
                    c.valid_until(), c.evidence_note(), LocalTime(c.delete_time())});
  }
  std::vector<std::string> headers = {"证书", "称号", "级别", "认定机构", "批次", "有效期至", "证明材料", "删除时间"};
  if (format_ != Format::kTable) return Generic().Records(headers, rows, messages);
  PrintTable(headers, rows);
  out_ << "(" << certifications.size() << " 项)\n";
}

void EnterprisePrinter::Evaluation(const v1::EvaluateEnterpriseResponse& r) {
  if (format_ == Format::kJson) return Generic().JsonObject(r);
  if (format_ == Format::kCsv) {
    out_ << CsvLine({"称号", "符合", "已持有", "条件", "指标", "满足", "说明", "依据"});
    for (const v1::TitleEvaluation& t : r.evaluations()) {
      for (const v1::CriterionResult& c : t.criteria()) {
        out_ << CsvLine({TitleLabel(t.title()), YesNoLabel(t.qualified()), YesNoLabel(t.already_held()),
                         t.clause_label(), v1::ScreeningMetric_Name(c.metric()), YesNoLabel(c.met()),
                         c.explanation(), t.source()});
      }
    }
    return;
  }
  auto mark = [&](bool met) {
    if (!color_) return std::string(met ? "✓" : "✗");
    return absl::StrCat(met ? "\033[32m✓" : "\033[31m✗", kReset);
  };
  out_ << (color_ ? kBold : "") << r.company_name() << (color_ ? kReset : "") << "  " << r.enterprise() << "  "
       << (r.metrics_year() > 0 ? absl::StrCat(r.metrics_year(), "年数据") : std::string("无年度数据"))
       << "  评价日 " << r.evaluation_date() << "\n";
  for (const v1::TitleEvaluation& t : r.evaluations()) {
    out_ << mark(t.qualified()) << " " << TitleLabel(t.title());
    if (!t.clause_label().empty()) out_ << "  " << t.clause_label();
    if (t.already_held()) out_ << "  (已持有)";
    out_ << "\n";
    for (const v1::CriterionResult& c : t.criteria()) out_ << "    " << mark(c.met()) << " " << c.explanation() << "\n";
    if (!t.source().empty()) out_ << "    依据: " << t.source() << "\n";
  }
}

void EnterprisePrinter::Candidates(const std::vector<v1::ScreenEnterprisesResponse::Candidate>& candidates) {
  std::vector<const google::protobuf::Message*> messages;
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : candidates) {
    messages.push_back(&c);
    std::vector<std::string> titles;  // the clauses met are in the JSON and in `evaluate`
    for (const v1::TitleEvaluation& t : c.evaluations()) titles.push_back(TitleLabel(t.title()));
    rows.push_back({c.enterprise(), c.company_name(), c.metrics_year() > 0 ? absl::StrCat(c.metrics_year()) : "",
                    absl::StrJoin(titles, "、")});
  }
  std::vector<std::string> headers = {"企业", "企业名称", "数据年份", "可申报称号"};
  if (format_ != Format::kTable) return Generic().Records(headers, rows, messages);
  PrintTable(headers, rows);
  out_ << "(" << candidates.size() << " 家)\n";
}

void EnterprisePrinter::Assignments(const std::vector<v1::SecretaryAssignment>& assignments) {
  std::vector<const google::protobuf::Message*> messages;
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : assignments) {
    messages.push_back(&a);
    rows.push_back({LocalTime(a.assign_time()), a.service_secretary().empty() ? "（无）" : a.service_secretary(),
                    a.previous_secretary(), a.note(), a.assigned_by()});
  }
  std::vector<std::string> headers = {"时间", "服务秘书", "原服务秘书", "说明", "操作人"};
  if (format_ != Format::kTable) return Generic().Records(headers, rows, messages);
  PrintTable(headers, rows);
  out_ << "(" << assignments.size() << " 条)\n";
}

void EnterprisePrinter::ServiceRequests(const std::vector<v1::ServiceRequest>& requests) {
  std::vector<const google::protobuf::Message*> messages;
  std::vector<std::vector<std::string>> rows;
  std::vector<v1::EscalationColor> colors;
  for (const v1::ServiceRequest& r : requests) {
    messages.push_back(&r);
    colors.push_back(r.escalation_color());
    rows.push_back({r.name(), r.company_name(), CategoryLabel(r.category()), PriorityLabel(r.priority()),
                    RequestStatusLabel(r.status()), r.handling_unit(), r.due_date(),
                    r.has_overdue_days() ? absl::StrCat(r.overdue_days()) : "", ColorLabel(r.escalation_color())});
  }
  std::vector<std::string> headers = {"服务事项", "企业名称", "类别",     "优先级", "状态",
                                      "承办单位", "截止日期", "逾期天数", "督办"};
  if (format_ != Format::kTable) return Generic().Records(headers, rows, messages);
  PrintTable(headers, rows, colors);
  out_ << "(" << requests.size() << " 项)\n";
}

void EnterprisePrinter::ServiceRequest(const v1::ServiceRequest& r) {
  if (format_ == Format::kJson) return Generic().JsonObject(r);
  if (format_ == Format::kCsv) return ServiceRequests({r});
  std::string color = ColorLabel(r.escalation_color());
  if (color_ && AnsiColor(r.escalation_color()) != nullptr) {
    color = absl::StrCat(AnsiColor(r.escalation_color()), color, kReset);
  }
  PrintFields({
      {"服务事项", r.name()},
      {"企业名称", r.company_name()},
      {"类别", CategoryLabel(r.category())},
      {"描述", r.description()},
      {"优先级", PriorityLabel(r.priority())},
      {"状态", RequestStatusLabel(r.status())},
      {"提出日期", r.raised_date()},
      {"截止日期", r.due_date()},
      {"逾期天数", r.has_overdue_days() ? absl::StrCat(r.overdue_days()) : ""},
      {"督办", color},
      {"首问单位", r.first_responder_unit()},
      {"承办单位", r.handling_unit()},
      {"服务秘书", r.service_secretary()},
      {"办理结果", r.resolution()},
      {"满意度", r.satisfaction() > 0 ? absl::StrCat(r.satisfaction(), "/5") : ""},
      {"重开原因", r.reopen_reason()},
      {"提交人", r.creator()},
      {"创建时间", LocalTime(r.create_time())},
      {"更新时间", LocalTime(r.update_time())},
      {"办结时间", LocalTime(r.resolve_time())},
      {"关闭时间", LocalTime(r.close_time())},
      {"etag", r.etag()},
  });
}

}  // namespace crm::cli
