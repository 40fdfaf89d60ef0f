// main() of every fault scenario binary:  SCENARIO_TEST SOURCE_DIR CRM_SERVER [gtest flags]

#include <gtest/gtest.h>

#include <cstdio>

#include "tests/faults/fault_harness.h"

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s SOURCE_DIR CRM_SERVER\n", argv[0]);
    return 2;
  }
  crm::testing::Paths().source_dir = argv[1];
  crm::testing::Paths().crm_server = argv[2];
  return RUN_ALL_TESTS();
}
