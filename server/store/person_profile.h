// 基本信息 as stored beside a person (person_profiles): what the personal centre's basic
// information holds. The rules for each field live in flows/profile/basic_info.h.
#pragma once
#include <optional>
#include <string>

namespace uia::store {

struct BasicInfo {
  std::optional<std::string> ethnicity;        // 民族
  std::optional<std::string> education;        // 学历
  std::optional<std::string> occupation;       // 职业 (GB/T 6565 major groups)
  std::optional<std::string> work_unit;        // 工作单位, free text
  std::optional<std::string> contact_address;  // 联系地址, free text
  std::optional<std::string> postcode;         // 邮政编码, 6 digits
};

}  // namespace uia::store
