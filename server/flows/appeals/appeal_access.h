// Pieces the appellant's steps share: the keys that keep one appeal open per phone / ID number /
// USCC, the case number, and finding a case by its upload token.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"
#include "store/appeal_repository.h"

namespace uia::flows {

// Blind indexes (domain "appeal_open") of "phone:...", "id_number:...", "uscc:..." values.
std::vector<std::string> appeal_open_keys(const app::Services& services, const std::vector<std::string>& values);
// Whether any of the keys is held by an open case.
bool appeal_keys_held(soci::session& sql, const std::vector<std::string>& keys);

// "SS" + the China Standard Time date of `now` (YYYYMMDD) + 6 random digits.
std::string new_case_number(app::Services& services, long long now);

// The case `case_number` whose upload token is `token`: a draft not yet expired, or the refusal
// (401 APPEAL_UPLOAD_TOKEN_INVALID for any token or case problem, 409 APPEAL_NOT_DRAFT once
// submitted).
std::variant<store::AppealCase, http::ApiResponse> case_for_upload(app::Services& services, soci::session& sql,
                                                                  const std::string& case_number,
                                                                  const std::string& token, long long now);

}  // namespace uia::flows
