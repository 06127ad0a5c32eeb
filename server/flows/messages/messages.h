// My messages (我的消息, seed 000 四、(6) ②: "对方用户...在我的消息中进行授权关系确认"): a small
// inbox per person that other flows write to with post_message(), inside their own transaction
// so a message exists exactly when the change it announces does. A message has a stable kind,
// a zh-CN title and body, the record it is about (subject, e.g. "delegation:12"), a JSON payload
// for the client, and optionally the deadline of the action it asks for ("accept within 24 h").
//   GET  /api/v1/me/messages?unread=true&page=1&per_page=20  → messages, newest first, + counts
//   POST /api/v1/me/messages/{id}/read                        → 200 the message, now read
//   POST /api/v1/me/messages/read-all                         → 200 {"marked": n}
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <soci/session.h>

#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

constexpr long long kMessagesPerPageDefault = 20;
constexpr long long kMessagesPerPageMax = 100;

struct OutgoingMessage {
  std::string kind;
  std::string title;
  std::string body;
  std::string subject;                         // "" when about nothing in particular
  nlohmann::json payload = nlohmann::json::object();
  std::optional<long long> action_expires_at;  // epoch seconds
};

// Writes one message to `person_id`'s inbox in the caller's transaction.
void post_message(soci::session& sql, long long person_id, const OutgoingMessage& message, long long now);
// The action a message asked for was taken (or became moot): its messages about `subject` read.
void settle_messages(soci::session& sql, long long person_id, const std::string& subject, long long now);
// Account deletion: the inbox goes with the account.
void delete_messages_of(soci::session& sql, long long person_id);

http::ApiResponse list_my_messages(app::Services& services, const http::ApiRequest& request);
http::ApiResponse read_my_message(app::Services& services, const http::ApiRequest& request);
http::ApiResponse read_all_my_messages(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
