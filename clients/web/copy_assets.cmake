# Copies the dashboard page's files (every file in PAGE_DIR) and ECharts into
# DEST (cmake -P; see CMakeLists.txt). Fails when ECharts has not been fetched
# from npm.
if(NOT EXISTS "${ECHARTS}")
  message(FATAL_ERROR "crm-web: ${ECHARTS} is missing: run scripts/install-deps.sh "
                      "(it runs `npm ci`, which fetches echarts as package-lock.json says)")
endif()
file(GLOB page_files LIST_DIRECTORIES false "${PAGE_DIR}/*")
file(MAKE_DIRECTORY "${DEST}")
foreach(f ${page_files} "${ECHARTS}")
  get_filename_component(name "${f}" NAME)
  file(COPY_FILE "${f}" "${DEST}/${name}" ONLY_IF_DIFFERENT)
endforeach()
