// 实名认证等级 (seed 002 四、個人空間: 初級、中級、高級實名認證): what each level means and how it
// is shown. 1: registered, not checked with the police service; 2: name + ID number checked
// (or imported from a system that had checked them); 3: face verified.
#pragma once
#include <string_view>

namespace uia::flows {

std::string_view real_name_level_label(int level);  // zh-CN, e.g. "三级实名"

}  // namespace uia::flows
