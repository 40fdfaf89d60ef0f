#ifndef CRM_BASE_ESCALATION_H_
#define CRM_BASE_ESCALATION_H_

#include <cstdint>

#include "crm/v1/common.pb.h"

namespace crm {

// 三色督办, the one rule every policy's colours follow: something due
// `overdue_days` ago (≥ 0) is BLUE, YELLOW from `yellow_after_days`, RED from
// `red_after_days` (the policies check 0 ≤ yellow < red).
v1::EscalationColor EscalationColorOf(int64_t overdue_days, int yellow_after_days, int red_after_days);

}  // namespace crm

#endif  // CRM_BASE_ESCALATION_H_
