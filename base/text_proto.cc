#include "base/text_proto.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"

namespace crm {
namespace {

class CollectErrors : public google::protobuf::io::ErrorCollector {
 public:
  // Lines and columns arrive zero-based; people count from one.
  void AddError(int line, google::protobuf::io::ColumnNumber column, const std::string& message) override {
    errors_.push_back(absl::StrCat("line ", line + 1, ", column ", column + 1, ": ", message));
  }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::vector<std::string> errors_;
};

}  // namespace

absl::Status ParseTextProto(absl::string_view text, absl::string_view what, google::protobuf::Message& message) {
  CollectErrors errors;
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  if (parser.ParseFromString(std::string(text), &message)) return absl::OkStatus();
  std::vector<std::string> messages = errors.errors();
  if (messages.empty()) messages.push_back(absl::StrCat("not a text-format ", message.GetDescriptor()->name()));
  return absl::InvalidArgumentError(absl::StrCat(what, ": ", absl::StrJoin(messages, "; ")));
}

}  // namespace crm
