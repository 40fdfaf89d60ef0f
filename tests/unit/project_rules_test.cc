#include "services/projects/project_rules.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/calendar.h"
#include "tests/unit/rules_test_util.h"

namespace crm {
namespace {

using testing::DescriptionOf;
using testing::Fields;
using testing::Mask;

using v1::Milestone;
using v1::Project;
using v1::ProjectStage;

constexpr absl::CivilDay kToday(2026, 11, 26);

// The shipped defaults, written out here so the tests do not depend on the file.
v1::ProjectPolicy Policy() {
  v1::ProjectPolicy policy;
  for (auto [stage, p] : std::vector<std::pair<ProjectStage, double>>{{v1::PROJECT_STAGE_NEGOTIATING, 0.2},
                                                                      {v1::PROJECT_STAGE_SIGNED, 0.5},
                                                                      {v1::PROJECT_STAGE_REGISTERED, 0.7},
                                                                      {v1::PROJECT_STAGE_CONSTRUCTION_STARTED, 0.9}}) {
    auto* sp = policy.add_stage_probabilities();
    sp->set_stage(stage);
    sp->set_probability(p);
  }
  policy.set_signed_not_registered_days(90);
  policy.set_registered_not_started_days(180);
  policy.set_started_not_in_production_days(540);
  policy.set_milestone_due_soon_days(14);
  policy.set_yellow_after_days(3);
  policy.set_red_after_days(7);
  struct Entry {
    const char* title;
    int days;
    ProjectStage done_at;
  };
  for (const Entry& e : std::vector<Entry>{{"完成工商注册", 30, v1::PROJECT_STAGE_REGISTERED},
                                           {"取得项目用地", 90, v1::PROJECT_STAGE_UNSPECIFIED},
                                           {"取得施工许可", 150, v1::PROJECT_STAGE_UNSPECIFIED},
                                           {"开工建设", 180, v1::PROJECT_STAGE_CONSTRUCTION_STARTED},
                                           {"竣工投产", 540, v1::PROJECT_STAGE_IN_PRODUCTION}}) {
    auto* t = policy.add_milestone_template();
    t->set_title(e.title);
    t->set_days_after_signing(e.days);
    t->set_done_at_stage(e.done_at);
  }
  return policy;
}

Project ValidProject() {
  Project p;
  p.set_display_name("新能源电池材料项目");
  p.set_investor_name("某新能源科技有限公司");
  p.set_investor_uscc("91350200776049653A");
  p.set_industry(v1::INDUSTRY_SECTION_C);
  p.set_investment_form(v1::INVESTMENT_FORM_NEW_ESTABLISHMENT);
  p.set_planned_investment_cny(2'000'000'000);
  p.set_contracted_investment_cny(1'500'000'000);
  p.set_land_area_mu(120.5);
  p.set_unit("units/zsj-1");
  p.set_owner("users/alice");
  p.set_service_secretary("users/carol");
  return p;
}

std::string Chars(int n, const char* c = "华") {
  std::string s;
  for (int i = 0; i < n; ++i) s += c;
  return s;
}

// ---- Tiers

TEST(TierTest, BoundariesAreInclusiveFromBelow) {
  const std::vector<std::pair<int64_t, v1::InvestmentTier>> cases = {
      {0, v1::INVESTMENT_TIER_BELOW_1B},
      {999'999'999, v1::INVESTMENT_TIER_BELOW_1B},
      {1'000'000'000, v1::INVESTMENT_TIER_1B},
      {1'999'999'999, v1::INVESTMENT_TIER_1B},
      {2'000'000'000, v1::INVESTMENT_TIER_2B},
      {4'999'999'999, v1::INVESTMENT_TIER_2B},
      {5'000'000'000, v1::INVESTMENT_TIER_5B},
      {std::numeric_limits<int64_t>::max(), v1::INVESTMENT_TIER_5B},
      {-1, v1::INVESTMENT_TIER_BELOW_1B},
  };
  for (const auto& [cny, tier] : cases) {
    EXPECT_EQ(TierOf(cny), tier) << cny;
  }
}

// ---- Stages

constexpr ProjectStage kNeg = v1::PROJECT_STAGE_NEGOTIATING;
constexpr ProjectStage kSig = v1::PROJECT_STAGE_SIGNED;
constexpr ProjectStage kReg = v1::PROJECT_STAGE_REGISTERED;
constexpr ProjectStage kCon = v1::PROJECT_STAGE_CONSTRUCTION_STARTED;
constexpr ProjectStage kPro = v1::PROJECT_STAGE_IN_PRODUCTION;
constexpr ProjectStage kLost = v1::PROJECT_STAGE_LOST;
constexpr ProjectStage kStages[] = {kNeg, kSig, kReg, kCon, kPro, kLost};

TEST(StageTest, NamesAndOpenStages) {
  EXPECT_EQ(StageName(kSig), "SIGNED");
  EXPECT_EQ(StageName(kCon), "CONSTRUCTION_STARTED");
  EXPECT_EQ(StageName(v1::PROJECT_STAGE_UNSPECIFIED), "UNSPECIFIED");
  EXPECT_TRUE(IsOpenStage(kNeg));
  EXPECT_TRUE(IsOpenStage(kSig));
  EXPECT_TRUE(IsOpenStage(kReg));
  EXPECT_TRUE(IsOpenStage(kCon));
  EXPECT_FALSE(IsOpenStage(kPro));
  EXPECT_FALSE(IsOpenStage(kLost));
  EXPECT_FALSE(IsOpenStage(v1::PROJECT_STAGE_UNSPECIFIED));
}

TEST(StageTest, AllowedAdvances) {
  using Stages = std::vector<ProjectStage>;
  EXPECT_EQ(AllowedAdvances(kNeg, false), Stages{kSig});
  EXPECT_EQ(AllowedAdvances(kNeg, true), (Stages{kSig, kReg, kCon, kPro}));
  EXPECT_EQ(AllowedAdvances(kSig, false), Stages{kReg});
  EXPECT_EQ(AllowedAdvances(kSig, true), (Stages{kReg, kCon, kPro}));
  EXPECT_EQ(AllowedAdvances(kReg, false), Stages{kCon});
  EXPECT_EQ(AllowedAdvances(kReg, true), (Stages{kCon, kPro}));
  EXPECT_EQ(AllowedAdvances(kCon, false), Stages{kPro});
  EXPECT_EQ(AllowedAdvances(kCon, true), Stages{kPro});
  for (bool justified : {false, true}) {
    EXPECT_TRUE(AllowedAdvances(kPro, justified).empty());
    EXPECT_TRUE(AllowedAdvances(kLost, justified).empty());
    EXPECT_TRUE(AllowedAdvances(v1::PROJECT_STAGE_UNSPECIFIED, justified).empty());
  }
}

// The expected outcome of every advance, written out by hand. One row per
// `from` (in kStages order), one letter per `to` (in kStages order):
//   O  allowed
//   S  skips a stage without a justification
//   B  back to an earlier stage, or the same one
//   L  LOST (MarkProjectLost does that)
//   E  from IN_PRODUCTION, the last stage
//   R  from LOST: ReopenProject first
struct AdvanceRow {
  ProjectStage from;
  const char* unjustified;
  const char* justified;
};
constexpr AdvanceRow kAdvanceTable[] = {
    //          to: NEG SIG REG CON PRO LOST
    {kNeg, /*unjustified*/ "BOSSSL", /*justified*/ "BOOOOL"},
    {kSig, /*unjustified*/ "BBOSSL", /*justified*/ "BBOOOL"},
    {kReg, /*unjustified*/ "BBBOSL", /*justified*/ "BBBOOL"},
    {kCon, /*unjustified*/ "BBBBOL", /*justified*/ "BBBBOL"},
    {kPro, /*unjustified*/ "EEEEEE", /*justified*/ "EEEEEE"},
    {kLost, /*unjustified*/ "RRRRRR", /*justified*/ "RRRRRR"},
};

TEST(CheckAdvanceTest, EveryFromToAndJustification) {
  int checked = 0;
  for (const AdvanceRow& row : kAdvanceTable) {
    for (bool justified : {false, true}) {
      const std::string expected = justified ? row.justified : row.unjustified;
      ASSERT_EQ(expected.size(), 6u);
      for (int i = 0; i < 6; ++i) {
        const ProjectStage to = kStages[i];
        const std::string what =
            absl::StrCat(StageName(row.from), " → ", StageName(to), justified ? " (justified)" : "");
        absl::Status s = CheckAdvance(row.from, to, justified);
        ++checked;
        if (expected[i] == 'O') {
          EXPECT_TRUE(s.ok()) << what << ": " << s;
          continue;
        }
        ASSERT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << what << ": " << s;
        const std::string message(s.message());
        const std::string choices = absl::StrCat("the project is ", StageName(row.from), "; AdvanceProjectStage can move it to ");
        switch (expected[i]) {
          case 'S':
            EXPECT_NE(message.find("needs a justification"), std::string::npos) << what << ": " << message;
            EXPECT_NE(message.find(choices), std::string::npos) << what << ": " << message;
            break;
          case 'B':
            EXPECT_EQ(message.find("needs a justification"), std::string::npos) << what << ": " << message;
            EXPECT_NE(message.find(choices), std::string::npos) << what << ": " << message;
            break;
          case 'L':
            EXPECT_NE(message.find("MarkProjectLost"), std::string::npos) << what << ": " << message;
            EXPECT_NE(message.find(choices), std::string::npos) << what << ": " << message;
            break;
          case 'E': EXPECT_EQ(message, "the project is IN_PRODUCTION, the last stage") << what; break;
          case 'R': EXPECT_EQ(message, "the project is LOST; ReopenProject first") << what; break;
          default: ADD_FAILURE() << "bad table letter " << expected[i];
        }
      }
    }
  }
  EXPECT_EQ(checked, 72);
}

TEST(CheckAdvanceTest, MessagesNameTheStageAndTheChoices) {
  EXPECT_EQ(CheckAdvance(kSig, kNeg, false).message(),
            "cannot move back to NEGOTIATING; the project is SIGNED; AdvanceProjectStage can move it to REGISTERED "
            "(or, with a justification, CONSTRUCTION_STARTED, IN_PRODUCTION)");
  EXPECT_EQ(CheckAdvance(kSig, kCon, false).message(),
            "skipping REGISTERED needs a justification; the project is SIGNED; AdvanceProjectStage can move it to "
            "REGISTERED (or, with a justification, CONSTRUCTION_STARTED, IN_PRODUCTION)");
  EXPECT_EQ(CheckAdvance(kNeg, kPro, false).message(),
            "skipping SIGNED, REGISTERED and CONSTRUCTION_STARTED needs a justification; the project is NEGOTIATING; "
            "AdvanceProjectStage can move it to SIGNED (or, with a justification, REGISTERED, "
            "CONSTRUCTION_STARTED, IN_PRODUCTION)");
  EXPECT_EQ(CheckAdvance(kCon, kCon, true).message(),
            "CONSTRUCTION_STARTED is the current stage; the project is CONSTRUCTION_STARTED; AdvanceProjectStage can "
            "move it to IN_PRODUCTION");
  EXPECT_EQ(CheckAdvance(kReg, kLost, true).message(),
            "LOST is not an advance: use MarkProjectLost; the project is REGISTERED; AdvanceProjectStage can move it "
            "to CONSTRUCTION_STARTED (or, with a justification, IN_PRODUCTION)");
}

TEST(CheckAdvanceTest, ToStageIsRequired) {
  for (ProjectStage to : {v1::PROJECT_STAGE_UNSPECIFIED, static_cast<ProjectStage>(99)}) {
    absl::Status s = CheckAdvance(kSig, to, true);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    ASSERT_EQ(ViolationsOf(s).size(), 1u);
    EXPECT_EQ(ViolationsOf(s)[0].field, "to_stage");
  }
}

TEST(CheckLoseTest, EveryStage) {
  // from → may be marked LOST
  const std::vector<std::pair<ProjectStage, bool>> expected = {
      {kNeg, true}, {kSig, true}, {kReg, true}, {kCon, true}, {kPro, false}, {kLost, false}};
  for (const auto& [from, ok] : expected) {
    absl::Status s = CheckLose(from);
    if (ok) {
      EXPECT_TRUE(s.ok()) << StageName(from) << ": " << s;
    } else {
      EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << StageName(from);
    }
  }
  EXPECT_EQ(CheckLose(kPro).message(),
            "the project is IN_PRODUCTION; only a project not yet in production (NEGOTIATING, SIGNED, REGISTERED "
            "and CONSTRUCTION_STARTED) can be marked LOST");
  EXPECT_EQ(CheckLose(kLost).message(), "the project is LOST already");
}

TEST(CheckReopenTest, EveryStage) {
  const std::vector<std::pair<ProjectStage, bool>> expected = {
      {kNeg, false}, {kSig, false}, {kReg, false}, {kCon, false}, {kPro, false}, {kLost, true}};
  for (const auto& [from, ok] : expected) {
    absl::Status s = CheckReopen(from);
    if (ok) {
      EXPECT_TRUE(s.ok()) << StageName(from) << ": " << s;
    } else {
      EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition) << StageName(from);
    }
  }
  EXPECT_EQ(CheckReopen(kSig).message(), "the project is SIGNED; only a LOST project can be reopened");
}

// ---- Projects: validation and masks

TEST(ValidateProjectTest, AcceptsAValidProject) {
  FieldViolations v;
  ValidateProjectFields(ValidProject(), "project.", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(ValidateProjectTest, ReportsEveryProblemWithItsField) {
  Project p;
  p.set_display_name(" ");
  p.set_investor_enterprise("enterprise/7");
  p.set_investor_name(Chars(201));
  p.set_investor_uscc("91350200776049653B");
  p.set_industry(static_cast<v1::IndustrySection>(99));
  p.set_investment_form(static_cast<v1::InvestmentForm>(99));
  p.set_planned_investment_cny(-1);
  p.set_contracted_investment_cny(-2);
  p.set_land_area_mu(-0.5);
  p.set_unit("promotion-1");
  p.set_owner("alice");
  p.set_service_secretary("users/Carol Smith");
  p.set_origin_lead("leads/x");
  FieldViolations v;
  ValidateProjectFields(p, "project.", v);
  const std::vector<std::string> expected = {
      "project.display_name",  "project.investor_enterprise",       "project.investor_name",
      "project.investor_uscc", "project.industry",                  "project.investment_form",
      "project.planned_investment_cny", "project.contracted_investment_cny", "project.land_area_mu",
      "project.unit",          "project.owner",                     "project.service_secretary",
      "project.origin_lead"};
  EXPECT_EQ(Fields(v), expected);
  EXPECT_EQ(DescriptionOf(v, "project.display_name"), "is required");
  EXPECT_EQ(DescriptionOf(v, "project.investor_enterprise"), "must be a name like `enterprises/42`");
  EXPECT_EQ(DescriptionOf(v, "project.investor_name"), "must be at most 200 characters, got 201");
  EXPECT_EQ(DescriptionOf(v, "project.investor_uscc"), "check character should be 'A'");  // the shared check
  EXPECT_EQ(DescriptionOf(v, "project.planned_investment_cny"), "must not be negative, got -1");
  EXPECT_EQ(DescriptionOf(v, "project.unit"), "must be a unit name like `units/promotion-1`");
  EXPECT_EQ(DescriptionOf(v, "project.owner"), "must be a user name like `users/alice`");
  EXPECT_EQ(DescriptionOf(v, "project.origin_lead"), "must be a name like `leads/42`");
}

TEST(ValidateProjectTest, InvestorIsAnEnterpriseOrAName) {
  Project by_enterprise = ValidProject();
  by_enterprise.clear_investor_name();
  by_enterprise.clear_investor_uscc();
  by_enterprise.set_investor_enterprise("enterprises/7");
  FieldViolations ok;
  ValidateProjectFields(by_enterprise, "", ok);
  EXPECT_TRUE(ok.empty()) << ok.ToStatus();

  Project neither = ValidProject();
  neither.set_investor_name("  ");
  FieldViolations missing;
  ValidateProjectFields(neither, "project.", missing);
  EXPECT_EQ(Fields(missing), std::vector<std::string>{"project.investor_name"});
  EXPECT_EQ(missing.violations()[0].description,
            "is required unless investor_enterprise is set: one of the two names the investor");
}

TEST(ValidateProjectTest, OptionalFieldsMayBeEmptyAndLengthsCountCharacters) {
  Project p;
  p.set_display_name(Chars(200));  // 600 bytes, 200 characters
  p.set_investor_name(Chars(200));
  FieldViolations ok;
  ValidateProjectFields(p, "", ok);
  EXPECT_TRUE(ok.empty()) << ok.ToStatus();

  p.set_display_name(Chars(201));
  FieldViolations too_long;
  ValidateProjectFields(p, "", too_long);
  EXPECT_EQ(Fields(too_long), std::vector<std::string>{"display_name"});
  EXPECT_EQ(too_long.violations()[0].description, "must be at most 200 characters, got 201");
}

TEST(ValidateProjectTest, LandAreaIsFiniteAndNotNegative) {
  for (double mu : {-0.01, std::nan(""), std::numeric_limits<double>::infinity()}) {
    Project p = ValidProject();
    p.set_land_area_mu(mu);
    FieldViolations v;
    ValidateProjectFields(p, "", v);
    EXPECT_EQ(Fields(v), std::vector<std::string>{"land_area_mu"}) << mu;
  }
  Project zero = ValidProject();
  zero.set_land_area_mu(0);
  FieldViolations v;
  ValidateProjectFields(zero, "", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(ApplyProjectMaskTest, CopiesOnlyTheNamedFields) {
  Project p = ValidProject();
  p.set_name("projects/7");
  p.set_stage(kSig);
  Project patch;
  patch.set_display_name("新名字");
  patch.set_planned_investment_cny(5'000'000'000);
  patch.set_stage(kPro);  // not named: ignored
  ASSERT_TRUE(ApplyProjectMask(Mask({"display_name", "planned_investment_cny", "display_name"}), patch, p).ok());
  EXPECT_EQ(p.display_name(), "新名字");
  EXPECT_EQ(p.planned_investment_cny(), 5'000'000'000);
  EXPECT_EQ(p.investor_name(), "某新能源科技有限公司");
  EXPECT_EQ(p.stage(), kSig);
  EXPECT_EQ(p.name(), "projects/7");
}

TEST(ApplyProjectMaskTest, StarReplacesEveryUpdatableField) {
  Project p = ValidProject();
  p.set_name("projects/7");
  p.set_stage(kSig);
  p.set_signed_date("2026-01-05");
  p.set_origin_lead("leads/3");
  p.set_capital_arrived_cny(100);
  Project patch;
  patch.set_display_name("另一个项目");
  patch.set_investor_enterprise("enterprises/9");
  patch.set_stage(kLost);
  patch.set_origin_lead("leads/4");
  ASSERT_TRUE(ApplyProjectMask(Mask({"*"}), patch, p).ok());
  EXPECT_EQ(p.display_name(), "另一个项目");
  EXPECT_EQ(p.investor_enterprise(), "enterprises/9");
  // Every updatable field comes from the patch, even when empty there.
  EXPECT_EQ(p.investor_name(), "");
  EXPECT_EQ(p.investor_uscc(), "");
  EXPECT_EQ(p.industry(), v1::INDUSTRY_SECTION_UNSPECIFIED);
  EXPECT_EQ(p.investment_form(), v1::INVESTMENT_FORM_UNSPECIFIED);
  EXPECT_EQ(p.planned_investment_cny(), 0);
  EXPECT_EQ(p.contracted_investment_cny(), 0);
  EXPECT_EQ(p.land_area_mu(), 0);
  EXPECT_EQ(p.unit(), "");
  EXPECT_EQ(p.owner(), "");
  EXPECT_EQ(p.service_secretary(), "");
  // The rest stays.
  EXPECT_EQ(p.name(), "projects/7");
  EXPECT_EQ(p.stage(), kSig);
  EXPECT_EQ(p.signed_date(), "2026-01-05");
  EXPECT_EQ(p.origin_lead(), "leads/3");
  EXPECT_EQ(p.capital_arrived_cny(), 100);
}

TEST(ApplyProjectMaskTest, RefusesEmptyUnknownAndReadOnlyPaths) {
  Project p = ValidProject();
  absl::Status empty = ApplyProjectMask(google::protobuf::FieldMask(), Project(), p);
  EXPECT_EQ(empty.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(empty.message(), "update_mask: is required: name the fields to change, or `*` for all");
  for (const char* path : {"stage", "stage_date", "signed_date", "lost_reason", "lost_note", "tier",
                           "capital_arrived_cny", "capital_arrival_rate", "stopwatch", "origin_lead", "project_code",
                           "name", "etag", "create_time", "no_such_field"}) {
    absl::Status s = ApplyProjectMask(Mask({"display_name", path}), Project(), p);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << path;
    ASSERT_EQ(ViolationsOf(s).size(), 1u) << path;
    EXPECT_EQ(ViolationsOf(s)[0].field, "update_mask");
    EXPECT_NE(s.message().find(absl::StrCat("`", path, "`")), std::string::npos) << s;
  }
  auto message = [&](const char* path) { return std::string(ApplyProjectMask(Mask({path}), Project(), p).message()); };
  EXPECT_NE(message("stage").find("AdvanceProjectStage, MarkProjectLost or ReopenProject"), std::string::npos);
  EXPECT_NE(message("tier").find("derived from planned_investment_cny"), std::string::npos);
  EXPECT_NE(message("capital_arrived_cny").find("RecordCapitalArrival"), std::string::npos);
  EXPECT_NE(message("origin_lead").find("ConvertLead"), std::string::npos);
  EXPECT_NE(message("no_such_field").find("can be one of: display_name, investor_enterprise, "), std::string::npos);
  // Nothing was copied by the refused masks.
  EXPECT_EQ(p.display_name(), "新能源电池材料项目");
}

// ---- Milestones, problems, capital, targets

Milestone ValidMilestone() {
  Milestone m;
  m.set_title("取得施工许可");
  m.set_planned_date("2027-01-15");
  m.set_responsible_unit("units/zsj-1");
  return m;
}

TEST(ValidateMilestoneTest, AcceptsAValidMilestone) {
  FieldViolations v;
  Milestone m = ValidMilestone();
  ValidateMilestoneFields(m, kToday, "milestone.", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
  m.set_actual_date(IsoDay(kToday));  // done today
  m.clear_responsible_unit();
  ValidateMilestoneFields(m, kToday, "milestone.", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(ValidateMilestoneTest, ReportsEveryProblemWithItsField) {
  Milestone m;
  m.set_title(Chars(201));
  m.set_actual_date(IsoDay(kToday + 1));
  m.set_responsible_unit("zsj-1");
  FieldViolations v;
  ValidateMilestoneFields(m, kToday, "milestone.", v);
  const std::vector<std::string> expected = {"milestone.title", "milestone.planned_date", "milestone.actual_date",
                                             "milestone.responsible_unit"};
  EXPECT_EQ(Fields(v), expected);
  EXPECT_EQ(DescriptionOf(v, "milestone.title"), "must be at most 200 characters, got 201");
  EXPECT_EQ(DescriptionOf(v, "milestone.planned_date"), "is required (YYYY-MM-DD)");
  EXPECT_EQ(DescriptionOf(v, "milestone.actual_date"), "must not be after today (2026-11-26)");

  Milestone bad_days = ValidMilestone();
  bad_days.set_title("");
  bad_days.set_planned_date("2027-02-30");
  bad_days.set_actual_date("2026/11/01");
  FieldViolations w;
  ValidateMilestoneFields(bad_days, kToday, "", w);
  EXPECT_EQ(Fields(w), (std::vector<std::string>{"title", "planned_date", "actual_date"}));
  EXPECT_EQ(DescriptionOf(w, "title"), "is required");
  EXPECT_EQ(DescriptionOf(w, "planned_date"), "must be a date YYYY-MM-DD");
  EXPECT_EQ(DescriptionOf(w, "actual_date"), "must be a date YYYY-MM-DD");
}

TEST(ApplyMilestoneMaskTest, CopiesNamedFieldsAndRefusesDerivedOnes) {
  Milestone m = ValidMilestone();
  m.set_name("projects/1/milestones/2");
  Milestone patch;
  patch.set_actual_date("2026-11-20");
  patch.set_title("ignored");
  ASSERT_TRUE(ApplyMilestoneMask(Mask({"actual_date"}), patch, m).ok());
  EXPECT_EQ(m.actual_date(), "2026-11-20");
  EXPECT_EQ(m.title(), "取得施工许可");

  Milestone star = ValidMilestone();
  star.set_name("projects/1/milestones/2");
  ASSERT_TRUE(ApplyMilestoneMask(Mask({"*"}), patch, star).ok());
  EXPECT_EQ(star.title(), "ignored");
  EXPECT_EQ(star.planned_date(), "");
  EXPECT_EQ(star.responsible_unit(), "");
  EXPECT_EQ(star.name(), "projects/1/milestones/2");

  EXPECT_EQ(ApplyMilestoneMask(google::protobuf::FieldMask(), patch, m).code(), absl::StatusCode::kInvalidArgument);
  for (const char* path : {"status", "overdue_days", "escalation_color", "delete_time", "name", "etag"}) {
    absl::Status s = ApplyMilestoneMask(Mask({path}), patch, m);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << path;
    ASSERT_EQ(ViolationsOf(s).size(), 1u);
    EXPECT_EQ(ViolationsOf(s)[0].field, "update_mask");
  }
  EXPECT_NE(ApplyMilestoneMask(Mask({"status"}), patch, m).message().find("derived"), std::string::npos);
  EXPECT_NE(ApplyMilestoneMask(Mask({"delete_time"}), patch, m).message().find("DeleteMilestone"), std::string::npos);
}

v1::ProjectProblem ValidProblem() {
  v1::ProjectProblem p;
  p.set_type(v1::PROBLEM_TYPE_LAND);
  p.set_description("用地指标未落实");
  p.set_escalation_level(v1::ESCALATION_LEVEL_BUREAU);
  p.set_status(v1::PROBLEM_STATUS_OPEN);
  return p;
}

TEST(ValidateProblemTest, AcceptsAValidProblemAndANewOne) {
  FieldViolations v;
  ValidateProblemFields(ValidProblem(), "problem.", v);
  v1::ProjectProblem fresh = ValidProblem();
  fresh.clear_status();  // creation makes it OPEN
  ValidateProblemFields(fresh, "problem.", v);
  EXPECT_TRUE(v.empty()) << v.ToStatus();
}

TEST(ValidateProblemTest, ReportsEveryProblemWithItsField) {
  v1::ProjectProblem p;
  p.set_description(Chars(2001, "x"));
  p.set_status(static_cast<v1::ProblemStatus>(9));
  p.set_resolution(Chars(2001, "x"));
  FieldViolations v;
  ValidateProblemFields(p, "problem.", v);
  const std::vector<std::string> expected = {"problem.type", "problem.description", "problem.escalation_level",
                                             "problem.status", "problem.resolution"};
  EXPECT_EQ(Fields(v), expected);
  EXPECT_EQ(DescriptionOf(v, "problem.description"), "must be at most 2000 characters, got 2001");
  EXPECT_EQ(DescriptionOf(v, "problem.resolution"), "must be at most 2000 characters, got 2001");
}

TEST(ValidateProblemTest, ResolvedNeedsAResolution) {
  v1::ProjectProblem p = ValidProblem();
  p.set_status(v1::PROBLEM_STATUS_RESOLVED);
  FieldViolations missing;
  ValidateProblemFields(p, "problem.", missing);
  EXPECT_EQ(Fields(missing), std::vector<std::string>{"problem.resolution"});
  EXPECT_EQ(missing.violations()[0].description, "is required to set RESOLVED: say how the problem was solved");
  p.set_resolution("管委会协调调整用地指标");
  FieldViolations ok;
  ValidateProblemFields(p, "problem.", ok);
  EXPECT_TRUE(ok.empty()) << ok.ToStatus();
}

TEST(ApplyProblemMaskTest, CopiesNamedFieldsAndRefusesOthers) {
  v1::ProjectProblem p = ValidProblem();
  p.set_raised_by("users/alice");
  v1::ProjectProblem patch;
  patch.set_status(v1::PROBLEM_STATUS_RESOLVED);
  patch.set_resolution("已解决");
  ASSERT_TRUE(ApplyProblemMask(Mask({"status", "resolution"}), patch, p).ok());
  EXPECT_EQ(p.status(), v1::PROBLEM_STATUS_RESOLVED);
  EXPECT_EQ(p.resolution(), "已解决");
  EXPECT_EQ(p.description(), "用地指标未落实");
  ASSERT_TRUE(ApplyProblemMask(Mask({"*"}), patch, p).ok());
  EXPECT_EQ(p.description(), "");
  EXPECT_EQ(p.raised_by(), "users/alice");
  for (const char* path : {"raised_by", "name", "create_time", "etag"}) {
    absl::Status s = ApplyProblemMask(Mask({path}), patch, p);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << path;
    ASSERT_EQ(ViolationsOf(s).size(), 1u);
    EXPECT_EQ(ViolationsOf(s)[0].field, "update_mask");
  }
  EXPECT_EQ(ApplyProblemMask(google::protobuf::FieldMask(), patch, p).code(), absl::StatusCode::kInvalidArgument);
}

TEST(ValidateCapitalArrivalTest, DateAmountAndNote) {
  v1::CapitalArrival c;
  c.set_arrival_date(IsoDay(kToday));
  c.set_amount_cny(1);
  c.set_note(Chars(500));
  FieldViolations ok;
  ValidateCapitalArrival(c, kToday, "capital_arrival.", ok);
  EXPECT_TRUE(ok.empty()) << ok.ToStatus();

  c.set_arrival_date(IsoDay(kToday + 1));
  c.set_amount_cny(0);
  c.set_note(Chars(501));
  FieldViolations v;
  ValidateCapitalArrival(c, kToday, "capital_arrival.", v);
  const std::vector<std::string> expected = {"capital_arrival.arrival_date", "capital_arrival.amount_cny",
                                             "capital_arrival.note"};
  EXPECT_EQ(Fields(v), expected);
  EXPECT_EQ(DescriptionOf(v, "capital_arrival.arrival_date"), "must not be after today (2026-11-26)");
  EXPECT_EQ(DescriptionOf(v, "capital_arrival.amount_cny"), "must be more than 0 yuan, got 0");

  v1::CapitalArrival empty;
  empty.set_amount_cny(-5);
  FieldViolations w;
  ValidateCapitalArrival(empty, kToday, "", w);
  EXPECT_EQ(Fields(w), (std::vector<std::string>{"arrival_date", "amount_cny"}));
  EXPECT_EQ(DescriptionOf(w, "arrival_date"), "is required (YYYY-MM-DD)");
}

TEST(ValidateUnitTargetTest, NumbersNotNegativeAndTiersNotAboveTheTotal) {
  v1::UnitTarget t;
  t.set_signed_projects(10);
  t.set_signed_projects_1b(10);
  t.set_signed_projects_2b(4);
  t.set_signed_projects_5b(0);
  t.set_signed_investment_cny(30'000'000'000);
  t.set_construction_starts(6);
  t.set_capital_arrived_cny(8'000'000'000);
  FieldViolations ok;
  ValidateUnitTarget(t, "unit_target.", ok);
  EXPECT_TRUE(ok.empty()) << ok.ToStatus();

  t.set_signed_projects_1b(11);
  t.set_signed_projects_5b(-1);
  t.set_signed_investment_cny(-1);
  t.set_construction_starts(-1);
  t.set_capital_arrived_cny(-1);
  FieldViolations v;
  ValidateUnitTarget(t, "unit_target.", v);
  const std::vector<std::string> expected = {"unit_target.signed_projects_1b", "unit_target.signed_projects_5b",
                                             "unit_target.signed_investment_cny", "unit_target.construction_starts",
                                             "unit_target.capital_arrived_cny"};
  EXPECT_EQ(Fields(v), expected);
  EXPECT_EQ(DescriptionOf(v, "unit_target.signed_projects_1b"), "must not exceed signed_projects (10), got 11");
  EXPECT_EQ(DescriptionOf(v, "unit_target.signed_projects_5b"), "must not be negative, got -1");

  v1::UnitTarget negative;
  negative.set_signed_projects(-1);
  FieldViolations w;
  ValidateUnitTarget(negative, "", w);
  EXPECT_EQ(Fields(w), std::vector<std::string>{"signed_projects"});
}

TEST(UnitTargetNameTest, ParsesAndFormats) {
  auto key = ParseUnitTargetName("units/zsj-1/targets/2026", "unit_target.name");
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(key->unit_id, "zsj-1");
  EXPECT_EQ(key->year, 2026);
  EXPECT_EQ(UnitTargetName(*key), "units/zsj-1/targets/2026");
  EXPECT_TRUE(ParseUnitTargetName("units/a/targets/1949", "name").ok());
  EXPECT_TRUE(ParseUnitTargetName("units/a/targets/2100", "name").ok());
}

TEST(UnitTargetNameTest, RefusesOtherFormsNamingTheField) {
  for (const char* name : {"units/zsj-1/targets/1948", "units/zsj-1/targets/2101", "units/zsj-1/targets/26",
                           "units/zsj-1/targets/", "units/zsj-1", "units//targets/2026", "units/ZSJ/targets/2026",
                           "users/alice/targets/2026", "units/zsj-1/targets/2026/x", "units/a/b/targets/2026", ""}) {
    auto key = ParseUnitTargetName(name, "unit_target.name");
    ASSERT_FALSE(key.ok()) << name;
    EXPECT_EQ(key.status().code(), absl::StatusCode::kInvalidArgument);
    ASSERT_EQ(ViolationsOf(key.status()).size(), 1u);
    EXPECT_EQ(ViolationsOf(key.status())[0].field, "unit_target.name");
  }
}

// ---- The battle map

TEST(TemplateMilestonesTest, PlannedFromTheSigningDayForTheUnit) {
  std::vector<Milestone> ms =
      TemplateMilestones(Policy(), absl::CivilDay(2026, 3, 15), "units/zsj-1", v1::PROJECT_STAGE_SIGNED);
  ASSERT_EQ(ms.size(), 5u);
  const std::vector<std::pair<std::string, std::string>> expected = {{"完成工商注册", "2026-04-14"},
                                                                     {"取得项目用地", "2026-06-13"},
                                                                     {"取得施工许可", "2026-08-12"},
                                                                     {"开工建设", "2026-09-11"},
                                                                     {"竣工投产", "2027-09-06"}};
  for (size_t i = 0; i < ms.size(); ++i) {
    EXPECT_EQ(ms[i].title(), expected[i].first);
    EXPECT_EQ(ms[i].planned_date(), expected[i].second) << ms[i].title();
    EXPECT_EQ(ms[i].responsible_unit(), "units/zsj-1");
    EXPECT_EQ(ms[i].name(), "");
    EXPECT_EQ(ms[i].etag(), "");
    EXPECT_EQ(ms[i].actual_date(), "");
  }
  EXPECT_TRUE(TemplateMilestones(v1::ProjectPolicy(), kToday, "units/zsj-1", v1::PROJECT_STAGE_SIGNED).empty());
}

TEST(TemplateMilestonesTest, StagesCompleteTheirMilestones) {
  // Signing straight into construction (a justified skip) completes registration and the start.
  std::vector<Milestone> ms = TemplateMilestones(Policy(), absl::CivilDay(2026, 3, 15), "units/zsj-1",
                                                 v1::PROJECT_STAGE_CONSTRUCTION_STARTED);
  std::vector<std::string> done;
  for (const Milestone& m : ms) {
    if (!m.actual_date().empty()) done.push_back(m.title() + "@" + m.actual_date());
  }
  EXPECT_EQ(done, (std::vector<std::string>{"完成工商注册@2026-03-15", "开工建设@2026-03-15"}));
  EXPECT_TRUE(MilestonesDoneAt(Policy(), v1::PROJECT_STAGE_SIGNED).empty());
  EXPECT_EQ(MilestonesDoneAt(Policy(), v1::PROJECT_STAGE_REGISTERED), (std::vector<std::string>{"完成工商注册"}));
  EXPECT_EQ(MilestonesDoneAt(Policy(), v1::PROJECT_STAGE_IN_PRODUCTION),
            (std::vector<std::string>{"完成工商注册", "开工建设", "竣工投产"}));
  EXPECT_TRUE(MilestonesDoneAt(Policy(), v1::PROJECT_STAGE_LOST).empty());
}

struct MilestoneCase {
  int days_after_planned;  // today − planned
  v1::MilestoneStatus status;
  int overdue_days;
  v1::EscalationColor color;
};

TEST(DeriveMilestoneTest, StatusAndColourAroundEachBoundary) {
  // Due soon 14 days ahead, yellow from 3 days overdue, red from 7.
  const MilestoneCase cases[] = {
      {-100, v1::MILESTONE_STATUS_ON_TRACK, 0, v1::ESCALATION_COLOR_NONE},
      {-15, v1::MILESTONE_STATUS_ON_TRACK, 0, v1::ESCALATION_COLOR_NONE},
      {-14, v1::MILESTONE_STATUS_DUE_SOON, 0, v1::ESCALATION_COLOR_NONE},
      {-1, v1::MILESTONE_STATUS_DUE_SOON, 0, v1::ESCALATION_COLOR_NONE},
      {0, v1::MILESTONE_STATUS_DUE_SOON, 0, v1::ESCALATION_COLOR_NONE},  // the planned day itself
      {1, v1::MILESTONE_STATUS_OVERDUE, 1, v1::ESCALATION_COLOR_BLUE},
      {2, v1::MILESTONE_STATUS_OVERDUE, 2, v1::ESCALATION_COLOR_BLUE},
      {3, v1::MILESTONE_STATUS_OVERDUE, 3, v1::ESCALATION_COLOR_YELLOW},
      {6, v1::MILESTONE_STATUS_OVERDUE, 6, v1::ESCALATION_COLOR_YELLOW},
      {7, v1::MILESTONE_STATUS_OVERDUE, 7, v1::ESCALATION_COLOR_RED},
      {400, v1::MILESTONE_STATUS_OVERDUE, 400, v1::ESCALATION_COLOR_RED},
  };
  const absl::CivilDay planned(2027, 1, 15);
  for (const MilestoneCase& c : cases) {
    Milestone m = ValidMilestone();
    m.set_planned_date(IsoDay(planned));
    DeriveMilestone(Policy(), planned + c.days_after_planned, m);
    EXPECT_EQ(m.status(), c.status) << c.days_after_planned;
    EXPECT_EQ(m.overdue_days(), c.overdue_days) << c.days_after_planned;
    EXPECT_EQ(m.escalation_color(), c.color) << c.days_after_planned;
  }
}

TEST(DeriveMilestoneTest, DoneWhenItHasAnActualDateEvenIfLate) {
  Milestone m = ValidMilestone();
  m.set_planned_date("2026-10-01");
  DeriveMilestone(Policy(), kToday, m);
  ASSERT_EQ(m.escalation_color(), v1::ESCALATION_COLOR_RED);
  // Done late: the earlier derivation is replaced.
  m.set_actual_date("2026-11-20");
  DeriveMilestone(Policy(), kToday, m);
  EXPECT_EQ(m.status(), v1::MILESTONE_STATUS_DONE);
  EXPECT_EQ(m.overdue_days(), 0);
  EXPECT_EQ(m.escalation_color(), v1::ESCALATION_COLOR_NONE);
}

TEST(DeriveMilestoneTest, ZeroDueSoonDaysLeavesOnlyThePlannedDay) {
  v1::ProjectPolicy policy = Policy();
  policy.set_milestone_due_soon_days(0);
  Milestone m = ValidMilestone();
  const absl::CivilDay planned(2027, 1, 15);
  DeriveMilestone(policy, planned - 1, m);
  EXPECT_EQ(m.status(), v1::MILESTONE_STATUS_ON_TRACK);
  DeriveMilestone(policy, planned, m);
  EXPECT_EQ(m.status(), v1::MILESTONE_STATUS_DUE_SOON);
}

// ---- 三未 and the stopwatch

TEST(StallTest, MembershipAtEachThresholdEdge) {
  const absl::CivilDay since(2025, 6, 1);
  struct Case {
    ProjectStage stage;
    int days_in_stage;
    v1::StallKind kind;
    int days_over;
  };
  const Case cases[] = {
      {kSig, 0, v1::STALL_KIND_NONE, 0},
      {kSig, 90, v1::STALL_KIND_NONE, 0},
      {kSig, 91, v1::STALL_KIND_SIGNED_NOT_REGISTERED, 1},
      {kSig, 100, v1::STALL_KIND_SIGNED_NOT_REGISTERED, 10},
      {kReg, 180, v1::STALL_KIND_NONE, 0},
      {kReg, 181, v1::STALL_KIND_REGISTERED_NOT_STARTED, 1},
      {kCon, 540, v1::STALL_KIND_NONE, 0},
      {kCon, 541, v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION, 1},
      {kNeg, 1000, v1::STALL_KIND_NONE, 0},
      {kPro, 1000, v1::STALL_KIND_NONE, 0},
      {kLost, 1000, v1::STALL_KIND_NONE, 0},
  };
  for (const Case& c : cases) {
    Stall s = StallOf(Policy(), c.stage, since, since + c.days_in_stage);
    EXPECT_EQ(s.kind, c.kind) << StageName(c.stage) << " " << c.days_in_stage;
    EXPECT_EQ(s.days_over, c.days_over) << StageName(c.stage) << " " << c.days_in_stage;
  }
}

TEST(StallTest, ThresholdsAndStagesOfEachKind) {
  EXPECT_EQ(StallThresholdDays(Policy(), v1::STALL_KIND_SIGNED_NOT_REGISTERED), 90);
  EXPECT_EQ(StallThresholdDays(Policy(), v1::STALL_KIND_REGISTERED_NOT_STARTED), 180);
  EXPECT_EQ(StallThresholdDays(Policy(), v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION), 540);
  EXPECT_EQ(StallThresholdDays(Policy(), v1::STALL_KIND_NONE), 0);
  EXPECT_EQ(StageOfStall(v1::STALL_KIND_SIGNED_NOT_REGISTERED), kSig);
  EXPECT_EQ(StageOfStall(v1::STALL_KIND_REGISTERED_NOT_STARTED), kReg);
  EXPECT_EQ(StageOfStall(v1::STALL_KIND_STARTED_NOT_IN_PRODUCTION), kCon);
  EXPECT_EQ(StageOfStall(v1::STALL_KIND_NONE), v1::PROJECT_STAGE_UNSPECIFIED);
}

Milestone At(const char* name, const char* title, absl::CivilDay planned) {
  Milestone m;
  m.set_name(name);
  m.set_title(title);
  m.set_planned_date(IsoDay(planned));
  return m;
}

TEST(StopwatchTest, DaysInStageStallAndNextMilestone) {
  Project p = ValidProject();
  p.set_stage(kSig);
  p.set_stage_date(IsoDay(kToday - 95));
  std::vector<Milestone> ms = {
      At("projects/1/milestones/1", "完成工商注册", kToday - 65),  // done: skipped
      At("projects/1/milestones/2", "取得项目用地", kToday - 10),  // deleted: skipped
      At("projects/1/milestones/3", "取得施工许可", kToday + 40),
      At("projects/1/milestones/4", "开工建设", kToday - 5),  // overdue: the next one
      At("projects/1/milestones/5", "竣工投产", kToday + 300),
  };
  ms[0].set_actual_date(IsoDay(kToday - 70));
  ms[1].mutable_delete_time()->set_seconds(1);
  DeriveStopwatch(Policy(), kToday, ms, p);
  const v1::Stopwatch& sw = p.stopwatch();
  EXPECT_EQ(sw.days_in_stage(), 95);
  EXPECT_EQ(sw.stall(), v1::STALL_KIND_SIGNED_NOT_REGISTERED);
  EXPECT_EQ(sw.days_over_threshold(), 5);
  EXPECT_EQ(sw.next_milestone(), "开工建设");
  ASSERT_TRUE(sw.has_days_to_next_milestone());
  EXPECT_EQ(sw.days_to_next_milestone(), -5);

  // Once it is done, the next one comes up, in the future.
  ms[3].set_actual_date(IsoDay(kToday));
  DeriveStopwatch(Policy(), kToday, ms, p);
  EXPECT_EQ(p.stopwatch().next_milestone(), "取得施工许可");
  EXPECT_EQ(p.stopwatch().days_to_next_milestone(), 40);
}

TEST(StopwatchTest, TiesGoByName) {
  Project p = ValidProject();
  p.set_stage(kReg);
  p.set_stage_date(IsoDay(kToday));
  std::vector<Milestone> ms = {At("projects/1/milestones/9", "B", kToday + 3),
                               At("projects/1/milestones/8", "A", kToday + 3),
                               At("projects/1/milestones/7", "C", kToday + 4)};
  DeriveStopwatch(Policy(), kToday, ms, p);
  EXPECT_EQ(p.stopwatch().next_milestone(), "A");
  EXPECT_EQ(p.stopwatch().days_to_next_milestone(), 3);
  EXPECT_EQ(p.stopwatch().days_in_stage(), 0);
  EXPECT_EQ(p.stopwatch().stall(), v1::STALL_KIND_NONE);
}

TEST(StopwatchTest, NothingNextAndEndStages) {
  Project p = ValidProject();
  p.set_stage(kPro);
  p.set_stage_date(IsoDay(kToday - 1000));
  // Left over from an earlier derivation: cleared.
  p.mutable_stopwatch()->set_next_milestone("old");
  p.mutable_stopwatch()->set_days_to_next_milestone(3);
  Milestone done = At("projects/1/milestones/1", "竣工投产", kToday - 1);
  done.set_actual_date(IsoDay(kToday - 1));
  DeriveStopwatch(Policy(), kToday, {done}, p);
  EXPECT_EQ(p.stopwatch().days_in_stage(), 1000);
  EXPECT_EQ(p.stopwatch().stall(), v1::STALL_KIND_NONE);
  EXPECT_EQ(p.stopwatch().days_over_threshold(), 0);
  EXPECT_EQ(p.stopwatch().next_milestone(), "");
  EXPECT_FALSE(p.stopwatch().has_days_to_next_milestone());

  p.set_stage(kLost);
  p.set_stage_date(IsoDay(kToday - 200));
  DeriveStopwatch(Policy(), kToday, {}, p);
  EXPECT_EQ(p.stopwatch().days_in_stage(), 200);
  EXPECT_EQ(p.stopwatch().stall(), v1::STALL_KIND_NONE);
}

TEST(StopwatchTest, UnreadableStageDateCountsZero) {
  Project p = ValidProject();
  p.set_stage(kCon);
  p.set_stage_date("");
  DeriveStopwatch(Policy(), kToday, {}, p);
  EXPECT_EQ(p.stopwatch().days_in_stage(), 0);
  EXPECT_EQ(p.stopwatch().stall(), v1::STALL_KIND_NONE);
}

TEST(ArrivalRateTest, OnlyWhenSomethingIsContracted) {
  EXPECT_EQ(ArrivalRate(100, 0), std::nullopt);
  EXPECT_EQ(ArrivalRate(100, -1), std::nullopt);
  EXPECT_DOUBLE_EQ(ArrivalRate(0, 400).value(), 0.0);
  EXPECT_DOUBLE_EQ(ArrivalRate(300'000'000, 1'200'000'000).value(), 0.25);
  EXPECT_DOUBLE_EQ(ArrivalRate(1'500, 1'000).value(), 1.5);  // more than contracted arrived
}

// ---- Who may do what

Principal As(v1::Role role, const char* user = "alice", const char* unit = "zsj-1") {
  Principal p;
  p.user_id = user;
  p.unit_id = unit;
  p.role = role;
  return p;
}

// A project of another unit (zsj-2), owned by bob, with carol as secretary.
Project OtherUnits() {
  Project p = ValidProject();
  p.set_name("projects/7");
  p.set_unit("units/zsj-2");
  p.set_owner("users/bob");
  p.set_service_secretary("users/carol");
  return p;
}

TEST(ProjectAccessTest, WhoSeesWhat) {
  Project mine_by_unit = OtherUnits();
  mine_by_unit.set_unit("units/zsj-1");
  Project mine_by_owner = OtherUnits();
  mine_by_owner.set_owner("users/alice");
  Project served = OtherUnits();
  served.set_service_secretary("users/alice");
  const Project foreign = OtherUnits();

  struct Case {
    v1::Role role;
    bool unit, owner, secretary, other;
  };
  const Case cases[] = {
      {v1::ROLE_STAFF, true, true, true, false},
      {v1::ROLE_UNIT_LEAD, true, false, false, false},
      {v1::ROLE_LEADERSHIP, true, true, true, true},
      {v1::ROLE_ADMIN, true, true, true, true},
      {v1::ROLE_DEPARTMENT_SERVICE, true, true, true, true},
      {v1::ROLE_UNSPECIFIED, false, false, false, false},
  };
  for (const Case& c : cases) {
    const Principal p = As(c.role);
    EXPECT_EQ(CanSeeProject(p, mine_by_unit), c.unit) << v1::Role_Name(c.role);
    EXPECT_EQ(CanSeeProject(p, mine_by_owner), c.owner) << v1::Role_Name(c.role);
    EXPECT_EQ(CanSeeProject(p, served), c.secretary) << v1::Role_Name(c.role);
    EXPECT_EQ(CanSeeProject(p, foreign), c.other) << v1::Role_Name(c.role);
  }
}

TEST(ProjectAccessTest, WhoChangesWhat) {
  Project mine_by_unit = OtherUnits();
  mine_by_unit.set_unit("units/zsj-1");
  Project mine_by_owner = OtherUnits();
  mine_by_owner.set_owner("users/alice");
  Project served = OtherUnits();
  served.set_service_secretary("users/alice");
  const Project foreign = OtherUnits();

  struct Case {
    v1::Role role;
    bool unit, owner, secretary, other;
  };
  const Case cases[] = {
      {v1::ROLE_STAFF, true, true, false, false},  // a secretary of another unit's project reads only
      {v1::ROLE_UNIT_LEAD, true, false, false, false},
      {v1::ROLE_LEADERSHIP, false, false, false, false},
      {v1::ROLE_ADMIN, true, true, true, true},
      {v1::ROLE_DEPARTMENT_SERVICE, true, true, true, true},  // within its scopes
      {v1::ROLE_UNSPECIFIED, false, false, false, false},
  };
  auto outcome = [](const absl::Status& s) {
    EXPECT_TRUE(s.ok() || s.code() == absl::StatusCode::kPermissionDenied) << s;
    return s.ok();
  };
  for (const Case& c : cases) {
    const Principal p = As(c.role);
    EXPECT_EQ(outcome(CheckCanChangeProject(p, mine_by_unit)), c.unit) << v1::Role_Name(c.role);
    EXPECT_EQ(outcome(CheckCanChangeProject(p, mine_by_owner)), c.owner) << v1::Role_Name(c.role);
    EXPECT_EQ(outcome(CheckCanChangeProject(p, served)), c.secretary) << v1::Role_Name(c.role);
    EXPECT_EQ(outcome(CheckCanChangeProject(p, foreign)), c.other) << v1::Role_Name(c.role);
  }
  EXPECT_EQ(CheckCanChangeProject(As(v1::ROLE_STAFF), served).message(),
            "users/alice may change only the projects of units/zsj-1 and those they own; projects/7 is "
            "units/zsj-2's");
}

TEST(ProjectAssignmentTest, StaffCreateIntoTheirUnitOwnedByThemselves) {
  const Principal staff = As(v1::ROLE_STAFF);
  Project p = ValidProject();  // units/zsj-1, users/alice
  EXPECT_TRUE(CheckProjectAssignment(staff, nullptr, p).ok());

  Project other_unit = p;
  other_unit.set_unit("units/zsj-2");
  absl::Status unit = CheckProjectAssignment(staff, nullptr, other_unit);
  EXPECT_EQ(unit.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(unit.message(), "project.unit: users/alice may only put projects into units/zsj-1");

  Project other_owner = p;
  other_owner.set_owner("users/bob");
  absl::Status owner = CheckProjectAssignment(staff, nullptr, other_owner);
  EXPECT_EQ(owner.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(owner.message().rfind("project.owner: ", 0), 0u) << owner;
}

TEST(ProjectAssignmentTest, OnlyChangedFieldsAreChecked) {
  const Principal staff = As(v1::ROLE_STAFF);
  // Alice works on a project her unit owns through bob: editing it without
  // touching unit or owner is fine.
  Project before = ValidProject();
  before.set_owner("users/bob");
  Project after = before;
  after.set_display_name("改名");
  EXPECT_TRUE(CheckProjectAssignment(staff, &before, after).ok());
  // Giving it to someone else is not.
  after.set_owner("users/dave");
  EXPECT_EQ(CheckProjectAssignment(staff, &before, after).code(), absl::StatusCode::kPermissionDenied);
  // Taking it over is.
  after.set_owner("users/alice");
  EXPECT_TRUE(CheckProjectAssignment(staff, &before, after).ok());
  // A project she owns in another unit may stay there, but not move to a third.
  Project away = ValidProject();
  away.set_unit("units/zsj-2");
  Project still_away = away;
  still_away.set_land_area_mu(1);
  EXPECT_TRUE(CheckProjectAssignment(staff, &away, still_away).ok());
  still_away.set_unit("units/zsj-3");
  EXPECT_EQ(CheckProjectAssignment(staff, &away, still_away).code(), absl::StatusCode::kPermissionDenied);
}

TEST(ProjectAssignmentTest, UnitLeadsAssignWithinTheirUnitAdminsAnywhere) {
  const Principal lead = As(v1::ROLE_UNIT_LEAD, "lee");
  Project p = ValidProject();
  p.set_owner("users/bob");
  EXPECT_TRUE(CheckProjectAssignment(lead, nullptr, p).ok());
  Project moved = p;
  moved.set_unit("units/zsj-2");
  EXPECT_EQ(CheckProjectAssignment(lead, &p, moved).code(), absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(CheckProjectAssignment(As(v1::ROLE_ADMIN, "root", "it"), &p, moved).ok());
  EXPECT_TRUE(CheckProjectAssignment(As(v1::ROLE_ADMIN, "root", "it"), nullptr, moved).ok());
}

TEST(MarkStagesReachedTest, FillsEveryStageUpToTheTargetOnceAndKeepsEarlierDays) {
  v1::Project p;
  MarkStagesReached(p, v1::PROJECT_STAGE_NEGOTIATING, "2026-01-05");
  MarkStagesReached(p, v1::PROJECT_STAGE_REGISTERED, "2026-03-01");  // signing skipped
  EXPECT_EQ(p.negotiation_date(), "2026-01-05");
  EXPECT_EQ(p.signed_date(), "2026-03-01");
  EXPECT_EQ(p.registered_date(), "2026-03-01");
  EXPECT_TRUE(p.construction_start_date().empty());
  MarkStagesReached(p, v1::PROJECT_STAGE_LOST, "2026-04-01");  // losing reaches nothing new
  MarkStagesReached(p, v1::PROJECT_STAGE_REGISTERED, "2026-05-01");  // reopened: the first day stays
  EXPECT_EQ(p.registered_date(), "2026-03-01");
  EXPECT_TRUE(p.production_date().empty());
  MarkStagesReached(p, v1::PROJECT_STAGE_IN_PRODUCTION, "2026-06-01");
  EXPECT_EQ(p.construction_start_date(), "2026-06-01");
  EXPECT_EQ(p.production_date(), "2026-06-01");
}

}  // namespace
}  // namespace crm
