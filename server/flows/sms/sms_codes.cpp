#include "flows/sms/sms_codes.h"

#include <soci/soci.h>

#include "crypto/tokens.h"

#include <array>

#include "flows/audit/audit_log.h"
#include "flows/captcha/captcha_flow.h"
#include "policy/contact.h"
#include "privacy/mask.h"

namespace uia::flows {
namespace {

constexpr std::array<std::string_view, 11> kPurposes = {
    "register", "activate", "login", "recover", "change_phone", "delete_account", "enterprise_register",
    "enterprise_recover",
    // enterprise accounts: activation of a registry-known enterprise, a new contact phone
    "enterprise_activate", "enterprise_change_phone",
    // appeals: the phone an appellant holds or names, and the phone that follows a case
    "appeal"};

std::string code_hash(const app::Services& services, const std::string& phone, const std::string& purpose,
                      const std::string& code) {
  return (*services.blind_index)("sms_code", phone + "|" + purpose + "|" + code);
}

long long count_since(soci::session& sql, const std::string& column, const std::string& value, long long since) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM sms_codes WHERE " + column + " = :v AND created_at > :since", soci::use(value),
      soci::use(since), soci::into(count);
  return count;
}

}  // namespace

bool is_sms_purpose(const std::string& purpose) {
  for (auto known : kPurposes)
    if (known == purpose) return true;
  return false;
}

SmsRequestResult request_sms_code(app::Services& services, const SmsRequest& request) {
  SmsRequestResult result;
  if (const Verdict phone = check_phone(request.phone); !phone.ok()) {
    result.error = phone.detail;
    result.field = "phone";
    return result;
  }
  if (!is_sms_purpose(request.purpose)) {
    result.error = ErrorCode::SmsPurposeInvalid;
    result.field = "purpose";
    return result;
  }
  // The captcha is spent by this attempt whatever happens next.
  const ErrorCode captcha = services.db->with_session([&](soci::session& sql) {
    return consume_captcha(services, sql, request.captcha_id, request.captcha_answer);
  });
  if (captcha != ErrorCode::Ok) {
    result.error = captcha;
    result.field = "captcha_answer";
    return result;
  }
  return send_sms_code(services, request.phone, request.purpose, request.client_ip);
}

SmsRequestResult send_sms_code(app::Services& services, const std::string& phone, const std::string& purpose,
                               const std::string& client_ip) {
  SmsRequestResult result;
  const long long now = services.now_seconds();
  const std::string phone_index = (*services.blind_index)("phone", phone);
  const auto& limits = services.limits;

  const std::string code = crypto::random_digits(*services.random, 6);
  const bool allowed = services.db->transact([&](soci::session& sql) {
    // Per phone: 1 a minute, N an hour, M a day; per IP: K an hour.
    const struct {
      long long window;
      int max;
    } windows[] = {{limits.sms_resend_seconds, 1}, {3600, limits.sms_per_hour}, {86400, limits.sms_per_day}};
    for (const auto& w : windows) {
      if (count_since(sql, "phone_index", phone_index, now - w.window) >= w.max) {
        long long oldest = now;
        const long long since = now - w.window;  // SOCI binds by reference: no temporaries
        sql << "SELECT MIN(created_at) FROM sms_codes WHERE phone_index = :p AND created_at > :since",
            soci::use(phone_index), soci::use(since), soci::into(oldest);
        result.retry_after = std::max<long long>(1, oldest + w.window - now);
        return false;
      }
    }
    if (!client_ip.empty() &&
        count_since(sql, "client_ip", client_ip, now - 3600) >= limits.sms_per_ip_per_hour) {
      result.retry_after = 3600;
      return false;
    }
    const std::string hash = code_hash(services, phone, purpose, code);
    const long long expires_at = now + limits.sms_code_ttl_seconds;
    sql << "INSERT INTO sms_codes (phone_index, purpose, code_hash, created_at, expires_at, client_ip) "
           "VALUES (:p, :purpose, :h, :c, :e, :ip)",
        soci::use(phone_index), soci::use(purpose), soci::use(hash), soci::use(now), soci::use(expires_at),
        soci::use(client_ip);
    return true;
  });
  const std::string masked = mask_phone(phone);
  if (!allowed) {
    services.db->with_session([&](soci::session& sql) {
      record_audit(sql, now, {"anonymous", "sms.send", "phone:" + masked, client_ip, "denied", "SMS_RATE_LIMITED"});
    });
    result.error = ErrorCode::SmsRateLimited;
    result.field = "phone";
    return result;
  }

  ports::SmsMessage message;
  message.phone = phone;
  message.purpose = purpose;
  message.code = code;
  message.text = "【统一身份认证】您的验证码为" + code + "，" + std::to_string(limits.sms_code_ttl_seconds / 60) +
                 "分钟内有效，请勿泄露给他人。";
  const ports::SmsSendResult sent = services.ports.sms->send(message);
  services.db->with_session([&](soci::session& sql) {
    record_audit(sql, now, {"anonymous", "sms.send", "phone:" + masked, client_ip, sent.delivered ? "ok" : "failed",
                            purpose});
  });
  if (!sent.delivered) {
    result.error = ErrorCode::SmsSendFailed;
    return result;
  }
  result.expires_in = limits.sms_code_ttl_seconds;
  result.resend_after = limits.sms_resend_seconds;
  return result;
}

