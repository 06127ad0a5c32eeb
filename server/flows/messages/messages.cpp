#include "flows/messages/messages.h"

#include <algorithm>

#include <soci/soci.h>

#include "flows/back_office/path_id.h"
#include "flows/sessions/signed_in_person.h"
#include "http/rfc3339.h"
#include "store/message_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;
using store::PersonMessage;

nlohmann::json message_json(const PersonMessage& m) {
  nlohmann::json payload = nlohmann::json::parse(m.payload, nullptr, false);
  if (payload.is_discarded()) payload = nlohmann::json::object();
  return {{"id", m.id},
          {"kind", m.kind},
          {"title", m.title},
          {"body", m.body},
          {"subject", m.subject.empty() ? nlohmann::json(nullptr) : nlohmann::json(m.subject)},
          {"payload", payload},
          {"action_expires_at",
           m.action_expires_at ? nlohmann::json(http::format_rfc3339(*m.action_expires_at)) : nlohmann::json(nullptr)},
          {"created_at", http::format_rfc3339(m.created_at)},
          {"read", m.read_at.has_value()},
          {"read_at", m.read_at ? nlohmann::json(http::format_rfc3339(*m.read_at)) : nlohmann::json(nullptr)}};
}

// A positive count from the query string, at most 6 digits; nullopt for anything else.
std::optional<long long> positive_number(const std::string& text) {
  if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const long long n = std::stoll(text);
  return n > 0 ? std::optional(n) : std::nullopt;
}

}  // namespace

void post_message(soci::session& sql, long long person_id, const OutgoingMessage& message, long long now) {
  PersonMessage m;
  m.person_id = person_id;
  m.kind = message.kind;
  m.title = message.title;
  m.body = message.body;
  m.subject = message.subject;
  m.payload = message.payload.is_object() ? message.payload.dump() : "{}";
  m.action_expires_at = message.action_expires_at;
  m.created_at = now;
  store::MessageRepository().insert(sql, m);
}

void settle_messages(soci::session& sql, long long person_id, const std::string& subject, long long now) {
  store::MessageRepository().mark_subject_read(sql, person_id, subject, now);
}

void delete_messages_of(soci::session& sql, long long person_id) { store::MessageRepository().delete_for(sql, person_id); }

ApiResponse list_my_messages(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const store::Person& person = std::get<store::Person>(who);
  const std::string unread = request.query_value("unread");
  if (!unread.empty() && unread != "true" && unread != "false")
    return ApiResponse::error(400, ErrorCode::FilterInvalid, "unread");
  const bool unread_only = unread == "true";
  long long page = 1, per_page = kMessagesPerPageDefault;
  if (const std::string p = request.query_value("page"); !p.empty()) {
    const auto n = positive_number(p);
    if (!n) return ApiResponse::error(400, ErrorCode::FilterInvalid, "page");
    page = *n;
  }
  if (const std::string p = request.query_value("per_page"); !p.empty()) {
    const auto n = positive_number(p);
    if (!n) return ApiResponse::error(400, ErrorCode::FilterInvalid, "per_page");
    per_page = std::min(*n, kMessagesPerPageMax);  // capped, not refused
  }
  store::MessageRepository messages;
  return services.db->with_session([&](soci::session& sql) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : messages.page(sql, person.id, unread_only, (page - 1) * per_page, per_page))
      items.push_back(message_json(m));
    return ApiResponse::json(200, {{"messages", items},
                                   {"total", messages.count(sql, person.id, unread_only)},
                                   {"unread", messages.count(sql, person.id, true)},
                                   {"page", page},
                                   {"per_page", per_page}});
  });
}

ApiResponse read_my_message(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const store::Person& person = std::get<store::Person>(who);
  const auto id = path_id(request, "id");
  if (!id) return ApiResponse::error(404, ErrorCode::NotFound, "id");
  const long long now = services.now_seconds();
  store::MessageRepository messages;
  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (!messages.find(sql, person.id, *id)) return ApiResponse::error(404, ErrorCode::NotFound, "id");
    messages.mark_read(sql, person.id, *id, now);
    return ApiResponse::json(200, message_json(*messages.find(sql, person.id, *id)));
  });
}

ApiResponse read_all_my_messages(app::Services& services, const http::ApiRequest& request) {
  auto who = signed_in_person(services, request);
  if (auto* refusal = std::get_if<ApiResponse>(&who)) return *refusal;
  const store::Person& person = std::get<store::Person>(who);
  const long long now = services.now_seconds();
  store::MessageRepository messages;
  return services.db->transact([&](soci::session& sql) {
    return ApiResponse::json(200, {{"marked", messages.mark_all_read(sql, person.id, now)}});
  });
}

}  // namespace uia::flows
