#include "bench/load/synthetic.h"

#include <google/protobuf/util/json_util.h>

#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/uscc.h"

namespace crm::load {
namespace {

constexpr absl::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// A high-tech zone's usual sections, each with a division of it.
struct Industry {
  v1::IndustrySection section;
  const char* division;
  const char* word;
};
constexpr Industry kIndustries[] = {
    {v1::INDUSTRY_SECTION_C, "39", "智能制造"},
    {v1::INDUSTRY_SECTION_I, "65", "软件信息"},
    {v1::INDUSTRY_SECTION_M, "75", "科技服务"},
};

const Industry& IndustryOf(int64_t serial) { return kIndustries[serial % 3]; }

std::string JsonOf(const v1::Enterprise& holder) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;  // as storage/mutation.cc writes it
  (void)google::protobuf::util::MessageToJsonString(holder, &json, options);
  return json;
}

// `text` as a CSV field for LOAD DATA: quoted, with `"` and `\` escaped.
std::string Quoted(absl::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace

std::string NewUuid(absl::BitGen& rng) {
  uint64_t hi = absl::Uniform<uint64_t>(rng), lo = absl::Uniform<uint64_t>(rng);
  hi = (hi & ~0xF000ULL) | 0x4000ULL;              // version 4
  lo = (lo & ~(0xC0ULL << 56)) | (0x80ULL << 56);  // RFC 4122 variant
  return absl::StrFormat("%08x-%04x-%04x-%04x-%012x", hi >> 32, (hi >> 16) & 0xFFFF, hi & 0xFFFF, lo >> 48,
                         lo & 0xFFFFFFFFFFFFULL);
}

std::string NewNonce() {
  absl::BitGen rng;
  std::string nonce;
  for (int i = 0; i < 4; ++i) nonce += kUsccAlphabet[absl::Uniform<size_t>(rng, 0, kUsccAlphabet.size())];
  return nonce;
}

std::string SyntheticUscc(absl::string_view nonce, char kind, int64_t serial) {
  std::string digits(8, '0');
  for (int i = 7; i >= 0; --i, serial /= 31) digits[static_cast<size_t>(i)] = kUsccAlphabet[serial % 31];
  return WithUsccCheckCharacter(absl::StrCat("9199", nonce.substr(0, 4), std::string(1, kind), digits));
}

v1::Lead SyntheticLead(absl::string_view nonce, int64_t serial) {
  const Industry& industry = IndustryOf(serial);
  v1::Lead lead;
  lead.set_company_name(absl::StrCat("压测", industry.word, "线索", nonce, "-", serial, "有限公司"));
  lead.set_uscc(SyntheticUscc(nonce, 'L', serial));
  lead.set_target_list(static_cast<v1::TargetList>(1 + serial % 6));
  lead.set_channel(static_cast<v1::LeadChannel>(1 + serial % 2));  // outbound or hosted visits: no extra fields
  lead.set_industry(industry.section);
  lead.set_country_region(serial % 4 == 0 ? "DE" : "CN");
  lead.set_estimated_investment_cny(100'000'000 + (serial % 50) * 20'000'000);
  lead.set_notes("crm-load");
  return lead;
}

v1::Project SyntheticProject(absl::string_view nonce, int64_t serial) {
  const Industry& industry = IndustryOf(serial);
  v1::Project p;
  p.set_display_name(absl::StrCat("压测", industry.word, "项目", nonce, "-", serial));
  p.set_investor_name(absl::StrCat("压测投资方", nonce, "-", serial, "有限公司"));
  p.set_industry(industry.section);
  p.set_investment_form(v1::INVESTMENT_FORM_NEW_ESTABLISHMENT);
  p.set_planned_investment_cny(200'000'000 + (serial % 40) * 50'000'000);
  p.set_land_area_mu(static_cast<double>(20 + serial % 80));
  return p;
}

v1::Enterprise SyntheticEnterprise(absl::string_view nonce, int64_t serial) {
  const Industry& industry = IndustryOf(serial);
  v1::Enterprise e;
  e.set_uscc(SyntheticUscc(nonce, 'E', serial));
  e.set_company_name(absl::StrCat("厦门压测", industry.word, nonce, "-", serial, "有限公司"));
  if (serial % 20 == 0) e.add_former_names(absl::StrCat("厦门压测旧名", nonce, "-", serial, "有限公司"));
  e.set_founded_date(absl::StrFormat("%04d-%02d-%02d", 2000 + serial % 24, 1 + serial % 12, 1 + serial % 28));
  e.set_registered_capital_cny(1'000'000 * (1 + serial % 500));
  e.set_legal_representative(absl::StrCat("法人", serial % 1000));
  e.set_address(absl::StrCat("厦门市思明区软件园二期观日路", 1 + serial % 60, "号"));
  e.set_in_zone(serial % 3 != 0);
  e.set_industry(industry.section);
  e.set_industry_division(industry.division);
  e.set_listed(serial % 50 == 0);
  e.add_tags(serial % 5 == 0 ? v1::ENTERPRISE_TAG_FOREIGN_INVESTED : v1::ENTERPRISE_TAG_PRIVATE);
  if (serial % 7 == 0) e.add_tags(v1::ENTERPRISE_TAG_UNIVERSITY_SPINOFF);
  return e;
}

absl::Status WriteEnterpriseCsv(const std::string& path, absl::string_view nonce, int64_t first, int64_t count) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return absl::NotFoundError(absl::StrCat("cannot write ", path));
  for (int64_t serial = first; serial < first + count; ++serial) {
    v1::Enterprise e = SyntheticEnterprise(nonce, serial);
    v1::Enterprise former, tags;
    *former.mutable_former_names() = e.former_names();
    *tags.mutable_tags() = e.tags();
    out << Quoted(e.uscc()) << ',' << Quoted(e.company_name()) << ',' << Quoted(JsonOf(former)) << ','
        << Quoted(e.founded_date()) << ',' << Quoted(absl::StrCat(e.registered_capital_cny())) << ','
        << Quoted(e.legal_representative()) << ',' << Quoted(e.address()) << ',' << Quoted(e.in_zone() ? "1" : "0")
        << ',' << Quoted(absl::StrCat(static_cast<int>(e.industry()))) << ',' << Quoted(e.industry_division()) << ','
        << Quoted(e.listed() ? "1" : "0") << ',' << Quoted(JsonOf(tags)) << '\n';
  }
  out.close();
  if (!out) return absl::DataLossError(absl::StrCat("could not finish writing ", path));
  return absl::OkStatus();
}

}  // namespace crm::load
