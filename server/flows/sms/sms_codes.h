// One-time SMS codes: 6 digits, valid 5 minutes, single use, at most 5 wrong tries, stored as a
// keyed hash bound to phone + purpose. Sending is limited per phone (1 a minute, 3 an hour, 5 a
// day) and per client IP, and always needs a fresh graphic captcha.
#pragma once
#include <string>

#include "api/error_code.h"
#include "app/services.h"

namespace uia::flows {

bool is_sms_purpose(const std::string& purpose);

struct SmsRequest {
  std::string phone;
  std::string purpose;
  std::string captcha_id;
  std::string captcha_answer;
  std::string client_ip;
};

struct SmsRequestResult {
  ErrorCode error = ErrorCode::Ok;
  std::string field;
  long long retry_after = 0;  // for SmsRateLimited
  int expires_in = 0;
  int resend_after = 0;
};

// POST /api/v1/sms/codes: checks the phone, purpose and captcha, then send_sms_code.
SmsRequestResult request_sms_code(app::Services& services, const SmsRequest& request);
// Sends a code within the limits, without a captcha: for flows that send to a phone the platform
// already holds (recovery, deletion) after asking for a captcha at their own first step.
SmsRequestResult send_sms_code(app::Services& services, const std::string& phone, const std::string& purpose,
                               const std::string& client_ip);

enum class SmsCodeUse { CheckOnly, Consume };

// Counts a try against the newest unused code of phone + purpose without checking it: a flow
// whose later step failed on the person's own data (say, a name that does not match the ID
// number) spends a try, so one code cannot be used to probe an outside service endlessly.
void count_failed_use(app::Services& services, soci::session& sql, const std::string& phone, const std::string& purpose);

// Checks the newest code for phone + purpose: Ok, SmsCodeInvalid or SmsCodeExpired. A wrong code
// counts a try (the caller commits its transaction on that path: flows return errors, they do
// not throw). With Consume, a right code is spent; flows check first, do their other checks,
// and consume in the transaction that writes their result, so a later refusal (say, the ID is
// already registered) leaves the code usable.
ErrorCode verify_sms_code(app::Services& services, soci::session& sql, const std::string& phone,
                          const std::string& purpose, const std::string& code, SmsCodeUse use);

}  // namespace uia::flows
