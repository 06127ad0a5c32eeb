// Phone, e-mail, account name and password rules, and validate_value / verdict_json on top.
#include <string>

#include "api/validate.h"
#include "fuzz_util.h"
#include "policy/account.h"
#include "policy/contact.h"

using namespace uia;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz::as_text(data, size);
  // Optional "account\npassword" split for the password-contains-account rule.
  std::string_view account;
  std::string_view password = in;
  if (const auto nl = in.find('\n'); nl != std::string_view::npos && nl < 32) {
    account = in.substr(0, nl);
    password = in.substr(nl + 1);
  }

  const Verdict phone = check_phone(in);
  fuzz::check_verdict(phone, ErrorCode::PhoneInvalid);
  if (phone.ok()) {
    FUZZ_CHECK(in.size() == 11 && in[0] == '1' && in[1] >= '3');
    for (char c : in) FUZZ_CHECK(fuzz::is_digit(c));
  }
  const std::string normalized = normalize_phone(in);
  FUZZ_CHECK(normalized.size() <= in.size());
  if (phone.ok()) FUZZ_CHECK(normalized == in);

  const Verdict email = check_email(in);
  fuzz::check_verdict(email, ErrorCode::EmailInvalid);
  if (email.ok()) {
    FUZZ_CHECK(in.size() <= 254);
    const auto at = in.find('@');
    FUZZ_CHECK(at != std::string_view::npos && at >= 1 && at <= 64);
    FUZZ_CHECK(in.find('@', at + 1) == std::string_view::npos);
    for (char c : in) FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F);
  }

  const Verdict acct = check_account_name(in);
  fuzz::check_verdict(acct, ErrorCode::AccountInvalid);
  if (acct.ok()) {
    FUZZ_CHECK(in.size() >= 6 && in.size() <= 20);
    FUZZ_CHECK((in[0] >= 'a' && in[0] <= 'z') || (in[0] >= 'A' && in[0] <= 'Z'));
  }

  PasswordPolicy strict;
  strict.min_classes = 3;
  strict.require_upper_and_lower = true;
  strict.max_length = 18;
  for (const PasswordPolicy& policy : {PasswordPolicy{}, strict}) {
    const Verdict pw = check_password(password, account, policy);
    fuzz::check_verdict(pw, ErrorCode::PasswordInvalid);
    if (pw.ok()) {
      FUZZ_CHECK(password.size() >= static_cast<std::size_t>(policy.min_length));
      FUZZ_CHECK(password.size() <= static_cast<std::size_t>(policy.max_length));
      for (char c : password) FUZZ_CHECK(c > 0x20 && c < 0x7F);
      FUZZ_CHECK(!is_common_password(password));
      // Passing with an account means passing without one.
      FUZZ_CHECK(check_password(password, {}, policy).ok());
    }
  }
  // Case-insensitive list: lower-casing never changes the answer.
  std::string lower(password);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  FUZZ_CHECK(is_common_password(lower) == is_common_password(password));

  // Every kind through the one entry point, and its JSON.
  for (const char* name : {"resident-id", "uscc", "phone", "account", "password",
                           "hk-macau-permit", "taiwan-permit", "passport", "foreign-permanent-id",
                           "email"}) {
    const auto kind = value_kind_from_name(name);
    FUZZ_CHECK(kind && value_kind_name(*kind) == name);
    for (std::string_view profile_name : builtin_profile_names()) {
      const Verdict v = validate_value(*kind, in, Date{2024, 6, 1}, *builtin_profile(profile_name));
      const std::string json = verdict_json(v);
      FUZZ_CHECK(json.size() > 2 && json.front() == '{' && json.back() == '}');
      FUZZ_CHECK(fuzz::is_valid_utf8(json));
    }
  }
  // json_quote: output is valid UTF-8 when the input is, and has no raw control characters.
  const std::string quoted = json_quote(in);
  FUZZ_CHECK(quoted.size() >= in.size() + 2);
  for (char c : quoted) FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20);
  if (fuzz::is_valid_utf8(in)) FUZZ_CHECK(fuzz::is_valid_utf8(quoted));
  return 0;
}
