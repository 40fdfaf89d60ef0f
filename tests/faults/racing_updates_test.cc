// R5, racing updates: 50 calls carrying the same etag race to change one
// project. Exactly one may win; the other 49 must be ABORTED (stale etag), and
// the stored row must be the winner's write, with one audit row and, for a
// stage move, one history row.

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/barrier.h"
#include "absl/time/time.h"
#include "crm/v1/projects_service.grpc.pb.h"
#include "tests/faults/fault_harness.h"
#include "tests/integration/test_db.h"

namespace crm::testing {
namespace {

constexpr int kRacers = 50;

class RacingUpdatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = TestDatabase::Create();
    ASSERT_NE(db_, nullptr);
    server_ = std::make_unique<ServerProcess>(dir_.path(), DsnOf(db_->app_config()), DsnOf(db_->config()),
                                              std::vector<std::string>{"--migrate=false", "--pool_size=8"});
    ASSERT_TRUE(server_->Start());
    stub_ = v1::ProjectService::NewStub(server_->NewChannel());
    v1::CreateProjectRequest req;
    req.mutable_project()->set_display_name("竞争更新项目");
    req.mutable_project()->set_investor_name("某投资方");
    req.mutable_project()->set_industry(v1::INDUSTRY_SECTION_C);
    req.mutable_project()->set_unit("units/admin");
    req.mutable_project()->set_planned_investment_cny(1'500'000'000);
    grpc::Status s = stub_->CreateProject(ServerProcess::Context(absl::Seconds(10)).get(), req, &project_);
    ASSERT_TRUE(s.ok()) << s.error_message() << "\n" << server_->Log();
  }

  // Runs `call(i)` for every racer at once (released together by a barrier);
  // the codes, and the index of each OK racer.
  template <typename Call>
  std::pair<std::map<grpc::StatusCode, int>, std::vector<int>> Race(Call call) {
    std::vector<grpc::Status> statuses(kRacers);
    absl::Barrier start(kRacers);
    std::vector<std::thread> racers;
    for (int i = 0; i < kRacers; ++i) {
      racers.emplace_back([&, i] {
        start.Block();
        statuses[i] = call(i);
      });
    }
    for (std::thread& t : racers) t.join();
    std::map<grpc::StatusCode, int> codes;
    std::vector<int> winners;
    for (int i = 0; i < kRacers; ++i) {
      ++codes[statuses[i].error_code()];
      if (statuses[i].ok()) winners.push_back(i);
    }
    return {codes, winners};
  }

  std::string Count(const std::string& sql) { return db_->QueryOne(sql); }

  ScratchDir dir_{"racing_updates"};
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<v1::ProjectService::Stub> stub_;
  v1::Project project_;
};

TEST_F(RacingUpdatesTest, OneUpdateWinsAndTheOthersAreAborted) {
  std::vector<v1::Project> answers(kRacers);
  auto [codes, winners] = Race([&](int i) {
    v1::UpdateProjectRequest req;
    *req.mutable_project() = project_;
    req.mutable_project()->set_display_name(absl::StrCat("竞争更新项目 第", i, "位"));
    req.mutable_update_mask()->add_paths("display_name");
    return stub_->UpdateProject(ServerProcess::Context(absl::Seconds(20)).get(), req, &answers[i]);
  });
  EXPECT_EQ(codes[grpc::StatusCode::OK], 1);
  EXPECT_EQ(codes[grpc::StatusCode::ABORTED], kRacers - 1);
  ASSERT_EQ(winners.size(), 1u);
  const v1::Project& won = answers[winners[0]];
  v1::GetProjectRequest get;
  get.set_name(project_.name());
  v1::Project stored;
  ASSERT_TRUE(stub_->GetProject(ServerProcess::Context(absl::Seconds(10)).get(), get, &stored).ok());
  EXPECT_EQ(stored.display_name(), absl::StrCat("竞争更新项目 第", winners[0], "位"));
  EXPECT_EQ(stored.etag(), won.etag());
  EXPECT_EQ(stored.SerializeAsString(), won.SerializeAsString()) << "the stored row is the winner's write";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE method LIKE '%/UpdateProject'"), "1");
}

TEST_F(RacingUpdatesTest, OneStageMoveWinsAndTheOthersAreAborted) {
  std::vector<v1::Project> answers(kRacers);
  auto [codes, winners] = Race([&](int i) {
    v1::AdvanceProjectStageRequest req;
    req.set_name(project_.name());
    req.set_etag(project_.etag());
    req.set_to_stage(static_cast<v1::ProjectStage>(project_.stage() + 1));
    req.set_evidence_note(absl::StrCat("第", i, "位的证明"));
    return stub_->AdvanceProjectStage(ServerProcess::Context(absl::Seconds(20)).get(), req, &answers[i]);
  });
  EXPECT_EQ(codes[grpc::StatusCode::OK], 1);
  EXPECT_EQ(codes[grpc::StatusCode::ABORTED], kRacers - 1);
  ASSERT_EQ(winners.size(), 1u);
  v1::GetProjectRequest get;
  get.set_name(project_.name());
  v1::Project stored;
  ASSERT_TRUE(stub_->GetProject(ServerProcess::Context(absl::Seconds(10)).get(), get, &stored).ok());
  EXPECT_EQ(stored.SerializeAsString(), answers[winners[0]].SerializeAsString());
  EXPECT_EQ(stored.stage(), project_.stage() + 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE method LIKE '%/AdvanceProjectStage'"), "1");
  std::string moves = absl::StrCat("SELECT COUNT(*) FROM project_stage_history WHERE project_id = ",
                                   project_.name().substr(project_.name().find('/') + 1),
                                   " AND to_stage = ", project_.stage() + 1);
  EXPECT_EQ(Count(moves), "1");
  EXPECT_EQ(Count(absl::StrCat(moves, " AND note LIKE '%第", winners[0], "位的证明%'")), "1");
}

}  // namespace
}  // namespace crm::testing
