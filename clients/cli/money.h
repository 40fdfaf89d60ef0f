#ifndef CRM_CLIENTS_CLI_MONEY_H_
#define CRM_CLIENTS_CLI_MONEY_H_

#include <cstdint>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace crm::cli {

// Amounts of yuan in spreadsheet cells and their headers.

// Money as people write it: "1200000", "1,200,000", "3亿", "1.5亿元", "5000万",
// "800元", also 千万/百万, falling mixed units such as 3亿5000万, ¥/￥ and
// full-width digits; commas must group digits in threes. A bare number is
// multiplied by `unit`; fractions are rounded half up to whole yuan.
// INVALID_ARGUMENT for anything else, negative amounts, or overflow.
absl::StatusOr<int64_t> ParseCny(absl::string_view text, int64_t unit = 1);

// Money as ParseCny reads it, and also negative (a loss: -500万).
absl::StatusOr<int64_t> ParseSignedCny(absl::string_view text, int64_t unit = 1);

// The unit of an amount column from its header key (CellKey): one of `bases`
// followed by nothing, 元, cny, 万元, 万, 亿元 or 亿, bare or in brackets, e.g.
// 预计投资额(万元) → 10,000. nullopt when the header is not one of `bases` or
// its unit is unknown (注册资本(美元)).
std::optional<int64_t> AmountHeaderUnit(absl::string_view key, absl::Span<const absl::string_view> bases);

}  // namespace crm::cli

#endif  // CRM_CLIENTS_CLI_MONEY_H_
