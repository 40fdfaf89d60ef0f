#include "bench/datagen/lead_gen.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "bench/datagen/synthetic_ids.h"
#include "bench/datagen/vocabulary.h"
#include "crm/v1/leads_service.pb.h"
#include "services/leads/lead_rules.h"
#include "storage/mutation.h"

namespace crm::datagen {
namespace {

constexpr int kChunk = 1000;

std::string ContactsJson(Rng& rng) {
  v1::Lead holder;
  int count = rng.Chance(0.3) ? 2 : 1;
  for (int i = 0; i < count; ++i) {
    v1::Contact* c = holder.add_contacts();
    PersonName person = SamplePerson(rng);
    c->set_display_name(person.chinese);
    c->set_title(ContactTitle(rng));
    c->set_phone(PhoneNumber(rng));
    if (rng.Chance(0.4)) c->set_email(absl::StrCat(person.pinyin, "@example.com"));
  }
  return MessageToJson(holder);
}

}  // namespace

absl::Status AddLeads(Context& ctx, int64_t count) {
  ASSIGN_OR_RETURN(int64_t next_id, QueryInt(*ctx.conn, "SELECT COALESCE(MAX(id), 0) + 1 FROM leads"));
  BulkInsert leads("leads",
                   "(id, company_name, company_name_key, uscc, target_list, channel, event_name, referrer, industry,"
                   " country_region, estimated_investment_cny, owner_id, unit_id, status, disqualify_reason,"
                   " contacts_json, notes, create_time, update_time, delete_time)",
                   ctx.Stats("leads"));
  constexpr const char* kForeign[] = {"US", "DE", "JP", "KR", "FR", "GB", "SG", "CH", "NL", "HK"};
  constexpr const char* kNotes[] = {"对方关注用地和人才政策", "计划下季度来园区考察", "需提供产业配套清单",
                                    "已发送招商推介材料", "对方决策周期较长，保持跟进"};
  const int64_t end_id = next_id + count;
  for (int64_t chunk = next_id; chunk < end_id; chunk += kChunk) {
    Rng rng = Rng::For(ctx.seed, "leads", static_cast<uint64_t>(chunk));
    for (int64_t id = chunk; id < std::min(end_id, chunk + kChunk); ++id) {
      // crm.v1.TargetList 1..6 and crm.v1.LeadChannel 1..6.
      int list = static_cast<int>(1 + rng.Weighted({5, 5, 6, 10, 20, 54}));
      int channel = static_cast<int>(1 + rng.Weighted({30, 20, 15, 20, 10, 5}));
      v1::IndustrySection industry = SampleIndustry(rng);
      const Region& region = SampleRegion(rng);
      bool foreign = list == v1::TARGET_LIST_FORTUNE_GLOBAL_500 && rng.Chance(0.7);
      std::string brand;
      std::string name = CompanyName(rng, region, industry, &brand);
      if (foreign) name = absl::StrCat(brand, "（中国）投资有限公司");
      int span = static_cast<int>(ctx.today - ctx.first_day);
      absl::CivilDay created_day = ctx.first_day + static_cast<int>(std::floor(span * std::pow(rng.Unit(), 0.8)));
      absl::Time created = ctx.At(rng, created_day);
      absl::Time updated = std::min(ctx.now, created + absl::Hours(rng.Uniform(0, 24 * 120)));
      // crm.v1.LeadStatus: 1 NEW, 2 CONTACTING, 3 QUALIFIED, 4 DISQUALIFIED.
      int status = static_cast<int>(1 + rng.Weighted({25, 40, 15, 20}));
      const UnitInfo& unit = ctx.PickUnit(rng);
      std::optional<absl::Time> deleted;
      if (rng.Chance(0.01)) deleted = updated;

      leads.Begin().Int(id).Text(name).Text(NormalizeCompanyName(name));
      if (!foreign && rng.Chance(0.65)) {
        leads.Text(SyntheticUscc(kLeadUsccBase + id, region.code));
      } else {
        leads.Null();
      }
      leads.Int(list)
          .Int(channel)
          .Text(channel == v1::LEAD_CHANNEL_EVENT ? EventName(rng, static_cast<int>(created_day.year())) : "")
          .Text(channel == v1::LEAD_CHANNEL_BUSINESS_REFERRAL ? CompanyName(rng, SampleRegion(rng), industry) : "")
          .Int(industry)
          .Text(foreign ? rng.Pick(kForeign) : "CN")
          .Int(Wan(rng.LogNormal(3e8, 1.1)))
          .Text(ctx.PickUser(rng, unit))
          .Text(unit.id)
          .Int(status)
          .Text(status == 4 ? DisqualifyReason(rng) : "")
          .Text(ContactsJson(rng))
          .Text(rng.Chance(0.3) ? rng.Pick(kNotes) : "")
          .Time(created)
          .Time(updated)
          .OptTime(deleted)
          .End();
    }
    RETURN_IF_ERROR(leads.Flush(*ctx.conn));
    RETURN_IF_ERROR(Commit(*ctx.conn));
  }
  return absl::OkStatus();
}

}  // namespace crm::datagen
