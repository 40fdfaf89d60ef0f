#include "services/leads/lead_rules.h"

#include <algorithm>
#include <array>
#include <map>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "base/calendar.h"
#include "base/field_checks.h"
#include "base/resource_name.h"
#include "base/text.h"
#include "base/uscc.h"

namespace crm {
namespace {

using v1::Lead;
using v1::LeadStatus;

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::u32string Decode(absl::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + extra >= s.size()) {
      out += U'\uFFFD';
      ++i;
      continue;
    }
    char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    bool ok = true;
    for (int k = 1; k <= extra; ++k) {
      unsigned char cc = s[i + k];
      if ((cc >> 6) != 0x2) { ok = false; break; }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) { out += U'\uFFFD'; ++i; continue; }
    out += cp;
    i += extra + 1;
  }
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

bool EndsWith(const std::u32string& s, const std::u32string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Legal-form suffixes, longest first so that 股份有限公司 wins over 有限公司.
const std::array<std::u32string, 14> kSuffixes = {
    U"股份有限公司", U"有限责任公司", U"集团有限公司", U"有限公司", U"股份公司", U"集团公司",
    U"集团", U"公司", U"corporation", U"limited", U"coltd", U"group", U"ltd", U"inc"};

// Bracketed regions dropped from the name, after width folding.
const std::array<std::u32string, 2> kRegions = {U"(中国)", U"[中国]"};

}  // namespace

std::string NormalizeCompanyName(absl::string_view name) {
  std::u32string folded;
  for (char32_t cp : Decode(FoldFullWidth(name))) {
    if (cp == U'【' || cp == U'〔') cp = U'[';
    if (cp == U'】' || cp == U'〕') cp = U']';
    if (cp < 0x80) cp = absl::ascii_tolower(static_cast<char>(cp));
    folded += cp;
  }
  for (const std::u32string& region : kRegions) {
    for (size_t at; (at = folded.find(region)) != std::u32string::npos;) folded.erase(at, region.size());
  }
  std::u32string compact;
  for (char32_t cp : folded) {
    bool drop = cp < 0x80 ? !absl::ascii_isalnum(static_cast<char>(cp)) : (cp == U'·' || cp == U'、');
    if (!drop) compact += cp;
  }
  for (bool cut = true; cut;) {
    cut = false;
    for (const std::u32string& suffix : kSuffixes) {
      if (compact.size() > suffix.size() && EndsWith(compact, suffix)) {
        compact.resize(compact.size() - suffix.size());
        cut = true;
        break;
      }
    }
  }
  return Encode(compact);
}

namespace {

bool IsEmail(absl::string_view s) {
  size_t at = s.find('@');
  return at != absl::string_view::npos && at > 0 && s.find('.', at) != absl::string_view::npos &&
         s.back() != '.' && s.find(' ') == absl::string_view::npos;
}

bool IsPhone(absl::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (absl::ascii_isdigit(c)) ++digits;
    else if (c != '+' && c != '-' && c != ' ' && c != '(' && c != ')') return false;
  }
  return digits >= 5 && digits <= 20;
}

}  // namespace

