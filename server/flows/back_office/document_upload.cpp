#include "flows/back_office/document_upload.h"

#include <soci/soci.h>

#include "crypto/tokens.h"
#include "flows/audit/audit_log.h"
#include "flows/back_office/document_content.h"
#include "flows/back_office/path_id.h"
#include "http/json_fields.h"
#include "store/document_repository.h"
#include "store/key_lock.h"
#include "store/person_repository.h"

namespace uia::flows {
using http::ApiResponse;

std::string issue_upload_token(app::Services& services, soci::session& sql, long long person_id, long long now) {
  const std::string token = crypto::random_token(*services.random, 32);
  store::DocumentRepository(*services.cipher)
      .add_upload_token(sql, person_id, crypto::token_hash(token), now, now + services.limits.upload_token_ttl_seconds);
  return token;
}

ApiResponse upload_document(app::Services& services, const http::ApiRequest& request) {
  const auto person_id = path_id(request, "id");
  if (!person_id || request.upload_token.empty()) return ApiResponse::error(401, ErrorCode::UploadTokenInvalid);
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body, 64);
  const std::string kind = fields.required("kind");
  const std::string content_type = fields.required("content_type");
  if (fields.failed()) return fields.error();
  const Profile& profile = services.profile();
  const std::size_t max_bytes = document_max_bytes(profile);
  http::JsonFields data_field(*body, document_base64_limit(max_bytes));
  const std::string data = data_field.required("data");
  if (data_field.failed()) {
    // Over-long text is a size problem, not a type problem, for the person choosing a file.
    const auto it = body->find("data");
    if (it != body->end() && it->is_string()) return ApiResponse::error(400, ErrorCode::DocumentTooLarge, "data");
    return data_field.error();
  }
  if (!catalogue_has(profile.document_kinds, kind))
    return ApiResponse::error(400, ErrorCode::DocumentKindInvalid, "kind");
  if (!known_document_content_type(content_type))
    return ApiResponse::error(400, ErrorCode::DocumentTypeInvalid, "content_type");
  store::PersonDocument document;
  if (ErrorCode e = decode_document(data, max_bytes, document.data); e != ErrorCode::Ok)
    return ApiResponse::error(400, e, "data");
  if (!content_matches_type(document.data, content_type))
    return ApiResponse::error(400, ErrorCode::DocumentContentMismatch, "data");

  const long long now = services.now_seconds();
  const std::string token_hash = crypto::token_hash(request.upload_token);
  store::DocumentRepository documents(*services.cipher);
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  document.person_id = *person_id;
  document.kind = kind;
  document.content_type = content_type;
  document.size_bytes = static_cast<long long>(document.data.size());
  document.created_at = now;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const auto owner = documents.upload_token_person(sql, token_hash, now);
    if (!owner || *owner != *person_id) {
      record_audit(sql, now, {"anonymous", "document.upload", "person:" + std::to_string(*person_id), request.client_ip,
                              "denied", "UPLOAD_TOKEN_INVALID"});
      return ApiResponse::error(401, ErrorCode::UploadTokenInvalid);
    }
    // Uploads of one person take turns (store/key_lock.h): on MySQL two parallel uploads would
    // otherwise both count four and both insert a fifth.
    store::lock_key(sql, services.db->backend(), "documents:" + std::to_string(*person_id), now);
    const auto person = persons.find_by_id(sql, *person_id);
    if (!person || person->status != store::PersonStatus::PendingReview)
      return ApiResponse::error(409, ErrorCode::ReviewNotPending);
    if (documents.count_for(sql, *person_id) >= profile.documents_per_person)
      return ApiResponse::error(409, ErrorCode::DocumentLimitReached);
    const long long id = documents.insert(sql, document);
    const std::string actor = "person:" + std::to_string(*person_id);
    record_audit(sql, now, {actor, "document.upload", "document:" + std::to_string(id), request.client_ip, "ok",
                            kind + " " + content_type + " " + std::to_string(document.size_bytes)});
    return ApiResponse::json(201, {{"document_id", id},
                                   {"kind", kind},
                                   {"content_type", content_type},
                                   {"size", document.size_bytes},
                                   {"status", "pending_review"}});
  });
}

}  // namespace uia::flows
