// Storage that anyone can fill without signing in stays bounded: captchas, SMS and e-mail codes,
// sign-in failures, QR-code logins and unsubmitted appeal drafts are deleted once nothing reads them any more. Run by a
// periodic task (limits.expiry_sweep_seconds, app/platform.cpp); each table is indexed on the
// time it is swept by (sql/*/0020_expiry_sweep.sql), so a pass costs what it deletes.
#pragma once
#include "app/services.h"

namespace uia::flows {

// Rows kept a day past expiry are still counted by the per-phone, per-address and per-day
// limits (sms_codes.cpp, email_codes.cpp) or answered as "expired" (qr_login.cpp).
constexpr long long kCountedForADaySeconds = 24 * 3600;

struct SweptRows {
  long long captchas = 0;
  long long sms_codes = 0;
  long long email_codes = 0;
  long long login_failures = 0;
  long long qr_logins = 0;
  long long appeal_drafts = 0;  // appeals never submitted within appeal_draft_hours, with their materials
};

// One pass at services' now. Safe alongside requests and on several nodes at once.
SweptRows sweep_expired_rows(app::Services& services);

}  // namespace uia::flows
