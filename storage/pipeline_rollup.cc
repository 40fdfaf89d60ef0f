#include "storage/pipeline_rollup.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "storage/row_codec.h"

namespace crm {

const std::array<const char*, kMonthCounterCount> kMonthCounterColumns = {
    "reached_negotiation",   "reached_signed",        "reached_registered",    "reached_construction",
    "reached_production",    "converted_negotiation", "converted_signed",      "converted_registered",
    "converted_construction", "signed_investment_cny", "signed_1b",             "signed_2b",
    "signed_5b",             "lost_count",            "lost_competing_region", "lost_investor_withdrew",
    "lost_land",             "lost_policy",           "lost_financing",        "lost_other",
    "capital_arrived_cny",
};

namespace {

std::string MonthOf(const std::string& iso_date) { return absl::StrCat(iso_date.substr(0, 7), "-01"); }

// The buckets a project counts in.
std::vector<int> IndustriesOf(const v1::Project& p) {
  if (p.industry() == kAllIndustries) return {kAllIndustries};
  return {kAllIndustries, static_cast<int>(p.industry())};
}

void AddToMonth(const v1::Project& p, const std::string& day, MonthCounter counter, int64_t value,
                PipelineRollupDelta& delta) {
  if (day.empty() || value == 0) return;
  for (int industry : IndustriesOf(p)) {
    delta.months[{industry, MonthOf(day), IdOf(p.unit())}][counter] += value;
  }
}

bool IsDeleted(const v1::Project& p) { return p.has_delete_time(); }

}  // namespace

void AddProjectContribution(const v1::Project& p, const CapitalByMonth& capital, int sign,
                            PipelineRollupDelta& delta) {
  if (IsDeleted(p)) return;
  for (int industry : IndustriesOf(p)) {
    auto& cell = delta.stages[{industry, IdOf(p.unit()), p.stage(), p.tier()}];
    cell[0] += sign;
    cell[1] += sign * p.planned_investment_cny();
    cell[2] += sign * p.contracted_investment_cny();
  }
  // Each stage reached, by its month, and whether the next one was reached since.
  const std::string* reached[] = {&p.negotiation_date(), &p.signed_date(), &p.registered_date(),
                                  &p.construction_start_date(), &p.production_date()};
  for (int s = 0; s < 5; ++s) {
    AddToMonth(p, *reached[s], static_cast<MonthCounter>(kReachedNegotiation + s), sign, delta);
    if (s < 4 && !reached[s + 1]->empty()) {
      AddToMonth(p, *reached[s], static_cast<MonthCounter>(kConvertedNegotiation + s), sign, delta);
    }
  }
  AddToMonth(p, p.signed_date(), kSignedInvestment, sign * p.planned_investment_cny(), delta);
  AddToMonth(p, p.signed_date(), kSigned1b, p.tier() >= v1::INVESTMENT_TIER_1B ? sign : 0, delta);
  AddToMonth(p, p.signed_date(), kSigned2b, p.tier() >= v1::INVESTMENT_TIER_2B ? sign : 0, delta);
  AddToMonth(p, p.signed_date(), kSigned5b, p.tier() >= v1::INVESTMENT_TIER_5B ? sign : 0, delta);
  if (p.stage() == v1::PROJECT_STAGE_LOST) {
    AddToMonth(p, p.stage_date(), kLostCount, sign, delta);
    if (p.lost_reason() >= v1::LOST_REASON_COMPETING_REGION && p.lost_reason() <= v1::LOST_REASON_OTHER) {
      AddToMonth(p, p.stage_date(),
                 static_cast<MonthCounter>(static_cast<int>(kLostCompetingRegion) + p.lost_reason() -
                                           v1::LOST_REASON_COMPETING_REGION),
                 sign, delta);
    }
  }
  for (const auto& [month, amount] : capital) AddToMonth(p, month, kCapitalArrived, sign * amount, delta);
}

void AddCapitalArrival(const v1::Project& p, const std::string& arrival_date, int64_t amount_cny,
                       PipelineRollupDelta& delta) {
  if (IsDeleted(p)) return;
  AddToMonth(p, arrival_date, kCapitalArrived, amount_cny, delta);
}

void ApplyRollupDelta(Connection& conn, const PipelineRollupDelta& delta) {
  for (const auto& [key, values] : delta.stages) {
    if (values == std::array<int64_t, 3>{}) continue;
    sql::PreparedStatement& ps = conn.Prepare(
        "INSERT INTO pipeline_stage_rollup (industry, unit_id, stage, tier, project_count, planned_investment_cny,"
        " contracted_investment_cny) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
        " project_count = project_count + VALUES(project_count),"
        " planned_investment_cny = planned_investment_cny + VALUES(planned_investment_cny),"
        " contracted_investment_cny = contracted_investment_cny + VALUES(contracted_investment_cny)");
    ps.setInt(1, std::get<0>(key));
    ps.setString(2, std::get<1>(key));
    ps.setInt(3, std::get<2>(key));
    ps.setInt(4, std::get<3>(key));
    for (int i = 0; i < 3; ++i) ps.setInt64(5 + i, values[i]);
    ps.executeUpdate();
  }
  static const std::string kMonthUpsert = [] {
    std::string placeholders = "?, ?, ?";
    std::vector<std::string> increments;
    for (const char* c : kMonthCounterColumns) {
      placeholders += ", ?";
      increments.push_back(absl::StrCat(c, " = ", c, " + VALUES(", c, ")"));
    }
    return absl::StrCat("INSERT INTO pipeline_month_rollup (industry, month_start, unit_id, ",
                        absl::StrJoin(kMonthCounterColumns, ", "), ") VALUES (", placeholders,
                        ") ON DUPLICATE KEY UPDATE ", absl::StrJoin(increments, ", "));
  }();

  for (const auto& [key, values] : delta.months) {
    if (values == std::array<int64_t, kMonthCounterCount>{}) continue;
    sql::PreparedStatement& ps = conn.Prepare(kMonthUpsert);
    ps.setInt(1, std::get<0>(key));
    ps.setString(2, std::get<1>(key));
    ps.setString(3, std::get<2>(key));
    for (int i = 0; i < kMonthCounterCount; ++i) ps.setInt64(4 + i, values[i]);
    ps.executeUpdate();
  }
}

namespace {

CapitalByMonth LoadCapitalByMonth(Connection& conn, int64_t project_id) {
  sql::PreparedStatement& ps = conn.Prepare(
      "SELECT DATE_FORMAT(arrival_date, '%Y-%m-01') AS month_start, SUM(amount_cny) AS amount FROM capital_arrivals"
      " WHERE project_id = ? GROUP BY month_start");
  ps.setInt64(1, project_id);
  std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
  CapitalByMonth out;
  while (rs->next()) out[rs->getString("month_start")] = rs->getInt64("amount");
  return out;
}

// Where a project's capital counts: it moves only when this changes.
auto CapitalKey(const v1::Project& p) { return std::make_tuple(p.industry(), p.unit(), p.has_delete_time()); }

}  // namespace

void UpdatePipelineRollups(Connection& conn, const v1::Project* before, const v1::Project& after) {
  CapitalByMonth capital;
  if (before != nullptr && after.capital_arrived_cny() > 0 && CapitalKey(*before) != CapitalKey(after)) {
    capital = LoadCapitalByMonth(conn, LastId(after.name()));
  }
  PipelineRollupDelta delta;
  if (before != nullptr) AddProjectContribution(*before, capital, -1, delta);
  AddProjectContribution(after, capital, +1, delta);
  ApplyRollupDelta(conn, delta);
}

}  // namespace crm
