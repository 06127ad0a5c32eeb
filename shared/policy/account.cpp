#include "policy/account.h"

#include <string>

#include "policy/name_pinyin.h"

namespace uia {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = to_lower(c);
  return r;
}

}  // namespace

Verdict check_account_name(std::string_view account, const AccountNamePolicy& policy) {
  constexpr ErrorCode kCode = ErrorCode::AccountInvalid;
  if (account.empty()) return Verdict::fail(kCode, ErrorCode::AccountEmpty);
  // Any non-ASCII byte is a forbidden character, whatever the length says.
  for (char c : account)
    if (static_cast<unsigned char>(c) >= 0x80) return Verdict::fail(kCode, ErrorCode::AccountCharacters);
  const auto n = static_cast<long>(account.size());
  if (n < policy.min_length || n > policy.max_length)
    return Verdict::fail(kCode, ErrorCode::AccountLength);
  if (!is_letter(account[0])) return Verdict::fail(kCode, ErrorCode::AccountFirstLetter);
  for (char c : account)
    if (!is_letter(c) && !is_digit(c) && c != '_')
      return Verdict::fail(kCode, ErrorCode::AccountCharacters);
  return Verdict::pass();
}

Verdict check_password(std::string_view password, std::string_view account,
                       const PasswordPolicy& policy, std::string_view person_name) {
  constexpr ErrorCode kCode = ErrorCode::PasswordInvalid;
  if (password.empty()) return Verdict::fail(kCode, ErrorCode::PasswordEmpty);
  // Printable ASCII without the space: '!' (0x21) .. '~' (0x7E).
  for (char c : password)
    if (c < 0x21 || c > 0x7E) return Verdict::fail(kCode, ErrorCode::PasswordCharacters);
  const auto n = static_cast<long>(password.size());
  if (n < policy.min_length || n > policy.max_length)
    return Verdict::fail(kCode, ErrorCode::PasswordLength);

  bool digit = false, letter = false, symbol = false, upper = false, lower_case = false;
  for (char c : password) {
    if (is_digit(c)) {
      digit = true;
    } else if (is_letter(c)) {
      letter = true;
      if (c >= 'A' && c <= 'Z') upper = true; else lower_case = true;
    } else {
      symbol = true;  // every other printable ASCII character is punctuation
    }
  }
  const int classes = int{digit} + int{letter} + int{symbol};
  if (classes < policy.min_classes)
    return Verdict::fail(kCode, policy.min_classes >= 3 ? ErrorCode::PasswordAllClasses : ErrorCode::PasswordClasses);
  if (policy.require_upper_and_lower && !(upper && lower_case))
    return Verdict::fail(kCode, ErrorCode::PasswordUpperLower);

  if (policy.reject_containing_account && !account.empty() &&
      lower(password).find(lower(account)) != std::string::npos)
    return Verdict::fail(kCode, ErrorCode::PasswordContainsAccount);
  if (policy.reject_name_pinyin && contains_name_pinyin(password, person_name))
    return Verdict::fail(kCode, ErrorCode::PasswordNamePinyin);
  if (policy.reject_common && is_common_password(password))
    return Verdict::fail(kCode, ErrorCode::PasswordCommon);
  return Verdict::pass();
}

std::string password_rule_text(const PasswordPolicy& policy) {
  std::string text = std::to_string(policy.min_length) + "-" + std::to_string(policy.max_length) + "位";
  if (policy.require_upper_and_lower)
    text += policy.min_classes >= 3 ? "，须包含大写字母、小写字母、数字和符号" : "，须包含大写字母和小写字母";
  else if (policy.min_classes >= 3)
    text += "数字、字母和符号的组合";
  else if (policy.min_classes == 2)
    text += "数字、字母或符号至少2种的组合";
  else
    text += "字符";
  if (policy.reject_name_pinyin) text += "，请勿将姓名拼音设为密码";
  return text;
}

}  // namespace uia
