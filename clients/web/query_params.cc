#include "clients/web/query_params.h"

#include <iterator>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "base/status_macros.h"

namespace crm::web {
namespace {

constexpr int kMaxYear = 9999;
constexpr int kMaxPageSize = 500;
constexpr size_t kMaxPageTokenLength = 1024;
constexpr size_t kMaxShownValueLength = 40;

// The value as quoted in an error message, cut short: it is the caller's input.
std::string Quoted(const std::string& value) {
  std::string shown = value.size() > kMaxShownValueLength ? value.substr(0, kMaxShownValueLength) + "…" : value;
  return absl::StrCat("\"", absl::CEscape(shown), "\"");
}

absl::Status Invalid(const std::string& name, const std::string& what, const std::string& value) {
  return absl::InvalidArgumentError(absl::StrCat(name, ": ", what, ", got ", Quoted(value)));
}

// The parameter's value; nullopt when it is absent or empty.
absl::StatusOr<std::optional<std::string>> Single(const QueryParams& params, const std::string& name) {
  auto [first, last] = params.equal_range(name);
  if (first == last) return std::nullopt;
  if (std::next(first) != last) return absl::InvalidArgumentError(absl::StrCat(name, ": given more than once"));
  if (first->second.empty()) return std::nullopt;
  return first->second;
}

// A whole number in [min, max]; 0 when absent.
absl::StatusOr<int> IntParam(const QueryParams& params, const std::string& name, int min, int max) {
  ASSIGN_OR_RETURN(std::optional<std::string> text, Single(params, name));
  if (!text) return 0;
  int value = 0;
  std::string what = absl::StrCat("must be a whole number from ", min, " to ", max);
  // SimpleAtoi accepts surrounding spaces and a '+'; a query value has neither.
  if (!absl::ascii_isdigit(static_cast<unsigned char>(text->front())) || !absl::SimpleAtoi(*text, &value) ||
      value < min || value > max) {
    return Invalid(name, what, *text);
  }
  return value;
}

absl::StatusOr<std::string> UnitParam(const QueryParams& params) {
  ASSIGN_OR_RETURN(std::optional<std::string> text, Single(params, "unit"));
  if (!text) return std::string();
  absl::string_view id = *text;
  if (!absl::ConsumePrefix(&id, "units/") || id.empty() || id.find('/') != absl::string_view::npos) {
    return Invalid("unit", "must be a unit's name, units/{id}", *text);
  }
  return *text;
}

// An enum value named in full (`INDUSTRY_SECTION_C`) or without its prefix
// (`C`), case-insensitively; the UNSPECIFIED value is not accepted by name.
template <typename Enum, typename ParseFn>
absl::StatusOr<Enum> EnumParam(const QueryParams& params, const std::string& name, absl::string_view prefix,
                               ParseFn parse, const std::string& expected) {
  ASSIGN_OR_RETURN(std::optional<std::string> text, Single(params, name));
  if (!text) return static_cast<Enum>(0);
  std::string upper = absl::AsciiStrToUpper(*text);
  if (!absl::StartsWith(upper, prefix)) upper = absl::StrCat(prefix, upper);
  Enum value;
  if (absl::EndsWith(upper, "_UNSPECIFIED") || !parse(upper, &value)) return Invalid(name, expected, *text);
  return value;
}

absl::StatusOr<v1::IndustrySection> IndustryParam(const QueryParams& params) {
  return EnumParam<v1::IndustrySection>(params, "industry", "INDUSTRY_SECTION_", &v1::IndustrySection_Parse,
                                        "must be an industry section letter A–T");
}

// The summary, pool and trend requests share their three filters.
template <typename Req>
absl::StatusOr<Req> ParseYearUnitIndustry(const QueryParams& params) {
  Req req;
  ASSIGN_OR_RETURN(int year, IntParam(params, "year", 1, kMaxYear));
  ASSIGN_OR_RETURN(std::string unit, UnitParam(params));
  ASSIGN_OR_RETURN(v1::IndustrySection industry, IndustryParam(params));
  req.set_year(year);
  req.set_unit(unit);
  req.set_industry(industry);
  return req;
}

}  // namespace

absl::StatusOr<v1::GetPipelineSummaryRequest> ParseSummaryQuery(const QueryParams& params) {
  return ParseYearUnitIndustry<v1::GetPipelineSummaryRequest>(params);
}

absl::StatusOr<v1::GetUnitScoreboardRequest> ParseScoreboardQuery(const QueryParams& params) {
  v1::GetUnitScoreboardRequest req;
  ASSIGN_OR_RETURN(int year, IntParam(params, "year", 1, kMaxYear));
  ASSIGN_OR_RETURN(std::string unit, UnitParam(params));
  req.set_year(year);
  req.set_unit(unit);
  return req;
}

absl::StatusOr<v1::ListAlertsRequest> ParseAlertsQuery(const QueryParams& params) {
  v1::ListAlertsRequest req;
  ASSIGN_OR_RETURN(std::string unit, UnitParam(params));
  ASSIGN_OR_RETURN(v1::IndustrySection industry, IndustryParam(params));
  ASSIGN_OR_RETURN(v1::AlertKind kind,
                   EnumParam<v1::AlertKind>(
                       params, "kind", "ALERT_KIND_", &v1::AlertKind_Parse,
                       "must be STALLED_PROJECT, OVERDUE_MILESTONE or OVERDUE_SERVICE_REQUEST"));
  ASSIGN_OR_RETURN(int page_size, IntParam(params, "page_size", 1, kMaxPageSize));
  ASSIGN_OR_RETURN(std::optional<std::string> page_token, Single(params, "page_token"));
  if (page_token && page_token->size() > kMaxPageTokenLength) {
    return absl::InvalidArgumentError(absl::StrCat("page_token: longer than ", kMaxPageTokenLength, " characters"));
  }
  req.set_unit(unit);
  req.set_industry(industry);
  req.set_kind(kind);
  req.set_page_size(page_size);
  req.set_page_token(page_token.value_or(""));
  return req;
}

absl::StatusOr<v1::GetEnterprisePoolSummaryRequest> ParsePoolQuery(const QueryParams& params) {
  return ParseYearUnitIndustry<v1::GetEnterprisePoolSummaryRequest>(params);
}

absl::StatusOr<v1::GetTrendRequest> ParseTrendQuery(const QueryParams& params) {
  return ParseYearUnitIndustry<v1::GetTrendRequest>(params);
}

}  // namespace crm::web
