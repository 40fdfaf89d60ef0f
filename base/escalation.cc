#include "base/escalation.h"

namespace crm {

v1::EscalationColor EscalationColorOf(int64_t overdue_days, int yellow_after_days, int red_after_days) {
  if (overdue_days >= red_after_days) return v1::ESCALATION_COLOR_RED;
  if (overdue_days >= yellow_after_days) return v1::ESCALATION_COLOR_YELLOW;
  return v1::ESCALATION_COLOR_BLUE;
}

}  // namespace crm
