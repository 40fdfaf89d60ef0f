#include "services/enterprises/enterprise_rules.h"

#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "base/escalation.h"
#include "base/field_checks.h"
#include "base/resource_name.h"
#include "base/uscc.h"

namespace crm {
namespace {

using google::protobuf::FieldMask;

// The first and last year a yearly figure, batch or name may carry.
constexpr int kFirstYear = 1949;
constexpr int kLastYear = 2100;

// The GB/T 4754-2017 divisions (大类) of each section (门类), A = 1 … T = 20:
// the divisions are numbered 01–97 through the sections in order.
struct DivisionRange {
  int first;
  int last;
};
constexpr std::array<DivisionRange, 20> kDivisions = {{
    {1, 5},   {6, 12},  {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65}, {66, 69},
    {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90}, {91, 96}, {97, 97},
}};

void CheckDivision(v1::IndustrySection section, absl::string_view division, const std::string& field,
                   FieldViolations& violations) {
  if (division.empty()) return;
  if (division.size() != 2 || !absl::c_all_of(division, absl::ascii_isdigit)) {
    violations.Add(field, "must be a GB/T 4754 division: two digits such as `39`");
    return;
  }
  if (section == v1::INDUSTRY_SECTION_UNSPECIFIED || !v1::IndustrySection_IsValid(section)) return;
  const DivisionRange& range = kDivisions[section - 1];
  int number = (division[0] - '0') * 10 + (division[1] - '0');
  if (number < range.first || number > range.last) {
    char letter = static_cast<char>('A' + section - 1);
    violations.Add(field, absl::StrFormat("`%s` is not a division of section %c (%02d–%02d)", division, letter,
                                          range.first, range.last));
  }
}

std::string ShortName(absl::string_view enum_name, absl::string_view prefix) {
  return std::string(absl::StripPrefix(enum_name, prefix));
}

std::string StatusName(v1::ServiceRequestStatus status) {
  return ShortName(v1::ServiceRequestStatus_Name(status), "SERVICE_REQUEST_STATUS_");
}

}  // namespace

// ---- Enterprises

void ValidateEnterpriseFields(const v1::Enterprise& e, absl::CivilDay today, absl::string_view prefix,
                              FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  if (e.uscc().empty()) {
    violations.Add(field("uscc"), "is required");
  } else if (auto problem = UsccProblem(e.uscc())) {
    violations.Add(field("uscc"), *problem);
  }
  CheckText(e.company_name(), 200, true, field("company_name"), violations);
  if (e.former_names_size() > 20) {
    violations.Add(field("former_names"), absl::StrCat("at most 20 former names, got ", e.former_names_size()));
  }
  for (int i = 0; i < e.former_names_size(); ++i) {
    CheckText(e.former_names(i), 200, true, absl::StrCat(prefix, "former_names[", i, "]"), violations);
  }
  if (e.founded_date().empty()) {
    violations.Add(field("founded_date"), "is required (YYYY-MM-DD)");
  } else if (auto founded = ParseIsoDay(e.founded_date()); !founded) {
    violations.Add(field("founded_date"), "must be a date YYYY-MM-DD");
  } else if (*founded > today) {
    violations.Add(field("founded_date"), absl::StrCat("must not be after today (", IsoDay(today), ")"));
  }
  if (e.registered_capital_cny() < 0) violations.Add(field("registered_capital_cny"), "must not be negative");
  CheckText(e.legal_representative(), 100, false, field("legal_representative"), violations);
  CheckText(e.address(), 300, false, field("address"), violations);
  if (e.industry() == v1::INDUSTRY_SECTION_UNSPECIFIED || !v1::IndustrySection_IsValid(e.industry())) {
    violations.Add(field("industry"), "is required (a GB/T 4754 section, A to T)");
  }
  CheckDivision(e.industry(), e.industry_division(), field("industry_division"), violations);
  std::map<int, int> first_at;  // tag → index of its first occurrence
  for (int i = 0; i < e.tags_size(); ++i) {
    std::string at = absl::StrCat(prefix, "tags[", i, "]");
    int tag = e.tags(i);
    if (tag == v1::ENTERPRISE_TAG_UNSPECIFIED || !v1::EnterpriseTag_IsValid(tag)) {
      violations.Add(at, "is not an EnterpriseTag");
    } else if (auto [it, inserted] = first_at.emplace(tag, i); !inserted) {
      violations.Add(at, absl::StrCat("repeats ", ShortName(v1::EnterpriseTag_Name(e.tags(i)), "ENTERPRISE_TAG_"),
                                      " (tags[", it->second, "])"));
    }
  }
}

const std::vector<std::string>& UpdatableEnterpriseFields() {
  static const auto& fields = *new std::vector<std::string>{
      "uscc",    "company_name", "former_names",      "founded_date", "registered_capital_cny", "legal_representative",
      "address", "in_zone",      "industry",          "industry_division", "listed",            "tags"};
  return fields;
}

absl::Status ApplyEnterpriseMask(const FieldMask& mask, const v1::Enterprise& patch, v1::Enterprise& e) {
  static const auto& kReadOnly = *new std::map<std::string, std::string>{
      {"service_secretary", "cannot be changed by UpdateEnterprise; use AssignServiceSecretary"},
      {"held_titles", "cannot be changed by UpdateEnterprise; create or delete a Certification"},
  };
  return ApplyMask(mask, patch, e, UpdatableEnterpriseFields(), kReadOnly);
}

void CopyRegistrationFields(const v1::Enterprise& row, v1::Enterprise& e) {
  for (const std::string& name : UpdatableEnterpriseFields()) {
    CopyField(row, e, v1::Enterprise::descriptor()->FindFieldByName(name));
  }
}

// ---- Yearly metrics

absl::StatusOr<MetricsKey> ParseYearlyMetricsName(absl::string_view name, absl::string_view field) {
  auto invalid = [&] {
    return InvalidField(field, absl::StrCat("must be a name like `enterprises/123/yearlyMetrics/2025` (year ",
                                            kFirstYear, "–", kLastYear, ")"));
  };
  absl::string_view rest = name;
  if (!absl::ConsumePrefix(&rest, "enterprises/")) return invalid();
  constexpr absl::string_view kCollection = "/yearlyMetrics/";
  size_t at = rest.find(kCollection);
  if (at == absl::string_view::npos) return invalid();
  absl::string_view id = rest.substr(0, at);
  absl::string_view year = rest.substr(at + kCollection.size());
  MetricsKey key;
  if (id.empty() || id.size() > 18 || !absl::c_all_of(id, absl::ascii_isdigit) ||
      !absl::SimpleAtoi(id, &key.enterprise_id) || key.enterprise_id <= 0 || year.size() != 4 ||
      !absl::c_all_of(year, absl::ascii_isdigit) || !absl::SimpleAtoi(year, &key.year) || key.year < kFirstYear ||
      key.year > kLastYear) {
    return invalid();
  }
  return key;
}

std::string YearlyMetricsName(const MetricsKey& key) {
  return absl::StrCat("enterprises/", key.enterprise_id, "/yearlyMetrics/", key.year);
}

void ValidateYearlyMetrics(const v1::YearlyMetrics& m, absl::string_view prefix, FieldViolations& violations) {
  auto not_negative = [&](absl::string_view name, bool has, int64_t value) {
    if (has && value < 0) violations.Add(absl::StrCat(prefix, name), "must not be negative");
  };
  not_negative("revenue_cny", m.has_revenue_cny(), m.revenue_cny());
  // profit_cny may be negative: a loss.
  not_negative("rd_expense_cny", m.has_rd_expense_cny(), m.rd_expense_cny());
  not_negative("employees", m.has_employees(), m.employees());
  not_negative("rd_staff", m.has_rd_staff(), m.rd_staff());
  not_negative("valuation_cny", m.has_valuation_cny(), m.valuation_cny());
  not_negative("cumulative_financing_cny", m.has_cumulative_financing_cny(), m.cumulative_financing_cny());
  not_negative("tax_paid_cny", m.has_tax_paid_cny(), m.tax_paid_cny());
  not_negative("patents", m.has_patents(), m.patents());
  if (m.has_rd_staff() && m.has_employees() && m.rd_staff() > m.employees()) {
    violations.Add(absl::StrCat(prefix, "rd_staff"),
                   absl::StrCat("must not exceed employees (", m.employees(), "), got ", m.rd_staff()));
  }
}

absl::Status ApplyYearlyMetricsMask(const FieldMask& mask, const v1::YearlyMetrics& patch, v1::YearlyMetrics& m) {
  static const auto& kFigures = *new std::vector<std::string>{
      "revenue_cny",   "profit_cny",    "rd_expense_cny",           "employees",    "rd_staff",
      "valuation_cny", "cumulative_financing_cny", "tax_paid_cny", "patents"};
  static const auto& kReadOnly = *[] {
    auto* m = new std::map<std::string, std::string>;
    for (const char* derived : {"revenue_growth", "profit_growth", "rd_expense_growth", "employees_growth",
                                "valuation_growth", "rd_intensity", "rd_staff_share"}) {
      (*m)[derived] = "is derived from the figures on every read and cannot be set";
    }
    (*m)["year"] = "is given by the name (`enterprises/{id}/yearlyMetrics/{year}`)";
    return m;
  }();
  return ApplyMask(mask, patch, m, kFigures, kReadOnly, "figures to set");
}

namespace {

// (now − before) ÷ |before|. The absolute base keeps the sign meaningful for
// figures that can be negative: a loss shrinking from −100 to −40 is +60%
// profit growth, not −60%. Absent when either figure is missing or the base
// is zero.
std::optional<double> Growth(bool has_now, int64_t now, bool has_before, int64_t before) {
  if (!has_now || !has_before || before == 0) return std::nullopt;
  return (static_cast<double>(now) - static_cast<double>(before)) / std::abs(static_cast<double>(before));
}

// `part` ÷ `whole` when both are reported and the whole is positive.
std::optional<double> Ratio(bool has_part, int64_t part, bool has_whole, int64_t whole) {
  if (!has_part || !has_whole || whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

void ClearDerived(v1::YearlyMetrics& m) {
  m.clear_revenue_growth();
  m.clear_profit_growth();
  m.clear_rd_expense_growth();
  m.clear_employees_growth();
  m.clear_valuation_growth();
  m.clear_rd_intensity();
  m.clear_rd_staff_share();
}

}  // namespace

void DeriveMetrics(std::vector<v1::YearlyMetrics>& years) {
  for (v1::YearlyMetrics& m : years) ClearDerived(m);
  // The vector is not resized below, so the pointers stay valid. With two
  // elements of one year (not expected) the first is the base.
  absl::flat_hash_map<int, const v1::YearlyMetrics*> by_year;
  for (const v1::YearlyMetrics& m : years) by_year.emplace(m.year(), &m);
  for (v1::YearlyMetrics& m : years) {
    if (auto v = Ratio(m.has_rd_expense_cny(), m.rd_expense_cny(), m.has_revenue_cny(), m.revenue_cny())) {
      m.set_rd_intensity(*v);
    }
    if (auto v = Ratio(m.has_rd_staff(), m.rd_staff(), m.has_employees(), m.employees())) m.set_rd_staff_share(*v);
    auto found = by_year.find(m.year() - 1);
    if (found == by_year.end()) continue;
    const v1::YearlyMetrics& p = *found->second;
    if (auto v = Growth(m.has_revenue_cny(), m.revenue_cny(), p.has_revenue_cny(), p.revenue_cny())) {
      m.set_revenue_growth(*v);
    }
    if (auto v = Growth(m.has_profit_cny(), m.profit_cny(), p.has_profit_cny(), p.profit_cny())) {
      m.set_profit_growth(*v);
    }
    if (auto v = Growth(m.has_rd_expense_cny(), m.rd_expense_cny(), p.has_rd_expense_cny(), p.rd_expense_cny())) {
      m.set_rd_expense_growth(*v);
    }
    if (auto v = Growth(m.has_employees(), m.employees(), p.has_employees(), p.employees())) {
      m.set_employees_growth(*v);
    }
    if (auto v = Growth(m.has_valuation_cny(), m.valuation_cny(), p.has_valuation_cny(), p.valuation_cny())) {
      m.set_valuation_growth(*v);
    }
  }
}

// ---- Certifications

void ValidateCertificationFields(const v1::Certification& c, absl::string_view prefix,
                                 FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  if (c.title() == v1::CERTIFICATION_TITLE_UNSPECIFIED || !v1::CertificationTitle_IsValid(c.title())) {
    violations.Add(field("title"), "is required (one of the CertificationTitle values)");
  }
  if (c.level() == v1::CERTIFICATION_LEVEL_UNSPECIFIED || !v1::CertificationLevel_IsValid(c.level())) {
    violations.Add(field("level"), "is required (NATIONAL, PROVINCIAL, MUNICIPAL or ZONE)");
  }
  CheckText(c.issuer(), 200, false, field("issuer"), violations);
  if (c.batch_year() < kFirstYear || c.batch_year() > kLastYear) {
    violations.Add(field("batch_year"),
                   absl::StrCat("is required: a year ", kFirstYear, "–", kLastYear, ", got ", c.batch_year()));
  }
  CheckOptionalDay(c.valid_until(), field("valid_until"), violations);
  CheckText(c.evidence_note(), 1000, false, field("evidence_note"), violations);
}

absl::Status ApplyCertificationMask(const FieldMask& mask, const v1::Certification& patch, v1::Certification& c) {
  static const auto& kUpdatable =
      *new std::vector<std::string>{"level", "issuer", "batch_year", "valid_until", "evidence_note"};
  static const auto& kReadOnly = *new std::map<std::string, std::string>{
      {"title", "cannot be changed; delete the certification and create one with the other title"},
  };
  return ApplyMask(mask, patch, c, kUpdatable, kReadOnly);
}

bool IsCurrent(const v1::Certification& c, absl::CivilDay today) {
  if (c.has_delete_time()) return false;
  if (c.valid_until().empty()) return true;
  // An unreadable end date (validation keeps them out) does not end the title.
  std::optional<absl::CivilDay> until = ParseIsoDay(c.valid_until());
  return !until || *until >= today;
}

// ---- Service requests

void ValidateServiceRequestFields(const v1::ServiceRequest& r, absl::string_view prefix,
                                  FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  if (r.category() == v1::SERVICE_CATEGORY_UNSPECIFIED || !v1::ServiceCategory_IsValid(r.category())) {
    violations.Add(field("category"), "is required (one of the ServiceCategory values)");
  }
  CheckText(r.description(), 2000, true, field("description"), violations);
  CheckOptionalDay(r.raised_date(), field("raised_date"), violations);
  if (r.priority() == v1::SERVICE_REQUEST_PRIORITY_UNSPECIFIED || !v1::ServiceRequestPriority_IsValid(r.priority())) {
    violations.Add(field("priority"), "is required (URGENT or NORMAL)");
  }
  CheckUnit(r.first_responder_unit(), field("first_responder_unit"), violations);
  CheckUnit(r.handling_unit(), field("handling_unit"), violations);
  CheckOptionalDay(r.due_date(), field("due_date"), violations);
  std::optional<absl::CivilDay> raised = ParseIsoDay(r.raised_date());
  std::optional<absl::CivilDay> due = ParseIsoDay(r.due_date());
  if (raised && due && *due < *raised) {
    violations.Add(field("due_date"), absl::StrCat("must not be before the raised date (", r.raised_date(), ")"));
  }
}

absl::Status ApplyServiceRequestMask(const FieldMask& mask, const v1::ServiceRequest& patch,
                                     v1::ServiceRequest& r) {
  static const auto& kUpdatable = *new std::vector<std::string>{
      "category", "description", "priority", "first_responder_unit", "handling_unit", "due_date"};
  static const auto& kReadOnly = *[] {
    auto* m = new std::map<std::string, std::string>;
    for (const char* f : {"status", "resolution", "satisfaction", "reopen_reason"}) {
      (*m)[f] =
          "cannot be changed by UpdateServiceRequest; use AcceptServiceRequest, StartServiceRequest, "
          "ResolveServiceRequest, CloseServiceRequest or ReopenServiceRequest";
    }
    (*m)["raised_date"] = "cannot be changed once the request is raised; change due_date instead";
    return m;
  }();
  return ApplyMask(mask, patch, r, kUpdatable, kReadOnly);
}

absl::CivilDay DefaultDueDate(const v1::EnterprisePolicy& policy, v1::ServiceRequestPriority priority,
                              absl::CivilDay raised) {
  for (const v1::ServiceLevel& level : policy.service_levels()) {
    if (level.priority() == priority) return raised + level.due_in_days();
  }
  // A checked policy has a level for every priority; without one the request
  // is due at once rather than never.
  return raised;
}

absl::Status ApplyServiceRequestAction(v1::ServiceRequest& r, ServiceRequestAction action) {
  using v1::SERVICE_REQUEST_STATUS_ACCEPTED, v1::SERVICE_REQUEST_STATUS_CLOSED,
      v1::SERVICE_REQUEST_STATUS_IN_PROGRESS, v1::SERVICE_REQUEST_STATUS_OPEN, v1::SERVICE_REQUEST_STATUS_REOPENED,
      v1::SERVICE_REQUEST_STATUS_RESOLVED;
  struct Move {
    std::vector<v1::ServiceRequestStatus> from;
    v1::ServiceRequestStatus to;
  };
  static const auto& kMoves = *new std::map<ServiceRequestAction, Move>{
      {ServiceRequestAction::kAccept, {{SERVICE_REQUEST_STATUS_OPEN}, SERVICE_REQUEST_STATUS_ACCEPTED}},
      {ServiceRequestAction::kStart,
       {{SERVICE_REQUEST_STATUS_ACCEPTED, SERVICE_REQUEST_STATUS_REOPENED}, SERVICE_REQUEST_STATUS_IN_PROGRESS}},
      {ServiceRequestAction::kResolve, {{SERVICE_REQUEST_STATUS_IN_PROGRESS}, SERVICE_REQUEST_STATUS_RESOLVED}},
      {ServiceRequestAction::kClose, {{SERVICE_REQUEST_STATUS_RESOLVED}, SERVICE_REQUEST_STATUS_CLOSED}},
      {ServiceRequestAction::kReopen, {{SERVICE_REQUEST_STATUS_RESOLVED}, SERVICE_REQUEST_STATUS_REOPENED}},
  };
  const Move& move = kMoves.at(action);
  if (absl::c_find(move.from, r.status()) == move.from.end()) {
    std::vector<std::string> names;
    for (v1::ServiceRequestStatus s : move.from) names.push_back(StatusName(s));
    return absl::FailedPreconditionError(absl::StrCat("service request ", r.name(), " is ", StatusName(r.status()),
                                                      "; it can become ", StatusName(move.to), " only from ",
                                                      absl::StrJoin(names, " or ")));
  }
  r.set_status(move.to);
  return absl::OkStatus();
}

bool IsOpen(v1::ServiceRequestStatus status) {
  return status == v1::SERVICE_REQUEST_STATUS_OPEN || status == v1::SERVICE_REQUEST_STATUS_ACCEPTED ||
         status == v1::SERVICE_REQUEST_STATUS_IN_PROGRESS || status == v1::SERVICE_REQUEST_STATUS_REOPENED;
}

void DeriveEscalation(const v1::EnterprisePolicy& policy, absl::CivilDay today, v1::ServiceRequest& r) {
  r.clear_overdue_days();
  r.set_escalation_color(v1::ESCALATION_COLOR_NONE);
  if (!IsOpen(r.status())) return;
  std::optional<absl::CivilDay> due = ParseIsoDay(r.due_date());
  if (!due || today < *due) return;
  const int64_t overdue = today - *due;
  r.set_overdue_days(static_cast<int32_t>(overdue));
  // Keep in step with DueDatesOf, which states the same bands as due dates.
  r.set_escalation_color(EscalationColorOf(overdue, policy.yellow_after_days(), policy.red_after_days()));
}

DueDateRange DueDatesOf(const v1::EnterprisePolicy& policy, v1::EscalationColor color, absl::CivilDay today) {
  // Overdue by d days (d = today − due) ⇔ due = today − d, so each band of
  // DeriveEscalation, d in [lo, hi], is due in [today − hi, today − lo].
  const int yellow = policy.yellow_after_days();
  const int red = policy.red_after_days();
  switch (color) {
    case v1::ESCALATION_COLOR_NONE: return {today + 1, std::nullopt};
    case v1::ESCALATION_COLOR_BLUE: return {today - yellow + 1, today};
    case v1::ESCALATION_COLOR_YELLOW: return {today - red + 1, today - yellow};
    case v1::ESCALATION_COLOR_RED: return {std::nullopt, today - red};
    default: return {};  // UNSPECIFIED: no colour asked for, no bound
  }
}

Visibility ServiceRequestVisibility(const Principal& p) {
  switch (p.role) {
    case v1::ROLE_ADMIN:
    case v1::ROLE_LEADERSHIP:
    case v1::ROLE_DEPARTMENT_SERVICE: return Visibility::All();  // a department reaches requests only through its scopes
    case v1::ROLE_UNIT_LEAD:
    case v1::ROLE_STAFF:
      return Visibility::AnyOf({{Facet::kServiceSecretary, p.user_id},
                                {Facet::kFirstResponderUnit, p.unit_id},
                                {Facet::kHandlingUnit, p.unit_id}});
    default: return Visibility::None();
  }
}

bool CanSeeServiceRequest(const Principal& p, const v1::ServiceRequest& r) {
  return ServiceRequestVisibility(p).Admits([&](Facet facet) {
    switch (facet) {
      case Facet::kServiceSecretary: return PrincipalId(r.service_secretary(), "users");
      case Facet::kFirstResponderUnit: return PrincipalId(r.first_responder_unit(), "units");
      case Facet::kHandlingUnit: return PrincipalId(r.handling_unit(), "units");
      default: return std::string();
    }
  });
}

}  // namespace crm
