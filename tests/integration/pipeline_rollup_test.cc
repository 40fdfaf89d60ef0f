// The dashboard's rollups against a full recount: after a random workload of
// creates, stage moves (with skips and back-dating), losses, reopens, edits
// that move a project between tiers, units and industries, capital arrivals,
// deletes and undeletes — from several threads at once — the rollup tables
// must equal the *_recount views computed from the base tables, exactly.
// The random workload is followed by one project that goes through every kind
// of operation in turn, so that what the comparison covers never depends on
// the seed.

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "base/calendar.h"
#include "storage/pipeline_rollup.h"
#include "tests/integration/service_fixture.h"
#include "tests/support/test_seed.h"

namespace crm::testing {
namespace {

using v1::Project;

class PipelineRollupTest : public ServiceFixture {
 protected:
  // The rows of a rollup table (all-zero rows dropped: they equal no row) or
  // of its recount view, one line each, in key order.
  std::string Rows(const std::string& table, const std::vector<std::string>& keys,
                   const std::vector<std::string>& values) {
    std::vector<std::string> all = keys;
    all.insert(all.end(), values.begin(), values.end());
    std::vector<std::string> nonzero;
    for (const std::string& v : values) nonzero.push_back(absl::StrCat(v, " <> 0"));
    return server_.db().QueryOne(absl::StrCat(
        "SELECT GROUP_CONCAT(CONCAT_WS(',', ", absl::StrJoin(all, ", "), ") ORDER BY ", absl::StrJoin(keys, ", "),
        " SEPARATOR '\\n') FROM ", table, " WHERE ", absl::StrJoin(nonzero, " OR ")));
  }

  void ExpectRollupsEqualRecount() {
    const std::vector<std::string> stage_keys = {"industry", "unit_id", "stage", "tier"};
    const std::vector<std::string> stage_values = {"project_count", "planned_investment_cny",
                                                   "contracted_investment_cny"};
    const std::string stages = Rows("pipeline_stage_rollup", stage_keys, stage_values);
    EXPECT_EQ(stages, Rows("pipeline_stage_recount", stage_keys, stage_values));
    const std::vector<std::string> month_keys = {"industry", "month_start", "unit_id"};
    const std::vector<std::string> month_values(kMonthCounterColumns.begin(), kMonthCounterColumns.end());
    const std::string months = Rows("pipeline_month_rollup", month_keys, month_values);
    EXPECT_EQ(months, Rows("pipeline_month_recount", month_keys, month_values));
    // Not vacuous: the workload reached every kind of figure.
    EXPECT_FALSE(stages.empty());
    for (const char* column : {"lost_count", "converted_signed", "capital_arrived_cny", "signed_1b",
                               "reached_production"}) {
      EXPECT_NE(server_.db().QueryOne(absl::StrCat("SELECT SUM(", column, ") FROM pipeline_month_rollup")), "0")
          << column;
    }
  }

