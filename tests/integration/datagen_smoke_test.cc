// crm-datagen (bench/datagen) against a fresh, migrated database: small
// counts, then grown, so that the generator cannot silently rot. Checks what
// a benchmark relies on: the rollups equal their recount exactly, and the
// data keeps the domain's rules (dates in stage order and not in the future,
// tiers by TierOf, valid and unique USCCs, capital totals, stage history,
// targets for every unit and year). Also the generator's pure parts.

#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "base/calendar.h"
#include "base/uscc.h"
#include "bench/datagen/datagen.h"
#include "bench/datagen/project_lifecycle.h"
#include "bench/datagen/synthetic_ids.h"
#include "services/projects/project_rules.h"
#include "tests/integration/test_db.h"

namespace crm {
namespace {

using Rows = std::vector<std::vector<std::string>>;

class DatagenSmokeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = testing::TestDatabase::Create();
    ASSERT_NE(db_, nullptr);
  }

  // Every row of `sql`, as text ("" for NULL), read as the owner.
  Rows Query(const std::string& sql) {
    auto conn = ConnectionPool::Connect(db_->config());
    if (!conn.ok()) {
      ADD_FAILURE() << conn.status();
      return {};
    }
    std::unique_ptr<sql::Statement> st((*conn)->raw().createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(sql));
    int columns = static_cast<int>(rs->getMetaData()->getColumnCount());
    Rows rows;
    while (rs->next()) {
      auto& row = rows.emplace_back();
      for (int i = 1; i <= columns; ++i) row.push_back(rs->isNull(i) ? "" : std::string(rs->getString(i)));
    }
    return rows;
  }

  // Rows of `a` missing from `b` plus rows of `b` missing from `a`.
  std::string SymmetricDifference(const std::string& a, const std::string& b) {
    return db_->QueryOne(absl::StrCat("SELECT (SELECT COUNT(*) FROM (SELECT * FROM ", a, " EXCEPT SELECT * FROM ", b,
                                      ") x) + (SELECT COUNT(*) FROM (SELECT * FROM ", b, " EXCEPT SELECT * FROM ", a,
                                      ") y)"));
  }

  std::unique_ptr<testing::TestDatabase> db_;
};

