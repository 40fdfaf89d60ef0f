# Runs `buf lint` in PROTO_DIR; fails (does not skip) when BUF is not installed.
#   cmake -D BUF=<path to buf> -D PROTO_DIR=<proto root> -P buf_lint.cmake

if(NOT BUF OR NOT PROTO_DIR)
  message(FATAL_ERROR "usage: cmake -D BUF=<buf> -D PROTO_DIR=<dir> -P buf_lint.cmake")
endif()
if(NOT EXISTS "${BUF}")
  message(FATAL_ERROR "buf not found at ${BUF}: run scripts/install-deps.sh (it runs `npm ci`)")
endif()

execute_process(COMMAND "${BUF}" lint WORKING_DIRECTORY "${PROTO_DIR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "buf lint found problems in ${PROTO_DIR} (exit status: ${rc})")
endif()
message(STATUS "buf lint: clean")
