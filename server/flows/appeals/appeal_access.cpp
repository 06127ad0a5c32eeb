#include "flows/appeals/appeal_access.h"

#include <soci/soci.h>

#include <cstdio>

#include "crypto/tokens.h"
#include "policy/date.h"

namespace uia::flows {

std::vector<std::string> appeal_open_keys(const app::Services& services, const std::vector<std::string>& values) {
  std::vector<std::string> keys;
  for (const auto& value : values) keys.push_back((*services.blind_index)("appeal_open", value));
  return keys;
}

bool appeal_keys_held(soci::session& sql, const std::vector<std::string>& keys) {
  for (const auto& key : keys) {
    long long holder = 0;
    sql << "SELECT case_id FROM appeal_open_keys WHERE key_hash = :k", soci::use(key), soci::into(holder);
    if (sql.got_data()) return true;
  }
  return false;
}

std::string new_case_number(app::Services& services, long long now) {
  const Date day = civil_from_days(static_cast<long>((now + 8 * 3600) / (24 * 3600)));  // China Standard Time
  char text[32];
  std::snprintf(text, sizeof text, "SS%04d%02d%02d%06u", day.year, day.month, day.day,
                static_cast<unsigned>(services.random->uniform(1000000)));
  return text;
}

std::variant<store::AppealCase, http::ApiResponse> case_for_upload(app::Services& services, soci::session& sql,
                                                                  const std::string& case_number,
                                                                  const std::string& token, long long now) {
  const auto refused = http::ApiResponse::error(401, ErrorCode::AppealUploadTokenInvalid);
  if (token.empty() || case_number.size() > 20) return refused;
  const std::string token_hash = crypto::token_hash(token);
  store::AppealRepository appeals(*services.cipher);
  if (auto draft = appeals.find_draft_by_token(sql, case_number, token_hash, now)) return std::move(*draft);
  // The token stays with a submitted case until its decision: the appellant learns it is too late.
  std::string status;
  sql << "SELECT status FROM appeal_cases WHERE case_number = :n AND upload_token_hash = :t", soci::use(case_number),
      soci::use(token_hash), soci::into(status);
  if (sql.got_data() && status != "draft") return http::ApiResponse::error(409, ErrorCode::AppealNotDraft);
  return refused;
}

}  // namespace uia::flows
