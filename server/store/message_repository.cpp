#include "store/message_repository.h"

#include <soci/soci.h>

namespace uia::store {
namespace {

constexpr const char* kColumns =
    "id, person_id, kind, title, body, subject, payload, action_expires_at, created_at, read_at";

struct Row {
  PersonMessage m;
  std::string subject, payload;
  long long action_expires_at = 0, read_at = 0;
  soci::indicator subject_ind = soci::i_null, payload_ind = soci::i_null, action_ind = soci::i_null,
                  read_ind = soci::i_null;

  void bind(soci::statement& st) {
    st.exchange(soci::into(m.id));
    st.exchange(soci::into(m.person_id));
    st.exchange(soci::into(m.kind));
    st.exchange(soci::into(m.title));
    st.exchange(soci::into(m.body));
    st.exchange(soci::into(subject, subject_ind));
    st.exchange(soci::into(payload, payload_ind));
    st.exchange(soci::into(action_expires_at, action_ind));
    st.exchange(soci::into(m.created_at));
    st.exchange(soci::into(read_at, read_ind));
  }
  PersonMessage take() const {
    PersonMessage out = m;
    out.subject = subject_ind == soci::i_ok ? subject : "";
    out.payload = payload_ind == soci::i_ok && !payload.empty() ? payload : "{}";
    out.action_expires_at = action_ind == soci::i_ok ? std::optional(action_expires_at) : std::nullopt;
    out.read_at = read_ind == soci::i_ok ? std::optional(read_at) : std::nullopt;
    return out;
  }
};

}  // namespace

void MessageRepository::insert(soci::session& sql, const PersonMessage& m) const {
  std::string subject = m.subject, payload = m.payload.empty() ? "{}" : m.payload;
  soci::indicator subject_ind = subject.empty() ? soci::i_null : soci::i_ok;
  long long action = m.action_expires_at.value_or(0);
  soci::indicator action_ind = m.action_expires_at ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO person_messages (person_id, kind, title, body, subject, payload, action_expires_at, created_at) "
         "VALUES (:p, :k, :t, :b, :s, :pl, :a, :c)",
      soci::use(m.person_id), soci::use(m.kind), soci::use(m.title), soci::use(m.body), soci::use(subject, subject_ind),
      soci::use(payload), soci::use(action, action_ind), soci::use(m.created_at);
}

std::vector<PersonMessage> MessageRepository::page(soci::session& sql, long long person_id, bool unread_only,
                                                   long long offset, long long limit) const {
  std::vector<PersonMessage> out;
  Row row;
  // LIMIT/OFFSET are numbers we computed, not input text: safe to write into the statement.
  const std::string query = std::string("SELECT ") + kColumns + " FROM person_messages WHERE person_id = :p" +
                            (unread_only ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT " +
                            std::to_string(limit) + " OFFSET " + std::to_string(offset);
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::use(person_id));
  row.bind(st);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.push_back(row.take());
  return out;
}

long long MessageRepository::count(soci::session& sql, long long person_id, bool unread_only) const {
  long long n = 0;
  const std::string query = std::string("SELECT COUNT(*) FROM person_messages WHERE person_id = :p") +
                            (unread_only ? " AND read_at IS NULL" : "");
  sql << query, soci::use(person_id), soci::into(n);
  return n;
}

std::optional<PersonMessage> MessageRepository::find(soci::session& sql, long long person_id, long long id) const {
  Row row;
  const std::string query = std::string("SELECT ") + kColumns + " FROM person_messages WHERE id = :id AND person_id = :p";
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::use(id));
  st.exchange(soci::use(person_id));
  row.bind(st);
  st.define_and_bind();
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return row.take();
}

long long MessageRepository::mark_read(soci::session& sql, long long person_id, long long id, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE person_messages SET read_at = :now WHERE id = :id AND person_id = :p "
                                       "AND read_at IS NULL",
                        soci::use(now), soci::use(id), soci::use(person_id));
  st.execute(true);
  return st.get_affected_rows();
}

long long MessageRepository::mark_all_read(soci::session& sql, long long person_id, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE person_messages SET read_at = :now WHERE person_id = :p AND read_at IS NULL",
                        soci::use(now), soci::use(person_id));
  st.execute(true);
  return st.get_affected_rows();
}

void MessageRepository::mark_subject_read(soci::session& sql, long long person_id, const std::string& subject,
                                          long long now) const {
  sql << "UPDATE person_messages SET read_at = :now WHERE person_id = :p AND subject = :s AND read_at IS NULL",
      soci::use(now), soci::use(person_id), soci::use(subject);
}

void MessageRepository::delete_for(soci::session& sql, long long person_id) const {
  sql << "DELETE FROM person_messages WHERE person_id = :p", soci::use(person_id);
}

}  // namespace uia::store
