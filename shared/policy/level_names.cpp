#include "policy/level_names.h"

namespace uia {

const char* real_name_level_name(int level) {
  switch (level) {
    case 1: return "一级实名";
    case 2: return "二级实名";
    case 3: return "三级实名";
    default: return "未实名";
  }
}

}  // namespace uia
