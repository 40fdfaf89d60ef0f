#ifndef CRM_BASE_SHUTDOWN_SIGNALS_H_
#define CRM_BASE_SHUTDOWN_SIGNALS_H_

namespace crm {

// Blocks until SIGINT or SIGTERM and returns which. Call BlockShutdownSignals()
// first thing in main (before any thread starts) so that only this wait
// receives them. Shared by every long-running program (crm-server, crm-web,
// the echo server).
void BlockShutdownSignals();
int WaitForShutdownSignal();

}  // namespace crm

#endif  // CRM_BASE_SHUTDOWN_SIGNALS_H_
