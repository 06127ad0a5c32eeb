# The hanzi -> toneless pinyin table behind policy/name_pinyin.cpp (seed 003, Hainan).
# Generated at build time into the build directory, never committed, from Debian's
# golang-github-mozillazg-go-pinyin-dev (installed by tools/setup.sh; pinyin-data, MIT) by
# tools/gen_name_pinyin.py. Included by shared/CMakeLists.txt after add_library(uia_rules); works
# in both builds (under emcmake the generator still runs on the host's /usr/bin/python3).
set(UIA_PINYIN_DICT /usr/share/gocode/src/github.com/mozillazg/go-pinyin/pinyin_dict.go
    CACHE FILEPATH "go-pinyin's code point -> pinyin map (golang-github-mozillazg-go-pinyin-dev)")
set(UIA_PINYIN_PYTHON /usr/bin/python3 CACHE FILEPATH "Python 3 that runs tools/gen_name_pinyin.py")
# all: every character of the CJK Unified Ideographs block (20,902, about 47 KB of table);
# gb2312: only GB2312's 6,763 hanzi (about 19 KB), but names often use others (e.g. U+5586 zhe).
set(UIA_PINYIN_CHARSET all CACHE STRING "Characters in the name-pinyin table: all, gbk or gb2312")
set_property(CACHE UIA_PINYIN_CHARSET PROPERTY STRINGS all gbk gb2312)
if(NOT EXISTS ${UIA_PINYIN_DICT})
  message(FATAL_ERROR "${UIA_PINYIN_DICT} not found: run tools/setup.sh "
                      "(Debian package golang-github-mozillazg-go-pinyin-dev)")
endif()

get_filename_component(uia_pinyin_repo ${CMAKE_CURRENT_LIST_DIR}/../.. ABSOLUTE)
set(uia_pinyin_dir ${CMAKE_CURRENT_BINARY_DIR}/generated)
set(uia_pinyin_table ${uia_pinyin_dir}/name_pinyin_table.inc)
add_custom_command(
  OUTPUT ${uia_pinyin_table}
  COMMAND ${UIA_PINYIN_PYTHON} ${uia_pinyin_repo}/tools/gen_name_pinyin.py
          --dict ${UIA_PINYIN_DICT} --charset ${UIA_PINYIN_CHARSET} --out ${uia_pinyin_table}
  DEPENDS ${uia_pinyin_repo}/tools/gen_name_pinyin.py ${UIA_PINYIN_DICT}
  COMMENT "Generating the name-pinyin table (go-pinyin's pinyin_dict.go)"
  VERBATIM)
# Listed as a (header-only) source so uia_rules waits for it; name_pinyin.cpp includes it.
set_source_files_properties(${uia_pinyin_table} PROPERTIES HEADER_FILE_ONLY ON GENERATED ON)
target_sources(uia_rules PRIVATE ${uia_pinyin_table})
target_include_directories(uia_rules PRIVATE ${uia_pinyin_dir})
# The table's directory and target, for builds that compile shared/ sources on their own (fuzzers).
set(UIA_NAME_PINYIN_DIR ${uia_pinyin_dir} PARENT_SCOPE)
add_custom_target(uia_name_pinyin_table DEPENDS ${uia_pinyin_table})
