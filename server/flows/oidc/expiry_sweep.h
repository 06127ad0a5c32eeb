// Expired authorization requests and codes leave the database as new ones are written: each
// write removes at most kSweepBatch of the oldest expired rows (indexed by expires_at), so the
// tables stay near their live size without a background job, and no request pays for a
// backlog at once. Codes stay a day past expiry: a code sent again later must still be
// recognised as reused, so that what it gave out is revoked (RFC 6749 §4.1.2).
#pragma once
#include <soci/session.h>

namespace uia::flows::oidc {

constexpr int kSweepBatch = 20;
constexpr long long kCodeRetentionSeconds = 24 * 3600;

// Authorization requests whose expires_at has passed. Returns how many went.
int sweep_expired_requests(soci::session& sql, long long now);
// Codes expired more than kCodeRetentionSeconds ago. Returns how many went.
int sweep_expired_codes(soci::session& sql, long long now);
// Used client assertions (private_key_jwt jtis) past their exp: an expired assertion is refused
// before its jti is looked at, so nothing can be replayed once its entry is gone.
int sweep_expired_assertions(soci::session& sql, long long now);

}  // namespace uia::flows::oidc
