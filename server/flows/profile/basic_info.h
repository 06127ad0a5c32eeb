// 基本信息 of the personal centre (seed 000 四、1 (2); seed 002 六、個人信息 "工作單位"; seed 003
// 联系地址): the pickers' fixed lists and the free-text limits, in one place so the REST
// answer (GET /api/v1/profile/options) and the validation cannot disagree.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/error_code.h"
#include "store/person_profile.h"

namespace uia::flows {

using store::BasicInfo;

constexpr std::size_t kWorkUnitMaxChars = 100;
constexpr std::size_t kContactAddressMaxChars = 200;

const std::vector<std::string_view>& ethnicity_options();   // the 56 nationalities + 其他
const std::vector<std::string_view>& education_options();
const std::vector<std::string_view>& occupation_options();
bool is_option(const std::vector<std::string_view>& options, std::string_view value);
// Six ASCII digits.

// {"ethnicity": [...], "education": [...], "occupation": [...], "limits": {...}}
nlohmann::json basic_info_options();

// Checks one named field of BasicInfo (already trimmed); Ok or the code to answer with.
ErrorCode check_basic_field(std::string_view field, const std::string& value);

}  // namespace uia::flows
