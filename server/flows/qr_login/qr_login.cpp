#include "flows/qr_login/qr_login.h"

#include <optional>

#include <soci/soci.h>

#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/login/person_session.h"
#include "flows/messages/messages.h"
#include "flows/qr_login/qr_code_image.h"
#include "flows/sessions/authenticate.h"
#include "http/json_fields.h"
#include "http/rfc3339.h"
#include "privacy/mask.h"
#include "store/person_repository.h"
#include "store/qr_login_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::QrLogin;
using store::QrLoginRepository;

constexpr const char* kTicketDomain = "qr_login_ticket";
constexpr const char* kPollDomain = "qr_login_poll";

// The QR login's refusals: catalogue codes with their HTTP status.
struct QrError {
  int status;
  ErrorCode code;
};
constexpr QrError kNotFound{404, ErrorCode::QrLoginNotFound};
constexpr QrError kExpired{410, ErrorCode::QrLoginExpired};
constexpr QrError kUsed{410, ErrorCode::QrLoginUsed};
constexpr QrError kCancelled{410, ErrorCode::QrLoginCancelled};
constexpr QrError kOtherPerson{403, ErrorCode::QrLoginOtherPerson};
constexpr QrError kNotScanned{409, ErrorCode::QrLoginNotScanned};
constexpr QrError kOriginInvalid{400, ErrorCode::QrLoginOriginInvalid};

ApiResponse refuse(const QrError& e, const char* field = nullptr) {
  return ApiResponse::error(e.status, e.code, field ? std::string_view(field) : std::string_view());
}

// Our own tokens are unpadded base64url; anything else is not a ticket and never reaches SQL.
bool looks_like_token(const std::string& text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

// "http(s)://host[:port]" and nothing more: where the page that asked is served, so the QR code
// holds a link a phone camera can open. Only the asker's own QR code depends on it.
bool is_origin(const std::string& text) {
  std::string rest;
  if (text.rfind("https://", 0) == 0) rest = text.substr(8);
  else if (text.rfind("http://", 0) == 0) rest = text.substr(7);
  else return false;
  if (rest.empty() || rest.size() > 200) return false;
  for (char c : rest)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
          c == ':' || c == '[' || c == ']'))
      return false;
  return true;
}

std::string target_of(const QrLogin& q) { return "qr_login:" + std::to_string(q.id); }

long long seconds_left(const QrLogin& q, long long now) { return q.expires_at > now ? q.expires_at - now : 0; }

bool is_open(const QrLogin& q) { return q.state == "pending" || q.state == "scanned" || q.state == "confirmed"; }

// Time runs out lazily: the first request that looks at an open ticket past its expiry records it.
void settle_expiry(soci::session& sql, const QrLoginRepository& repo, QrLogin& q, long long now) {
  if (is_open(q) && now >= q.expires_at && repo.finish(sql, q.id, "expired", now)) q.state = "expired";
}

// The answer for a ticket that is over, whoever asks.
std::optional<ApiResponse> finished_answer(const QrLogin& q) {
  if (q.state == "expired") return refuse(kExpired);
  if (q.state == "consumed") return refuse(kUsed);
  if (q.state == "cancelled") return refuse(kCancelled);
  return std::nullopt;
}

std::optional<QrLogin> find_ticket(app::Services& services, soci::session& sql, const http::ApiRequest& request) {
  const auto it = request.params.find("ticket");
  if (it == request.params.end() || !looks_like_token(it->second)) return std::nullopt;
  return QrLoginRepository().find_by_ticket(sql, (*services.blind_index)(kTicketDomain, it->second));
}

// The phone's side: a person's own, active session (not one acting for an enterprise).
struct Approver {
  ActiveSession session;
  store::Person person;
};
std::variant<Approver, ApiResponse> approver_of(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const ActiveSession& session = std::get<ActiveSession>(who);
  if (session.person_id == 0 || !session.acting.role.empty())
    return ApiResponse::error(401, ErrorCode::Unauthenticated);
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  auto person = services.db->with_session([&](soci::session& sql) { return persons.find_by_id(sql, session.person_id); });
  if (!person || person->status == store::PersonStatus::Deleted) return ApiResponse::error(401, ErrorCode::Unauthenticated);
  return Approver{session, *person};
}

