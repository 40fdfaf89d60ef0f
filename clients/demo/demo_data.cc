// crm-demo-data: loads a handful of demo leads (with activities) and demo
// enterprises of the cultivation pool through the public API, so that a fresh
// install has something to look at. Each write
// carries a fixed request id, so running it again changes nothing.

#include <fstream>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "base/calendar.h"
#include "clients/cpp/crm_client.h"
#include "clients/demo/demo_enterprises.h"
#include "clients/demo/demo_projects.h"

ABSL_FLAG(std::string, addr, "127.0.0.1:50051", "crm-server address");
ABSL_FLAG(std::string, token_file, "", "file holding a bearer token");

namespace {

using crm::v1::Lead;

struct DemoLead {
  const char* company;
  const char* uscc;
  crm::v1::TargetList list;
  crm::v1::LeadChannel channel;
  const char* event_or_referrer;
  crm::v1::IndustrySection industry;
  const char* country;
  long long investment_cny;
  const char* visit_summary;  // empty: no activity yet
};

const DemoLead kDemo[] = {
    {"西门子（中国）有限公司", "", crm::v1::TARGET_LIST_FORTUNE_GLOBAL_500, crm::v1::LEAD_CHANNEL_OUTBOUND_VISIT, "",
     crm::v1::INDUSTRY_SECTION_C, "DE", 2'000'000'000, "赴京拜访投资总监，介绍园区智能制造产业政策"},
    {"中国电子信息产业集团有限公司", "", crm::v1::TARGET_LIST_CENTRAL_SOE_TOP_100, crm::v1::LEAD_CHANNEL_HOSTED_VISIT,
     "", crm::v1::INDUSTRY_SECTION_I, "CN", 5'000'000'000, "来园区考察信创产业园选址"},
    {"厦门某新能源科技股份有限公司", "91350200776049653A", crm::v1::TARGET_LIST_INDUSTRY_LEADER,
     crm::v1::LEAD_CHANNEL_BUSINESS_REFERRAL, "园区内电池材料企业", crm::v1::INDUSTRY_SECTION_C, "CN",
     1'200'000'000, ""},
    {"某生物医药集团", "", crm::v1::TARGET_LIST_PRIVATE_TOP_500, crm::v1::LEAD_CHANNEL_EVENT, "2026 海创周",
     crm::v1::INDUSTRY_SECTION_M, "CN", 800'000'000, "海创周洽谈，约定下月再访"},
    {"广州某软件有限公司", "91440101MA5CJQ4N59", crm::v1::TARGET_LIST_OTHER, crm::v1::LEAD_CHANNEL_EVENT,
     "软交会", crm::v1::INDUSTRY_SECTION_I, "CN", 300'000'000, ""},
    {"Bosch Rexroth AG", "", crm::v1::TARGET_LIST_FORTUNE_GLOBAL_500, crm::v1::LEAD_CHANNEL_ONLINE, "",
     crm::v1::INDUSTRY_SECTION_C, "DE", 1'500'000'000, ""},
};

// The demo lead (with a USCC and an industry) that qualifies and converts.
constexpr int kLeadToConvert = 2;

// A fixed, valid UUID per demo row and step.
std::string RequestId(int row, int step) {
  return absl::StrFormat("00000000-0000-4000-8000-%06d%06d", row, step);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  std::ifstream in(absl::GetFlag(FLAGS_token_file));
  std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  crm::client::ClientOptions options;
  options.address = absl::GetFlag(FLAGS_addr);
  options.token = std::string(absl::StripAsciiWhitespace(token));
  auto client = crm::client::LeadsClient::Connect(options);
  if (!client.ok()) {
    std::cerr << "crm-demo-data: " << client.status() << "\n";
    return 1;
  }

  int created = 0;
  std::string to_convert;  // the demo lead that becomes a project
  for (int i = 0; i < static_cast<int>(std::size(kDemo)); ++i) {
    const DemoLead& d = kDemo[i];
    crm::v1::CreateLeadRequest req;
    Lead* lead = req.mutable_lead();
    lead->set_company_name(d.company);
    lead->set_uscc(d.uscc);
    lead->set_target_list(d.list);
    lead->set_channel(d.channel);
    if (d.channel == crm::v1::LEAD_CHANNEL_EVENT) lead->set_event_name(d.event_or_referrer);
    if (d.channel == crm::v1::LEAD_CHANNEL_BUSINESS_REFERRAL) lead->set_referrer(d.event_or_referrer);
    lead->set_industry(d.industry);
    lead->set_country_region(d.country);
    lead->set_estimated_investment_cny(d.investment_cny);
    auto* contact = lead->add_contacts();
    contact->set_display_name("王经理");
    contact->set_title("投资发展部总监");
    req.set_request_id(RequestId(i, 0));
    auto out = (*client)->CreateLead(req);
    if (!out.ok()) {
      std::cerr << "crm-demo-data: CreateLead " << d.company << ": " << out.status() << "\n";
      return 1;
    }
    ++created;
    if (i == kLeadToConvert) to_convert = out->name();
    if (*d.visit_summary == '\0') continue;
    crm::v1::AddLeadActivityRequest act;
    act.set_parent(out->name());
    act.set_request_id(RequestId(i, 1));
    act.mutable_activity()->set_kind(crm::v1::ACTIVITY_KIND_VISIT);
    act.mutable_activity()->set_occur_date("2026-11-02");
    act.mutable_activity()->add_participants("招商一局 李四");
    act.mutable_activity()->set_summary(d.visit_summary);
    auto activity = (*client)->AddLeadActivity(act);
    if (!activity.ok()) {
      std::cerr << "crm-demo-data: AddLeadActivity " << d.company << ": " << activity.status() << "\n";
      return 1;
    }
  }
  std::cerr << "crm-demo-data: " << created << " demo leads present\n";

  auto enterprises = crm::client::EnterprisesClient::Connect(options);
  if (!enterprises.ok()) {
    std::cerr << "crm-demo-data: " << enterprises.status() << "\n";
    return 1;
  }
  absl::StatusOr<int> pool = crm::demo::LoadDemoEnterprises(**enterprises, "users/admin");
  if (absl::IsUnimplemented(pool.status())) {  // a server started with --services without it
    std::cerr << "crm-demo-data: the enterprises service is not hosted; no demo enterprises\n";
    return 0;
  }
  if (!pool.ok()) {
    std::cerr << "crm-demo-data: demo enterprises: " << pool.status() << "\n";
    return 1;
  }
  std::cerr << "crm-demo-data: " << *pool << " demo enterprises present\n";

  auto projects = crm::client::ProjectsClient::Connect(options);
  if (!projects.ok()) {
    std::cerr << "crm-demo-data: " << projects.status() << "\n";
    return 1;
  }
  absl::StatusOr<int> pipeline = crm::demo::LoadDemoProjects(
      **client, **projects, to_convert, static_cast<int>(crm::ZoneDay(absl::Now()).year()));
  if (absl::IsUnimplemented(pipeline.status())) {
    std::cerr << "crm-demo-data: the projects service is not hosted; no demo projects\n";
    return 0;
  }
  if (!pipeline.ok()) {
    std::cerr << "crm-demo-data: demo projects: " << pipeline.status() << "\n";
    return 1;
  }
  std::cerr << "crm-demo-data: " << *pipeline << " demo projects present\n";
  return 0;
}
