// The platform's own ways of ending a sign-in session, as the OIDC provider sees them: a plain
// 退出登录 (DELETE /api/v1/sessions/current) and 下线 of a device from 登录设备
// (DELETE /api/v1/me/sessions/{id}) end the session exactly as before (flows::sign_out,
// flows::revoke_my_session), and so does 修改密码 for every session of the person
// (PUT /api/v1/me/password signs out everywhere) and 找回密码 (POST /api/v1/recovery/{id}/password,
// the same without a session); then every business system the session signed in to is told
// by back-channel logout and loses the tokens it got through that session, the same as
// RP-initiated logout (notify_session_end). Without this a person who signs out of the portal
// would stay signed in to every system they opened from it. 注销账号 (DELETE /api/v1/me) ends every
// session and withdraws every authorization (flows::delete_account); each session that still had
// live tokens is then told about the same way, so no business system keeps a deleted person
// signed in.
#pragma once
#include "app/services.h"
#include "flows/oidc/provider.h"
#include "http/api.h"

namespace uia::flows::oidc {

http::ApiResponse sign_out_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request);
http::ApiResponse revoke_my_session_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request);
http::ApiResponse finish_recovery_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request);
http::ApiResponse change_password_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request);
http::ApiResponse delete_account_and_notify(app::Services& services, const OidcCall& call, const http::ApiRequest& request);

// Notifies for every session of the person that has ended while token families it started are
// still live (whatever ended it); returns how many sessions that was.
int notify_ended_sessions(app::Services& services, const OidcCall& call, long long person_id, const std::string& client_ip);

}  // namespace uia::flows::oidc
