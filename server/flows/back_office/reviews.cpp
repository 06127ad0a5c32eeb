#include "flows/back_office/reviews.h"

#include <soci/soci.h>

#include "flows/audit/audit_log.h"
#include "flows/back_office/document_content.h"
#include "flows/back_office/path_id.h"
#include "flows/back_office/staff_auth.h"
#include "http/json_fields.h"
#include "http/rfc3339.h"
#include "privacy/mask.h"
#include "store/document_repository.h"
#include "store/person_repository.h"
#include "store/review_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::Person;
using store::PersonStatus;

constexpr int kDefaultPage = 50;
constexpr int kMaxPage = 200;
constexpr std::size_t kMaxReasonBytes = 1000;

std::optional<long long> digits(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  long long value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

nlohmann::json or_null(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// Applications a reviewer may open: waiting, or decided before (their history stays readable).
bool reviewable(soci::session& sql, const Person& person, const store::ReviewRepository& reviews) {
  return person.status == PersonStatus::PendingReview || !reviews.history(sql, person.id).empty();
}

}  // namespace

ApiResponse list_reviews(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "reviewer");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  for (const auto& entry : request.query)
    if (entry.first != "status" && entry.first != "limit" && entry.first != "cursor")
      return ApiResponse::error(400, ErrorCode::FilterInvalid, "query");
  const std::string status = request.query_value("status");
  if (!status.empty() && status != "pending") return ApiResponse::error(400, ErrorCode::FilterInvalid, "status");
  int limit = kDefaultPage;
  if (const std::string text = request.query_value("limit"); !text.empty()) {
    const auto n = digits(text);
    if (!n || *n < 1) return ApiResponse::error(400, ErrorCode::FilterInvalid, "limit");
    limit = static_cast<int>(std::min<long long>(*n, kMaxPage));
  }
  long long after = 0;
  if (const std::string text = request.query_value("cursor"); !text.empty()) {
    const auto n = digits(text);
    if (!n) return ApiResponse::error(400, ErrorCode::FilterInvalid, "cursor");
    after = *n;
  }
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  store::DocumentRepository documents(*services.cipher);
  return services.db->with_session([&](soci::session& sql) {
    const auto ids = persons.ids_with_status(sql, PersonStatus::PendingReview, after, limit + 1);
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < ids.size() && static_cast<int>(i) < limit; ++i) {
      const auto person = persons.find_by_id(sql, ids[i]);
      if (!person) continue;
      items.push_back({{"person_id", person->id},
                       {"name", mask_name(person->name)},
                       {"id_type", person->id_type},
                       {"id_number", mask_id_number(person->id_number)},
                       {"documents", documents.count_for(sql, person->id)},
                       {"created_at", http::format_rfc3339(person->created_at)}});
    }
    nlohmann::json body = {{"reviews", items}, {"next_cursor", nullptr}};
    if (static_cast<int>(ids.size()) > limit) body["next_cursor"] = std::to_string(ids[static_cast<std::size_t>(limit) - 1]);
    return ApiResponse::json(200, body);
  });
}

