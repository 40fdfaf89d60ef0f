// The service checklist over real gRPC and MariaDB: defaults from the SLA,
// the lifecycle, 三色督办 colours and filters, and who sees which request.

#include <gmock/gmock.h>

#include "absl/time/civil_time.h"
#include "services/enterprises/enterprise_rules.h"
#include "tests/integration/service_fixture.h"

namespace crm {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
using testing::kToken;
using v1::ServiceRequest;

class ServiceRequestsTest : public testing::ServiceFixture {
 protected:
  void SetUp() override {
    ServiceFixture::SetUp();
    MakeUnit("u1");
    MakeUnit("u2");
    secretary_ = MakeUser("secretary-li", "units/u2", v1::ROLE_STAFF);
    staff_u1_ = MakeUser("staff-u1", "units/u1", v1::ROLE_STAFF);
    staff_u2_ = MakeUser("staff-u2", "units/u2", v1::ROLE_STAFF);
    enterprise_ = Create(NewEnterprise(1, "厦门海辰储能科技有限公司")).name();
    v1::AssignServiceSecretaryRequest assign;
    assign.set_name(enterprise_);
    assign.set_service_secretary("users/secretary-li");
    v1::Enterprise out;
    ASSERT_TRUE(api().AssignServiceSecretary(Ctx().get(), assign, &out).ok());
  }

  static std::string DaysFromToday(int days) { return IsoDay(ZoneDay(absl::Now()) + days); }

