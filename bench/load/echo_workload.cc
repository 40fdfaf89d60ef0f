#include "bench/load/echo_workload.h"

#include "absl/strings/str_cat.h"
#include "bench/load/unary_slot.h"
#include "echo.grpc.pb.h"

namespace crm::load {
namespace {

class EchoSlot : public UnaryCallSlot {
 public:
  EchoSlot(const CallSetup* setup, const std::shared_ptr<grpc::Channel>& channel, int slot)
      : UnaryCallSlot(setup), stub_(bench::Echo::NewStub(channel)) {
    request_.set_text(absl::StrCat("leads/", 100000 + slot));
  }

 protected:
  bool Next(Phase) override { return true; }
  void Issue(grpc::ClientContext* context, std::function<void(grpc::Status)> on_done) override {
    stub_->async()->Echo(context, &request_, &response_, std::move(on_done));
  }

 private:
  std::unique_ptr<bench::Echo::Stub> stub_;
  bench::EchoMessage request_;
  bench::EchoMessage response_;
};

class EchoWorkload : public Workload {
 public:
  explicit EchoWorkload(const CallSetup* setup) : setup_(setup) {}
  std::vector<std::string> SeriesNames() const override { return {"Echo"}; }
  std::unique_ptr<CallSlot> NewSlot(int slot, const std::shared_ptr<grpc::Channel>& channel) override {
    return std::make_unique<EchoSlot>(setup_, channel, slot);
  }

 private:
  const CallSetup* setup_;
};

}  // namespace

std::unique_ptr<Workload> NewEchoWorkload(const CallSetup* setup) { return std::make_unique<EchoWorkload>(setup); }

}  // namespace crm::load
