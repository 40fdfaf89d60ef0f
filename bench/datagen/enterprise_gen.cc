#include "bench/datagen/enterprise_gen.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "bench/datagen/synthetic_ids.h"
#include "bench/datagen/vocabulary.h"
#include "crm/v1/enterprises_service.pb.h"
#include "storage/mutation.h"

namespace crm::datagen {
namespace {

using v1::Enterprise;

constexpr int kChunk = 1000;

// What the enterprise rows of one chunk and their children go into, flushed
// parents first.
struct EnterpriseTables {
  explicit EnterpriseTables(Context& ctx)
      : enterprises("enterprises",
                    "(id, uscc, company_name, former_names_json, founded_date, registered_capital_cny,"
                    " legal_representative, address, in_zone, industry, industry_division, listed, tags_json,"
                    " service_secretary_id, create_time, update_time, delete_time)",
                    ctx.Stats("enterprises")),
        metrics("enterprise_metrics",
                "(enterprise_id, year, revenue_cny, profit_cny, rd_expense_cny, employees, rd_staff, valuation_cny,"
                " cumulative_financing_cny, tax_paid_cny, patents, update_time)",
                ctx.Stats("enterprise_metrics")),
        certifications("certifications",
                       "(enterprise_id, title, level, issuer, batch_year, valid_until, evidence_note, create_time,"
                       " update_time)",
                       ctx.Stats("certifications")),
        requests("service_requests",
                 "(enterprise_id, category, description, raised_date, priority, first_responder_unit_id,"
                 " handling_unit_id, due_date, status, resolution, satisfaction, reopen_reason, creator_id,"
                 " create_time, update_time, resolve_time, close_time)",
                 ctx.Stats("service_requests")),
        assignments("secretary_assignments",
                    "(enterprise_id, secretary_id, previous_secretary_id, note, assigned_by, assign_time)",
                    ctx.Stats("secretary_assignments")) {}

  absl::Status Flush(sql::Connection& conn) {
    RETURN_IF_ERROR(enterprises.Flush(conn));
    RETURN_IF_ERROR(metrics.Flush(conn));
    RETURN_IF_ERROR(certifications.Flush(conn));
    RETURN_IF_ERROR(requests.Flush(conn));
    RETURN_IF_ERROR(assignments.Flush(conn));
    return Commit(conn);
  }

