// QR-code login (扫码登录, seeds 000 "吉事办扫码登陆", 001 "鄂汇办 app 扫码登录", 003 "海易办扫码"):
// the desktop login page asks for a ticket and shows it as a QR code; the person's phone, already
// signed in (the web client in its mobile layout), opens the ticket, sees which device is asking
// and confirms; the desktop, polling, then gets its own session, once.
//
//   pending --phone scans--> scanned --same person confirms--> confirmed --desktop polls--> consumed
//      |                        |                                  |
//      +------------------------+---- phone cancels --> cancelled  |
//      +------------------------+---- 2 minutes pass --> expired --+
//
// Two secrets: the ticket travels in the QR code (anyone who sees the screen can read it), so it
// only lets a signed-in person scan/confirm/cancel; the poll token stays in the desktop page and
// is what collects the session. Both are stored as keyed hashes (blind index), never in clear.
//
// Routes:
//   POST /api/v1/qr-logins                    {"origin"} → 201 {ticket, poll_token, url, qr, expires_in, poll_interval}
//   GET  /api/v1/qr-logins/{ticket}?poll_token=...  desktop polling: 200 {status: pending|scanned (+ scanned_by)},
//        confirmed → 200 the sign-in answer of POST /api/v1/sessions (+ status), cookie included, exactly once;
//        410 QR_LOGIN_EXPIRED | QR_LOGIN_USED | QR_LOGIN_CANCELLED; 404 QR_LOGIN_NOT_FOUND (also a wrong poll token)
//   POST /api/v1/qr-logins/{ticket}/scan     signed-in phone: → 200 {status, requester: {client_ip, user_agent, requested_at}}
//   POST /api/v1/qr-logins/{ticket}/confirm  the person who scanned → 200 {status: "confirmed"}
//   POST /api/v1/qr-logins/{ticket}/cancel   the person who scanned, before the desktop collects → 200 {status: "cancelled"}
// Plain polling, not long-polling: a held request would occupy one of the few worker threads
// (Pistache 0.0.5 handlers here run to completion on the pool) for up to 20 s per waiting desktop.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

constexpr long long kQrLoginTtlSeconds = 120;
constexpr long long kQrLoginPollSeconds = 2;  // what the desktop is told to wait between polls
constexpr long long kQrLoginsPerIpPerMinute = 20;

http::ApiResponse create_qr_login(app::Services& services, const http::ApiRequest& request);
http::ApiResponse poll_qr_login(app::Services& services, const http::ApiRequest& request);
http::ApiResponse scan_qr_login(app::Services& services, const http::ApiRequest& request);
http::ApiResponse confirm_qr_login(app::Services& services, const http::ApiRequest& request);
http::ApiResponse cancel_qr_login(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
