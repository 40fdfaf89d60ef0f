# Writes OUT: a C++ file defining `absl::string_view crm::FUNCTION()` (declared
# in HEADER) that returns the text of IN, so that a binary carries its default
# rules (the text-format policies). Run as
#   cmake -DIN=<file> -DOUT=<cc> -DHEADER=<include path> -DFUNCTION=<name> -P embed_text.cmake
# OUT is rewritten only when its content changes (configure_file COPYONLY), so
# an unchanged file does not recompile anything.
foreach(arg OUT HEADER FUNCTION IN)  # (not IN first: foreach would read it as a keyword)
  if(NOT DEFINED ${arg})
    message(FATAL_ERROR "usage: cmake -DIN=<file> -DOUT=<file.cc> -DHEADER=<h> -DFUNCTION=<name> -P embed_text.cmake")
  endif()
endforeach()
file(READ "${IN}" text)
# The text goes into a raw string literal, which must not contain its own end.
string(FIND "${text}" ")crm_text\"" end_marker)
if(NOT end_marker EQUAL -1)
  message(FATAL_ERROR "${IN} contains `)crm_text\"`, which would end the embedded string")
endif()
get_filename_component(source "${IN}" NAME)
file(WRITE "${OUT}.tmp" "// Generated from ${source} by cmake/embed_text.cmake. Do not edit.
#include \"${HEADER}\"

namespace crm {

absl::string_view ${FUNCTION}() {
  static constexpr absl::string_view kText = R\"crm_text(${text})crm_text\";
  return kText;
}

}  // namespace crm
")
configure_file("${OUT}.tmp" "${OUT}" COPYONLY)