  BulkInsert enterprises, metrics, certifications, requests, assignments;
};

// The ownership tag every enterprise has, and sometimes one more.
std::string TagsJson(Rng& rng, bool listed) {
  Enterprise holder;
  constexpr v1::EnterpriseTag kOwnership[] = {v1::ENTERPRISE_TAG_PRIVATE,
                                              v1::ENTERPRISE_TAG_LOCAL_SOE,
                                              v1::ENTERPRISE_TAG_CENTRAL_SOE,
                                              v1::ENTERPRISE_TAG_FOREIGN_INVESTED,
                                              v1::ENTERPRISE_TAG_HK_MACAO_TAIWAN_INVESTED,
                                              v1::ENTERPRISE_TAG_FORTUNE_GLOBAL_500_SUBSIDIARY};
  holder.add_tags(kOwnership[rng.Weighted({70, 6, 4, 8, 8, 2})]);
  if (listed || rng.Chance(0.03)) holder.add_tags(v1::ENTERPRISE_TAG_LISTED_COMPANY_SUBSIDIARY);
  if (rng.Chance(0.03)) holder.add_tags(v1::ENTERPRISE_TAG_UNIVERSITY_SPINOFF);
  if (rng.Chance(0.05)) holder.add_tags(v1::ENTERPRISE_TAG_RETURNEE_FOUNDED);
  return MessageToJson(holder);
}

std::string FormerNamesJson(Rng& rng, const Region& region, v1::IndustrySection industry) {
  Enterprise holder;
  if (rng.Chance(0.05)) holder.add_former_names(CompanyName(rng, region, industry));
  return MessageToJson(holder);
}

// A figure that is sometimes not reported.
std::optional<int64_t> Reported(Rng& rng, int64_t v) {
  if (rng.Chance(0.08)) return std::nullopt;
  return v;
}

// Yearly figures from the founding year (at most the last three full years),
// and the current year's for some: revenue around 5000万 with a long tail,
// growing about 15 % a year.
void AddMetrics(Context& ctx, Rng& rng, EnterpriseTables& t, int64_t id, absl::CivilDay founded,
                absl::Time update_time) {
  const int this_year = static_cast<int>(ctx.today.year());
  int first = std::max<int>(static_cast<int>(founded.year()) + 1, this_year - 3);
  int last = rng.Chance(0.4) ? this_year : this_year - 1;
  double revenue = rng.LogNormal(5e7, 1.4);
  bool valued = rng.Chance(0.3);
  bool financed = rng.Chance(0.25);
  double financing = rng.LogNormal(3e7, 1.2);
  for (int year = first; year <= last; ++year) {
    revenue *= std::max(0.5, 1 + rng.Normal(0.15, 0.25));
    int64_t employees = std::max<int64_t>(5, std::llround(revenue / rng.Uniform(500'000, 1'500'000)));
    std::optional<int64_t> valuation, cumulative_financing;
    if (valued) valuation = Wan(revenue * rng.Uniform(2, 15));
    if (financed) cumulative_financing = Wan(financing *= 1 + rng.Uniform(0, 60) / 100.0);
    t.metrics.Begin()
        .Int(id)
        .Int(year)
        .Int(Wan(revenue))
        .OptInt(Reported(rng, std::llround(revenue * rng.Normal(0.08, 0.10) / 1e4) * 10'000))  // some make a loss
        .OptInt(Reported(rng, Wan(revenue * rng.Uniform(2, 15) / 100.0)))
        .OptInt(Reported(rng, employees))
        .OptInt(Reported(rng, std::max<int64_t>(1, employees * rng.Uniform(10, 50) / 100)))
        .OptInt(valuation)
        .OptInt(cumulative_financing)
        .OptInt(Reported(rng, Wan(revenue * rng.Uniform(2, 8) / 100.0)))
        .OptInt(Reported(rng, rng.Uniform(0, 60)))
        .Time(update_time)
        .End();
  }
}

// Titles held: 高新技术企业 most often, then 专精特新, 瞪羚…, rarely 独角兽.
void AddCertifications(Context& ctx, Rng& rng, EnterpriseTables& t, int64_t id, absl::CivilDay founded) {
  struct Title {
    v1::CertificationTitle title;
    v1::CertificationLevel level;
    const char* issuer;
    int valid_years;  // 0: no expiry recorded
    double weight;
  };
  static constexpr Title kTitles[] = {
      {v1::CERTIFICATION_TITLE_HIGH_TECH_ENTERPRISE, v1::CERTIFICATION_LEVEL_NATIONAL, "福建省高新技术企业认定管理机构",
       3, 50},
      {v1::CERTIFICATION_TITLE_SPECIALIZED_SME, v1::CERTIFICATION_LEVEL_PROVINCIAL, "福建省工业和信息化厅", 3, 20},
      {v1::CERTIFICATION_TITLE_LITTLE_GIANT, v1::CERTIFICATION_LEVEL_NATIONAL, "工业和信息化部", 3, 4},
      {v1::CERTIFICATION_TITLE_GAZELLE, v1::CERTIFICATION_LEVEL_MUNICIPAL, "厦门市科学技术局", 2, 8},
      {v1::CERTIFICATION_TITLE_POTENTIAL_GAZELLE, v1::CERTIFICATION_LEVEL_ZONE, "火炬高新区管委会", 1, 6},
      {v1::CERTIFICATION_TITLE_SEED, v1::CERTIFICATION_LEVEL_ZONE, "火炬高新区管委会", 1, 5},
      {v1::CERTIFICATION_TITLE_POTENTIAL_UNICORN, v1::CERTIFICATION_LEVEL_MUNICIPAL, "厦门市科学技术局", 2, 2},
      {v1::CERTIFICATION_TITLE_UNICORN, v1::CERTIFICATION_LEVEL_NATIONAL, "长城战略咨询", 0, 0.5},
      {v1::CERTIFICATION_TITLE_SUPER_UNICORN, v1::CERTIFICATION_LEVEL_NATIONAL, "长城战略咨询", 0, 0.05},
      {v1::CERTIFICATION_TITLE_HIDDEN_CHAMPION, v1::CERTIFICATION_LEVEL_NATIONAL, "工业和信息化部", 0, 1},
  };
  static const std::vector<double> kWeights = [] {
    std::vector<double> w;
    for (const Title& t : kTitles) w.push_back(t.weight);
    return w;
  }();
  int held = rng.Chance(0.2) ? (rng.Chance(0.2) ? 2 : 1) : 0;
  const int this_year = static_cast<int>(ctx.today.year());
  for (int i = 0; i < held; ++i) {
    const Title& title = kTitles[rng.Weighted(kWeights)];
    int batch = static_cast<int>(
        rng.Uniform(std::min<int64_t>(this_year, std::max<int64_t>(founded.year() + 1, this_year - 5)), this_year));
    absl::CivilDay granted = std::min(ctx.today, absl::CivilDay(batch, rng.Uniform(3, 12), rng.Uniform(1, 28)));
    absl::Time created = ctx.At(rng, std::max(granted, ctx.first_day));
    std::optional<absl::CivilDay> valid_until;
    if (title.valid_years > 0) valid_until = absl::CivilDay(batch + title.valid_years - 1, 12, 31);
    t.certifications.Begin()
        .Int(id)
        .Int(title.title)
        .Int(title.level)
        .Text(title.issuer)
        .Int(batch)
        .OptDate(valid_until)
        .Text(absl::StrCat(batch, "年第", rng.Uniform(1, 3), "批"))
        .Time(created)
        .Time(created)
        .End();
  }
}

// The service checklist: requests due 3 (urgent) or 10 days after they are
// raised (the shipped enterprise policy). Old ones are mostly closed; some
// stay open past their due date (the red list); recent ones are in progress.
void AddServiceRequests(Context& ctx, Rng& rng, EnterpriseTables& t, int64_t id, absl::CivilDay since) {
  int count = rng.Chance(0.4) ? static_cast<int>(rng.Uniform(1, 3)) : 0;
  for (int i = 0; i < count; ++i) {
    int span = static_cast<int>(ctx.today - since);
    absl::CivilDay raised = since + static_cast<int>(std::floor(span * std::pow(rng.Unit(), 0.6)));
    bool urgent = rng.Chance(0.25);
    absl::CivilDay due = raised + (urgent ? 3 : 10);
    int category = static_cast<int>(1 + rng.Weighted({20, 18, 12, 15, 18, 6, 8, 3}));
    const UnitInfo& first = ctx.PickUnit(rng);
    const UnitInfo& handling = rng.Chance(0.7) ? first : ctx.PickUnit(rng);
    // crm.v1.ServiceRequestStatus: 1 OPEN, 2 ACCEPTED, 3 IN_PROGRESS, 4 RESOLVED, 5 CLOSED, 6 REOPENED.
    int status = ctx.today - due > 30 ? static_cast<int>(1 + rng.Weighted({3, 2, 2, 12, 80, 1}))
                                      : static_cast<int>(1 + rng.Weighted({30, 25, 25, 15, 0, 5}));
    absl::Time created = ctx.At(rng, raised);
    std::optional<absl::Time> resolved, closed;
    if (status == 4 || status == 5) {
      absl::CivilDay day = std::min(ctx.today, raised + static_cast<int>(rng.Uniform(1, (due - raised) + 12)));
      resolved = std::max(created, ctx.At(rng, day));
      if (status == 5) closed = std::min(ctx.now, *resolved + absl::Hours(rng.Uniform(2, 24 * 7)));
    }
    absl::Time updated = closed ? *closed : resolved ? *resolved : created;
    t.requests.Begin()
        .Int(id)
        .Int(category)
        .Text(ServiceRequestText(rng, category, static_cast<int>(raised.year())))
        .Date(raised)
        .Int(urgent ? 1 : 2)
        .Text(first.id)
        .Text(handling.id)
        .Date(due)
        .Int(status)
        .Text(resolved ? ResolutionText(rng) : "");
    if (status == 5 && rng.Chance(0.8)) {
      t.requests.Int(static_cast<int64_t>(1 + rng.Weighted({2, 3, 10, 35, 50})));
    } else {
      t.requests.Null();
    }
    t.requests.Text(status == 6 ? "企业反馈问题未彻底解决" : "")
        .Text(ctx.PickUser(rng, first))
        .Time(created)
        .Time(updated)
        .OptTime(resolved)
        .OptTime(closed)
        .End();
  }
}

}  // namespace

absl::Status AddEnterprises(Context& ctx, int64_t count) {
  ASSIGN_OR_RETURN(int64_t next_id, QueryInt(*ctx.conn, "SELECT COALESCE(MAX(id), 0) + 1 FROM enterprises"));
  EnterpriseTables t(ctx);
  const int64_t end_id = next_id + count;
  for (int64_t chunk = next_id; chunk < end_id; chunk += kChunk) {
    Rng rng = Rng::For(ctx.seed, "enterprises", static_cast<uint64_t>(chunk));
    for (int64_t id = chunk; id < std::min(end_id, chunk + kChunk); ++id) {
      v1::IndustrySection industry = SampleIndustry(rng);
      const Region& region = SampleRegion(rng);
      // Young firms dominate a high-tech zone: a median age of six years.
      int age_days = static_cast<int>(std::min(40.0, rng.LogNormal(6, 0.8)) * 365.25);
      absl::CivilDay founded = std::max(absl::CivilDay(1985, 1, 1), ctx.today - age_days - 1);
      // Entered into the pool during the years generated, not before it was founded.
      int span = static_cast<int>(ctx.today - ctx.first_day);
      absl::CivilDay entered = std::max(founded, ctx.first_day + static_cast<int>(rng.Uniform(0, span)));
      absl::Time created = ctx.At(rng, entered);
      absl::Time updated = std::min(ctx.now, created + absl::Hours(rng.Uniform(0, 24 * 200)));
      std::string division;
      std::string name = CompanyName(rng, region, industry, nullptr, &division);
      bool listed = rng.Chance(0.03);
      bool in_zone = rng.Chance(0.8);
      std::optional<std::string> secretary;
      if (rng.Chance(0.6)) secretary = ctx.PickAnyUser(rng);
      std::optional<absl::Time> deleted;
      if (rng.Chance(0.005)) deleted = std::min(ctx.now, updated + absl::Hours(rng.Uniform(1, 24 * 30)));

      t.enterprises.Begin()
          .Int(id)
          .Text(SyntheticUscc(kEnterpriseUsccBase + id, region.code))
          .Text(name)
          .Text(FormerNamesJson(rng, region, industry))
          .Date(founded)
          .Int(Wan(rng.LogNormal(1e7, 1.2)))
          .Text(SamplePerson(rng).chinese)
          .Text(in_zone ? ZoneAddress(rng) : "")
          .Bool(in_zone)
          .Int(industry)
          .Text(division)
          .Bool(listed)
          .Text(TagsJson(rng, listed));
      t.enterprises.OptText(secretary).Time(created).Time(updated).OptTime(deleted).End();

      AddMetrics(ctx, rng, t, id, founded, updated);
      AddCertifications(ctx, rng, t, id, founded);
      AddServiceRequests(ctx, rng, t, id, std::max(entered, ctx.today - 730));
      if (secretary) {
        const UnitInfo& unit = ctx.PickUnit(rng);
        t.assignments.Begin()
            .Int(id)
            .Text(*secretary)
            .Null()
            .Text("")
            .Text(unit.lead)
            .Time(std::min(ctx.now, created + absl::Hours(rng.Uniform(1, 24 * 14))))
            .End();
      }
    }
    RETURN_IF_ERROR(t.Flush(*ctx.conn));
  }
  return absl::OkStatus();
}

}  // namespace crm::datagen
