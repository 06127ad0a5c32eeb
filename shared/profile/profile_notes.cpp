#include "profile/profile_notes.h"

namespace uia {

std::string login_name_note(const Profile& profile) {
  if (profile.account_mode == "id_number") return "您的证件号码即为登录名，注册后无法自行修改。";
  if (profile.account_mode == "none") return "无需设置用户账号，注册后可使用手机号码或证件号码登录。";
  return {};
}

}  // namespace uia
