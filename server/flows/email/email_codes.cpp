#include "flows/email/email_codes.h"

#include <soci/soci.h>

#include <algorithm>

#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/profile/free_text.h"
#include "privacy/mask.h"

namespace uia::flows {
namespace {

std::string code_hash(const app::Services& services, const std::string& email, const std::string& purpose,
                      const std::string& code) {
  return (*services.blind_index)("email_code", email + "|" + purpose + "|" + code);
}

template <typename Value>
long long count_since(soci::session& sql, const std::string& column, const Value& value, long long since) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM email_codes WHERE " + column + " = :v AND created_at > :since", soci::use(value),
      soci::use(since), soci::into(count);
  return count;
}

ports::MailMessage message_for(const app::Services& services, const std::string& email, const std::string& purpose,
                               const std::string& code) {
  const std::string minutes = std::to_string(services.limits.sms_code_ttl_seconds / 60);
  ports::MailMessage message;
  message.to = email;
  message.purpose = purpose;
  message.code = code;
  if (purpose == "recover") {
    message.subject = "【统一身份认证】找回密码验证码";
    message.text = "您正在通过邮箱找回统一身份认证平台账号的密码，验证码为" + code + "，" + minutes +
                   "分钟内有效。如非本人操作，请忽略本邮件并及时检查账号安全。";
  } else {
    message.subject = "【统一身份认证】邮箱验证码";
    message.text = "您正在为统一身份认证平台账号绑定此邮箱，验证码为" + code + "，" + minutes +
                   "分钟内有效，请勿泄露给他人。如非本人操作，请忽略本邮件。";
  }
  return message;
}

}  // namespace

std::string normalize_email(std::string_view email) {
  std::string out = trim_text(email);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

EmailSendResult send_email_code(app::Services& services, long long person_id, const std::string& email,
                                const std::string& purpose, const std::string& client_ip) {
  EmailSendResult result;
  if (!services.ports.mail) {
    result.error = ErrorCode::MailUnavailable;
    return result;
  }
  const long long now = services.now_seconds();
  const auto& limits = services.limits;
  const std::string email_index = (*services.blind_index)("email", email);
  const std::string code = crypto::random_digits(*services.random, 6);
  const std::string masked = mask_email(email);
  const bool allowed = services.db->transact([&](soci::session& sql) {
    const struct {
      long long window;
      int max;
    } windows[] = {{limits.sms_resend_seconds, 1}, {3600, limits.sms_per_hour}, {86400, limits.sms_per_day}};
    // The same windows per address and per person: one account cannot spray codes at many
    // addresses, and many accounts cannot flood one mailbox.
    for (const auto& w : windows) {
      const long long since = now - w.window;  // SOCI binds by reference: no temporaries
      const bool by_address = count_since(sql, "email_index", email_index, since) >= w.max;
      if (by_address || count_since(sql, "person_id", person_id, since) >= w.max) {
        long long oldest = now;
        if (by_address) {
          sql << "SELECT MIN(created_at) FROM email_codes WHERE email_index = :e AND created_at > :since",
              soci::use(email_index), soci::use(since), soci::into(oldest);
        } else {
          sql << "SELECT MIN(created_at) FROM email_codes WHERE person_id = :p AND created_at > :since",
              soci::use(person_id), soci::use(since), soci::into(oldest);
        }
        result.retry_after = std::max<long long>(1, oldest + w.window - now);
        return false;
      }
    }
    if (!client_ip.empty() && count_since(sql, "client_ip", client_ip, now - 3600) >= limits.sms_per_ip_per_hour) {
      result.retry_after = 3600;
      return false;
    }
    const std::string hash = code_hash(services, email, purpose, code);
    const std::string sealed = services.cipher->seal(email, "email_code.email");
    const long long expires_at = now + limits.sms_code_ttl_seconds;
    sql << "INSERT INTO email_codes (person_id, email_index, email_enc, purpose, code_hash, created_at, expires_at, "
           "client_ip) VALUES (:p, :i, :e, :u, :h, :c, :x, :ip)",
        soci::use(person_id), soci::use(email_index), soci::use(sealed), soci::use(purpose), soci::use(hash),
        soci::use(now), soci::use(expires_at), soci::use(client_ip);
    return true;
  });
  const std::string actor = "person:" + std::to_string(person_id);
  if (!allowed) {
    services.db->with_session([&](soci::session& sql) {
      record_audit(sql, now, {actor, "email.send", "email:" + masked, client_ip, "denied", "EMAIL_RATE_LIMITED"});
    });
    result.error = ErrorCode::EmailRateLimited;
    return result;
  }
  const ports::MailSendResult sent = services.ports.mail->send(message_for(services, email, purpose, code));
  services.db->with_session([&](soci::session& sql) {
    record_audit(sql, now, {actor, "email.send", "email:" + masked, client_ip, sent.delivered ? "ok" : "failed", purpose});
  });
  if (!sent.delivered) {
    result.error = ErrorCode::EmailSendFailed;
    return result;
  }
  result.expires_in = limits.sms_code_ttl_seconds;
  result.resend_after = limits.sms_resend_seconds;
  return result;
}

EmailCodeCheck consume_email_code(app::Services& services, soci::session& sql, long long person_id,
                                  const std::string& purpose, const std::string& code) {
  EmailCodeCheck check;
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) {
    check.error = ErrorCode::EmailCodeInvalid;
    return check;
  }
  const long long now = services.now_seconds();
  long long id = 0, expires_at = 0, attempts = 0, used_at = 0;
  std::string stored_hash, sealed;
  soci::indicator used = soci::i_null;
  sql << "SELECT id, code_hash, email_enc, expires_at, attempts, used_at FROM email_codes "
         "WHERE person_id = :p AND purpose = :u ORDER BY created_at DESC, id DESC LIMIT 1",
      soci::use(person_id), soci::use(purpose), soci::into(id), soci::into(stored_hash), soci::into(sealed),
      soci::into(expires_at), soci::into(attempts), soci::into(used_at, used);
  const auto email = sql.got_data() ? services.cipher->open(sealed, "email_code.email") : std::nullopt;
  if (!email || used == soci::i_ok || expires_at < now || attempts >= services.limits.sms_max_wrong_attempts) {
    check.error = ErrorCode::EmailCodeExpired;
    return check;
  }
  if (stored_hash != code_hash(services, *email, purpose, code)) {
    sql << "UPDATE email_codes SET attempts = attempts + 1 WHERE id = :id", soci::use(id);
    check.error = ErrorCode::EmailCodeInvalid;
    return check;
  }
  soci::statement claim = (sql.prepare << "UPDATE email_codes SET used_at = :now WHERE id = :id AND used_at IS NULL",
                           soci::use(now), soci::use(id));
  claim.execute(true);
  if (claim.get_affected_rows() != 1) {
    check.error = ErrorCode::EmailCodeExpired;
    return check;
  }
  check.email = *email;
  return check;
}

}  // namespace uia::flows
