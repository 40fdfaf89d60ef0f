// R9, hostile input, against crm-server as a process: a request over
// --max_message_bytes (plain, and small on the wire but large once
// decompressed), page_size 10^6 on every List method that pages, pages of
// large rows that together would not fit in one message, bytes that are not a
// request at all (garbage, truncated varints, lengths past the end, groups
// nested thousands deep, wrong wire types, invalid UTF-8) to every unary
// method, and such bytes inside an import stream. Each is refused or answered
// as the API says, and afterwards the same server process (same pid) still
// answers. (The request checks themselves are fuzzed by tests/faults/fuzz.)

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <future>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "base/uscc.h"
#include "crm/v1/admin_service.grpc.pb.h"
#include "crm/v1/dashboard_service.grpc.pb.h"
#include "crm/v1/enterprises_service.grpc.pb.h"
#include "crm/v1/leads_service.grpc.pb.h"
#include "crm/v1/projects_service.grpc.pb.h"
#include "tests/faults/fault_harness.h"
#include "tests/integration/test_db.h"
#include "tests/support/test_seed.h"

namespace crm::testing {
namespace {

// Small enough that a page of large rows crosses it cheaply.
constexpr int kMaxMessageBytes = 1 << 20;
constexpr int kHugePageSize = 1'000'000;
constexpr int kMaxPageSize = 1000;  // README: "pages at 1,000 rows"

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDatabase::Create();
    ASSERT_NE(db_, nullptr);
    server_ = std::make_unique<ServerProcess>(
        dir_.path(), DsnOf(db_->app_config()), DsnOf(db_->config()),
        std::vector<std::string>{"--migrate=false", "--rate_limit=0",
                                 absl::StrCat("--max_message_bytes=", kMaxMessageBytes)});
    ASSERT_TRUE(server_->Start());
    pid_ = server_->pid();
    channel_ = server_->NewChannel();
    leads_ = v1::LeadService::NewStub(channel_);
    enterprises_ = v1::EnterpriseService::NewStub(channel_);
    projects_ = v1::ProjectService::NewStub(channel_);
    dashboard_ = v1::DashboardService::NewStub(channel_);
    admin_ = v1::AdminService::NewStub(channel_);
  }

  static std::unique_ptr<grpc::ClientContext> Ctx() { return ServerProcess::Context(absl::Seconds(30)); }

