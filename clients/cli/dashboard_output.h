#ifndef CRM_CLIENTS_CLI_DASHBOARD_OUTPUT_H_
#define CRM_CLIENTS_CLI_DASHBOARD_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include "clients/cli/output.h"
#include "crm/v1/dashboard_service.pb.h"

namespace crm::cli {

// Writes the leadership dashboard's answers: a human report (Chinese labels,
// 亿元/万元, completions as percentages; the header bold and the alerts' 督办
// colour coloured when colour is on), JSON (the response message, as the
// protobuf JSON mapping) or CSV (each answer's main table, money in whole
// yuan and ratios as fractions: the stage × tier cells, one row per unit,
// the alerts, the titles, the months).
class DashboardPrinter {
 public:
  DashboardPrinter(std::ostream& out, Format format, bool color) : out_(out), format_(format), color_(color) {}

  // The stage × tier matrix with each stage's totals, probability and
  // weighted value; the open pipeline; conversions; losses and why.
  void Summary(const v1::PipelineSummary& summary);
  // One row per unit: rank, each pledge metric as achieved/target
  // (completion), overall completion and pace; under a line with the year's clock.
  void Scoreboard(const v1::UnitScoreboard& board);
  // One row per alert, most severe first; the 督办 colour last, as in the
  // other 督办 tables; a hint to use --all when a next page was not fetched.
  void Alerts(const v1::ListAlertsResponse& alerts);
  // Titles held and new this year, screening candidates, the service checklist.
  void Pool(const v1::EnterprisePoolSummary& pool);
  // One row per month, and the year's total.
  void Trend(const v1::Trend& trend);

 private:
  // A table as RenderTable renders it (Printer::PrintTable), `right_aligned` per column.
  void Table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
             const std::vector<bool>& right_aligned = {});
  Printer Generic() { return Printer(out_, format_, color_); }

  std::ostream& out_;
  Format format_;
  bool color_;
};

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_DASHBOARD_OUTPUT_H_
