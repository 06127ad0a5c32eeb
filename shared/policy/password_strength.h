// 密码强度: the meter under a new password (seed 001 法人注册 and the provincial forms show one).
// It is computed from the province's PasswordPolicy and is never kinder than the policy: a
// password check_password refuses is always 弱, so the meter and the server cannot disagree
// ("Abcdefgh" was 中 under a four-kinds count while Hubei's policy refuses it).
#pragma once
#include <string_view>

#include "policy/account.h"

namespace uia {

enum class PasswordStrength { None, Weak, Medium, Strong };

// None for an empty password. Weak whenever check_password(password, account, policy,
// person_name) refuses it. An accepted password is Strong when it goes beyond what the policy
// asks: four kinds of character (digit, lower case, upper case, symbol) and 2 characters over
// the minimum length, or three kinds and 4 over; Medium otherwise.
PasswordStrength rate_password(std::string_view password, const PasswordPolicy& policy,
                               std::string_view account = {}, std::string_view person_name = {});

// 弱 / 中 / 强; empty for None.
std::string_view password_strength_name(PasswordStrength strength);

}  // namespace uia
