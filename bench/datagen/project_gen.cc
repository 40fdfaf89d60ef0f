#include "bench/datagen/project_gen.h"

#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "base/status_macros.h"
#include "bench/datagen/project_lifecycle.h"
#include "bench/datagen/synthetic_ids.h"
#include "bench/datagen/vocabulary.h"
#include "services/projects/project_rules.h"
#include "storage/sql_error.h"

namespace crm::datagen {
namespace {

constexpr int kChunk = 1000;

// A live enterprise that can be a project's investor.
struct Investor {
  int64_t id;
  std::string name;
  std::string uscc;
  v1::IndustrySection industry;
};

absl::StatusOr<std::vector<Investor>> LoadInvestors(sql::Connection& conn) {
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(
        "SELECT id, company_name, uscc, industry FROM enterprises WHERE delete_time IS NULL ORDER BY id"));
    std::vector<Investor> investors;
    while (rs->next()) {
      investors.push_back(
          {rs->getInt64(1), rs->getString(2), rs->getString(3), static_cast<v1::IndustrySection>(rs->getInt(4))});
    }
    return investors;
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
}

// The last serial of each creation day (project_code_counters), which the
// server's NextProjectCode continues from.
absl::StatusOr<std::map<absl::CivilDay, int64_t>> LoadCodeCounters(sql::Connection& conn) {
  try {
    std::unique_ptr<sql::Statement> st(conn.createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT day, last_serial FROM project_code_counters"));
    std::map<absl::CivilDay, int64_t> counters;
    while (rs->next()) {
      absl::CivilDay day;
      if (absl::ParseCivilTime(std::string(rs->getString(1)), &day)) counters[day] = rs->getInt64(2);
    }
    return counters;
  } catch (const sql::SQLException& e) {
    return StatusFromSqlError(e);
  }
}

// Whole 百万 (million yuan).
int64_t Million(double yuan) { return std::max<int64_t>(1, std::llround(yuan / 1e6)) * 1'000'000; }

// Planned investment: log-normal around 2亿 (most projects 0.5–10亿), and a
// few flagship projects of 50亿 and more ("项目为王").
int64_t PlannedInvestment(Rng& rng) {
  if (rng.Chance(0.005)) return Million(rng.Uniform(50, 300) * 1e8);
  return Million(std::clamp(rng.LogNormal(2e8, 1.2), 1e7, 4e10));
}

struct Arrival {
  absl::CivilDay day;
  int64_t amount;
};

// 到资: for most registered projects, one to five arrivals between
// registration and today (or the loss), adding up to a share of the
// contracted amount that grows with the stage.
std::vector<Arrival> CapitalArrivals(Rng& rng, const Lifecycle& l, int64_t contracted, absl::CivilDay today) {
  std::vector<Arrival> arrivals;
  if (!l.registered || contracted <= 0) return arrivals;
  double chance = l.production ? 0.95 : l.construction ? 0.85 : 0.5;
  if (!rng.Chance(chance)) return arrivals;
  double share = (l.production     ? rng.Uniform(60, 100)
                  : l.construction ? rng.Uniform(20, 80)
                                   : rng.Uniform(5, 40)) /
                 100.0;
  absl::CivilDay end = l.stage == v1::PROJECT_STAGE_LOST ? l.stage_day : today;
  int window = static_cast<int>(std::max<int64_t>(0, end - *l.registered));
  int n = static_cast<int>(rng.Uniform(1, 5));
  std::vector<double> weights;
  double total_weight = 0;
  for (int i = 0; i < n; ++i) total_weight += weights.emplace_back(0.2 + rng.Unit());
  for (int i = 0; i < n; ++i) {
    arrivals.push_back({*l.registered + static_cast<int>(rng.Uniform(0, window)),
                        Wan(contracted * share * weights[i] / total_weight)});
  }
  std::sort(arrivals.begin(), arrivals.end(), [](const Arrival& a, const Arrival& b) { return a.day < b.day; });
  return arrivals;
}

// A day uniformly in [from, to] (from when to < from).
absl::CivilDay Between(Rng& rng, absl::CivilDay from, absl::CivilDay to) {
  return from + static_cast<int>(rng.Uniform(0, std::max<int64_t>(0, to - from)));
}

struct ProjectTables {
  explicit ProjectTables(Context& ctx)
      : projects("projects",
                 "(id, project_code, display_name, investor_enterprise_id, investor_name, investor_uscc,"
                 " industry, investment_form, planned_investment_cny, contracted_investment_cny, land_area_mu, tier,"
                 " unit_id, owner_id, service_secretary_id, stage, stage_date, signed_date, lost_reason, lost_note,"
                 " capital_arrived_cny, create_time, update_time, negotiation_date, registered_date,"
                 " construction_start_date, production_date, delete_time)",
                 ctx.Stats("projects")),
        history("project_stage_history",
                "(project_id, from_stage, to_stage, effective_date, changed_by, note, change_time)",
                ctx.Stats("project_stage_history")),
        arrivals("capital_arrivals", "(project_id, arrival_date, amount_cny, note, recorded_by, create_time)",
                 ctx.Stats("capital_arrivals")),
        milestones("milestones", "(project_id, title, planned_date, actual_date, responsible_unit_id, update_time)",
                   ctx.Stats("milestones")) {}

  absl::Status Flush(sql::Connection& conn) {
    RETURN_IF_ERROR(projects.Flush(conn));
    RETURN_IF_ERROR(history.Flush(conn));
    RETURN_IF_ERROR(arrivals.Flush(conn));
    RETURN_IF_ERROR(milestones.Flush(conn));
    return Commit(conn);
  }

  BulkInsert projects, history, arrivals, milestones;
};

// 挂图作战: the battle map every project gets on signing, as the shipped
// policy's template (services/projects/project_policy.textproto) plans it:
// done when the stage it stands for was reached, the land and permit steps
// done along the way; the rest open, and overdue once past the planned day.
void AddMilestones(Context& ctx, Rng& rng, ProjectTables& t, int64_t id, const Lifecycle& l,
                   const std::string& unit_id) {
  absl::CivilDay signed_day = *l.signed_day;
  std::optional<absl::CivilDay> land, permit;
  if (l.construction) {
    land = Between(rng, signed_day, *l.construction);
    permit = Between(rng, *land, *l.construction);
  } else if (signed_day + 90 <= ctx.today && rng.Chance(0.5)) {
    land = Between(rng, signed_day, std::min(ctx.today, signed_day + 120));
    if (*land + 30 <= ctx.today && rng.Chance(0.4)) permit = Between(rng, *land, ctx.today);
  }
  struct Planned {
    const char* title;
    int days_after_signing;
    std::optional<absl::CivilDay> actual;
  };
  const Planned kMap[] = {{"完成工商注册", 30, l.registered},
                          {"取得项目用地", 90, land},
                          {"取得施工许可", 150, permit},
                          {"开工建设", 180, l.construction},
                          {"竣工投产", 540, l.production}};
  for (const Planned& m : kMap) {
    t.milestones.Begin()
        .Int(id)
        .Text(m.title)
        .Date(signed_day + m.days_after_signing)
        .OptDate(m.actual)
        .Text(unit_id)
        .Time(ctx.At(rng, m.actual ? *m.actual : signed_day))
        .End();
  }
}

}  // namespace

absl::Status AddProjects(Context& ctx, int64_t count) {
  ASSIGN_OR_RETURN(int64_t next_id, QueryInt(*ctx.conn, "SELECT COALESCE(MAX(id), 0) + 1 FROM projects"));
  ASSIGN_OR_RETURN(std::vector<Investor> investors, LoadInvestors(*ctx.conn));
  ASSIGN_OR_RETURN(auto counters, LoadCodeCounters(*ctx.conn));
  std::map<absl::CivilDay, int64_t> used;  // the counters this run moved

  ProjectTables t(ctx);
  const int64_t end_id = next_id + count;
  for (int64_t chunk = next_id; chunk < end_id; chunk += kChunk) {
    Rng rng = Rng::For(ctx.seed, "projects", static_cast<uint64_t>(chunk));
    for (int64_t id = chunk; id < std::min(end_id, chunk + kChunk); ++id) {
      Lifecycle l = SampleLifecycle(rng, ctx.first_day, ctx.today);
      const UnitInfo& unit = ctx.PickUnit(rng);
      const std::string& owner = ctx.PickUser(rng, unit);
      v1::IndustrySection industry = SampleIndustry(rng);

      // The investor: an enterprise of the pool, or a company from elsewhere.
      const Investor* investor = nullptr;
      if (!investors.empty() && rng.Chance(0.55)) investor = &rng.Pick(investors);
      std::string brand, investor_name, investor_uscc;
      if (investor != nullptr) {
        // Mostly in the investor's own line of business.
        if (investor->industry != v1::INDUSTRY_SECTION_UNSPECIFIED && rng.Chance(0.8)) industry = investor->industry;
        investor_name = investor->name;
        investor_uscc = investor->uscc;
        brand = BrandOf(investor_name);
      } else {
        const Region& region = SampleRegion(rng);
        investor_name = CompanyName(rng, region, industry, &brand);
        if (rng.Chance(0.7)) investor_uscc = SyntheticUscc(kInvestorUsccBase + id, region.code);
      }

      int64_t planned = PlannedInvestment(rng);
      int64_t contracted = l.signed_day ? Million(planned * rng.Uniform(85, 115) / 100.0) : 0;
      bool needs_land = industry == v1::INDUSTRY_SECTION_C || industry == v1::INDUSTRY_SECTION_D ||
                        industry == v1::INDUSTRY_SECTION_G || industry == v1::INDUSTRY_SECTION_E;
      double land_mu = needs_land ? std::round(planned / (rng.Uniform(200, 600) * 1e4) * 10) / 10
                                  : (rng.Chance(0.3) ? static_cast<double>(rng.Uniform(5, 50)) : 0.0);
      std::vector<Arrival> arrivals = CapitalArrivals(rng, l, contracted, ctx.today);
      int64_t arrived = 0;
      for (const Arrival& a : arrivals) arrived += a.amount;

      int64_t serial = ++counters[l.negotiation];
      used[l.negotiation] = serial;
      std::string code = absl::StrFormat("%04d%02d%02d-%03d", l.negotiation.year(), l.negotiation.month(),
                                         l.negotiation.day(), serial);
      absl::Time created = ctx.At(rng, l.negotiation);
      absl::Time updated = std::max(created, ctx.At(rng, l.stage_day));
      std::optional<absl::Time> deleted;
      if (rng.Chance(0.003)) deleted = std::min(ctx.now, updated + absl::Hours(rng.Uniform(1, 24 * 10)));

      std::optional<int64_t> investor_id;
      if (investor != nullptr) investor_id = investor->id;
      std::optional<std::string> secretary;
      if (rng.Chance(0.4)) secretary = ctx.PickAnyUser(rng);

      t.projects.Begin()
          .Int(id)
          .Text(code)
          .Text(ProjectTitle(rng, brand, industry))
          .OptInt(investor_id)
          .Text(investor_name)
          .Text(investor_uscc)
          .Int(industry)
          .Int(static_cast<int64_t>(1 + rng.Weighted({60, 20, 5, 15})))  // crm.v1.InvestmentForm
          .Int(planned)
          .Int(contracted)
          .Real(land_mu)
          .Int(TierOf(planned))
          .Text(unit.id)
          .Text(owner)
          .OptText(secretary)
          .Int(l.stage)
          .Date(l.stage_day)
          .OptDate(l.signed_day)
          .Int(l.lost_reason)
          .Text(l.stage == v1::PROJECT_STAGE_LOST ? LostNote(rng, l.lost_reason) : "")
          .Int(arrived)
          .Time(created)
          .Time(updated)
          .Date(l.negotiation)
          .OptDate(l.registered)
          .OptDate(l.construction)
          .OptDate(l.production)
          .OptTime(deleted)
          .End();

      absl::Time change_time = created;
      for (const StageMove& move : StageMoves(l)) {
        std::string note;
        if (move.from == v1::PROJECT_STAGE_SIGNED && move.to == v1::PROJECT_STAGE_CONSTRUCTION_STARTED) {
          note = "用地与规划手续并联办理，注册与开工同日完成";
        } else if (move.to == v1::PROJECT_STAGE_LOST) {
          note = LostNote(rng, l.lost_reason);
        }
        change_time = std::max(change_time, ctx.At(rng, move.day));
        t.history.Begin()
            .Int(id)
            .Int(move.from)
            .Int(move.to)
            .Date(move.day)
            .Text(owner)
            .Text(note)
            .Time(change_time)
            .End();
      }
      for (const Arrival& a : arrivals) {
        t.arrivals.Begin()
            .Int(id)
            .Date(a.day)
            .Int(a.amount)
            .Text(rng.Chance(0.5) ? "注册资本金到位" : "项目建设资金到位")
            .Text(owner)
            .Time(ctx.At(rng, a.day))
            .End();
      }
      if (l.signed_day && l.stage != v1::PROJECT_STAGE_LOST && rng.Chance(0.3)) {
        AddMilestones(ctx, rng, t, id, l, unit.id);
      }
    }
    RETURN_IF_ERROR(t.Flush(*ctx.conn));
  }

  // Continue the server's per-day serials after ours, so projects it creates
  // later never take a code generated here.
  BulkInsert codes("project_code_counters", "(day, last_serial)", ctx.Stats("project_code_counters"),
                   " ON DUPLICATE KEY UPDATE last_serial = GREATEST(last_serial, VALUES(last_serial))");
  for (const auto& [day, serial] : used) {
    codes.Begin().Date(day).Int(serial).End();
    if (codes.pending_rows() >= kChunk) RETURN_IF_ERROR(codes.Flush(*ctx.conn));
  }
  RETURN_IF_ERROR(codes.Flush(*ctx.conn));
  return Commit(*ctx.conn);
}

}  // namespace crm::datagen
