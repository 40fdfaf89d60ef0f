#ifndef CRM_SERVICES_ENTERPRISES_SCREENING_H_
#define CRM_SERVICES_ENTERPRISES_SCREENING_H_

// Screening (培育对象筛选): which titles an enterprise's figures qualify it for,
// by the criteria of the zone's policy, which is data (EnterprisePolicy, a
// text-format file) and not code. Pure functions; no I/O, no clock.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "crm/v1/enterprise_policy.pb.h"
#include "crm/v1/enterprises_service.pb.h"

namespace crm {

// Parses a policy in protobuf text format and checks it: an exchange rate > 0,
// each title at most once, each clause with a label and at least one
// criterion, each criterion with a metric and a bound, a service level (≥ 1
// day) for every priority, 0 ≤ yellow_after_days < red_after_days.
// INVALID_ARGUMENT saying what is wrong (and where, for a syntax error).
absl::StatusOr<v1::EnterprisePolicy> ParseEnterprisePolicy(absl::string_view text);

// The text of the policy that ships with the server
// (services/enterprises/enterprise_policy.textproto, compiled in).
absl::string_view DefaultEnterprisePolicyText();

// What screening looks at for one enterprise.
struct ScreeningInput {
  // founded_date, uscc, listed, tags and held_titles are used.
  v1::Enterprise enterprise;
  // The evaluated year's figures with the derived fields filled (see
  // DeriveMetrics); absent when the enterprise has reported none.
  std::optional<v1::YearlyMetrics> metrics;
  // The evaluation day (ages are whole years from the founded date to it).
  absl::CivilDay today;
};

// Every title rule of `policy` evaluated for `input`, qualified titles first
// (then in the policy's order). For each title: the first clause whose
// criteria are all met, or else the clause with the most criteria met (the
// first of equals); every criterion of that clause with an explanation that
// carries the numbers, e.g. "valuation ¥7.2亿 ≥ ¥7亿", "founded 4 years ago ≤ 5",
// "revenue growth 18.0% < 20%", "revenue growth unknown: no 2024 revenue".
// A metric that cannot be computed is a missed criterion.
std::vector<v1::TitleEvaluation> EvaluateTitles(const v1::EnterprisePolicy& policy, const ScreeningInput& input);

// Money for people: "¥7.2亿", "¥7亿", "¥3500万", "¥8,000"; US dollars "US$1.2bn",
// "US$1bn" (bn = billion), "US$350m", "US$8,000". At most one decimal in 亿/万
// (bn/m), none when whole; a negative amount starts with "-".
std::string FormatCny(double cny);
std::string FormatUsd(double usd);

}  // namespace crm

#endif  // CRM_SERVICES_ENTERPRISES_SCREENING_H_