TEST_F(DatagenSmokeTest, GrowsPlausibleDataWithExactRollups) {
  datagen::Options options;
  options.projects = 120;
  options.enterprises = 30;
  options.leads = 40;
  options.units = 6;
  options.years = 3;
  options.seed = 7;
  auto first = datagen::Generate(db_->config(), options);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->projects, 120);
  EXPECT_GT(first->rows, 120 + 30 + 40);

  // Grown, not replaced: a second run adds the difference.
  options.projects = 200;
  options.enterprises = 50;
  options.leads = 70;
  auto second = datagen::Generate(db_->config(), options);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->projects, 200);
  EXPECT_EQ(second->enterprises, 50);
  EXPECT_EQ(second->leads, 70);
  EXPECT_EQ(second->tables["projects"].rows, 80);
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM units"), "6");
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM principals"), "30");  // a lead and four staff per unit

  // The rollups are exactly their recount, and not trivially so.
  EXPECT_EQ(SymmetricDifference("pipeline_stage_rollup", "pipeline_stage_recount"), "0");
  EXPECT_EQ(SymmetricDifference("pipeline_month_rollup", "pipeline_month_recount"), "0");
  EXPECT_NE(db_->QueryOne("SELECT COUNT(*) FROM pipeline_stage_rollup"), "0");
  EXPECT_NE(db_->QueryOne("SELECT COUNT(*) FROM pipeline_month_rollup"), "0");

  // Stage dates in order; stage_date is the current stage's (for LOST: the
  // loss, after every stage reached); nothing after the zone's today.
  const std::string today = IsoDay(ZoneDay(absl::Now()));
  EXPECT_EQ(db_->QueryOne(absl::StrCat(
                "SELECT COUNT(*) FROM projects WHERE negotiation_date IS NULL"
                " OR signed_date < negotiation_date OR registered_date < signed_date"
                " OR construction_start_date < registered_date OR production_date < construction_start_date"
                " OR (registered_date IS NOT NULL AND signed_date IS NULL)"
                " OR (construction_start_date IS NOT NULL AND registered_date IS NULL)"
                " OR (production_date IS NOT NULL AND construction_start_date IS NULL)"
                " OR stage_date <> CASE stage WHEN 1 THEN negotiation_date WHEN 2 THEN signed_date"
                "   WHEN 3 THEN registered_date WHEN 4 THEN construction_start_date WHEN 5 THEN production_date"
                "   ELSE GREATEST(stage_date, negotiation_date, COALESCE(signed_date, negotiation_date),"
                "     COALESCE(registered_date, negotiation_date), COALESCE(construction_start_date, negotiation_date))"
                "   END"
                " OR (stage = 6) <> (lost_reason <> 0)"
                " OR stage_date > '",
                today, "' OR create_time > UTC_TIMESTAMP(6)")),
            "0");
  // Each stage's projects carry exactly the dates of the stages reached.
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM projects WHERE stage BETWEEN 1 AND 5 AND ("
                          " (stage >= 2) <> (signed_date IS NOT NULL) OR (stage >= 3) <> (registered_date IS NOT NULL)"
                          " OR (stage >= 4) <> (construction_start_date IS NOT NULL)"
                          " OR (stage >= 5) <> (production_date IS NOT NULL))"),
            "0");
  // A pipeline, not a single stage: some negotiating, some lost, some in production.
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(DISTINCT stage) FROM projects"), "6");

  // Tiers as the project rules decide them.
  for (const auto& row : Query("SELECT id, planned_investment_cny, tier FROM projects")) {
    int64_t amount = 0;
    int tier = 0;
    ASSERT_TRUE(absl::SimpleAtoi(row[1], &amount) && absl::SimpleAtoi(row[2], &tier));
    EXPECT_EQ(tier, TierOf(amount)) << "projects/" << row[0];
  }

  // USCCs valid, and unique among enterprises and among leads.
  for (const auto& row : Query("SELECT uscc FROM enterprises UNION ALL SELECT uscc FROM leads WHERE uscc IS NOT NULL"
                               " UNION ALL SELECT investor_uscc FROM projects WHERE investor_uscc <> ''")) {
    EXPECT_EQ(UsccProblem(row[0]), std::nullopt) << row[0];
  }
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) - COUNT(DISTINCT uscc) FROM enterprises"), "0");
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(uscc) - COUNT(DISTINCT uscc) FROM leads"), "0");

  // The history: one creation row per project, the last move ends in the current stage.
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM projects p WHERE (SELECT COUNT(*) FROM project_stage_history h"
                          " WHERE h.project_id = p.id AND h.from_stage = 0) <> 1"
                          " OR p.stage <> (SELECT h.to_stage FROM project_stage_history h WHERE h.project_id = p.id"
                          " ORDER BY h.id DESC LIMIT 1)"),
            "0");
  // 到资: the project's total is the sum of its arrivals; arrivals only after signing.
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM projects p WHERE p.capital_arrived_cny <> (SELECT"
                          " COALESCE(SUM(a.amount_cny), 0) FROM capital_arrivals a WHERE a.project_id = p.id)"
                          " OR (p.capital_arrived_cny > 0 AND p.signed_date IS NULL)"),
            "0");
  EXPECT_NE(db_->QueryOne("SELECT COUNT(*) FROM capital_arrivals"), "0");
  // The battle map has overdue open milestones, so the alert list has content.
  EXPECT_NE(db_->QueryOne(absl::StrCat("SELECT COUNT(*) FROM milestones WHERE actual_date IS NULL AND planned_date < '",
                                       today, "'")),
            "0");
  // A target for every unit and year; the per-tier targets within the total.
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM unit_targets"), "18");  // 6 units × 3 years
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM unit_targets WHERE signed_projects_5b > signed_projects_2b"
                          " OR signed_projects_2b > signed_projects_1b OR signed_projects_1b > signed_projects"),
            "0");
  // Project codes continue the server's per-day counters.
  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM projects p WHERE CAST(SUBSTRING_INDEX(p.project_code, '-', -1) AS"
                          " UNSIGNED) > (SELECT c.last_serial FROM project_code_counters c WHERE c.day ="
                          " DATE(p.negotiation_date))"),
            "0");
}

// The pure parts, over many samples (no database).
TEST(DatagenLifecycleTest, DaysInStageOrderWithinTheYears) {
  const absl::CivilDay first(2022, 1, 1), today(2026, 6, 15);
  datagen::Rng rng(11);
  int lost = 0;
  for (int i = 0; i < 100'000; ++i) {
    datagen::Lifecycle l = datagen::SampleLifecycle(rng, first, today);
    ASSERT_GE(l.negotiation, first);
    ASSERT_LE(l.stage_day, today);
    absl::CivilDay last = l.negotiation;
    for (const auto& day : {l.signed_day, l.registered, l.construction, l.production}) {
      if (!day) break;
      ASSERT_GE(*day, last);
      last = *day;
    }
    ASSERT_GE(l.stage_day, last);
    std::vector<datagen::StageMove> moves = datagen::StageMoves(l);
    ASSERT_EQ(moves.front().from, v1::PROJECT_STAGE_UNSPECIFIED);
    ASSERT_EQ(moves.back().to, l.stage);
    ASSERT_EQ(moves.back().day, l.stage_day);
    if (l.stage == v1::PROJECT_STAGE_LOST) {
      ++lost;
      ASSERT_NE(l.lost_reason, v1::LOST_REASON_UNSPECIFIED);
    }
  }
  EXPECT_GT(lost, 5'000);  // about a tenth
  EXPECT_LT(lost, 15'000);
}

TEST(DatagenUsccTest, DistinctValidCodesAcrossKinds) {
  std::set<std::string> seen;
  for (int64_t base : {datagen::kEnterpriseUsccBase, datagen::kLeadUsccBase, datagen::kInvestorUsccBase}) {
    for (int64_t serial = base; serial < base + 30'000; ++serial) {
      std::string uscc = datagen::SyntheticUscc(serial, serial % 2 ? "350200" : "440300");
      ASSERT_EQ(UsccProblem(uscc), std::nullopt) << uscc;
      ASSERT_TRUE(seen.insert(uscc.substr(8, 9)).second) << "organisation code repeated: " << uscc;
    }
  }
}

}  // namespace
}  // namespace crm