void ValidateLeadFields(const Lead& lead, absl::string_view prefix, FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  CheckText(lead.company_name(), 200, true, field("company_name"), violations);
  if (!lead.uscc().empty()) {
    if (auto problem = UsccProblem(lead.uscc())) violations.Add(field("uscc"), *problem);
  }
  if (lead.target_list() == v1::TARGET_LIST_UNSPECIFIED || !v1::TargetList_IsValid(lead.target_list())) {
    violations.Add(field("target_list"), "is required (one of the TargetList values)");
  }
  if (lead.channel() == v1::LEAD_CHANNEL_UNSPECIFIED || !v1::LeadChannel_IsValid(lead.channel())) {
    violations.Add(field("channel"), "is required (one of the LeadChannel values)");
  }
  CheckText(lead.event_name(), 200, lead.channel() == v1::LEAD_CHANNEL_EVENT, field("event_name"), violations);
  CheckText(lead.referrer(), 200, lead.channel() == v1::LEAD_CHANNEL_BUSINESS_REFERRAL, field("referrer"),
            violations);
  if (!v1::IndustrySection_IsValid(lead.industry())) {
    violations.Add(field("industry"), "is not a GB/T 4754 section");
  }
  const std::string& cr = lead.country_region();
  if (!cr.empty() && (cr.size() != 2 || !absl::ascii_isupper(cr[0]) || !absl::ascii_isupper(cr[1]))) {
    violations.Add(field("country_region"), "must be an ISO 3166-1 alpha-2 code such as CN or DE");
  }
  if (lead.estimated_investment_cny() < 0) {
    violations.Add(field("estimated_investment_cny"), "must not be negative");
  }
  if (!lead.owner().empty() && PrincipalId(lead.owner(), "users").empty()) {
    violations.Add(field("owner"), "must be a user name like `users/alice`");
  }
  if (!lead.unit().empty() && PrincipalId(lead.unit(), "units").empty()) {
    violations.Add(field("unit"), "must be a unit name like `units/promotion-1`");
  }
  if (lead.contacts_size() > 50) violations.Add(field("contacts"), "at most 50 contacts");
  for (int i = 0; i < lead.contacts_size(); ++i) {
    const v1::Contact& c = lead.contacts(i);
    std::string at = absl::StrCat(prefix, "contacts[", i, "].");
    CheckText(c.display_name(), 100, true, at + "display_name", violations);
    CheckText(c.title(), 100, false, at + "title", violations);
    if (!c.phone().empty() && !IsPhone(c.phone())) {
      violations.Add(at + "phone", "must be 5–20 digits with optional + - ( ) and spaces");
    }
    if (!c.email().empty() && (!IsEmail(c.email()) || c.email().size() > 254)) {
      violations.Add(at + "email", "is not an e-mail address");
    }
  }
  CheckText(lead.notes(), 10000, false, field("notes"), violations);
}

const std::vector<std::string>& UpdatableLeadFields() {
  static const std::vector<std::string> fields = {
      "company_name", "uscc",  "target_list", "channel", "event_name", "referrer", "industry",
      "country_region", "estimated_investment_cny", "owner", "unit", "contacts", "notes"};
  return fields;
}

absl::Status ApplyLeadMask(const google::protobuf::FieldMask& mask, const Lead& patch, Lead& lead) {
  static const auto& read_only = *new std::map<std::string, std::string>{
      {"status", "cannot be changed by UpdateLead; use QualifyLead, DisqualifyLead or ReopenLead"},
      {"disqualify_reason", "cannot be changed by UpdateLead; use QualifyLead, DisqualifyLead or ReopenLead"}};
  return ApplyMask(mask, patch, lead, UpdatableLeadFields(), read_only);
}

std::string LeadStatusName(LeadStatus status) {
  return std::string(absl::StripPrefix(v1::LeadStatus_Name(status), "LEAD_STATUS_"));
}

absl::Status ApplyLeadAction(Lead& lead, LeadAction action) {
  using v1::LEAD_STATUS_CONTACTING, v1::LEAD_STATUS_CONVERTED, v1::LEAD_STATUS_DISQUALIFIED,
      v1::LEAD_STATUS_NEW, v1::LEAD_STATUS_QUALIFIED;
  struct Move {
    std::vector<LeadStatus> from;
    LeadStatus to;
  };
  static const auto& kMoves = *new std::map<LeadAction, Move>{
      {LeadAction::kQualify, {{LEAD_STATUS_NEW, LEAD_STATUS_CONTACTING}, LEAD_STATUS_QUALIFIED}},
      {LeadAction::kDisqualify,
       {{LEAD_STATUS_NEW, LEAD_STATUS_CONTACTING, LEAD_STATUS_QUALIFIED}, LEAD_STATUS_DISQUALIFIED}},
      {LeadAction::kReopen, {{LEAD_STATUS_DISQUALIFIED}, LEAD_STATUS_CONTACTING}},
      {LeadAction::kFirstActivity, {{LEAD_STATUS_NEW}, LEAD_STATUS_CONTACTING}},
      {LeadAction::kConvert, {{LEAD_STATUS_QUALIFIED}, LEAD_STATUS_CONVERTED}},
  };
  const Move& move = kMoves.at(action);
  if (absl::c_find(move.from, lead.status()) == move.from.end()) {
    std::vector<std::string> names;
    for (LeadStatus s : move.from) names.push_back(LeadStatusName(s));
    return absl::FailedPreconditionError(absl::StrCat("lead ", lead.name(), " is ", LeadStatusName(lead.status()),
                                                      "; it can become ", LeadStatusName(move.to), " only from ",
                                                      absl::StrJoin(names, " or ")));
  }
  lead.set_status(move.to);
  if (move.to != LEAD_STATUS_DISQUALIFIED) lead.clear_disqualify_reason();
  return absl::OkStatus();
}

