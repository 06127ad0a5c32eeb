#include "flows/profile/real_name_level.h"

namespace uia::flows {

std::string_view real_name_level_label(int level) {
  switch (level) {
    case 1: return "初级实名认证";
    case 2: return "中级实名认证";
    case 3: return "高级实名认证";
    default: return "未实名认证";
  }
}

}  // namespace uia::flows