  // The operations below succeed or fail the test; `p` is the project as it
  // was last answered.
  void RecordCapital(const Project& p, const std::string& date, int64_t amount) {
    v1::RecordCapitalArrivalRequest req;
    req.set_parent(p.name());
    req.mutable_capital_arrival()->set_arrival_date(date);
    req.mutable_capital_arrival()->set_amount_cny(amount);
    v1::CapitalArrival out;
    grpc::Status s = server_.projects().RecordCapitalArrival(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
  }

  Project MoveElsewhere(const Project& p, const std::string& unit, v1::IndustrySection industry, int64_t amount) {
    v1::UpdateProjectRequest req;
    req.mutable_project()->set_name(p.name());
    req.mutable_project()->set_unit(unit);
    req.mutable_project()->set_industry(industry);
    req.mutable_project()->set_planned_investment_cny(amount);
    for (const char* f : {"planned_investment_cny", "unit", "industry"}) req.mutable_update_mask()->add_paths(f);
    Project out;
    grpc::Status s = server_.projects().UpdateProject(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  Project Reopen(const Project& p) {
    v1::ReopenProjectRequest req;
    req.set_name(p.name());
    req.set_note("back at the table");
    Project out;
    grpc::Status s = server_.projects().ReopenProject(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  Project Delete(const Project& p) {
    v1::DeleteProjectRequest req;
    req.set_name(p.name());
    Project out;
    grpc::Status s = server_.projects().DeleteProject(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  Project Undelete(const Project& p) {
    v1::UndeleteProjectRequest req;
    req.set_name(p.name());
    Project out;
    grpc::Status s = server_.projects().UndeleteProject(Ctx().get(), req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }
};

constexpr int kThreads = 4;
constexpr int kStepsPerThread = 150;

TEST_F(PipelineRollupTest, RollupsEqualAFullRecountAfterARandomConcurrentWorkload) {
  for (const char* u : {"east", "west", "north"}) MakeUnit(u);
  const std::vector<std::string> units = {"units/east", "units/west", "units/north"};
  const std::vector<v1::IndustrySection> industries = {v1::INDUSTRY_SECTION_UNSPECIFIED, v1::INDUSTRY_SECTION_C,
                                                       v1::INDUSTRY_SECTION_I, v1::INDUSTRY_SECTION_M};
  const std::vector<int64_t> amounts = {300'000'000, 999'999'999, 1'000'000'000, 2'500'000'000, 6'000'000'000};
  const absl::CivilDay today = ZoneDay(absl::Now());
  const TestSeed seed;

  absl::Mutex mu;
  std::vector<std::string> projects;  // names, shared by the threads
  std::map<std::string, std::atomic<int>> done;
  for (const char* op : {"create", "advance", "skip", "lose", "reopen", "update", "capital", "delete", "undelete"}) {
    done[op] = 0;
  }
  auto worker = [&](unsigned thread_seed) {
    std::mt19937 rng(thread_seed);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    auto random_project = [&]() -> std::string {
      absl::MutexLock lock(&mu);
      return projects.empty() ? "" : projects[pick(projects.size())];
    };
    for (int step = 0; step < kStepsPerThread; ++step) {
      const std::string name = random_project();
      const int op = name.empty() ? 0 : static_cast<int>(pick(10));
      Project out;
      grpc::Status s;
      std::string kind;
      if (op <= 2) {
        kind = "create";
        v1::CreateProjectRequest req;
        Project& p = *req.mutable_project();
        p.set_display_name(absl::StrCat("项目 ", thread_seed, "-", step));
        p.set_investor_name("某投资方");
        p.set_unit(units[pick(units.size())]);
        p.set_industry(industries[pick(industries.size())]);
        p.set_planned_investment_cny(amounts[pick(amounts.size())]);
        p.set_contracted_investment_cny(p.planned_investment_cny() / 2);
        s = server_.projects().CreateProject(Ctx().get(), req, &out);
        if (s.ok()) {
          absl::MutexLock lock(&mu);
          projects.push_back(out.name());
        }
      } else if (op <= 4) {
        // One step, or a skip of one more with a justification; back-dated
        // within the last days so that months differ now and then.
        v1::GetProjectRequest get;
        get.set_name(name);
        Project now;
        if (!server_.projects().GetProject(Ctx().get(), get, &now).ok()) continue;
        const bool skip = pick(3) == 0;
        kind = skip ? "skip" : "advance";
        v1::AdvanceProjectStageRequest req;
        req.set_name(name);
        req.set_to_stage(static_cast<v1::ProjectStage>(now.stage() + (skip ? 2 : 1)));
        if (skip) req.set_justification("signed and registered the same week");
        std::optional<absl::CivilDay> since = ParseIsoDay(now.stage_date());
        if (since && pick(2) == 0) req.set_effective_date(IsoDay(*since + static_cast<int>(pick(today - *since + 1))));
        s = server_.projects().AdvanceProjectStage(Ctx().get(), req, &out);
      } else if (op == 5) {
        kind = "lose";
        v1::MarkProjectLostRequest req;
        req.set_name(name);
        req.set_reason(static_cast<v1::LostReason>(1 + pick(6)));
        req.set_note("lost in the test");
        s = server_.projects().MarkProjectLost(Ctx().get(), req, &out);
      } else if (op == 6) {
        kind = pick(2) == 0 ? "reopen" : "undelete";
        if (kind == "reopen") {
          v1::ReopenProjectRequest req;
          req.set_name(name);
          req.set_note("back at the table");
          s = server_.projects().ReopenProject(Ctx().get(), req, &out);
        } else {
          v1::UndeleteProjectRequest req;
          req.set_name(name);
          s = server_.projects().UndeleteProject(Ctx().get(), req, &out);
        }
      } else if (op == 7) {
        kind = "update";
        v1::UpdateProjectRequest req;
        req.mutable_project()->set_name(name);
        req.mutable_project()->set_planned_investment_cny(amounts[pick(amounts.size())]);
        req.mutable_project()->set_unit(units[pick(units.size())]);
        req.mutable_project()->set_industry(industries[pick(industries.size())]);
        for (const char* f : {"planned_investment_cny", "unit", "industry"}) req.mutable_update_mask()->add_paths(f);
        s = server_.projects().UpdateProject(Ctx().get(), req, &out);
      } else if (op == 8) {
        kind = "capital";
        v1::RecordCapitalArrivalRequest req;
        req.set_parent(name);
        req.mutable_capital_arrival()->set_arrival_date(IsoDay(today - static_cast<int>(pick(400))));
        req.mutable_capital_arrival()->set_amount_cny(static_cast<int64_t>(1 + pick(50)) * 1'000'000);
        v1::CapitalArrival arrival;
        s = server_.projects().RecordCapitalArrival(Ctx().get(), req, &arrival);
      } else {
        kind = "delete";
        v1::DeleteProjectRequest req;
        req.set_name(name);
        s = server_.projects().DeleteProject(Ctx().get(), req, &out);
      }
      // Refusals (an illegal move, a deleted project, a lost race) are part
      // of the workload; anything else is a failure.
      EXPECT_TRUE(s.ok() || s.error_code() == grpc::StatusCode::FAILED_PRECONDITION ||
                  s.error_code() == grpc::StatusCode::ABORTED || s.error_code() == grpc::StatusCode::INVALID_ARGUMENT)
          << kind << " " << name << ": " << s.error_code() << " " << s.error_message();
      if (s.ok()) ++done[kind];
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(worker, seed.value() + t);
  for (std::thread& t : threads) t.join();
  std::printf("random workload (%s):", seed.description().c_str());
  for (const auto& [op, n] : done) std::printf(" %s=%d", op.c_str(), n.load());
  std::printf("\n");

  // Every kind of operation once more, each sure to succeed, whatever the
  // random run managed: a create, a move, a skip, a capital arrival, an edit
  // across unit, industry and tier, a loss, a reopen, a delete, an undelete,
  // and production (several moves in a row, which a random run may never make).
  Project p = NewUnitProject("units/east", 999'999'999);
  p = AdvanceProject(p, v1::PROJECT_STAGE_SIGNED);
  p = AdvanceProject(p, v1::PROJECT_STAGE_CONSTRUCTION_STARTED);
  RecordCapital(p, IsoDay(today - 40), 30'000'000);
  p = MoveElsewhere(p, "units/west", v1::INDUSTRY_SECTION_I, 2'500'000'000);
  p = LoseProject(p, v1::LOST_REASON_OTHER);
  p = Reopen(p);
  p = Delete(p);
  p = Undelete(p);
  AdvanceProject(p, v1::PROJECT_STAGE_IN_PRODUCTION);
  ExpectRollupsEqualRecount();
}

}  // namespace
}  // namespace crm::testing
