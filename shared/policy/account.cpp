#include "policy/account.h"

#include <string>

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
                       const PasswordPolicy& policy) {
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
  if (classes < policy.min_classes) return Verdict::fail(kCode, ErrorCode::PasswordClasses);
  if (policy.require_upper_and_lower && !(upper && lower_case))
    return Verdict::fail(kCode, ErrorCode::PasswordClasses);

  if (policy.reject_containing_account && !account.empty() &&
      lower(password).find(lower(account)) != std::string::npos)
    return Verdict::fail(kCode, ErrorCode::PasswordContainsAccount);
  if (policy.reject_common && is_common_password(password))
    return Verdict::fail(kCode, ErrorCode::PasswordCommon);
  return Verdict::pass();
}

}  // namespace uia
