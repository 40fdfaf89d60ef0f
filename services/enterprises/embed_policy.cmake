# Writes OUT: a C++ file defining crm::DefaultEnterprisePolicyText() (see
# screening.h) from the text-format policy IN, so that a server binary carries
# its default rules. Run as `cmake -DIN=<textproto> -DOUT=<cc> -P embed_policy.cmake`.
# OUT is rewritten only when its content changes (configure_file COPYONLY), so
# an unchanged policy does not recompile anything.
if(NOT DEFINED IN OR NOT DEFINED OUT)
  message(FATAL_ERROR "usage: cmake -DIN=<policy.textproto> -DOUT=<file.cc> -P embed_policy.cmake")
endif()
file(READ "${IN}" policy)
# The text goes into a raw string literal, which must not contain its own end.
string(FIND "${policy}" ")crm_policy\"" end_marker)
if(NOT end_marker EQUAL -1)
  message(FATAL_ERROR "${IN} contains `)crm_policy\"`, which would end the embedded string")
endif()
file(WRITE "${OUT}.tmp" "// Generated from services/enterprises/enterprise_policy.textproto by embed_policy.cmake. Do not edit.
#include \"services/enterprises/screening.h\"

namespace crm {

absl::string_view DefaultEnterprisePolicyText() {
  static constexpr absl::string_view kText = R\"crm_policy(${policy})crm_policy\";
  return kText;
}

}  // namespace crm
")
configure_file("${OUT}.tmp" "${OUT}" COPYONLY)
