# Writes OUT: a C++ file defining crm::BuiltInMigrations() from the .sql files
# in DIR, so that a server binary carries its own schema.
file(GLOB files "${DIR}/[0-9][0-9][0-9][0-9]_*.sql")
list(SORT files)
set(body "")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  string(SUBSTRING ${name} 0 4 version)
  math(EXPR version "${version}")  # strips leading zeros
  file(READ ${f} sql)
  string(APPEND body "      {${version}, \"${name}\", R\"crm_sql(${sql})crm_sql\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from storage/migrations by embed_migrations.cmake. Do not edit.
#include \"storage/migrations.h\"

namespace crm {

const std::vector<Migration>& BuiltInMigrations() {
  static const std::vector<Migration> migrations = {
${body}  };
  return migrations;
}

}  // namespace crm
")
configure_file(${OUT}.tmp ${OUT} COPYONLY)
