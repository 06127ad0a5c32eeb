// 密码强度: the meter under a new password. The grade is shared/policy/password_strength.h's,
// computed from the province's PasswordPolicy, so a password the server refuses reads 弱.
#pragma once
#include <string_view>

#include "policy/password_strength.h"
#include "ui.h"

namespace uia::web {

// "密码强度：强" with a three-part bar under the field (role=status in the mirror); nothing
// while the password is empty. `account` and `person_name` as check_password takes them.
void PasswordStrengthRow(const ui::Form& form, std::string_view password, const PasswordPolicy& policy,
                         std::string_view account = {}, std::string_view person_name = {});

}  // namespace uia::web