// What the phone shows before the person confirms: which device is asking, from where, when.
nlohmann::json phone_view(const QrLogin& q, long long now) {
  return {{"status", q.state},
          {"requester",
           {{"client_ip", q.requester_ip},
            {"user_agent", q.requester_agent},
            {"requested_at", http::format_rfc3339(q.created_at)}}},
          {"expires_in", seconds_left(q, now)}};
}

void audit(soci::session& sql, long long now, const std::string& actor, const std::string& action, const QrLogin& q,
           const std::string& client_ip, const std::string& result, const std::string& detail) {
  record_audit(sql, now, {actor, action, target_of(q), client_ip, result, detail});
}

std::string person_actor(long long id) { return "person:" + std::to_string(id); }

// The phone's requests (scan, confirm, cancel) share their frame: who, which ticket, expiry.
template <typename Step>
ApiResponse phone_step(app::Services& services, const http::ApiRequest& request, Step&& step) {
  auto who = approver_of(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const Approver& approver = std::get<Approver>(who);
  const long long now = services.now_seconds();
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = find_ticket(services, sql, request);
    if (!found) return refuse(kNotFound);
    QrLogin& q = *found;
    settle_expiry(sql, QrLoginRepository(), q, now);
    if (auto over = finished_answer(q)) {
      audit(sql, now, person_actor(approver.person.id), "qr_login.refused", q, request.client_ip, "denied",
            q.state);
      return *over;
    }
    // Once someone has scanned, the ticket is theirs: nobody else may confirm or cancel it.
    if (q.person_id && *q.person_id != approver.person.id) {
      audit(sql, now, person_actor(approver.person.id), "qr_login.refused", q, request.client_ip, "denied",
            std::string(code_name(kOtherPerson.code)));
      return refuse(kOtherPerson);
    }
    return step(sql, q, approver, now);
  });
}

}  // namespace

ApiResponse create_qr_login(app::Services& services, const http::ApiRequest& request) {
  // {"origin": "https://host[:port]"}: where the asking page is served, so the QR code holds a
  // link a phone camera can open.
  if (!profile_lists(services.profile().login_methods, "qr")) return ApiResponse::error(400, ErrorCode::LoginMethodInvalid);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string origin = fields.required("origin");
  if (fields.failed()) return fields.error();
  if (!is_origin(origin)) return refuse(kOriginInvalid, "origin");
  const long long now = services.now_seconds();
  const std::string ticket = crypto::random_token(*services.random, 24);
  const std::string poll_token = crypto::random_token(*services.random, 32);
  const std::string link = "/#/qr?ticket=" + ticket;
  const std::string url = origin + link;
  const std::string qr = qr_code_png_data_url(url);
  if (qr.empty()) return ApiResponse::error(500, ErrorCode::InternalError);
  const QrLoginRepository repo;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    // Anonymous and cheap to ask for, so each address gets a few a minute (a page refreshes its
    // code every 2 minutes; 20 is plenty for an office behind one address).
    if (repo.created_from(sql, request.client_ip, now - 60) >= kQrLoginsPerIpPerMinute)
      return ApiResponse::error(429, ErrorCode::TooManyRequests).retry_after(60);
    store::NewQrLogin row{(*services.blind_index)(kTicketDomain, ticket), (*services.blind_index)(kPollDomain, poll_token),
                          now,
                          now + kQrLoginTtlSeconds,
                          request.client_ip.substr(0, 64),
                          request.user_agent.substr(0, 255)};
    const long long id = repo.insert(sql, row);
    record_audit(sql, now, {"anonymous", "qr_login.create", "qr_login:" + std::to_string(id), request.client_ip, "ok", ""});
    return ApiResponse::json(201, {{"ticket", ticket},
                                   {"poll_token", poll_token},
                                   {"url", url},
                                   {"link", link},
                                   {"qr", qr},
                                   {"expires_in", kQrLoginTtlSeconds},
                                   {"poll_interval", kQrLoginPollSeconds}});
  });
}

