#include "flows/login/login.h"

#include <soci/soci.h>

#include "flows/activation/activation.h"
#include "flows/audit/audit_log.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/sessions/session_store.h"
#include "flows/sms/sms_codes.h"
#include "http/json_fields.h"
#include "ids/documents.h"
#include "policy/contact.h"
#include "privacy/mask.h"
#include "store/key_lock.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Person;
using store::PersonStatus;

// Account names, phones and document numbers share one login box (seed 000: 账号/手机号/身份证号).
std::optional<Person> find_by_identifier(soci::session& sql, const store::PersonRepository& persons,
                                         const std::string& identifier) {
  if (check_phone(identifier).ok()) {
    if (auto p = persons.find_by_phone(sql, identifier)) return p;
  }
  if (auto p = persons.find_by_account(sql, identifier)) return p;
  return persons.find_by_any_id_number(sql, normalize_document_number(identifier));
}

// Seconds until the identifier unlocks, 0 when it is not locked.
long long locked_for(const app::Services& services, soci::session& sql, const std::string& subject, long long now) {
  const auto& limits = services.limits;
  std::vector<long long> times(static_cast<std::size_t>(limits.login_max_failures));
  // SOCI binds by reference, and the statement runs after this line: no temporaries.
  const long long since = now - limits.login_failure_window_seconds - limits.login_lock_seconds;
  soci::statement st = (sql.prepare << "SELECT failed_at FROM login_failures WHERE subject_key = :s AND failed_at > :since "
                                       "ORDER BY failed_at DESC",
                        soci::use(subject), soci::use(since), soci::into(times));
  st.execute(true);
  if (static_cast<int>(times.size()) < limits.login_max_failures) return 0;
  // The newest `max` failures fall within the window: locked from the newest for lock_seconds.
  const long long newest = times.front();
  const long long oldest_of_run = times[static_cast<std::size_t>(limits.login_max_failures) - 1];
  if (newest - oldest_of_run > limits.login_failure_window_seconds) return 0;
  return std::max<long long>(0, newest + limits.login_lock_seconds - now);
}

long long ip_failures_last_minute(soci::session& sql, const std::string& ip, long long now) {
  long long count = 0;
  const long long since = now - 60;
  sql << "SELECT COUNT(*) FROM login_failures WHERE client_ip = :ip AND failed_at > :since", soci::use(ip),
      soci::use(since), soci::into(count);
  return count;
}

// An attempt is counted as a failure *before* its password is checked, inside a transaction that
// holds the identifier's key lock: attempts on one identifier count and write one at a time, so
// of any number of concurrent guesses at most `max` get a password check. (Counting without the
// lock let 12 of 16 parallel guesses through; counting "everyone else" after inserting made all
// 16 refuse each other on MariaDB and delete their rows, which lifted the lock entirely.)
// Returns the attempt's row id, or 0 when the identifier has no attempts left.
long long admit_attempt(const app::Services& services, soci::session& sql, const std::string& subject,
                        const std::string& ip, long long now) {
  const long long since = now - services.limits.login_failure_window_seconds;
  long long failures = 0;
  sql << "SELECT COUNT(*) FROM login_failures WHERE subject_key = :s AND failed_at > :since", soci::use(subject),
      soci::use(since), soci::into(failures);
  if (failures >= services.limits.login_max_failures) return 0;
  sql << "INSERT INTO login_failures (subject_key, client_ip, failed_at) VALUES (:s, :ip, :t)", soci::use(subject),
      soci::use(ip), soci::use(now);
  long long id = 0;
  sql.get_last_insert_id("login_failures", id);
  return id;
}

ApiResponse locked_answer(long long wait) {
  ApiResponse locked = ApiResponse::error(423, ErrorCode::AccountLocked);
  locked.retry_after(wait);
  return locked;
}

ApiResponse signed_in(app::Services& services, soci::session& sql, const Person& person,
                      const http::ApiRequest& request, const std::string& method, long long now) {
  const NewSession session = create_session(services, sql, person.id, request.client_ip, request.user_agent);
  record_audit(sql, now, {"person:" + std::to_string(person.id), "session.login", "session:" + std::to_string(session.id),
                          request.client_ip, "ok", method});
  ApiResponse out = ApiResponse::json(
      201, {{"token", session.token},
            {"expires_in", session.expires_in},
            {"csrf_token", session.csrf_token},
            {"subject",
             {{"type", "person"}, {"person_id", person.id}, {"name", mask_name(person.name)}, {"level", person.level}}}});
  out.session_cookie = http::SessionCookie{session.token, services.limits.session_absolute_seconds, !services.dev_mode};
  return out;
}

ApiResponse not_active(const Person& person) {
  ApiResponse out = ApiResponse::error(403, ErrorCode::AccountNotActive);
  out.body["error"]["status"] = store::status_name(person.status);
  return out;
}

