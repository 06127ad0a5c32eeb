// A draft's materials and its submission, all with the case's upload token (X-Upload-Token).
#include <soci/soci.h>

#include <algorithm>

#include "appeals/appeals.h"
#include "flows/appeals/appeal_access.h"
#include "flows/appeals/appeal_sms.h"
#include "flows/appeals/appeals_rest.h"
#include "flows/appeals/working_days.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/document_content.h"
#include "flows/back_office/path_id.h"
#include "http/json_fields.h"
#include "http/rfc3339.h"
#include "store/key_lock.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

std::string case_number_of(const http::ApiRequest& request) {
  const auto found = request.params.find("case_number");
  return found == request.params.end() ? "" : found->second;
}

struct Upload {
  std::string kind, content_type, data;
};

// The body of an upload, checked as identity documents are: type by content, size by profile.
std::optional<ApiResponse> read_upload(const app::Services& services, const http::ApiRequest& request, Upload& u) {
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body, 64);
  u.kind = fields.required("kind");
  u.content_type = fields.required("content_type");
  if (fields.failed()) return fields.error();
  const std::size_t max_bytes = document_max_bytes(services.profile());
  http::JsonFields data_field(*body, document_base64_limit(max_bytes));
  const std::string data = data_field.required("data");
  if (data_field.failed()) {
    const auto it = body->find("data");
    if (it != body->end() && it->is_string()) return ApiResponse::error(400, ErrorCode::DocumentTooLarge, "data");
    return data_field.error();
  }
  if (!find_appeal_material_kind(u.kind)) return ApiResponse::error(400, ErrorCode::AppealMaterialKindInvalid, "kind");
  if (!known_document_content_type(u.content_type))
    return ApiResponse::error(400, ErrorCode::DocumentTypeInvalid, "content_type");
  if (ErrorCode e = decode_document(data, max_bytes, u.data); e != ErrorCode::Ok) return ApiResponse::error(400, e, "data");
  if (!content_matches_type(u.data, u.content_type))
    return ApiResponse::error(400, ErrorCode::DocumentContentMismatch, "data");
  return std::nullopt;
}

// Refusals of the token are audited: a stream of them is someone guessing.
ApiResponse refused(soci::session& sql, const http::ApiRequest& request, const std::string& action,
                    const std::string& case_number, const ApiResponse& refusal, long long now) {
  record_audit(sql, now, {"anonymous", action, "appeal:" + case_number.substr(0, 20), request.client_ip, "denied",
                          std::string(refusal.body["error"].value("code", ""))});
  return refusal;
}

std::vector<std::string> missing_materials(const store::AppealRepository& appeals, soci::session& sql,
                                           const store::AppealCase& c) {
  const auto present = appeals.materials(sql, c.id, false);
  std::vector<std::string> missing;
  for (auto code : required_appeal_materials(c.kind)) {
    const bool have = std::any_of(present.begin(), present.end(), [&](const auto& m) { return m.kind == code; });
    if (!have) missing.emplace_back(code);
  }
  return missing;
}

}  // namespace

ApiResponse add_appeal_material(app::Services& services, const http::ApiRequest& request) {
  Upload u;
  if (auto refusal = read_upload(services, request, u)) return *refusal;
  const std::string case_number = case_number_of(request);
  const long long now = services.now_seconds();
  store::AppealRepository appeals(*services.cipher);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = case_for_upload(services, sql, case_number, request.upload_token, now);
    if (auto* refusal = std::get_if<ApiResponse>(&found))
      return refused(sql, request, "appeal.material_added", case_number, *refusal, now);
    const auto& c = std::get<store::AppealCase>(found);
    if (!appeal_material_allowed(c.kind, u.kind)) return ApiResponse::error(400, ErrorCode::AppealMaterialKindInvalid, "kind");
    // Uploads to one case take turns: a kind uploaded twice at once leaves one file, not two.
    store::lock_key(sql, services.db->backend(), "appeal:" + std::to_string(c.id), now);
    appeals.delete_materials_of_kind(sql, c.id, u.kind);
    store::AppealMaterial m;
    m.case_id = c.id;
    m.kind = u.kind;
    m.content_type = u.content_type;
    m.size_bytes = static_cast<long long>(u.data.size());
    m.data = std::move(u.data);
    m.created_at = now;
    const long long id = appeals.add_material(sql, m);
    appeals.add_event(sql, c.id, {now, "appellant", "material_added", u.kind});
    record_audit(sql, now, {"anonymous", "appeal.material_added", "appeal:" + c.case_number, request.client_ip, "ok",
                            u.kind + " " + u.content_type + " " + std::to_string(m.size_bytes)});
    return ApiResponse::json(201, {{"material_id", id}, {"kind", u.kind}, {"size", m.size_bytes}});
  });
}

ApiResponse delete_appeal_material(app::Services& services, const http::ApiRequest& request) {
  const std::string case_number = case_number_of(request);
  const auto material_id = path_id(request, "material_id");
  const long long now = services.now_seconds();
  store::AppealRepository appeals(*services.cipher);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = case_for_upload(services, sql, case_number, request.upload_token, now);
    if (auto* refusal = std::get_if<ApiResponse>(&found))
      return refused(sql, request, "appeal.material_deleted", case_number, *refusal, now);
    const auto& c = std::get<store::AppealCase>(found);
    const auto material = material_id ? appeals.material(sql, c.id, *material_id) : std::nullopt;
    if (!material || !appeals.delete_material(sql, c.id, *material_id))
      return ApiResponse::error(404, ErrorCode::NotFound, "material_id");
    appeals.add_event(sql, c.id, {now, "appellant", "material_deleted", material->kind});
    record_audit(sql, now, {"anonymous", "appeal.material_deleted", "appeal:" + c.case_number, request.client_ip, "ok",
                            material->kind});
    return ApiResponse::no_content();
  });
}

ApiResponse submit_appeal(app::Services& services, const http::ApiRequest& request) {
  const std::string case_number = case_number_of(request);
  const long long now = services.now_seconds();
  store::AppealRepository appeals(*services.cipher);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    auto found = case_for_upload(services, sql, case_number, request.upload_token, now);
    if (auto* refusal = std::get_if<ApiResponse>(&found))
      return refused(sql, request, "appeal.submitted", case_number, *refusal, now);
    const auto& c = std::get<store::AppealCase>(found);
    store::lock_key(sql, services.db->backend(), "appeal:" + std::to_string(c.id), now);
    if (const auto missing = missing_materials(appeals, sql, c); !missing.empty()) {
      ApiResponse out = ApiResponse::error(409, ErrorCode::AppealMaterialsMissing);
      out.body["error"]["missing"] = missing;
      return out;
    }
    const long long due_at = add_working_days(now, services.limits.appeal_review_working_days);
    if (!appeals.submit(sql, c.id, now, due_at)) return ApiResponse::error(409, ErrorCode::AppealNotDraft);
    appeals.add_event(sql, c.id, {now, "appellant", "submitted", ""});
    record_audit(sql, now, {"anonymous", "appeal.submitted", "appeal:" + c.case_number, request.client_ip, "ok", c.kind});
    send_appeal_sms(services, sql, c.contact_phone,
                    "您的账号申诉已提交，申诉编号" + c.case_number +
                        "。我们将在一个工作日内审核，结果将以短信通知，也可在申诉进度查询中凭申诉编号和手机号查询。",
                    now);
    return ApiResponse::json(200, {{"case_number", c.case_number}, {"status", "submitted"},
                                   {"due_at", http::format_rfc3339(due_at)}});
  });
}

}  // namespace uia::flows
