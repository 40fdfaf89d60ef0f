#ifndef CRM_CLIENTS_CLI_PROJECT_OUTPUT_H_
#define CRM_CLIENTS_CLI_PROJECT_OUTPUT_H_

#include <ostream>
#include <string>
#include <vector>

#include "clients/cli/output.h"
#include "crm/v1/leads_service.pb.h"
#include "crm/v1/projects_service.pb.h"

namespace crm::cli {

// Writes investment projects and their records the way EnterprisePrinter
// writes the pool's: a human table (Chinese labels, 亿元/万元, local times;
// the header bold and a milestone's 督办 colour coloured when colour is on),
// JSON (the protobuf JSON mapping: one record as an object, a list as an
// array) or CSV (a table's columns, money in whole yuan).
class ProjectPrinter {
 public:
  ProjectPrinter(std::ostream& out, Format format, bool color) : out_(out), format_(format), color_(color) {}

  // 项目, 编号, 名称, 投资方, 计划投资(亿元), 档次, 阶段, 本阶段天数, 下一节点, 三未, 单位.
  void Projects(const std::vector<v1::Project>& projects);
  void Project(const v1::Project& project);  // one in detail, with its stopwatch
  void History(const std::vector<v1::StageChange>& changes);
  void CapitalArrivals(const v1::ListCapitalArrivalsResponse& arrivals);  // with the total
  void CapitalArrival(const v1::CapitalArrival& arrival);
  void Milestones(const std::vector<v1::Milestone>& milestones);
  void Milestone(const v1::Milestone& milestone);
  void Problems(const std::vector<v1::ProjectProblem>& problems);
  void Problem(const v1::ProjectProblem& problem);
  void Targets(const std::vector<v1::UnitTarget>& targets);
  void Target(const v1::UnitTarget& target);
  // The lead, its enterprise and its project (`project`, when read, adds its
  // name and code).
  void Conversion(const v1::ConvertLeadResponse& conversion, const v1::Project* project);

 private:
  // A list: JSON of `messages`, or `rows` under `headers` as CSV or as a table
  // (`colors`: see PrintEscalationTable) followed by "(N `unit`)".
  void List(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
            const std::vector<const google::protobuf::Message*>& messages, const char* unit,
            const std::vector<v1::EscalationColor>& colors = {});
  // Money: 亿元/万元 in a table, whole yuan otherwise.
  std::string Money(int64_t yuan) const;
  Printer Generic() { return Printer(out_, format_, color_); }

  std::ostream& out_;
  Format format_;
  bool color_;
};

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_PROJECT_OUTPUT_H_
