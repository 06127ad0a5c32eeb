// Relatives (亲属管理, seed 000 四、(6) ①): a person binds relatives (relation, name, ID type and
// number, validity dates) to act for them later. Every relative's name and ID number are checked
// with the police identity service; a relative of 16 and over must also pass a face check
// ("16 周岁以上需要亲属人脸验证，亲属信息与人脸验证一致则绑定成功"), so the relative stays
// pending_face until the check passes (face_failed when it fails; POST .../face starts a new
// one). Under 16: verified at once, no validity dates, no face. Edit and delete; a change of
// name or document starts the checks again. One row per document and person (RELATIVE_DUPLICATE),
// at most kMaxRelativesPerPerson. Only the owner sees a relative: any other id is 404.
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

constexpr long long kMaxRelativesPerPerson = 20;

http::ApiResponse list_relatives(app::Services& services, const http::ApiRequest& request);   // GET /api/v1/me/relatives
http::ApiResponse create_relative(app::Services& services, const http::ApiRequest& request);  // POST /api/v1/me/relatives
http::ApiResponse update_relative(app::Services& services, const http::ApiRequest& request);  // PUT /api/v1/me/relatives/{id}
http::ApiResponse delete_relative(app::Services& services, const http::ApiRequest& request);  // DELETE /api/v1/me/relatives/{id}
// POST /api/v1/me/relatives/{id}/face: a new face check for a relative still pending_face or face_failed.
http::ApiResponse restart_relative_face(app::Services& services, const http::ApiRequest& request);

// The face service's verdict on a relative's ticket (called from complete_face_check).
void relative_face_result(app::Services& services, soci::session& sql, const std::string& ticket, bool passed,
                          long long now);
// Account deletion: the person's relatives go with the account.
void delete_relatives_of(app::Services& services, soci::session& sql, long long person_id);

}  // namespace uia::flows
