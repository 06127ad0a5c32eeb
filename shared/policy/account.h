// Account names and the password policy. The limits differ between provinces (see the
// province profile in ARCHITECTURE.md), so they are parameters with the seed-000 defaults.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "api/verdict.h"

namespace uia {

struct AccountNamePolicy {
  int min_length = 6;
  int max_length = 20;
  friend bool operator==(const AccountNamePolicy&, const AccountNamePolicy&) = default;
};
// Starts with a letter; letters, digits and underscore only.
Verdict check_account_name(std::string_view account, const AccountNamePolicy& policy = {});

struct PasswordPolicy {
  int min_length = 8;
  int max_length = 16;
  int min_classes = 2;           // of: digits, letters, symbols (printable ASCII punctuation)
  bool require_upper_and_lower = false;  // e.g. seed 001 (Hubei): upper, lower, digit, symbol
  bool reject_common = true;
  bool reject_containing_account = true;
  bool reject_name_pinyin = false;  // seed 003 (Hainan): 请勿将姓名拼音设为密码
  friend bool operator==(const PasswordPolicy&, const PasswordPolicy&) = default;
};
// `account` and `person_name` may be empty (then those checks are skipped). Comparison with the
// account is case-insensitive; `person_name` is the holder's name in Chinese characters, checked
// against its pinyin when the policy asks.
Verdict check_password(std::string_view password, std::string_view account,
                       const PasswordPolicy& policy = {}, std::string_view person_name = {});
// The rule as the pages state it beside the field: "8-16位数字、字母或符号至少2种的组合".
std::string password_rule_text(const PasswordPolicy& policy);
// True when the password (case-insensitive) is on the built-in common-password list.
bool is_common_password(std::string_view password);
// The built-in list itself (lower case, sorted), for tests and documentation.
std::size_t common_password_count();
std::string_view common_password_at(std::size_t index);  // empty when out of range

}  // namespace uia