ApiResponse password_sign_in(app::Services& services, const http::ApiRequest& request, http::JsonFields& fields) {
  const std::string identifier = fields.required("identifier");
  const std::string password = fields.required("password");
  const std::string captcha_id = fields.required("captcha_id");
  const std::string captcha_answer = fields.required("captcha_answer");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  // The lock is keyed by what was typed, case-folded as document numbers are.
  const std::string subject = (*services.blind_index)("login", normalize_document_number(identifier));
  store::PersonRepository persons(*services.cipher, *services.blind_index);

  struct Gate {
    std::optional<ApiResponse> refusal;
    std::optional<Person> person;
    long long attempt = 0;  // the login_failures row counting this attempt
  };
  // The throttle and the captcha first (their own statements: a spent captcha stays spent), then
  // the identifier's turn under its key lock, see admit_attempt.
  Gate gate = services.db->with_session([&](soci::session& sql) {
    Gate g;
    if (ip_failures_last_minute(sql, request.client_ip, now) >= services.limits.login_per_ip_per_minute) {
      g.refusal = ApiResponse::error(429, ErrorCode::TooManyRequests);
      g.refusal->retry_after(60);
      return g;
    }
    if (ErrorCode e = consume_captcha(services, sql, captcha_id, captcha_answer); e != ErrorCode::Ok)
      g.refusal = ApiResponse::error(400, e, "captcha_answer");
    return g;
  });
  if (gate.refusal) return *gate.refusal;
  gate = services.db->transact([&](soci::session& sql) {
    Gate g;
    store::lock_key(sql, services.db->backend(), subject, now);
    if (long long wait = locked_for(services, sql, subject, now); wait > 0) {
      g.refusal = locked_answer(wait);
      return g;
    }
    g.attempt = admit_attempt(services, sql, subject, request.client_ip, now);
    if (g.attempt == 0) {
      g.refusal = locked_answer(std::max<long long>(1, locked_for(services, sql, subject, now)));
      return g;
    }
    g.person = find_by_identifier(sql, persons, identifier);
    return g;
  });
  if (gate.refusal) return *gate.refusal;

  // Hash even when nobody matched, so the answer takes as long either way.
  static const std::string kDecoyHash = services.passwords->hash("decoy-password-for-timing");
  const bool known = gate.person && gate.person->password_hash && gate.person->status != PersonStatus::Deleted;
  const bool password_ok = services.passwords->verify(known ? *gate.person->password_hash : kDecoyHash, password) && known;

  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (!password_ok) {
      // The failure row was written by admit_attempt; only the audit entry is left to add.
      record_audit(sql, now, {"anonymous", "session.login", "", request.client_ip, "denied", "CREDENTIALS_INVALID"});
      if (long long wait = locked_for(services, sql, subject, now); wait > 0) return locked_answer(wait);
      return ApiResponse::error(401, ErrorCode::CredentialsInvalid);
    }
    // Whatever touches the identifier's failure rows takes its key lock first: one lock order,
    // so concurrent sign-ins of one account wait for each other instead of deadlocking.
    store::lock_key(sql, services.db->backend(), subject, now);
    const Person& person = *gate.person;
    if (person.status != PersonStatus::Active) {
      // The right password is no failure, whatever the account's status.
      sql << "DELETE FROM login_failures WHERE id = :id", soci::use(gate.attempt);
      return not_active(person);
    }
    // One statement clears the identifier's failures, this attempt's row among them.
    sql << "DELETE FROM login_failures WHERE subject_key = :s", soci::use(subject);
    if (services.passwords->needs_rehash(*person.password_hash)) {
      persons.update_password(sql, person.id, services.passwords->hash(password), now);
    }
    return signed_in(services, sql, person, request, "password", now);
  });
}

ApiResponse sms_sign_in(app::Services& services, const http::ApiRequest& request, http::JsonFields& fields) {
  const std::string phone = fields.required("phone");
  const std::string code = fields.required("sms_code");
  if (fields.failed()) return fields.error();
  if (Verdict v = check_phone(phone); !v.ok()) return ApiResponse::error(400, v, "phone");
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (ErrorCode e = verify_sms_code(services, sql, phone, "login", code, SmsCodeUse::Consume); e != ErrorCode::Ok) {
      record_audit(sql, now, {"anonymous", "session.login", "", request.client_ip, "denied", std::string(code_name(e))});
      return ApiResponse::error(400, e, "sms_code");
    }
    const auto person = persons.find_by_phone(sql, phone);
    if (!person || person->status == PersonStatus::Deleted) return ApiResponse::error(401, ErrorCode::CredentialsInvalid);
    if (person->status == PersonStatus::PendingActivation)
      return first_sign_in_of_imported(services, sql, *person, request.client_ip);
    if (person->status != PersonStatus::Active) return not_active(*person);
    return signed_in(services, sql, *person, request, "sms", now);
  });
}

}  // namespace

ApiResponse sign_in(app::Services& services, const http::ApiRequest& request) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body);
  const std::string method = fields.required("method");
  if (fields.failed()) return fields.error();
  if (method == "password") return password_sign_in(services, request, fields);
  if (method == "sms") return sms_sign_in(services, request, fields);
  return ApiResponse::error(400, ErrorCode::LoginMethodInvalid, "method");
}

}  // namespace uia::flows
