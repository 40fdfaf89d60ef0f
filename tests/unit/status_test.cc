#include <gtest/gtest.h>

#include "base/field_violations.h"
#include "base/resource_name.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "services/common/grpc_status.h"
#include "storage/sql_error.h"

namespace crm {
namespace {

TEST(GrpcStatusTest, CarriesFieldViolationsAsBadRequestDetails) {
  FieldViolations v;
  v.Add("lead.uscc", "check character should be 'A'");
  v.Add("lead.company_name", "is required");
  grpc::Status s = ToGrpcStatus(v.ToStatus());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "lead.uscc: check character should be 'A'; lead.company_name: is required");
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(s.error_details()));
  EXPECT_EQ(details.code(), 3);
  ASSERT_EQ(details.details_size(), 1);
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad_request));
  ASSERT_EQ(bad_request.field_violations_size(), 2);
  EXPECT_EQ(bad_request.field_violations(0).field(), "lead.uscc");
  EXPECT_EQ(bad_request.field_violations(1).description(), "is required");
}

TEST(GrpcStatusTest, KeepsCodeAndMessage) {
  grpc::Status s = ToGrpcStatus(absl::AbortedError("etag 3 is stale"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(s.error_message(), "etag 3 is stale");
  EXPECT_TRUE(s.error_details().empty());
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
}

TEST(GrpcStatusTest, HidesInternalDetails) {
  grpc::Status s = ToGrpcStatus(absl::InternalError("MySQL error 1054: Unknown column 'x'"));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(s.error_message().find("MySQL"), std::string::npos);
}

TEST(SqlErrorTest, MapsEachClassOnce) {
  auto code = [](int errno_value) {
    return StatusFromSqlError(sql::SQLException("x", "HY000", errno_value)).code();
  };
  EXPECT_EQ(code(1062), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(code(1213), absl::StatusCode::kAborted);
  EXPECT_EQ(code(1205), absl::StatusCode::kAborted);
  EXPECT_EQ(code(1317), absl::StatusCode::kAborted);  // KILL QUERY
  EXPECT_EQ(code(2006), absl::StatusCode::kUnavailable);
  EXPECT_EQ(code(2013), absl::StatusCode::kUnavailable);
  EXPECT_EQ(code(1927), absl::StatusCode::kUnavailable);
  EXPECT_EQ(code(1969), absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(code(1054), absl::StatusCode::kInternal);
  EXPECT_TRUE(IsConnectionError(sql::SQLException("x", "HY000", 2013)));
  EXPECT_FALSE(IsConnectionError(sql::SQLException("x", "HY000", 1062)));
}

TEST(ResourceNameTest, ParsesIdsAndRefusesOtherForms) {
  EXPECT_EQ(*ParseResourceId("leads/42", "leads", "name"), 42);
  for (const char* bad : {"", "leads/", "leads/0", "leads/-1", "leads/4x", "projects/4", "leads/42/x",
                          "leads/12345678901234567890"}) {
    absl::Status s = ParseResourceId(bad, "leads", "name").status();
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << bad;
    ASSERT_EQ(ViolationsOf(s).size(), 1u);
    EXPECT_EQ(ViolationsOf(s)[0].field, "name");
  }
  EXPECT_EQ(PrincipalId("users/alice-1", "users"), "alice-1");
  EXPECT_EQ(PrincipalId("users/Alice", "users"), "");
  EXPECT_EQ(PrincipalId("units/a", "users"), "");
}

TEST(ResourceNameTest, RecognisesUuids) {
  EXPECT_TRUE(IsUuid("123e4567-e89b-12d3-a456-426614174000"));
  EXPECT_FALSE(IsUuid("123e4567e89b12d3a456426614174000"));
  EXPECT_FALSE(IsUuid("123e4567-e89b-12d3-a456-42661417400g"));
}

}  // namespace
}  // namespace crm
