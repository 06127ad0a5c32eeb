// 密码强度: the meter under a new password (seed 001 法人注册 and the provincial forms show one).
// Only a hint to the user: whether a password is acceptable is PasswordPolicy's word
// (check_password in shared/), never this meter's.
#pragma once
#include <string_view>

#include "ui.h"

namespace uia::web {

enum class PasswordStrength { None, Weak, Medium, Strong };

// None for an empty password; Weak below the policy's length or with one kind of character;
// Strong from 12 characters with three kinds (or 10 with all four); Medium in between.
PasswordStrength RatePassword(std::string_view password);
const char* PasswordStrengthName(PasswordStrength s);  // 弱 / 中 / 强

// "密码强度：强" with a three-part bar under the field (role=status in the mirror); nothing
// while the password is empty.
void PasswordStrengthRow(const ui::Form& form, std::string_view password);

}  // namespace uia::web