void count_failed_use(app::Services& services, soci::session& sql, const std::string& phone, const std::string& purpose) {
  const std::string phone_index = (*services.blind_index)("phone", phone);
  long long id = 0;
  sql << "SELECT id FROM sms_codes WHERE phone_index = :p AND purpose = :u AND used_at IS NULL "
         "ORDER BY created_at DESC, id DESC LIMIT 1",
      soci::use(phone_index), soci::use(purpose), soci::into(id);
  if (sql.got_data()) sql << "UPDATE sms_codes SET attempts = attempts + 1 WHERE id = :id", soci::use(id);
}

ErrorCode verify_sms_code(app::Services& services, soci::session& sql, const std::string& phone,
                          const std::string& purpose, const std::string& code, SmsCodeUse use) {
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) return ErrorCode::SmsCodeInvalid;
  const long long now = services.now_seconds();
  const std::string phone_index = (*services.blind_index)("phone", phone);
  long long id = 0, expires_at = 0, attempts = 0;
  std::string stored_hash;
  soci::indicator used = soci::i_null;
  long long used_at = 0;
  sql << "SELECT id, code_hash, expires_at, attempts, used_at FROM sms_codes WHERE phone_index = :p AND purpose = :u "
         "ORDER BY created_at DESC, id DESC LIMIT 1",
      soci::use(phone_index), soci::use(purpose), soci::into(id), soci::into(stored_hash), soci::into(expires_at),
      soci::into(attempts), soci::into(used_at, used);
  if (!sql.got_data() || used == soci::i_ok || expires_at < now ||
      attempts >= services.limits.sms_max_wrong_attempts) {
    return ErrorCode::SmsCodeExpired;
  }
  if (stored_hash != code_hash(services, phone, purpose, code)) {
    sql << "UPDATE sms_codes SET attempts = attempts + 1 WHERE id = :id", soci::use(id);
    return ErrorCode::SmsCodeInvalid;
  }
  if (use == SmsCodeUse::Consume) {
    // Claim the code: of two requests racing with it, only the one that changes used_at wins
    // (SQLite serialises write transactions anyway; MySQL's repeatable reads do not).
    soci::statement claim = (sql.prepare << "UPDATE sms_codes SET used_at = :now WHERE id = :id AND used_at IS NULL",
                             soci::use(now), soci::use(id));
    claim.execute(true);
    if (claim.get_affected_rows() != 1) return ErrorCode::SmsCodeExpired;
  }
  return ErrorCode::Ok;
}

}  // namespace uia::flows
