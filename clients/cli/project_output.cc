#include "clients/cli/project_output.h"

#include <cstdlib>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/enterprise_output.h"
#include "clients/cli/project_fields.h"
#include "clients/cli/text_table.h"

namespace crm::cli {
namespace {

template <typename T>
std::vector<const google::protobuf::Message*> Messages(const std::vector<T>& records) {
  std::vector<const google::protobuf::Message*> messages;
  for (const T& r : records) messages.push_back(&r);
  return messages;
}

std::string Investor(const v1::Project& p) {
  return p.investor_name().empty() ? p.investor_enterprise() : p.investor_name();
}

// "取得项目用地（12天后）", "（今天）", "（逾期3天）"; "" when there is none.
std::string NextMilestone(const v1::Stopwatch& s) {
  if (s.next_milestone().empty()) return "";
  if (!s.has_days_to_next_milestone()) return s.next_milestone();
  const int days = s.days_to_next_milestone();
  if (days == 0) return absl::StrCat(s.next_milestone(), "（今天）");
  if (days > 0) return absl::StrCat(s.next_milestone(), "（", days, "天后）");
  return absl::StrCat(s.next_milestone(), "（逾期", -days, "天）");
}

// "签约未注册 超12天"; "" when not stalled.
std::string Stall(const v1::Stopwatch& s) {
  const std::string label = StallLabel(s.stall());
  if (label.empty()) return "";
  return absl::StrCat(label, " 超", s.days_over_threshold(), "天");
}

}  // namespace

std::string ProjectPrinter::Money(int64_t yuan) const {
  return format_ == Format::kTable ? FormatCny(yuan) : absl::StrCat(yuan);
}

void ProjectPrinter::List(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                          const std::vector<const google::protobuf::Message*>& messages, const char* unit,
                          const std::vector<v1::EscalationColor>& colors) {
  if (format_ != Format::kTable) return Generic().Records(headers, rows, messages);
  PrintEscalationTable(out_, color_, headers, rows, colors);
  out_ << "(" << rows.size() << " " << unit << ")\n";
}

void ProjectPrinter::Projects(const std::vector<v1::Project>& projects) {
  std::vector<std::vector<std::string>> rows;
  for (const v1::Project& p : projects) {
    rows.push_back({p.name(), p.project_code(), p.display_name(), Investor(p), FormatYi(p.planned_investment_cny()),
                    TierLabel(p.tier()), StageLabel(p.stage()), absl::StrCat(p.stopwatch().days_in_stage()),
                    NextMilestone(p.stopwatch()), Stall(p.stopwatch()), p.unit()});
  }
  List({"项目", "编号", "名称", "投资方", "计划投资(亿元)", "档次", "阶段", "本阶段天数", "下一节点", "三未", "单位"},
       rows, Messages(projects), "个");
}

void ProjectPrinter::Project(const v1::Project& p) {
  if (format_ == Format::kJson) return Generic().JsonObject(p);
  if (format_ == Format::kCsv) return Projects({p});
  const v1::Stopwatch& s = p.stopwatch();
  const bool open = p.stage() != v1::PROJECT_STAGE_IN_PRODUCTION && p.stage() != v1::PROJECT_STAGE_LOST;
  Generic().Fields({
      {"项目", p.name()},
      {"编号", p.project_code()},
      {"名称", p.display_name()},
      {"投资方", p.investor_name()},
      {"投资方企业", p.investor_enterprise()},
      {"投资方信用代码", p.investor_uscc()},
      {"来源线索", p.origin_lead()},
      {"行业", IndustryLabel(p.industry())},
      {"投资方式", FormLabel(p.investment_form())},
      {"计划投资", FormatCny(p.planned_investment_cny())},
      {"档次", TierLabel(p.tier())},
      {"合同投资", p.contracted_investment_cny() > 0 ? FormatCny(p.contracted_investment_cny()) : ""},
      {"用地", p.land_area_mu() > 0 ? absl::StrCat(p.land_area_mu(), "亩") : ""},
      {"阶段", StageLabel(p.stage())},
      {"阶段日期", p.stage_date()},
      {"签约日期", p.signed_date()},
      {"流失原因", LostReasonLabel(p.lost_reason())},
      {"流失说明", p.lost_note()},
      {"已到资", p.capital_arrived_cny() > 0 ? FormatCny(p.capital_arrived_cny()) : ""},
      {"到资率", p.has_capital_arrival_rate() ? absl::StrFormat("%.1f%%", p.capital_arrival_rate() * 100) : ""},
      {"本阶段天数", open ? absl::StrCat(s.days_in_stage()) : ""},
      {"下一节点", NextMilestone(s)},
      {"三未", Stall(s)},
      {"单位", p.unit()},
      {"负责人", p.owner()},
      {"服务秘书", p.service_secretary()},
      {"创建时间", LocalTime(p.create_time())},
      {"更新时间", LocalTime(p.update_time())},
      {"etag", p.etag()},
  });
}

void ProjectPrinter::History(const std::vector<v1::StageChange>& changes) {
  std::vector<std::vector<std::string>> rows;
  for (const v1::StageChange& c : changes) {
    rows.push_back({StageLabel(c.from_stage()), StageLabel(c.to_stage()), c.effective_date(), c.changed_by(), c.note(),
                    LocalTime(c.change_time())});
  }
  List({"从", "到", "生效日期", "操作人", "说明", "记录时间"}, rows, Messages(changes), "次");
}

void ProjectPrinter::CapitalArrivals(const v1::ListCapitalArrivalsResponse& arrivals) {
  if (format_ == Format::kJson) return Generic().JsonObject(arrivals);
  std::vector<v1::CapitalArrival> list(arrivals.capital_arrivals().begin(), arrivals.capital_arrivals().end());
  std::vector<std::vector<std::string>> rows;
  for (const v1::CapitalArrival& a : list) {
    rows.push_back({a.name(), a.arrival_date(), Money(a.amount_cny()), a.note(), a.recorded_by()});
  }
  List({"到资记录", "到资日期", "金额", "说明", "记录人"}, rows, Messages(list), "笔");
  if (format_ == Format::kTable) out_ << "合计 " << FormatCny(arrivals.total_cny()) << "\n";
}

void ProjectPrinter::CapitalArrival(const v1::CapitalArrival& arrival) {
  if (format_ == Format::kJson) return Generic().JsonObject(arrival);
  v1::ListCapitalArrivalsResponse one;
  *one.add_capital_arrivals() = arrival;
  one.set_total_cny(arrival.amount_cny());
  CapitalArrivals(one);
}

void ProjectPrinter::Milestones(const std::vector<v1::Milestone>& milestones) {
  std::vector<std::vector<std::string>> rows;
  std::vector<v1::EscalationColor> colors;
  for (const v1::Milestone& m : milestones) {
    rows.push_back({m.name(), m.title(), m.planned_date(), m.actual_date(), m.responsible_unit(),
                    m.has_delete_time() ? "已删除" : MilestoneStatusLabel(m.status()),
                    m.overdue_days() > 0 ? absl::StrCat(m.overdue_days()) : "", ColorLabel(m.escalation_color())});
    colors.push_back(m.escalation_color());
  }
  List({"节点", "事项", "计划日期", "完成日期", "责任单位", "状态", "逾期天数", "督办"}, rows, Messages(milestones),
       "项", colors);
}

void ProjectPrinter::Milestone(const v1::Milestone& milestone) {
  if (format_ == Format::kJson) return Generic().JsonObject(milestone);
  Milestones({milestone});
}

void ProjectPrinter::Problems(const std::vector<v1::ProjectProblem>& problems) {
  std::vector<std::vector<std::string>> rows;
  for (const v1::ProjectProblem& p : problems) {
    rows.push_back({p.name(), ProblemTypeLabel(p.type()), p.description(), EscalationLevelLabel(p.escalation_level()),
                    ProblemStatusLabel(p.status()), p.resolution(), p.raised_by(), LocalTime(p.create_time())});
  }
  List({"问题", "类型", "描述", "督办层级", "状态", "解决情况", "提出人", "提出时间"}, rows, Messages(problems), "个");
}

void ProjectPrinter::Problem(const v1::ProjectProblem& problem) {
  if (format_ == Format::kJson) return Generic().JsonObject(problem);
  Problems({problem});
}

void ProjectPrinter::Targets(const std::vector<v1::UnitTarget>& targets) {
  std::vector<std::vector<std::string>> rows;
  for (const v1::UnitTarget& t : targets) {
    rows.push_back({t.name(), absl::StrCat(t.year()), absl::StrCat(t.signed_projects()),
                    absl::StrCat(t.signed_projects_1b()), absl::StrCat(t.signed_projects_2b()),
                    absl::StrCat(t.signed_projects_5b()), Money(t.signed_investment_cny()),
                    absl::StrCat(t.construction_starts()), Money(t.capital_arrived_cny())});
  }
  List({"责任状", "年份", "签约项目", "10亿以上", "20亿以上", "50亿以上", "签约投资", "开工项目", "到资"}, rows,
       Messages(targets), "份");
}

void ProjectPrinter::Target(const v1::UnitTarget& target) {
  if (format_ == Format::kJson) return Generic().JsonObject(target);
  Targets({target});
}

void ProjectPrinter::Conversion(const v1::ConvertLeadResponse& c, const v1::Project* project) {
  if (format_ == Format::kJson) return Generic().JsonObject(c);
  std::vector<std::string> headers = {"线索", "企业名称", "企业", "入库", "项目", "项目名称", "编号"};
  std::vector<std::string> row = {c.lead().name(),
                                  c.lead().company_name(),
                                  c.enterprise(),
                                  c.enterprise_created() ? "新入库" : "已在库",
                                  c.project(),
                                  project ? project->display_name() : "",
                                  project ? project->project_code() : ""};
  if (format_ == Format::kCsv) return Generic().Records(headers, {row}, {});
  std::vector<std::pair<std::string, std::string>> fields;
  for (size_t i = 0; i < headers.size(); ++i) fields.emplace_back(headers[i], row[i]);
  Generic().Fields(fields);
}

}  // namespace crm::cli
