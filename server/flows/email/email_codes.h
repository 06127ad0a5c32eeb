// One-time e-mail codes (seed 002 七、郵箱方式找回; binding an address in the personal centre):
// 6 digits, single use, at most 5 wrong tries, valid as long as SMS codes, stored as a keyed
// hash bound to address + purpose, in email_codes with the person and the sealed address they
// went to. Sending is limited like SMS (per address and per person: 1 a minute, N an hour, M a
// day; per client IP an hour), using the same configured numbers. Requires the mail port (Ports::mail).
#pragma once
#include <string>

#include <soci/session.h>

#include "api/error_code.h"
#include "app/services.h"

namespace uia::flows {

// Lower-cases and trims an address typed by a person, so one mailbox has one blind index.
std::string normalize_email(std::string_view email);

struct EmailSendResult {
  ErrorCode error = ErrorCode::Ok;  // Ok, MailUnavailable, EmailRateLimited, EmailSendFailed
  long long retry_after = 0;        // for EmailRateLimited
  int expires_in = 0;
  int resend_after = 0;
};

// Purposes: "verify_email" (binding a new address), "recover" (password recovery).
EmailSendResult send_email_code(app::Services& services, long long person_id, const std::string& email,
                                const std::string& purpose, const std::string& client_ip);

struct EmailCodeCheck {
  ErrorCode error = ErrorCode::Ok;  // Ok, EmailCodeInvalid, EmailCodeExpired
  std::string email;                // the address the code was sent to (on Ok)
};

// Checks the person's newest code for `purpose` and, when right, spends it (claimed with a
// conditional UPDATE so two racing requests cannot both use it). A wrong code counts a try;
// the caller commits its transaction on that path.
EmailCodeCheck consume_email_code(app::Services& services, soci::session& sql, long long person_id,
                                  const std::string& purpose, const std::string& code);

}  // namespace uia::flows
