#include "clients/cli/dashboard_output.h"

#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "clients/cli/cell_parsers.h"
#include "clients/cli/dashboard_fields.h"
#include "clients/cli/enterprise_fields.h"
#include "clients/cli/enterprise_output.h"
#include "clients/cli/project_fields.h"
#include "clients/cli/text_table.h"

namespace crm::cli {
namespace {

constexpr v1::InvestmentTier kTiers[] = {v1::INVESTMENT_TIER_BELOW_1B, v1::INVESTMENT_TIER_1B,
                                         v1::INVESTMENT_TIER_2B, v1::INVESTMENT_TIER_5B};
constexpr v1::PledgeMetric kMetrics[] = {
    v1::PLEDGE_METRIC_SIGNED_PROJECTS,    v1::PLEDGE_METRIC_SIGNED_PROJECTS_1B, v1::PLEDGE_METRIC_SIGNED_PROJECTS_2B,
    v1::PLEDGE_METRIC_SIGNED_PROJECTS_5B, v1::PLEDGE_METRIC_SIGNED_INVESTMENT,  v1::PLEDGE_METRIC_CONSTRUCTION_STARTS,
    v1::PLEDGE_METRIC_CAPITAL_ARRIVED};

// "  单位 units/east  行业 C 制造业" for the filters that narrowed an answer.
std::string Scope(const std::string& unit, v1::IndustrySection industry) {
  std::string scope;
  if (!unit.empty()) absl::StrAppend(&scope, "  单位 ", unit);
  if (industry != v1::INDUSTRY_SECTION_UNSPECIFIED) absl::StrAppend(&scope, "  行业 ", IndustryLabel(industry));
  return scope;
}

// A pledge metric's column header: the unit of money columns in brackets.
std::string MetricHeader(v1::PledgeMetric metric) {
  return IsMoneyMetric(metric) ? absl::StrCat(PledgeMetricLabel(metric), "(亿元)") : PledgeMetricLabel(metric);
}

const v1::PledgeProgress* FindMetric(const v1::UnitScore& unit, v1::PledgeMetric metric) {
  for (const v1::PledgeProgress& p : unit.metrics()) {
    if (p.metric() == metric) return &p;
  }
  return nullptr;
}

// "项目停滞（签约未注册）" for a stalled project; the kind's label otherwise.
std::string AlertKindText(const v1::Alert& a) {
  const std::string stall = StallLabel(a.stall());
  return stall.empty() ? AlertKindLabel(a.kind()) : absl::StrCat(AlertKindLabel(a.kind()), "（", stall, "）");
}

std::string Ratio(bool has, double value, Format format) {
  if (!has) return "";
  return format == Format::kTable ? FormatPercent(value) : absl::StrCat(value);
}

}  // namespace

void DashboardPrinter::Table(const std::vector<std::string>& headers,
                             const std::vector<std::vector<std::string>>& rows,
                             const std::vector<bool>& right_aligned) {
  cli::Table table;
  table.headers = headers;
  table.rows = rows;
  table.right_aligned = right_aligned;
  Generic().PrintTable(RenderTable(table, 40));
}

void DashboardPrinter::Summary(const v1::PipelineSummary& s) {
  if (format_ == Format::kJson) return Generic().JsonObject(s);
  if (format_ == Format::kCsv) {
    std::vector<std::vector<std::string>> rows;
    for (const v1::PipelineCell& c : s.cells()) {
      rows.push_back({StageLabel(c.stage()), TierLabel(c.tier()), absl::StrCat(c.project_count()),
                      absl::StrCat(c.planned_investment_cny()), absl::StrCat(c.contracted_investment_cny())});
    }
    return Generic().Records({"阶段", "档次", "项目数", "计划投资", "合同投资"}, rows, {});
  }
  out_ << s.year() << "年 招商项目管道  截至 " << s.as_of_date() << Scope(s.unit(), s.industry()) << "\n";
  out_ << "各档次：项目数 / 计划投资(亿元)\n";
  std::map<std::pair<int, int>, const v1::PipelineCell*> cells;
  for (const v1::PipelineCell& c : s.cells()) cells[{c.stage(), c.tier()}] = &c;
  std::vector<std::string> headers = {"阶段"};
  for (v1::InvestmentTier tier : kTiers) headers.push_back(TierLabel(tier));
  for (const char* h : {"合计", "概率", "加权(亿元)"}) headers.push_back(h);
  std::vector<std::vector<std::string>> rows;
  for (const v1::StageTotal& st : s.stages()) {
    std::vector<std::string> row = {StageLabel(st.stage())};
    for (v1::InvestmentTier tier : kTiers) {
      auto it = cells.find({st.stage(), tier});
      row.push_back(it == cells.end() ? "0"
                                      : CountAndYi(it->second->project_count(), it->second->planned_investment_cny()));
    }
    row.push_back(CountAndYi(st.project_count(), st.planned_investment_cny()));
    row.push_back(st.has_probability() ? FormatPercent(st.probability()) : "");
    row.push_back(st.has_probability() ? FormatYi(st.weighted_investment_cny()) : "");
    rows.push_back(std::move(row));
  }
  Table(headers, rows, {false, true, true, true, true, true, true, true});
  out_ << "在途（在谈至开工）" << s.open_project_count() << " 个  计划投资 "
       << FormatCny(s.open_planned_investment_cny()) << "  加权 " << FormatCny(s.weighted_pipeline_cny()) << "\n\n";

  rows.clear();
  for (const v1::StageConversion& c : s.conversions()) {
    rows.push_back({absl::StrCat(StageLabel(c.from_stage()), "→", StageLabel(c.to_stage())), absl::StrCat(c.entered()),
                    absl::StrCat(c.converted()), c.has_rate() ? FormatPercent(c.rate()) : "—"});
  }
  Table({"本年转化", "进入", "已转化", "转化率"}, rows, {false, true, true, true});
  std::vector<std::string> reasons;
  for (const v1::LostReasonCount& r : s.lost_reasons()) {
    reasons.push_back(absl::StrCat(LostReasonLabel(r.reason()), " ", r.project_count(), " 个"));
  }
  out_ << "\n本年流失 " << s.lost_count() << " 个" << (reasons.empty() ? "" : "：") << absl::StrJoin(reasons, "、")
       << "\n";
}

void DashboardPrinter::Scoreboard(const v1::UnitScoreboard& board) {
  if (format_ == Format::kJson) return Generic().JsonObject(board);
  const bool table = format_ == Format::kTable;
  std::vector<std::string> headers = {"排名", "单位", "单位名称"};
  for (v1::PledgeMetric m : kMetrics) {
    if (table) {
      headers.push_back(MetricHeader(m));
    } else {
      for (const char* part : {"完成", "目标", "完成率"}) headers.push_back(PledgeMetricLabel(m) + part);
    }
  }
  headers.push_back("综合完成率");
  headers.push_back("进度");
  std::vector<std::vector<std::string>> rows;
  for (const v1::UnitScore& u : board.units()) {
    std::vector<std::string> row = {u.rank() > 0 ? absl::StrCat(u.rank()) : "", u.unit(), u.unit_display_name()};
    for (v1::PledgeMetric m : kMetrics) {
      const v1::PledgeProgress* p = FindMetric(u, m);
      if (table) {
        row.push_back(p ? PledgeCell(*p) : "");
        continue;
      }
      row.push_back(p ? absl::StrCat(p->achieved()) : "");
      row.push_back(p && p->target() > 0 ? absl::StrCat(p->target()) : "");
      row.push_back(p ? Ratio(p->has_completion(), p->completion(), format_) : "");
    }
    row.push_back(Ratio(u.has_overall_completion(), u.overall_completion(), format_));
    row.push_back(PaceLabel(u.pace()));
    rows.push_back(std::move(row));
  }
  if (!table) return Generic().Records(headers, rows, {});
  out_ << board.year() << "年 责任状完成情况  截至 " << board.as_of_date() << "  时间进度 "
       << FormatPercent(board.year_elapsed()) << "  签订责任状单位 " << board.ranked_unit_count() << " 个\n";
  std::vector<bool> right(headers.size(), true);
  right[0] = right[1] = right[2] = right.back() = false;
  Table(headers, rows, right);
}

void DashboardPrinter::Alerts(const v1::ListAlertsResponse& alerts) {
  if (format_ == Format::kJson) return Generic().JsonObject(alerts);
  const std::vector<std::string> headers = {"逾期天数", "类型",   "预警对象", "事项",  "所属",
                                            "单位",     "责任人", "到期日",   "督办"};
  std::vector<std::vector<std::string>> rows;
  std::vector<v1::EscalationColor> colors;
  for (const v1::Alert& a : alerts.alerts()) {
    rows.push_back({absl::StrCat(a.days_overdue()), AlertKindText(a), a.subject(), a.title(), a.parent_display_name(),
                    a.unit(), a.owner(), a.due_date(), ColorLabel(a.color())});
    colors.push_back(a.color());
  }
  if (format_ == Format::kCsv) return Generic().Records(headers, rows, {});
  PrintEscalationTable(out_, color_, headers, rows, colors);
  out_ << "(" << rows.size() << " 条)\n";
  if (!alerts.next_page_token().empty()) out_ << "还有更多预警：加 --all 显示全部\n";
}

void DashboardPrinter::Pool(const v1::EnterprisePoolSummary& pool) {
  if (format_ == Format::kJson) return Generic().JsonObject(pool);
  const std::vector<std::string> headers = {"称号", "级别", "企业数", "本年新增"};
  std::vector<std::vector<std::string>> rows;
  for (const v1::TitleCount& t : pool.titles()) {
    rows.push_back({TitleLabel(t.title()), LevelLabel(t.level()), absl::StrCat(t.enterprise_count()),
                    absl::StrCat(t.new_this_year())});
  }
  if (format_ == Format::kCsv) return Generic().Records(headers, rows, {});
  out_ << pool.year() << "年 企业培育库  截至 " << pool.as_of_date() << Scope(pool.unit(), pool.industry())
       << "  在库企业 " << pool.enterprise_count() << " 家\n";
  Table(headers, rows, {false, false, true, true});
  rows.clear();
  for (const v1::ScreeningCandidates& c : pool.candidates()) {
    rows.push_back({TitleLabel(c.title()), absl::StrCat(c.enterprise_count())});
  }
  out_ << "\n可申报（按最新数据筛选，" << LocalTime(pool.candidates_time()) << "）\n";
  Table({"称号", "企业数"}, rows, {false, true});
  const v1::ServiceChecklistStats& r = pool.service_requests();
  out_ << "\n服务清单\n";
  Generic().Fields({
      {"未办结", absl::StrCat(r.open_count())},
      {"其中逾期", absl::StrCat(r.overdue_count())},
      {"本年办结", absl::StrCat(r.closed_count())},
      {"平均办理天数", r.has_average_days_to_close() ? absl::StrFormat("%.1f", r.average_days_to_close()) : ""},
      {"平均满意度", r.has_average_satisfaction() ? absl::StrFormat("%.1f", r.average_satisfaction()) : ""},
      {"评价数", absl::StrCat(r.rated_count())},
  });
}

void DashboardPrinter::Trend(const v1::Trend& trend) {
  if (format_ == Format::kJson) return Generic().JsonObject(trend);
  const bool table = format_ == Format::kTable;
  auto yi = [&](int64_t yuan) { return table ? FormatYi(yuan) : absl::StrCat(yuan); };
  std::vector<std::string> headers = {"月份", "签约项目", "签约投资", "开工项目", "到资"};
  if (table) headers = {"月份", "签约项目", "签约投资(亿元)", "开工项目", "到资(亿元)"};
  std::vector<std::vector<std::string>> rows;
  v1::MonthPoint total;
  for (const v1::MonthPoint& m : trend.months()) {
    rows.push_back({m.month(), absl::StrCat(m.signed_projects()), yi(m.signed_investment_cny()),
                    absl::StrCat(m.construction_starts()), yi(m.capital_arrived_cny())});
    total.set_signed_projects(total.signed_projects() + m.signed_projects());
    total.set_signed_investment_cny(total.signed_investment_cny() + m.signed_investment_cny());
    total.set_construction_starts(total.construction_starts() + m.construction_starts());
    total.set_capital_arrived_cny(total.capital_arrived_cny() + m.capital_arrived_cny());
  }
  if (!table) return Generic().Records(headers, rows, {});
  rows.push_back({"合计", absl::StrCat(total.signed_projects()), yi(total.signed_investment_cny()),
                  absl::StrCat(total.construction_starts()), yi(total.capital_arrived_cny())});
  out_ << trend.year() << "年 月度趋势" << Scope(trend.unit(), trend.industry()) << "\n";
  Table(headers, rows, {false, true, true, true, true});
}

}  // namespace crm::cli
