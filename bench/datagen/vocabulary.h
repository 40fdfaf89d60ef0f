#ifndef CRM_BENCH_DATAGEN_VOCABULARY_H_
#define CRM_BENCH_DATAGEN_VOCABULARY_H_

// Words for synthetic records: Chinese company names (region + 字号 + industry
// word + legal form), people, addresses, project titles, and the free-text
// notes a promotion office writes. Pure functions of the random stream.

#include <string>

#include "absl/strings/string_view.h"
#include "bench/datagen/random.h"
#include "crm/v1/common.pb.h"

namespace crm::datagen {

// An industry section drawn as a high-tech zone's pool looks: mostly
// manufacturing (C), software (I) and R&D services (M); never S or T.
v1::IndustrySection SampleIndustry(Rng& rng);

// A registration place: its name ("厦门") and 6-digit division code (for USCCs).
struct Region {
  const char* name;
  const char* code;
};
// Mostly the zone's own city (厦门 and its districts), else another big city.
const Region& SampleRegion(Rng& rng);

// A company: region + 字号 + an industry word of `section` + 有限公司 or
// 股份有限公司, e.g. "厦门云芯智能装备有限公司". `brand` receives the 字号,
// `division` the GB/T 4754-2017 division (大类, two digits) the industry word
// stands for ("35"; empty for sections without one), when not null.
std::string CompanyName(Rng& rng, const Region& region, v1::IndustrySection section, std::string* brand = nullptr,
                        std::string* division = nullptr);

// The 字号 of a company name made by CompanyName (the two characters after
// the region), or its first two characters for another name.
std::string BrandOf(absl::string_view company_name);

// A person's name (2–3 characters) and its pinyin without tones ("chenjing").
struct PersonName {
  std::string chinese;
  std::string pinyin;
};
PersonName SamplePerson(Rng& rng);

// A contact's job title at a courted company (投资总监…).
std::string ContactTitle(Rng& rng);
// A mobile number or a Xiamen landline.
std::string PhoneNumber(Rng& rng);

// A street address in the zone's city.
std::string ZoneAddress(Rng& rng);

// A project title from the investor's 字号: "云芯动力电池生产基地项目".
std::string ProjectTitle(Rng& rng, const std::string& brand, v1::IndustrySection section);

// A fair the zone takes part in (软交会, 海创周, 投洽会…).
std::string EventName(Rng& rng, int year);

// Why a lead was disqualified.
std::string DisqualifyReason(Rng& rng);

// The note of a project lost for `reason` (a crm.v1.LostReason value).
std::string LostNote(Rng& rng, int reason);

// A service request's description for `category` (crm.v1.ServiceCategory), and a resolution.
std::string ServiceRequestText(Rng& rng, int category, int year);
std::string ResolutionText(Rng& rng);

}  // namespace crm::datagen

#endif  // CRM_BENCH_DATAGEN_VOCABULARY_H_
