#include "policy/contact.h"

namespace uia {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool local_char(char c) {
  return is_letter(c) || is_digit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool label_ok(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  for (char c : label)
    if (!is_letter(c) && !is_digit(c) && c != '-') return false;
  return true;
}

}  // namespace

Verdict check_phone(std::string_view phone) {
  if (phone.empty()) return Verdict::fail(ErrorCode::PhoneInvalid, ErrorCode::PhoneEmpty);
  // ^1[3-9]\d{9}$
  if (phone.size() != 11 || phone[0] != '1' || phone[1] < '3' || phone[1] > '9')
    return Verdict::fail(ErrorCode::PhoneInvalid);
  for (char c : phone)
    if (!is_digit(c)) return Verdict::fail(ErrorCode::PhoneInvalid);
  return Verdict::pass();
}

std::string normalize_phone(std::string_view phone) {
  std::string out;
  out.reserve(phone.size());
  for (char c : phone)
    if (c != ' ' && c != '-' && c != '\t') out.push_back(c);
  for (std::string_view prefix : {"+86", "0086", "86"}) {
    if (out.size() == prefix.size() + 11 && std::string_view(out).substr(0, prefix.size()) == prefix)
      return out.substr(prefix.size());
  }
  return out;
}

Verdict check_email(std::string_view email) {
  const Verdict bad = Verdict::fail(ErrorCode::EmailInvalid);
  if (email.empty() || email.size() > 254) return bad;
  const auto at = email.find('@');
  if (at == std::string_view::npos) return bad;
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);

  if (local.empty() || local.size() > 64) return bad;
  if (local.front() == '.' || local.back() == '.') return bad;
  if (local.find("..") != std::string_view::npos) return bad;
  for (char c : local)
    if (!local_char(c)) return bad;

  // Domain: at least two labels; the last (TLD) letters only, 2 or more.
  if (domain.find('.') == std::string_view::npos) return bad;
  std::size_t start = 0;
  std::string_view last;
  while (true) {
    const auto dot = domain.find('.', start);
    const std::string_view label =
        domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (!label_ok(label)) return bad;
    last = label;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (last.size() < 2) return bad;
  for (char c : last)
    if (!is_letter(c)) return bad;
  return Verdict::pass();
}

Verdict check_postcode(std::string_view postcode) {
  if (postcode.size() != 6) return Verdict::fail(ErrorCode::PostcodeInvalid);
  for (char c : postcode)
    if (c < '0' || c > '9') return Verdict::fail(ErrorCode::PostcodeInvalid);
  return Verdict::pass();
}

}  // namespace uia
