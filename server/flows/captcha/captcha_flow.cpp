#include "flows/captcha/captcha_flow.h"

#include <soci/soci.h>

#include "crypto/tokens.h"

#include "captcha/captcha.h"

namespace uia::flows {
namespace {

std::string answer_hash(const app::Services& services, const std::string& id, std::string answer) {
  for (char& c : answer) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return (*services.blind_index)("captcha", id + ":" + answer);
}

}  // namespace

IssuedCaptcha issue_captcha(app::Services& services) {
  const captcha::Captcha image = services.captcha_pool ? services.captcha_pool->take() : captcha::render_captcha();
  IssuedCaptcha out;
  out.id = crypto::random_token(*services.random, 16);
  out.image_data_url = captcha::png_data_url(image.png);
  out.expires_in = services.limits.captcha_ttl_seconds;
  const long long expires_at = services.now_seconds() + out.expires_in;
  const std::string hash = answer_hash(services, out.id, image.answer);
  services.db->with_session([&](soci::session& sql) {
    sql << "INSERT INTO captchas (id, answer_hash, expires_at) VALUES (:id, :h, :e)", soci::use(out.id),
        soci::use(hash), soci::use(expires_at);
  });
  if (services.dev_ledger) services.dev_ledger->remember_captcha(out.id, image.answer);
  return out;
}

ErrorCode consume_captcha(app::Services& services, soci::session& sql, const std::string& id,
                          const std::string& answer) {
  if (id.empty() || id.size() > 64 || answer.empty() || answer.size() > 16) return ErrorCode::CaptchaInvalid;
  std::string stored_hash;
  long long expires_at = 0;
  soci::indicator used = soci::i_null;
  long long used_at = 0;
  sql << "SELECT answer_hash, expires_at, used_at FROM captchas WHERE id = :id", soci::use(id),
      soci::into(stored_hash), soci::into(expires_at), soci::into(used_at, used);
  if (!sql.got_data()) return ErrorCode::CaptchaExpired;
  const long long now = services.now_seconds();
  // Only the request whose UPDATE claims the row may go on: two requests racing with the same
  // captcha both read used_at as NULL, but only one of them changes it.
  soci::statement claim = (sql.prepare << "UPDATE captchas SET used_at = :now WHERE id = :id AND used_at IS NULL",
                           soci::use(now), soci::use(id));
  claim.execute(true);
  if (used == soci::i_ok || claim.get_affected_rows() != 1 || expires_at < now) return ErrorCode::CaptchaExpired;
  return stored_hash == answer_hash(services, id, answer) ? ErrorCode::Ok : ErrorCode::CaptchaInvalid;
}

std::optional<std::string> dev_captcha_answer(app::Services& services, const std::string& id) {
  if (!services.dev_mode || !services.dev_ledger) return std::nullopt;
  return services.dev_ledger->captcha_answer(id);
}

}  // namespace uia::flows
