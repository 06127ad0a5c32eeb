#include "flows/back_office/staff_sign_in.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/back_office/staff_auth.h"
#include "flows/back_office/staff_sessions.h"
#include "flows/login/login_throttle.h"
#include "http/json_fields.h"
#include "store/staff_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Staff;

nlohmann::json staff_json(const Staff& staff) {
  return {{"id", staff.id}, {"username", staff.username}, {"roles", staff.roles}};
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

ApiResponse staff_sign_in(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body, 128);
  const std::string username = lower(fields.required("username"));
  const std::string password = fields.required("password");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  // "staff_login", not "login": a staff name and a person's identifier never share a lock.
  const std::string subject = (*services.blind_index)("staff_login", username);
  store::StaffRepository staff_members;

  struct Gate {
    std::optional<ApiResponse> refusal;
    std::optional<Staff> staff;
    long long attempt = 0;
  };
  // The IP throttle, then the name's turn under its key lock (login_throttle.h).
  Gate gate;
  const bool throttled = services.db->with_session([&](soci::session& sql) {
    return ip_failures_last_minute(sql, request.client_ip, now) >= services.limits.login_per_ip_per_minute;
  });
  if (throttled) {
    gate.refusal = ApiResponse::error(429, ErrorCode::TooManyRequests);
    gate.refusal->retry_after(60);
  } else {
    Turn turn = take_turn(services, subject, request.client_ip, now);
    gate.refusal = std::move(turn.refusal);
    gate.attempt = turn.attempt;
    if (!gate.refusal)
      gate.staff = services.db->with_session([&](soci::session& sql) { return staff_members.find_by_username(sql, username); });
  }
  if (gate.refusal) {
    services.db->with_session([&](soci::session& sql) {
      record_audit(sql, now, {"anonymous", "staff.login", "", request.client_ip, "denied",
                              gate.refusal->body["error"].value("code", "")});
    });
    return *gate.refusal;
  }

  // Hash even when nobody matched, so the answer takes as long either way.
  static const std::string kDecoyHash = services.passwords->hash("decoy-password-for-timing");
  const bool known = gate.staff && gate.staff->status == "active";
  const bool password_ok =
      services.passwords->verify(known ? gate.staff->password_hash : kDecoyHash, password) && known;

  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (!password_ok) {
      const std::string target = gate.staff ? "staff:" + std::to_string(gate.staff->id) : "";
      record_audit(sql, now, {"anonymous", "staff.login", target, request.client_ip, "denied", "CREDENTIALS_INVALID"});
      if (long long wait = count_failure(services, sql, subject, gate.attempt, now); wait > 0) return locked_answer(wait);
      return ApiResponse::error(401, ErrorCode::CredentialsInvalid);
    }
    const Staff& staff = *gate.staff;
    clear_failures(services, sql, subject, gate.attempt, now);
    const NewStaffSession session = create_staff_session(services, sql, staff.id, request.client_ip, request.user_agent);
    record_audit(sql, now, {"staff:" + std::to_string(staff.id), "staff.login",
                            "staff_session:" + std::to_string(session.id), request.client_ip, "ok", ""});
    return ApiResponse::json(201, {{"token", session.token}, {"expires_in", session.expires_in}, {"staff", staff_json(staff)}});
  });
}

ApiResponse staff_sign_out(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  const long long now = services.now_seconds();
  services.db->transact([&](soci::session& sql) {
    revoke_staff_session(services, sql, staff.session_id);
    record_audit(sql, now, {staff.actor(), "staff.logout", "staff_session:" + std::to_string(staff.session_id),
                            request.client_ip, "ok", ""});
  });
  return ApiResponse::no_content();
}

}  // namespace uia::flows
