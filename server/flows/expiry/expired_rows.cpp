#include "flows/expiry/expired_rows.h"

#include <algorithm>

#include <soci/soci.h>

#include "store/appeal_repository.h"

namespace uia::flows {
namespace {

long long deleted(soci::statement&& statement) {
  statement.execute(true);
  return statement.get_affected_rows();
}

}  // namespace

SweptRows sweep_expired_rows(app::Services& services) {
  const long long now = services.now_seconds();
  const long long day_ago = now - kCountedForADaySeconds;
  // A lock is read from the failures of the last window + lock period (login_throttle.cpp).
  const long long failures_read_since =
      now - std::max<long long>(kCountedForADaySeconds,
                                services.limits.login_failure_window_seconds + services.limits.login_lock_seconds);
  SweptRows swept;
  // One statement per table, each committed on its own: a sweep never holds many locks at once.
  services.db->with_session([&](soci::session& sql) {
    // An expired captcha can only be answered "expired", and so is a missing one.
    swept.captchas = deleted((sql.prepare << "DELETE FROM captchas WHERE expires_at < :now", soci::use(now)));
    swept.sms_codes = deleted((sql.prepare << "DELETE FROM sms_codes WHERE created_at < :since AND expires_at < :now",
                               soci::use(day_ago), soci::use(now)));
    swept.email_codes = deleted((sql.prepare << "DELETE FROM email_codes WHERE created_at < :since AND expires_at < :now",
                                 soci::use(day_ago), soci::use(now)));
    swept.login_failures =
        deleted((sql.prepare << "DELETE FROM login_failures WHERE failed_at < :since", soci::use(failures_read_since)));
    swept.qr_logins = deleted((sql.prepare << "DELETE FROM qr_logins WHERE expires_at < :since", soci::use(day_ago)));
  });
  // A draft goes with its materials, history and open keys at once (freeing its phone / USCC for
  // a new appeal); a bounded batch per pass, the rest next time.
  const store::AppealRepository appeals(*services.cipher);
  swept.appeal_drafts = services.db->transact([&](soci::session& sql) { return appeals.delete_expired_drafts(sql, now, 200); });
  return swept;
}

}  // namespace uia::flows