ApiResponse poll_qr_login(app::Services& services, const http::ApiRequest& request) {
  const std::string poll_token = request.query_value("poll_token");
  if (!looks_like_token(poll_token)) return refuse(kNotFound);
  const std::string poll_index = (*services.blind_index)(kPollDomain, poll_token);
  const long long now = services.now_seconds();
  const QrLoginRepository repo;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = find_ticket(services, sql, request);
    // A ticket read off the screen is not enough to collect the session: the poll token is.
    if (!found || found->poll_index != poll_index) return refuse(kNotFound);
    QrLogin& q = *found;
    settle_expiry(sql, repo, q, now);
    if (auto over = finished_answer(q)) return *over;
    if (q.state == "pending") return ApiResponse::json(200, {{"status", "pending"}, {"expires_in", seconds_left(q, now)}});
    store::PersonRepository persons(*services.cipher, *services.blind_index);
    const auto person = q.person_id ? persons.find_by_id(sql, *q.person_id) : std::nullopt;
    if (q.state == "scanned") {
      return ApiResponse::json(200, {{"status", "scanned"},
                                     {"scanned_by", {{"name", person ? mask_name(person->name) : ""}}},
                                     {"expires_in", seconds_left(q, now)}});
    }
    // confirmed: this request, and only this one, turns it into the desktop's session.
    if (!repo.claim(sql, q.id, now)) return refuse(kUsed);
    if (!person || person->status != store::PersonStatus::Active) {
      audit(sql, now, "anonymous", "session.login", q, request.client_ip, "denied", "ACCOUNT_NOT_ACTIVE");
      return ApiResponse::error(403, ErrorCode::AccountNotActive);
    }
    const std::string approver = "qr approver=session:" + std::to_string(q.approver_session_id.value_or(0)) +
                                 " approver_ip=" + q.approver_ip.value_or("");
    long long session_id = 0;
    ApiResponse out = issue_person_session(services, sql, *person, request, "qr", now, approver, &session_id);
    repo.attach_session(sql, q.id, session_id);
    // The person hears of every sign-in by QR code, with the device that was let in.
    post_message(sql, person->id,
                 {"qr_login", "扫码登录提醒",
                  "您的账号于" + http::format_rfc3339(now) + "通过手机扫码确认，在新设备登录（IP：" + request.client_ip +
                      "）。如非本人操作，请立即在个人中心退出该设备并修改密码。",
                  target_of(q),
                  {{"client_ip", request.client_ip}, {"user_agent", request.user_agent}, {"session_id", session_id}},
                  std::nullopt},
                 now);
    out.status = 200;
    out.body["status"] = "confirmed";
    return out;
  });
}

ApiResponse scan_qr_login(app::Services& services, const http::ApiRequest& request) {
  return phone_step(services, request, [&](soci::session& sql, QrLogin& q, const Approver& a, long long now) {
    if (q.state == "pending") {
      const store::QrApprover approver{a.person.id, a.session.id, request.client_ip.substr(0, 64),
                                       request.user_agent.substr(0, 255)};
      // Two phones at once: the compare-and-set lets one win; the other sees who did.
      if (!QrLoginRepository().mark_scanned(sql, q.id, approver, now))
        return refuse(kOtherPerson);
      q.state = "scanned";
      audit(sql, now, person_actor(a.person.id), "qr_login.scan", q, request.client_ip, "ok",
            "approver=session:" + std::to_string(a.session.id));
    }
    // Scanning again (a reload of the phone's page) shows the same question.
    return ApiResponse::json(200, phone_view(q, now));
  });
}

ApiResponse confirm_qr_login(app::Services& services, const http::ApiRequest& request) {
  return phone_step(services, request, [&](soci::session& sql, QrLogin& q, const Approver& a, long long now) {
    if (q.state == "pending") return refuse(kNotScanned);
    if (q.state == "scanned") {
      if (!QrLoginRepository().mark_confirmed(sql, q.id, a.person.id, now))
        return refuse(kNotScanned);
      q.state = "confirmed";
      audit(sql, now, person_actor(a.person.id), "qr_login.confirm", q, request.client_ip, "ok",
            "approver=session:" + std::to_string(a.session.id) + " requester_ip=" + q.requester_ip);
    }
    return ApiResponse::json(200, phone_view(q, now));
  });
}

ApiResponse cancel_qr_login(app::Services& services, const http::ApiRequest& request) {
  return phone_step(services, request, [&](soci::session& sql, QrLogin& q, const Approver& a, long long now) {
    if (q.state == "pending") return refuse(kNotScanned);
    if (!QrLoginRepository().finish(sql, q.id, "cancelled", now)) return refuse(kUsed);
    q.state = "cancelled";
    audit(sql, now, person_actor(a.person.id), "qr_login.cancel", q, request.client_ip, "ok",
          "approver=session:" + std::to_string(a.session.id));
    return ApiResponse::json(200, phone_view(q, now));
  });
}

}  // namespace uia::flows
