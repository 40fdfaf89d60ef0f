#include "clients/cli/text_encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace crm::cli {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The offset of the first byte of `s` that is not part of well-formed UTF-8
// (no overlong forms, surrogates or code points above U+10FFFF), if any.
std::optional<size_t> FirstInvalidUtf8(absl::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char lead = s[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // The length of the sequence and the allowed range of its second byte
    // (Unicode table 3-7), which rules out the overlong and surrogate forms.
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > s.size()) return i;
    const unsigned char second = s[i + 1];
    if (second < low || second > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    }
    i += length;
  }
  return std::nullopt;
}

absl::Status InvalidAt(size_t offset, absl::string_view encoding, absl::string_view hint = "") {
  return absl::InvalidArgumentError(
      absl::StrCat("byte ", offset, " is not valid ", encoding, hint));
}

// An iconv(3) conversion descriptor, closed when done.
class Iconv {
 public:
  Iconv(const char* to, const char* from) : cd_(iconv_open(to, from)) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;

  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

// `input` converted from one encoding to another with glibc's iconv. On a byte
// sequence that cannot be converted, `*bad_offset` gets its offset in `input`.
absl::StatusOr<std::string> Convert(absl::string_view input, const char* from, const char* to,
                                    size_t* bad_offset) {
  Iconv cd(to, from);
  if (!cd.ok()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "this system cannot convert ", from, " to ", to, ": ", std::strerror(errno)));
  }
  std::string out;
  // iconv(3) takes char** but does not write through the input pointer.
  char* in = const_cast<char*>(input.data());
  size_t in_left = input.size();
  char buffer[4096];
  // Both encodings are stateless, so there is no shift state to flush at the end.
  while (in_left > 0) {
    char* out_ptr = buffer;
    size_t out_left = sizeof(buffer);
    const size_t result = iconv(cd.get(), &in, &in_left, &out_ptr, &out_left);
    const int error = errno;
    out.append(buffer, out_ptr - buffer);
    if (result == static_cast<size_t>(-1) && error != E2BIG) {
      // EILSEQ: an invalid sequence; EINVAL: the input ends inside one.
      *bad_offset = in - input.data();
      return absl::InvalidArgumentError("cannot be converted");
    }
  }
  return out;
}

absl::StatusOr<std::string> Gb18030ToUtf8(absl::string_view bytes) {
  size_t bad_offset = 0;
  absl::StatusOr<std::string> utf8 = Convert(bytes, "GB18030", "UTF-8", &bad_offset);
  if (absl::IsInvalidArgument(utf8.status())) {
    return InvalidAt(bad_offset, "GBK/GB18030", " (is the file in another encoding?)");
  }
  if (!utf8.ok()) return utf8.status();
  // GB18030's own BOM (84 31 95 33) decodes to U+FEFF.
  if (absl::StartsWith(*utf8, kUtf8Bom)) utf8->erase(0, kUtf8Bom.size());
  return utf8;
}

absl::StatusOr<std::string> CheckedUtf8(absl::string_view bytes) {
  if (std::optional<size_t> bad = FirstInvalidUtf8(bytes)) {
    return InvalidAt(*bad, "UTF-8", " (is it a GBK file?)");
  }
  absl::string_view text = bytes;
  absl::ConsumePrefix(&text, kUtf8Bom);
  return std::string(text);
}

}  // namespace

absl::StatusOr<Encoding> ParseEncodingName(absl::string_view name) {
  const std::string key = absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  if (key == "auto") return Encoding::kAuto;
  if (key == "utf-8" || key == "utf8") return Encoding::kUtf8;
  if (key == "gbk" || key == "gb2312" || key == "gb18030" || key == "cp936") {
    return Encoding::kGb18030;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown encoding \"", name, "\" (use auto, utf-8 or gbk)"));
}

absl::StatusOr<std::string> ToUtf8(absl::string_view bytes, Encoding encoding, Encoding* detected) {
  if (encoding == Encoding::kAuto) {
    // GBK text is hardly ever valid UTF-8: its two-byte characters rarely form
    // UTF-8's lead-and-continuation patterns, so valid UTF-8 is taken as UTF-8.
    const bool utf8 = absl::StartsWith(bytes, kUtf8Bom) || !FirstInvalidUtf8(bytes).has_value();
    encoding = utf8 ? Encoding::kUtf8 : Encoding::kGb18030;
  }
  if (detected != nullptr) *detected = encoding;
  return encoding == Encoding::kUtf8 ? CheckedUtf8(bytes) : Gb18030ToUtf8(bytes);
}

absl::StatusOr<std::string> FromUtf8(absl::string_view utf8, Encoding encoding) {
  // kAuto has nothing to detect when writing: UTF-8, like kUtf8.
  if (encoding != Encoding::kGb18030) return std::string(utf8);
  if (std::optional<size_t> bad = FirstInvalidUtf8(utf8)) return InvalidAt(*bad, "UTF-8");
  size_t bad_offset = 0;
  absl::StatusOr<std::string> gb = Convert(utf8, "UTF-8", "GB18030", &bad_offset);
  if (absl::IsInvalidArgument(gb.status())) {
    return absl::InvalidArgumentError(
        absl::StrCat("the character at byte ", bad_offset, " has no GB18030 form"));
  }
  return gb;
}

}  // namespace crm::cli