Visibility LeadVisibility(const Principal& p) {
  switch (p.role) {
    case v1::ROLE_ADMIN:
    case v1::ROLE_LEADERSHIP:
    case v1::ROLE_DEPARTMENT_SERVICE: return Visibility::All();  // a department reaches leads only through its scopes
    case v1::ROLE_UNIT_LEAD: return Visibility::AnyOf({{Facet::kUnit, p.unit_id}});
    case v1::ROLE_STAFF: return Visibility::AnyOf({{Facet::kUnit, p.unit_id}, {Facet::kOwner, p.user_id}});
    default: return Visibility::None();
  }
}

bool CanSeeLead(const Principal& p, const Lead& lead) {
  return LeadVisibility(p).Admits([&](Facet facet) {
    switch (facet) {
      case Facet::kUnit: return PrincipalId(lead.unit(), "units");
      case Facet::kOwner: return PrincipalId(lead.owner(), "users");
      default: return std::string();
    }
  });
}

void RedactLead(const Principal& p, Lead& lead) {
  if (p.role == v1::ROLE_ADMIN || p.role == v1::ROLE_LEADERSHIP || lead.unit() == p.unit_name()) return;
  for (v1::Contact& c : *lead.mutable_contacts()) {
    c.clear_phone();
    c.clear_email();
  }
}

absl::Status CheckLeadAssignment(const Principal& p, const Lead* before, const Lead& after) {
  if (p.role == v1::ROLE_ADMIN) return absl::OkStatus();
  if ((!before || before->unit() != after.unit()) && after.unit() != p.unit_name()) {
    return absl::PermissionDeniedError(
        absl::StrCat("lead.unit: ", p.user_name(), " may only put leads into ", p.unit_name()));
  }
  if (p.role == v1::ROLE_STAFF && (!before || before->owner() != after.owner()) && after.owner() != p.user_name()) {
    return absl::PermissionDeniedError(
        absl::StrCat("lead.owner: staff may only own leads themselves; ask the unit lead to assign it"));
  }
  return absl::OkStatus();
}

void ValidateActivityFields(const v1::Activity& activity, absl::string_view prefix,
                            FieldViolations& violations) {
  auto field = [&](absl::string_view name) { return absl::StrCat(prefix, name); };
  if (activity.kind() == v1::ACTIVITY_KIND_UNSPECIFIED || !v1::ActivityKind_IsValid(activity.kind())) {
    violations.Add(field("kind"), "is required (VISIT, CALL, MEETING or EVENT_CONTACT)");
  }
  if (!IsIsoDay(activity.occur_date())) violations.Add(field("occur_date"), "must be a date YYYY-MM-DD");
  if (activity.participants_size() > 50) violations.Add(field("participants"), "at most 50 participants");
  for (int i = 0; i < activity.participants_size(); ++i) {
    CheckText(activity.participants(i), 100, true, absl::StrCat(prefix, "participants[", i, "]"), violations);
  }
  CheckText(activity.summary(), 5000, true, field("summary"), violations);
  CheckText(activity.next_step(), 500, false, field("next_step"), violations);
  if (!activity.next_step_date().empty() && !IsIsoDay(activity.next_step_date())) {
    violations.Add(field("next_step_date"), "must be a date YYYY-MM-DD");
  }
}

}  // namespace crm
