#include "bench/load/call_setup.h"

#include <fstream>
#include <iterator>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"

namespace crm::load {

std::unique_ptr<grpc::ClientContext> CallSetup::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", authorization_);
  context->set_deadline(absl::ToChronoTime(absl::Now() + deadline_));
  return context;
}

absl::StatusOr<std::vector<std::shared_ptr<grpc::Channel>>> ConnectChannels(const std::string& address, int count,
                                                                            absl::Duration wait) {
  std::vector<std::shared_ptr<grpc::Channel>> channels;
  for (int i = 0; i < count; ++i) {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetMaxReceiveMessageSize(64 << 20);  // 1,000-row pages and whole import answers
    auto channel = grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
    if (!channel->WaitForConnected(absl::ToChronoTime(absl::Now() + wait))) {
      return absl::UnavailableError(absl::StrCat("could not connect to ", address));
    }
    channels.push_back(std::move(channel));
  }
  return channels;
}

absl::StatusOr<std::string> ReadToken(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read the token file ", path));
  std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  token = std::string(absl::StripAsciiWhitespace(token));
  if (token.empty()) return absl::InvalidArgumentError(absl::StrCat("no token in ", path));
  return token;
}

}  // namespace crm::load