  // The same process still serves: not restarted, healthy, and a real call
  // (which reads the store) answers.
  void ExpectStillServing() {
    EXPECT_TRUE(server_->running()) << server_->Log();
    EXPECT_EQ(server_->pid(), pid_);
    EXPECT_TRUE(server_->WaitServing(absl::Seconds(10)));
    v1::ListUnitsRequest req;
    v1::ListUnitsResponse resp;
    grpc::Status s = admin_->ListUnits(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    EXPECT_GE(resp.units_size(), 1);
  }

  static v1::Lead NewLead(const std::string& name) {
    v1::Lead lead;
    lead.set_company_name(name);
    lead.set_target_list(v1::TARGET_LIST_INDUSTRY_LEADER);
    lead.set_channel(v1::LEAD_CHANNEL_OUTBOUND_VISIT);
    lead.set_industry(v1::INDUSTRY_SECTION_C);
    return lead;
  }

  static v1::Enterprise NewEnterprise(int n) {
    v1::Enterprise e;
    e.set_uscc(WithUsccCheckCharacter(absl::StrFormat("91350200MA%07d", n)));
    e.set_company_name(absl::StrCat("恶意输入测试企业", n, "有限公司"));
    e.set_founded_date("2021-06-01");
    e.set_industry(v1::INDUSTRY_SECTION_C);
    e.set_industry_division("39");
    e.set_in_zone(true);
    return e;
  }

  // `request` to `method` as raw bytes, with the admin's token; its status.
  grpc::Status RawCall(const std::string& method, const std::string& request) {
    grpc::GenericStub stub(channel_);
    grpc::Slice slice(request);
    grpc::ByteBuffer req(&slice, 1);
    grpc::ByteBuffer resp;
    auto ctx = Ctx();
    std::promise<grpc::Status> done;
    stub.UnaryCall(ctx.get(), method, grpc::StubOptions(), &req, &resp,
                   [&done](grpc::Status s) { done.set_value(std::move(s)); });
    return done.get_future().get();
  }

  // Streams `messages` (raw bytes each) to ImportEnterprises, then half-closes;
  // its status, and its response in `resp`.
  grpc::Status RawImport(const std::vector<std::string>& messages, v1::ImportEnterprisesResponse& resp) {
    grpc::GenericStub stub(channel_);
    grpc::CompletionQueue cq;
    auto ctx = Ctx();
    auto call = stub.PrepareCall(ctx.get(), "/crm.v1.EnterpriseService/ImportEnterprises", &cq);
    auto step = [&cq]() {
      void* tag = nullptr;
      bool ok = false;
      cq.Next(&tag, &ok);
      return ok;
    };
    call->StartCall(nullptr);
    step();
    for (const std::string& m : messages) {
      grpc::Slice slice(m);
      grpc::ByteBuffer buffer(&slice, 1);
      call->Write(buffer, nullptr);
      if (!step()) break;
    }
    call->WritesDone(nullptr);
    step();
    grpc::ByteBuffer answer;
    call->Read(&answer, nullptr);
    if (step()) {
      std::vector<grpc::Slice> slices;
      (void)answer.Dump(&slices);
      std::string bytes;
      for (const grpc::Slice& piece : slices) bytes.append(reinterpret_cast<const char*>(piece.begin()), piece.size());
      resp.ParseFromString(bytes);
    }
    grpc::Status status;
    call->Finish(&status, nullptr);
    step();
    cq.Shutdown();
    void* tag = nullptr;
    bool ok = false;
    while (cq.Next(&tag, &ok)) {
    }
    return status;
  }

  ScratchDir dir_{"hostile_input"};
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<ServerProcess> server_;
  pid_t pid_ = 0;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::LeadService::Stub> leads_;
  std::unique_ptr<v1::EnterpriseService::Stub> enterprises_;
  std::unique_ptr<v1::ProjectService::Stub> projects_;
  std::unique_ptr<v1::DashboardService::Stub> dashboard_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(HostileInputTest, ARequestOverTheSizeLimitIsRefusedByGrpc) {
  v1::CreateLeadRequest req;
  *req.mutable_lead() = NewLead("超大请求有限公司");
  req.mutable_lead()->set_notes(std::string(kMaxMessageBytes + 1, 'x'));
  v1::Lead created;
  grpc::Status s = leads_->CreateLead(Ctx().get(), req, &created);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << s.error_message();

  // Small on the wire, over the limit once inflated: gRPC checks the
  // decompressed size too.
  auto ctx = Ctx();
  ctx->set_compression_algorithm(GRPC_COMPRESS_GZIP);
  req.mutable_lead()->set_notes(std::string(4 * kMaxMessageBytes, 'x'));
  s = leads_->CreateLead(ctx.get(), req, &created);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << s.error_message();

  EXPECT_EQ(db_->QueryOne("SELECT COUNT(*) FROM leads"), "0");
  ExpectStillServing();
}

// Every List method with a page_size, asked for a million rows: no error, at
// most the maximum page (1000; ListAlerts 500), and where there are more
// rows than that (the enterprises), a full page and a token for the rest.
TEST_F(HostileInputTest, PageSizeOfAMillionIsClampedOnEveryList) {
  constexpr int kEnterprises = kMaxPageSize + 50;
  {
    v1::ImportEnterprisesResponse imported;
    auto ctx = Ctx();
    auto writer = enterprises_->ImportEnterprises(ctx.get(), &imported);
    v1::ImportEnterprisesRequest msg;
    for (int i = 0; i < kEnterprises; ++i) {
      *msg.add_enterprises() = NewEnterprise(i + 1);
      if (msg.enterprises_size() == 500 || i + 1 == kEnterprises) {
        ASSERT_TRUE(writer->Write(msg));
        msg.Clear();
      }
    }
    writer->WritesDone();
    grpc::Status s = writer->Finish();
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(imported.created_count(), kEnterprises);
  }
  v1::Lead lead;
  {
    v1::CreateLeadRequest req;
    *req.mutable_lead() = NewLead("分页测试有限公司");
    ASSERT_TRUE(leads_->CreateLead(Ctx().get(), req, &lead).ok());
  }

  auto expect_page = [](const grpc::Status& s, int rows, int max, const char* method) {
    EXPECT_TRUE(s.ok()) << method << ": " << s.error_message();
    EXPECT_LE(rows, max) << method;
  };
  {
    v1::ListEnterprisesRequest req;
    req.set_page_size(kHugePageSize);
    v1::ListEnterprisesResponse resp;
    grpc::Status s = enterprises_->ListEnterprises(Ctx().get(), req, &resp);
    expect_page(s, resp.enterprises_size(), kMaxPageSize, "ListEnterprises");
    EXPECT_EQ(resp.enterprises_size(), kMaxPageSize);
    ASSERT_FALSE(resp.next_page_token().empty());
    req.set_page_token(resp.next_page_token());
    s = enterprises_->ListEnterprises(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(resp.enterprises_size(), kEnterprises - kMaxPageSize);
    EXPECT_TRUE(resp.next_page_token().empty());
  }
  {
    v1::ScreenEnterprisesRequest req;
    req.set_page_size(kHugePageSize);
    v1::ScreenEnterprisesResponse resp;
    grpc::Status s = enterprises_->ScreenEnterprises(Ctx().get(), req, &resp);
    expect_page(s, resp.candidates_size(), kMaxPageSize, "ScreenEnterprises");
  }
  {
    v1::ListServiceRequestsRequest req;
    req.set_parent("enterprises/-");
    req.set_page_size(kHugePageSize);
    v1::ListServiceRequestsResponse resp;
    grpc::Status s = enterprises_->ListServiceRequests(Ctx().get(), req, &resp);
    expect_page(s, resp.service_requests_size(), kMaxPageSize, "ListServiceRequests");
  }
  {
    v1::ListLeadsRequest req;
    req.set_page_size(kHugePageSize);
    v1::ListLeadsResponse resp;
    grpc::Status s = leads_->ListLeads(Ctx().get(), req, &resp);
    expect_page(s, resp.leads_size(), kMaxPageSize, "ListLeads");
    EXPECT_EQ(resp.leads_size(), 1);
  }
  {
    v1::ListLeadActivitiesRequest req;
    req.set_parent(lead.name());
    req.set_page_size(kHugePageSize);
    v1::ListLeadActivitiesResponse resp;
    grpc::Status s = leads_->ListLeadActivities(Ctx().get(), req, &resp);
    expect_page(s, resp.activities_size(), kMaxPageSize, "ListLeadActivities");
  }
  {
    v1::ListProjectsRequest req;
    req.set_page_size(kHugePageSize);
    v1::ListProjectsResponse resp;
    grpc::Status s = projects_->ListProjects(Ctx().get(), req, &resp);
    expect_page(s, resp.projects_size(), kMaxPageSize, "ListProjects");
  }
  {
    v1::ListStalledProjectsRequest req;
    req.set_page_size(kHugePageSize);
    v1::ListStalledProjectsResponse resp;
    grpc::Status s = projects_->ListStalledProjects(Ctx().get(), req, &resp);
    expect_page(s, resp.projects_size(), kMaxPageSize, "ListStalledProjects");
  }
  {
    v1::ListAlertsRequest req;
    req.set_page_size(kHugePageSize);
    v1::ListAlertsResponse resp;
    grpc::Status s = dashboard_->ListAlerts(Ctx().get(), req, &resp);
    expect_page(s, resp.alerts_size(), 500, "ListAlerts");
  }
  {
    v1::ListUnitsRequest req;
    req.set_page_size(kHugePageSize);
    v1::ListUnitsResponse resp;
    grpc::Status s = admin_->ListUnits(Ctx().get(), req, &resp);
    expect_page(s, resp.units_size(), kMaxPageSize, "ListUnits");
  }
  {
    v1::ListUsersRequest req;
    req.set_page_size(kHugePageSize);
    v1::ListUsersResponse resp;
    grpc::Status s = admin_->ListUsers(Ctx().get(), req, &resp);
    expect_page(s, resp.users_size(), kMaxPageSize, "ListUsers");
  }
  {
    v1::ListAuditEventsRequest req;
    req.set_page_size(kHugePageSize);
    v1::ListAuditEventsResponse resp;
    grpc::Status s = admin_->ListAuditEvents(Ctx().get(), req, &resp);
    expect_page(s, resp.audit_events_size(), kMaxPageSize, "ListAuditEvents");
  }
  ExpectStillServing();
}

// Rows that are each within the limits but together exceed one message
// (before, gRPC refused to send such a page: RESOURCE_EXHAUSTED "Sent message
// larger than max", so those rows could not be read at that page size): the
// page holds as many as fit, with a token for the rest, and following the
// tokens reads every row once. The same for the audit events the writes
// left, the duplicate search (no paging: as many matches as fit) and the
// export stream (each message within the limit).
TEST_F(HostileInputTest, PagesOfLargeRowsStayWithinTheMessageLimit) {
  constexpr int kLeads = 40;
  std::string notes;
  for (int i = 0; i < 10000; ++i) notes += "长";  // the most notes may hold: 30,000 bytes
  std::set<std::string> created;
  for (int i = 0; i < kLeads; ++i) {
    v1::CreateLeadRequest req;
    *req.mutable_lead() = NewLead("大记录测试有限公司");  // one name: duplicates of each other
    req.mutable_lead()->set_notes(notes);
    v1::Lead lead;
    grpc::Status s = leads_->CreateLead(Ctx().get(), req, &lead);
    ASSERT_TRUE(s.ok()) << s.error_message();
    created.insert(lead.name());
  }
  ASSERT_GT(kLeads * notes.size(), static_cast<size_t>(kMaxMessageBytes));

  // Every page of a list: OK, within the limit, not empty; the rows of all
  // pages, each once.
  auto read_all = [&](auto call, auto rows_of) {
    std::multiset<std::string> names;
    std::string token;
    int pages = 0;
    for (int page = 0; page <= kLeads; ++page, ++pages) {
      auto [s, resp] = call(token);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      EXPECT_LE(resp.ByteSizeLong(), static_cast<size_t>(kMaxMessageBytes));
      EXPECT_GT(rows_of(resp).size(), 0u);
      for (const auto& row : rows_of(resp)) names.insert(row.name());
      token = resp.next_page_token();
      if (token.empty()) break;
    }
    std::printf("fault-figures: R9 large rows: %zu rows of ~%zu bytes in %d pages of at most %d bytes\n", names.size(),
                notes.size(), pages + 1, kMaxMessageBytes);
    return names;
  };
  std::multiset<std::string> leads = read_all(
      [&](const std::string& token) {
        v1::ListLeadsRequest req;
        req.set_page_size(kHugePageSize);
        req.set_page_token(token);
        v1::ListLeadsResponse resp;
        grpc::Status s = leads_->ListLeads(Ctx().get(), req, &resp);
        EXPECT_LT(resp.leads_size(), kLeads);
        return std::make_pair(s, resp);
      },
      [](const v1::ListLeadsResponse& r) { return r.leads(); });
  EXPECT_EQ(leads, std::multiset<std::string>(created.begin(), created.end()));

  std::multiset<std::string> events = read_all(
      [&](const std::string& token) {
        v1::ListAuditEventsRequest req;
        req.set_page_size(kHugePageSize);
        req.set_method("crm.v1.LeadService/CreateLead");
        req.set_page_token(token);
        v1::ListAuditEventsResponse resp;
        grpc::Status s = admin_->ListAuditEvents(Ctx().get(), req, &resp);
        return std::make_pair(s, resp);
      },
      [](const v1::ListAuditEventsResponse& r) { return r.audit_events(); });
  EXPECT_EQ(events.size(), static_cast<size_t>(kLeads));
  EXPECT_EQ(std::set<std::string>(events.begin(), events.end()).size(), static_cast<size_t>(kLeads));

  v1::FindDuplicateLeadsRequest dup;
  dup.set_company_name("大记录测试有限公司");
  v1::FindDuplicateLeadsResponse matches;
  grpc::Status s = leads_->FindDuplicateLeads(Ctx().get(), dup, &matches);
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_GT(matches.matches_size(), 0);
  EXPECT_LT(matches.matches_size(), kLeads);

  // Enterprises of ~15 KB (twenty former names of 200 characters): an export
  // message of 500 rows would be 1.5 MB.
  constexpr int kEnterprises = 100;
  std::string former;
  for (int i = 0; i < 200; ++i) former += "旧";
  {
    v1::ImportEnterprisesResponse imported;
    auto ctx = Ctx();
    auto writer = enterprises_->ImportEnterprises(ctx.get(), &imported);
    v1::ImportEnterprisesRequest msg;
    for (int i = 0; i < kEnterprises; ++i) {
      v1::Enterprise* e = msg.add_enterprises();
      *e = NewEnterprise(5000 + i);
      for (int k = 0; k < 20; ++k) e->add_former_names(former);
      if (msg.enterprises_size() == 25) {
        ASSERT_TRUE(writer->Write(msg));
        msg.Clear();
      }
    }
    writer->WritesDone();
    s = writer->Finish();
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_EQ(imported.created_count(), kEnterprises);
  }
  auto ctx = Ctx();
  auto reader = enterprises_->ExportEnterprises(ctx.get(), v1::ExportEnterprisesRequest());
  v1::ExportEnterprisesResponse part;
  std::set<std::string> exported;
  int messages = 0;
  while (reader->Read(&part)) {
    ++messages;
    EXPECT_LE(part.ByteSizeLong(), static_cast<size_t>(kMaxMessageBytes));
    for (const v1::Enterprise& e : part.enterprises()) exported.insert(e.name());
  }
  s = reader->Finish();
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(exported.size(), static_cast<size_t>(kEnterprises));
  EXPECT_GT(messages, 1);
  ExpectStillServing();
}

// Bytes that are not the request they are sent as.
struct Hostile {
  std::string what;
  std::string bytes;
};

std::string Varint(uint64_t v) {
  std::string out;
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
  return out;
}

std::vector<Hostile> HostileBytes() {
  std::vector<Hostile> out;
  const TestSeed seed(9);
  std::mt19937 random(seed.value());
  for (int i = 0; i < 4; ++i) {
    std::string garbage(64 << (2 * i), '\0');
    for (char& c : garbage) c = static_cast<char>(random());
    out.push_back({absl::StrCat("garbage of ", garbage.size(), " bytes"), garbage});
  }
  out.push_back({"truncated varint", "\x08\xff\xff"});
  out.push_back({"eleven-byte varint", "\x08" + std::string(10, '\xff') + "\x01"});
  out.push_back({"length past the end",
                 "\x0a\x7f"
                 "abc"});
  out.push_back({"length of 2^63", "\x0a" + Varint(uint64_t{1} << 63) + "abc"});
  out.push_back({"groups nested 5000 deep", std::string(5000, '\x0b')});
  std::string nested;  // field 1, length-delimited, 3000 deep
  for (int i = 0; i < 3000; ++i) nested = "\x0a" + Varint(nested.size()) + nested;
  out.push_back({"length-delimited nested 3000 deep", nested});
  out.push_back({"end-group without a start", "\x0c"});
  out.push_back({"field number 0", std::string("\x00\x01", 2)});
  out.push_back({"wire type 7", "\x0f\x01"});
  out.push_back({"fields 1-15 as varints",
                 "\x08\x01\x10\x01\x18\x01\x20\x01\x28\x01\x30\x01\x38\x01\x40\x01"
                 "\x48\x01\x50\x01\x58\x01\x60\x01\x68\x01\x70\x01\x78\x01"});
  out.push_back({"fields 1-3 as invalid UTF-8", "\x0a\x02\xff\xfe\x12\x02\xc0\x80\x1a\x01\x80"});
  out.push_back({"unknown field 1000 of 64 KiB", "\xc2\x3e" + Varint(64 << 10) + std::string(64 << 10, 'x')});
  out.push_back({"nothing at all", ""});
  return out;
}

// Every unary method of every service, sent each of HostileBytes. What the
// request type cannot parse (checked here with the same protobuf) never
// reaches a handler: gRPC 1.51's callback API answers UNIMPLEMENTED with an
// empty message (server_callback_handlers.h: "if deserialization ... failed,
// we need to fail the call"), which we record rather than choose. What does
// parse is a request like any other, which the handler accepts or refuses as
// INVALID_ARGUMENT (or NOT_FOUND, FAILED_PRECONDITION…) — never a crash and
// never INTERNAL or UNKNOWN.
TEST_F(HostileInputTest, MalformedBytesAreRefusedAndTheServerKeepsServing) {
  const google::protobuf::DescriptorPool* pool = google::protobuf::DescriptorPool::generated_pool();
  int calls = 0, unparsable = 0;
  std::map<int, int> parsed_codes;  // what handlers answered to the bytes that did parse
  for (const char* service : {"crm.v1.LeadService", "crm.v1.EnterpriseService", "crm.v1.ProjectService",
                              "crm.v1.DashboardService", "crm.v1.AdminService"}) {
    const google::protobuf::ServiceDescriptor* descriptor = pool->FindServiceByName(service);
    ASSERT_NE(descriptor, nullptr) << service;
    for (int m = 0; m < descriptor->method_count(); ++m) {
      const google::protobuf::MethodDescriptor* method = descriptor->method(m);
      if (method->client_streaming() || method->server_streaming()) continue;
      std::unique_ptr<google::protobuf::Message> request(
          google::protobuf::MessageFactory::generated_factory()->GetPrototype(method->input_type())->New());
      const std::string path = absl::StrCat("/", service, "/", method->name());
      for (const Hostile& h : HostileBytes()) {
        grpc::Status s = RawCall(path, h.bytes);
        ++calls;
        if (!request->ParseFromString(h.bytes)) {
          ++unparsable;
          EXPECT_EQ(s.error_code(), grpc::StatusCode::UNIMPLEMENTED)
              << path << ", " << h.what << ": " << s.error_message();
          EXPECT_EQ(s.error_message(), "") << path << ", " << h.what;
        } else {
          ++parsed_codes[s.error_code()];
          EXPECT_TRUE(s.error_code() != grpc::StatusCode::UNKNOWN && s.error_code() != grpc::StatusCode::INTERNAL &&
                      s.error_code() != grpc::StatusCode::UNAVAILABLE &&
                      s.error_code() != grpc::StatusCode::UNIMPLEMENTED &&
                      s.error_code() != grpc::StatusCode::DATA_LOSS)
              << path << ", " << h.what << ": " << s.error_code() << " " << s.error_message();
        }
      }
      ASSERT_TRUE(server_->running()) << path << "\n" << server_->Log();
    }
  }
  std::string codes;
  for (const auto& [code, n] : parsed_codes) absl::StrAppend(&codes, codes.empty() ? "" : " ", code, ":", n);
  std::printf(
      "fault-figures: R9 malformed bytes: calls=%d unparsable=%d (UNIMPLEMENTED, from gRPC) parsed=%d "
      "codes[%s] same_pid=%s\n",
      calls, unparsable, calls - unparsable, codes.c_str(), server_->pid() == pid_ ? "yes" : "no");
  EXPECT_GT(unparsable, calls / 2) << "most of these bytes are not requests";
  EXPECT_LT(unparsable, calls) << "some are (wrong wire types are skipped as unknown fields)";
  ExpectStillServing();
}

// A message the server cannot parse in the middle of an import stream is
// refused: gRPC reports it to a typed reader as the end of the stream, which
// made the import answer OK for the rows before it and drop the rest
// (EnterpriseService now reads the stream as bytes and parses each message).
TEST_F(HostileInputTest, AMalformedMessageInAnImportStreamIsRefused) {
  v1::ImportEnterprisesRequest first, last;
  for (int i = 0; i < 3; ++i) *first.add_enterprises() = NewEnterprise(900 + i);
  for (int i = 0; i < 3; ++i) *last.add_enterprises() = NewEnterprise(910 + i);
  v1::ImportEnterprisesResponse resp;
  grpc::Status s = RawImport({first.SerializeAsString(),
                              "\x0a\x7f"
                              "abc",
                              last.SerializeAsString()},
                             resp);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << s.error_message();
  EXPECT_NE(s.error_message().find("message 2 of the stream is not an ImportEnterprisesRequest"), std::string::npos)
      << s.error_message();
  EXPECT_EQ(
      db_->QueryOne(absl::StrCat("SELECT COUNT(*) FROM enterprises WHERE uscc = '", last.enterprises(0).uscc(), "'")),
      "0");

  // The same stream, well-formed, imports every row.
  s = RawImport({first.SerializeAsString(), last.SerializeAsString()}, resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(resp.results_size(), 6);
  EXPECT_EQ(resp.created_count(), 6);
  ExpectStillServing();
}

}  // namespace
}  // namespace crm::testing