ApiResponse show_review(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "reviewer");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  const auto person_id = path_id(request, "person_id");
  if (!person_id) return ApiResponse::error(404, ErrorCode::PersonNotFound, "person_id");
  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  store::DocumentRepository documents(*services.cipher);
  store::ReviewRepository reviews;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const auto person = persons.find_by_id(sql, *person_id);
    if (!person || !reviewable(sql, *person, reviews)) return ApiResponse::error(404, ErrorCode::PersonNotFound, "person_id");
    nlohmann::json files = nlohmann::json::array();
    for (const auto& d : documents.list_for(sql, person->id, true)) {
      files.push_back({{"id", d.id}, {"kind", d.kind}, {"content_type", d.content_type}, {"size", d.size_bytes},
                       {"uploaded_at", http::format_rfc3339(d.created_at)}, {"data", encode_document(d.data)}});
    }
    nlohmann::json history = nlohmann::json::array();
    for (const auto& r : reviews.history(sql, person->id)) {
      history.push_back({{"decision", r.decision}, {"reason", r.reason}, {"staff_id", r.staff_id},
                         {"decided_at", http::format_rfc3339(r.decided_at)}});
    }
    // Unmasked on purpose: the reviewer compares the typed name and number with the files.
    record_audit(sql, now, {staff.actor(), "review.read", "person:" + std::to_string(person->id), request.client_ip, "ok",
                            std::to_string(files.size()) + " documents"});
    return ApiResponse::json(200, {{"person_id", person->id},
                                   {"status", store::status_name(person->status)},
                                   {"account", or_null(person->account)},
                                   {"name", person->name},
                                   {"id_type", person->id_type},
                                   {"id_number", person->id_number},
                                   {"gender", or_null(person->gender)},
                                   {"birth_date", or_null(person->birth_date)},
                                   {"id_valid_from", or_null(person->id_valid_from)},
                                   {"id_valid_to", or_null(person->id_valid_to)},
                                   {"phone", person->phone ? nlohmann::json(mask_phone(*person->phone)) : nlohmann::json(nullptr)},
                                   {"created_at", http::format_rfc3339(person->created_at)},
                                   {"documents", files},
                                   {"history", history}});
  });
}

ApiResponse decide_review(app::Services& services, const http::ApiRequest& request) {
  auto who = authenticate_staff(services, request, "reviewer");
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const SignedInStaff& staff = std::get<SignedInStaff>(who);
  const auto person_id = path_id(request, "person_id");
  if (!person_id) return ApiResponse::error(404, ErrorCode::PersonNotFound, "person_id");
  const auto body = request.json();
  if (!body) return ApiResponse::error(400, ErrorCode::RequestInvalid);
  http::JsonFields fields(*body, kMaxReasonBytes);
  const std::string decision = fields.required("decision");
  const std::string reason = fields.optional("reason").value_or("");
  if (fields.failed()) return fields.error();
  if (decision != "approve" && decision != "reject") return ApiResponse::error(400, ErrorCode::ReviewDecisionInvalid, "decision");
  const bool approve = decision == "approve";
  if (!approve && reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return ApiResponse::error(400, ErrorCode::ReviewReasonRequired, "reason");

  const long long now = services.now_seconds();
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  store::DocumentRepository documents(*services.cipher);
  store::ReviewRepository reviews;
  const std::string target = "person:" + std::to_string(*person_id);
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    const auto person = persons.find_by_id(sql, *person_id);
    if (!person) return ApiResponse::error(404, ErrorCode::PersonNotFound, "person_id");
    const auto not_pending = [&] {
      record_audit(sql, now, {staff.actor(), "review." + decision, target, request.client_ip, "denied", "REVIEW_NOT_PENDING"});
      return ApiResponse::error(409, ErrorCode::ReviewNotPending);
    };
    if (person->status != PersonStatus::PendingReview) return not_pending();
    if (approve && documents.count_for(sql, person->id) == 0) return ApiResponse::error(409, ErrorCode::ReviewDocumentsMissing);
    const PersonStatus status = approve ? PersonStatus::Active : PersonStatus::Rejected;
    // Compare-and-set, not read-then-write: on MySQL a plain read inside the transaction takes
    // no lock, so two reviewers deciding at once would both see pending_review.
    if (!persons.change_status(sql, person->id, PersonStatus::PendingReview, status, approve ? 2 : person->level, now))
      return not_pending();
    reviews.insert(sql, {0, person->id, decision, reason, staff.staff.id, now});
    documents.delete_upload_tokens(sql, person->id);  // the application is closed either way
    record_audit(sql, now, {staff.actor(), "review." + decision, target, request.client_ip, "ok", reason});
    return ApiResponse::json(200, {{"person_id", person->id},
                                   {"decision", decision},
                                   {"status", store::status_name(status)},
                                   {"level", approve ? 2 : person->level}});
  });
}

}  // namespace uia::flows