  ServiceRequest Raise(const std::string& token, v1::ServiceRequestPriority priority, const std::string& raised = "",
                       const std::string& due = "", grpc::Status* status = nullptr) {
    v1::CreateServiceRequestRequest req;
    req.set_parent(enterprise_);
    ServiceRequest* r = req.mutable_service_request();
    r->set_category(v1::SERVICE_CATEGORY_LAND_SPACE);
    r->set_description("二期厂房用地指标");
    r->set_priority(priority);
    r->set_raised_date(raised);
    r->set_due_date(due);
    ServiceRequest out;
    grpc::Status s = api().CreateServiceRequest(Ctx(token).get(), req, &out);
    if (status) *status = s; else EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  std::vector<std::string> List(v1::ListServiceRequestsRequest req, const std::string& token = kToken) {
    if (req.parent().empty()) req.set_parent("enterprises/-");
    req.set_page_size(2);
    std::vector<std::string> names;
    do {
      v1::ListServiceRequestsResponse resp;
      grpc::Status s = api().ListServiceRequests(Ctx(token).get(), req, &resp);
      EXPECT_TRUE(s.ok()) << s.error_message();
      if (!s.ok()) break;
      for (const ServiceRequest& r : resp.service_requests()) names.push_back(r.name());
      req.set_page_token(resp.next_page_token());
    } while (!req.page_token().empty());
    return names;
  }

  std::string secretary_, staff_u1_, staff_u2_, enterprise_;
};

TEST_F(ServiceRequestsTest, DefaultsComeFromTheCallerAndTheSla) {
  ServiceRequest urgent = Raise(staff_u1_, v1::SERVICE_REQUEST_PRIORITY_URGENT);
  EXPECT_EQ(urgent.status(), v1::SERVICE_REQUEST_STATUS_OPEN);
  EXPECT_EQ(urgent.raised_date(), DaysFromToday(0));
  EXPECT_EQ(urgent.first_responder_unit(), "units/u1");
  EXPECT_EQ(urgent.handling_unit(), "units/u1");
  int urgent_days = 0;
  for (const auto& level : server_.policy().service_levels()) {
    if (level.priority() == v1::SERVICE_REQUEST_PRIORITY_URGENT) urgent_days = level.due_in_days();
  }
  EXPECT_EQ(urgent.due_date(), DaysFromToday(urgent_days));
  EXPECT_EQ(urgent.escalation_color(), v1::ESCALATION_COLOR_NONE);
  EXPECT_EQ(urgent.company_name(), "厦门海辰储能科技有限公司");
  EXPECT_EQ(urgent.service_secretary(), "users/secretary-li");

  grpc::Status s;
  Raise(staff_u1_, v1::SERVICE_REQUEST_PRIORITY_NORMAL, "2026-05-10", "2026-05-01", &s);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);  // due before raised
  v1::CreateServiceRequestRequest empty;
  empty.set_parent(enterprise_);
  ServiceRequest out;
  s = api().CreateServiceRequest(Ctx().get(), empty, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(ViolatedFields(s), ::testing::IsSupersetOf({"service_request.category", "service_request.priority",
                                                          "service_request.description"}));

  // 首问负责: staff take requests for their own unit only.
  v1::CreateServiceRequestRequest other;
  other.set_parent(enterprise_);
  other.mutable_service_request()->set_category(v1::SERVICE_CATEGORY_FUNDING);
  other.mutable_service_request()->set_description("贷款贴息");
  other.mutable_service_request()->set_priority(v1::SERVICE_REQUEST_PRIORITY_NORMAL);
  other.mutable_service_request()->set_first_responder_unit("units/u2");
  EXPECT_EQ(api().CreateServiceRequest(Ctx(staff_u1_).get(), other, &out).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(ServiceRequestsTest, MovesThroughItsLifecycle) {
  ServiceRequest r = Raise(staff_u1_, v1::SERVICE_REQUEST_PRIORITY_NORMAL);
  ServiceRequest out;
  v1::StartServiceRequestRequest start;
  start.set_name(r.name());
  grpc::Status s = api().StartServiceRequest(Ctx(staff_u1_).get(), start, &out);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);  // not accepted yet
  EXPECT_THAT(s.error_message(), HasSubstr("OPEN"));

  v1::AcceptServiceRequestRequest accept;
  accept.set_name(r.name());
  accept.set_etag(r.etag());
  ASSERT_TRUE(api().AcceptServiceRequest(Ctx(staff_u1_).get(), accept, &out).ok());
  EXPECT_EQ(out.status(), v1::SERVICE_REQUEST_STATUS_ACCEPTED);
  EXPECT_EQ(api().AcceptServiceRequest(Ctx(staff_u1_).get(), accept, &out).error_code(),
            grpc::StatusCode::ABORTED);  // stale etag
  ASSERT_TRUE(api().StartServiceRequest(Ctx(staff_u1_).get(), start, &out).ok());

  v1::ResolveServiceRequestRequest resolve;
  resolve.set_name(r.name());
  EXPECT_EQ(api().ResolveServiceRequest(Ctx(staff_u1_).get(), resolve, &out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);  // a resolution is required
  resolve.set_resolution("已协调土地储备中心, 下月挂牌");
  ASSERT_TRUE(api().ResolveServiceRequest(Ctx(staff_u1_).get(), resolve, &out).ok());
  EXPECT_EQ(out.status(), v1::SERVICE_REQUEST_STATUS_RESOLVED);
  EXPECT_TRUE(out.has_resolve_time());

  v1::ReopenServiceRequestRequest reopen;
  reopen.set_name(r.name());
  reopen.set_reason("企业不满意: 面积不足");
  ASSERT_TRUE(api().ReopenServiceRequest(Ctx(staff_u1_).get(), reopen, &out).ok());
  EXPECT_EQ(out.status(), v1::SERVICE_REQUEST_STATUS_REOPENED);
  ASSERT_TRUE(api().StartServiceRequest(Ctx(staff_u1_).get(), start, &out).ok());
  ASSERT_TRUE(api().ResolveServiceRequest(Ctx(staff_u1_).get(), resolve, &out).ok());

  v1::CloseServiceRequestRequest close;
  close.set_name(r.name());
  close.set_satisfaction(6);
  EXPECT_EQ(api().CloseServiceRequest(Ctx(staff_u1_).get(), close, &out).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  close.set_satisfaction(5);
  close.set_request_id("0d6f4c1e-2a3b-4c5d-9e8f-112233445566");
  ASSERT_TRUE(api().CloseServiceRequest(Ctx(staff_u1_).get(), close, &out).ok());
  EXPECT_EQ(out.status(), v1::SERVICE_REQUEST_STATUS_CLOSED);
  EXPECT_EQ(out.satisfaction(), 5);
  ServiceRequest retried;
  ASSERT_TRUE(api().CloseServiceRequest(Ctx(staff_u1_).get(), close, &retried).ok());  // the first answer again
  EXPECT_EQ(retried.etag(), out.etag());

  v1::UpdateServiceRequestRequest update;
  update.mutable_service_request()->set_name(r.name());
  update.mutable_service_request()->set_description("改");
  update.mutable_update_mask()->add_paths("description");
  EXPECT_EQ(api().UpdateServiceRequest(Ctx(staff_u1_).get(), update, &out).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);  // closed
}

TEST_F(ServiceRequestsTest, EscalationColoursAndFilters) {
  const auto& p = server_.policy();
  ServiceRequest not_due = Raise(kToken, v1::SERVICE_REQUEST_PRIORITY_URGENT, DaysFromToday(-1), DaysFromToday(1));
  ServiceRequest blue = Raise(kToken, v1::SERVICE_REQUEST_PRIORITY_URGENT, DaysFromToday(-3), DaysFromToday(0));
  ServiceRequest yellow = Raise(kToken, v1::SERVICE_REQUEST_PRIORITY_NORMAL, DaysFromToday(-30),
                                DaysFromToday(-p.yellow_after_days()));
  ServiceRequest red = Raise(kToken, v1::SERVICE_REQUEST_PRIORITY_NORMAL, DaysFromToday(-60),
                             DaysFromToday(-p.red_after_days() - 5));
  EXPECT_EQ(not_due.escalation_color(), v1::ESCALATION_COLOR_NONE);
  EXPECT_FALSE(not_due.has_overdue_days());
  EXPECT_EQ(blue.escalation_color(), v1::ESCALATION_COLOR_BLUE);
  EXPECT_EQ(blue.overdue_days(), 0);
  EXPECT_EQ(yellow.escalation_color(), v1::ESCALATION_COLOR_YELLOW);
  EXPECT_EQ(red.escalation_color(), v1::ESCALATION_COLOR_RED);
  EXPECT_EQ(red.overdue_days(), p.red_after_days() + 5);

  v1::ListServiceRequestsRequest req;
  EXPECT_THAT(List(req), ElementsAre(red.name(), yellow.name(), blue.name(), not_due.name()));  // by due date
  req.set_overdue_only(true);
  EXPECT_THAT(List(req), ElementsAre(red.name(), yellow.name(), blue.name()));
  req.Clear();
  for (auto [color, name] : {std::pair{v1::ESCALATION_COLOR_RED, red.name()},
                             std::pair{v1::ESCALATION_COLOR_YELLOW, yellow.name()},
                             std::pair{v1::ESCALATION_COLOR_BLUE, blue.name()},
                             std::pair{v1::ESCALATION_COLOR_NONE, not_due.name()}}) {
    req.set_escalation_color(color);
    EXPECT_THAT(List(req), ElementsAre(name)) << v1::EscalationColor_Name(color);
  }

  // A resolved request is no longer overdue, whatever its date.
  ServiceRequest out;
  v1::AcceptServiceRequestRequest accept;
  accept.set_name(red.name());
  ASSERT_TRUE(api().AcceptServiceRequest(Ctx().get(), accept, &out).ok());
  v1::StartServiceRequestRequest start;
  start.set_name(red.name());
  ASSERT_TRUE(api().StartServiceRequest(Ctx().get(), start, &out).ok());
  v1::ResolveServiceRequestRequest resolve;
  resolve.set_name(red.name());
  resolve.set_resolution("办结");
  ASSERT_TRUE(api().ResolveServiceRequest(Ctx().get(), resolve, &out).ok());
  EXPECT_EQ(out.escalation_color(), v1::ESCALATION_COLOR_NONE);
  req.set_escalation_color(v1::ESCALATION_COLOR_RED);
  EXPECT_THAT(List(req), ElementsAre());
  req.Clear();
  req.set_status(v1::SERVICE_REQUEST_STATUS_RESOLVED);
  EXPECT_THAT(List(req), ElementsAre(red.name()));
}

TEST_F(ServiceRequestsTest, TheSecretaryAndTheUnitsSeeTheirRequestsOnly) {
  ServiceRequest taken_by_u1 = Raise(staff_u1_, v1::SERVICE_REQUEST_PRIORITY_NORMAL);
  // The enterprise's secretary (in u2) sees it; another u2 staff member does not.
  v1::GetServiceRequestRequest get;
  get.set_name(taken_by_u1.name());
  ServiceRequest out;
  EXPECT_TRUE(api().GetServiceRequest(Ctx(secretary_).get(), get, &out).ok());
  EXPECT_EQ(api().GetServiceRequest(Ctx(staff_u2_).get(), get, &out).error_code(), grpc::StatusCode::NOT_FOUND);
  v1::ListServiceRequestsRequest all;
  EXPECT_THAT(List(all, secretary_), ElementsAre(taken_by_u1.name()));
  EXPECT_THAT(List(all, staff_u2_), ElementsAre());
  v1::AcceptServiceRequestRequest accept;
  accept.set_name(taken_by_u1.name());
  EXPECT_EQ(api().AcceptServiceRequest(Ctx(staff_u2_).get(), accept, &out).error_code(),
            grpc::StatusCode::NOT_FOUND);

  // Handing it to u2 makes it u2's too.
  v1::UpdateServiceRequestRequest update;
  update.mutable_service_request()->set_name(taken_by_u1.name());
  update.mutable_service_request()->set_handling_unit("units/u2");
  update.mutable_update_mask()->add_paths("handling_unit");
  ASSERT_TRUE(api().UpdateServiceRequest(Ctx(staff_u1_).get(), update, &out).ok());
  EXPECT_TRUE(api().GetServiceRequest(Ctx(staff_u2_).get(), get, &out).ok());
  v1::ListServiceRequestsRequest by_unit;
  by_unit.set_unit("units/u2");
  EXPECT_THAT(List(by_unit), ElementsAre(taken_by_u1.name()));
  v1::ListServiceRequestsRequest by_enterprise;
  by_enterprise.set_parent(enterprise_);
  EXPECT_THAT(List(by_enterprise, staff_u1_), UnorderedElementsAre(taken_by_u1.name()));
  by_enterprise.set_parent("enterprises/x");
  v1::ListServiceRequestsResponse resp;
  EXPECT_EQ(api().ListServiceRequests(Ctx().get(), by_enterprise, &resp).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace crm
