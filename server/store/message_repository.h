// The person_messages table ("my messages", 我的消息): a person's inbox. Rows are only read or
// changed together with their owner's id, so another person's message id simply is not found.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

namespace uia::store {

struct PersonMessage {
  long long id = 0;
  long long person_id = 0;
  std::string kind;     // "delegation.request", "delegation.ended", ... (dotted, stable)
  std::string title;    // zh-CN, shown in the list
  std::string body;     // zh-CN, shown when opened
  std::string subject;  // the record it is about, "delegation:12"; "" when none
  std::string payload;  // a JSON object for the client ("{}" when none)
  std::optional<long long> action_expires_at;  // the asked-for action's deadline
  long long created_at = 0;
  std::optional<long long> read_at;
};

class MessageRepository {
 public:
  void insert(soci::session& sql, const PersonMessage& message) const;
  // Newest first; `unread_only` leaves out read ones.
  std::vector<PersonMessage> page(soci::session& sql, long long person_id, bool unread_only, long long offset,
                                  long long limit) const;
  long long count(soci::session& sql, long long person_id, bool unread_only) const;
  std::optional<PersonMessage> find(soci::session& sql, long long person_id, long long id) const;
  // Mark as read (no-op for read ones); returns how many changed.
  long long mark_read(soci::session& sql, long long person_id, long long id, long long now) const;
  long long mark_all_read(soci::session& sql, long long person_id, long long now) const;
  // The person's messages about `subject` (the action they asked for was taken elsewhere).
  void mark_subject_read(soci::session& sql, long long person_id, const std::string& subject, long long now) const;
  void delete_for(soci::session& sql, long long person_id) const;
};

}  // namespace uia::store
