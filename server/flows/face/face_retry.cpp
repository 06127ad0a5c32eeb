#include "flows/face/face_retry.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/login/login_throttle.h"
#include "flows/login/sign_in_identifier.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "store/key_lock.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Person;
using store::PersonStatus;

constexpr long long kDay = 24 * 60 * 60;

// Seconds until another check is allowed, 0 when one is allowed now.
long long retry_wait(const app::Services& services, soci::session& sql, long long person_id, long long now) {
  const long long since = now - kDay;
  long long count = 0, oldest = 0;
  soci::indicator oldest_i = soci::i_null;
  sql << "SELECT COUNT(*), MIN(created_at) FROM face_checks WHERE person_id = :p AND purpose = 'register' "
         "AND created_at > :since",
      soci::use(person_id), soci::use(since), soci::into(count), soci::into(oldest, oldest_i);
  if (count < services.limits.face_checks_per_day) return 0;
  return std::max<long long>(1, (oldest_i == soci::i_ok ? oldest : now) + kDay - now);
}

}  // namespace

ApiResponse retry_face_check(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string identifier = fields.required("identifier");
  const std::string password = fields.required("password");
  const std::string captcha_id = fields.required("captcha_id");
  const std::string captcha_answer = fields.required("captcha_answer");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  // The sign-in's subject key: guesses here and at sign-in share one lock.
  const std::string subject = (*services.blind_index)("login", normalize_document_number(identifier));
  store::PersonRepository persons(*services.cipher, *services.blind_index);

  struct Gate {
    std::optional<ApiResponse> refusal;
    std::optional<Person> person;
    long long attempt = 0;
  };
  // The IP throttle and the captcha, then the identifier's turn under its key lock.
  Gate gate;
  gate.refusal = throttle_and_captcha(services, request.client_ip, captcha_id, captcha_answer, now);
  if (!gate.refusal) {
    Turn turn = take_turn(services, subject, request.client_ip, now);
    gate.refusal = std::move(turn.refusal);
    gate.attempt = turn.attempt;
    if (!gate.refusal)
      gate.person = services.db->with_session([&](soci::session& sql) { return find_by_identifier(sql, persons, identifier, services.profile()); });
  }
  if (gate.refusal) return *gate.refusal;

  static const std::string kDecoyHash = services.passwords->hash("decoy-password-for-timing");
  const bool known = gate.person && gate.person->password_hash && gate.person->status != PersonStatus::Deleted;
  const bool password_ok = services.passwords->verify(known ? *gate.person->password_hash : kDecoyHash, password) && known;
  if (!password_ok) {
    return services.db->transact([&](soci::session& sql) -> ApiResponse {
      record_audit(sql, now, {"anonymous", "face.retry", "", request.client_ip, "denied", "CREDENTIALS_INVALID"});
      if (long long wait = count_failure(services, sql, subject, gate.attempt, now); wait > 0) return locked_answer(wait);
      return ApiResponse::error(401, ErrorCode::CredentialsInvalid);
    });
  }
  const Person& person = *gate.person;
  const std::string actor = "person:" + std::to_string(person.id);
  // The right password is no failure, whatever comes next.
  services.db->with_session([&](soci::session& sql) { forgive_attempt(sql, gate.attempt); });
  if (person.status != PersonStatus::PendingFace) {
    ApiResponse out = ApiResponse::error(409, ErrorCode::FaceCheckNotNeeded);
    out.body["error"]["status"] = store::status_name(person.status);
    return out;
  }
  const long long wait = services.db->with_session([&](soci::session& sql) { return retry_wait(services, sql, person.id, now); });
  if (wait > 0) {
    services.db->transact([&](soci::session& sql) {
      record_audit(sql, now, {actor, "face.retry", actor, request.client_ip, "denied", "FACE_RETRY_LIMITED"});
    });
    return ApiResponse::error(429, ErrorCode::FaceRetryLimited).retry_after(wait);
  }

  // The face service is called outside the transaction (it is a network call).
  const ports::FaceTicket face = services.ports.face->start({person.name, person.id_number, "register"});
  if (!face.ok) return ApiResponse::error(503, ErrorCode::ServiceBusy);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    // Counted again under the person's key lock (store/key_lock.h; SQLite's write lock alone
    // would do, MySQL's plain reads take no lock): parallel retries cannot pass the limit together.
    store::lock_key(sql, services.db->backend(), "face_retry:" + std::to_string(person.id), now);
    if (long long again = retry_wait(services, sql, person.id, now); again > 0)
      return ApiResponse::error(429, ErrorCode::FaceRetryLimited).retry_after(again);
    sql << "UPDATE face_checks SET status = 'superseded', completed_at = :now WHERE person_id = :p AND status = 'pending'",
        soci::use(now), soci::use(person.id);
    const long long expires_at = now + services.limits.face_ticket_ttl_seconds;
    sql << "INSERT INTO face_checks (ticket, person_id, purpose, status, created_at, expires_at) "
           "VALUES (:t, :p, 'register', 'pending', :c, :e)",
        soci::use(face.ticket), soci::use(person.id), soci::use(now), soci::use(expires_at);
    record_audit(sql, now, {actor, "face.retry", actor, request.client_ip, "ok", ""});
    return ApiResponse::json(201, {{"face_ticket", face.ticket},
                                   {"face_url", face.start_url},
                                   {"expires_in", services.limits.face_ticket_ttl_seconds}});
  });
}

}  // namespace uia::flows
