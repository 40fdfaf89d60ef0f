# R9's fuzz targets in the main (g++) build, included by tests/faults/CMakeLists.txt:
# - each target's kept corpus, run once through a plain main() (corpus_main.cc),
#   so every build exercises it without clang;
# - crm-fuzz-seeds, which writes the seed corpus (make_seeds.cc);
# - fuzz_validation: scripts/fuzz.sh builds the libFuzzer binaries with clang
#   (tests/faults/fuzz/CMakeLists.txt, a project of its own) and fuzzes each
#   target briefly. Skipped (77) where clang cannot build libFuzzer targets.
set(fuzz_dir ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)

add_library(crm_fuzz_support STATIC ${fuzz_dir}/fuzz_support.cc)
target_link_libraries(crm_fuzz_support PUBLIC crm_common crm_proto PRIVATE crm_warnings)

foreach(service leads enterprises projects dashboard admin)
  set(target ${service}_validation)
  add_executable(${target}_corpus ${fuzz_dir}/${target}_fuzz.cc ${fuzz_dir}/corpus_main.cc)
  target_link_libraries(${target}_corpus PRIVATE crm_fuzz_support crm_${service} crm_warnings)
  add_test(NAME fuzz_corpus_${target} COMMAND ${target}_corpus ${fuzz_dir}/corpus/${target})
endforeach()

add_executable(crm-fuzz-seeds ${fuzz_dir}/make_seeds.cc)
target_link_libraries(crm-fuzz-seeds PRIVATE crm_common crm_proto crm_warnings)

add_test(NAME fuzz_validation COMMAND ${CMAKE_SOURCE_DIR}/scripts/fuzz.sh all 10)
set_tests_properties(fuzz_validation PROPERTIES
  ENVIRONMENT "CRM_FUZZ_BUILD_DIR=${CMAKE_BINARY_DIR}/fuzz"
  SKIP_RETURN_CODE 77
  TIMEOUT 1200)
