#ifndef CRM_BENCH_LOAD_UNARY_SLOT_H_
#define CRM_BENCH_LOAD_UNARY_SLOT_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <utility>

#include "bench/load/call_setup.h"
#include "bench/load/workload.h"

namespace crm::load {

// A slot making one unary call at a time through gRPC's callback API. A
// subclass owns the request and response; it fills the request in Next(),
// starts the call in Issue() (one line: `stub->async()->Method(context,
// &request, &response, std::move(on_done))`), and may look at the answer in
// Finish().
class UnaryCallSlot : public CallSlot {
 public:
  explicit UnaryCallSlot(const CallSetup* setup) : setup_(setup) {}

  bool Start(Phase phase, std::function<void(CallResult)> done) final {
    if (!Next(phase)) return false;
    // The previous call has ended (its callback is what runs this), so its
    // context may go: gRPC holds its own reference to the call until the
    // callback returns.
    context_ = setup_->NewContext();
    done_ = std::move(done);
    Issue(context_.get(), [this](grpc::Status status) {
      CallResult result = Finish(std::move(status));
      auto done = std::move(done_);  // `done` may start the next call, which sets done_
      done(std::move(result));
    });
    return true;
  }

 protected:
  // Fills the request of the next call; false when there is no more work.
  virtual bool Next(Phase phase) = 0;
  virtual void Issue(grpc::ClientContext* context, std::function<void(grpc::Status)> on_done) = 0;
  // The result of a call that ended with `status` (the response is filled when OK).
  virtual CallResult Finish(grpc::Status status) { return CallResult{std::move(status)}; }

 private:
  const CallSetup* setup_;
  std::unique_ptr<grpc::ClientContext> context_;
  std::function<void(CallResult)> done_;
};

}  // namespace crm::load

#endif  // CRM_BENCH_LOAD_UNARY_SLOT_H_
