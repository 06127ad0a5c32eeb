#include "policy/password_strength.h"

namespace uia {

PasswordStrength rate_password(std::string_view password, const PasswordPolicy& policy, std::string_view account,
                               std::string_view person_name) {
  if (password.empty()) return PasswordStrength::None;
  if (!check_password(password, account, policy, person_name).ok()) return PasswordStrength::Weak;
  bool digit = false, lower = false, upper = false, symbol = false;
  for (char c : password) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c >= 'a' && c <= 'z') lower = true;
    else if (c >= 'A' && c <= 'Z') upper = true;
    else symbol = true;  // check_password admits printable ASCII only
  }
  const int kinds = int{digit} + int{lower} + int{upper} + int{symbol};
  const int over = static_cast<int>(password.size()) - policy.min_length;
  if ((kinds == 4 && over >= 2) || (kinds >= 3 && over >= 4)) return PasswordStrength::Strong;
  return PasswordStrength::Medium;
}

std::string_view password_strength_name(PasswordStrength strength) {
  switch (strength) {
    case PasswordStrength::Weak: return "弱";
    case PasswordStrength::Medium: return "中";
    case PasswordStrength::Strong: return "强";
    case PasswordStrength::None: break;
  }
  return {};
}

}  // namespace uia
