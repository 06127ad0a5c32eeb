#include "store/qr_login_repository.h"

#include <soci/soci.h>

namespace uia::store {
namespace {

bool changed_one(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace

long long QrLoginRepository::insert(soci::session& sql, const NewQrLogin& row) const {
  const std::string state = "pending";
  sql << "INSERT INTO qr_logins (ticket_index, poll_index, state, created_at, expires_at, requester_ip, "
         "requester_agent) VALUES (:t, :p, :s, :c, :e, :ip, :ua)",
      soci::use(row.ticket_index), soci::use(row.poll_index), soci::use(state), soci::use(row.created_at),
      soci::use(row.expires_at), soci::use(row.requester_ip), soci::use(row.requester_agent);
  long long id = 0;
  sql << "SELECT id FROM qr_logins WHERE ticket_index = :t", soci::use(row.ticket_index), soci::into(id);
  return id;
}

std::optional<QrLogin> QrLoginRepository::find_by_ticket(soci::session& sql, const std::string& ticket_index) const {
  QrLogin q;
  long long person = 0, approver = 0, session = 0;
  std::string approver_ip, approver_agent;
  soci::indicator person_ind = soci::i_null, approver_ind = soci::i_null, session_ind = soci::i_null,
                  ip_ind = soci::i_null, agent_ind = soci::i_null;
  sql << "SELECT id, poll_index, state, created_at, expires_at, requester_ip, requester_agent, person_id, "
         "approver_session_id, approver_ip, approver_agent, session_id FROM qr_logins WHERE ticket_index = :t",
      soci::use(ticket_index), soci::into(q.id), soci::into(q.poll_index), soci::into(q.state), soci::into(q.created_at),
      soci::into(q.expires_at), soci::into(q.requester_ip), soci::into(q.requester_agent), soci::into(person, person_ind),
      soci::into(approver, approver_ind), soci::into(approver_ip, ip_ind), soci::into(approver_agent, agent_ind),
      soci::into(session, session_ind);
  if (!sql.got_data()) return std::nullopt;
  if (person_ind == soci::i_ok) q.person_id = person;
  if (approver_ind == soci::i_ok) q.approver_session_id = approver;
  if (ip_ind == soci::i_ok) q.approver_ip = approver_ip;
  if (agent_ind == soci::i_ok) q.approver_agent = approver_agent;
  if (session_ind == soci::i_ok) q.session_id = session;
  return q;
}

long long QrLoginRepository::created_from(soci::session& sql, const std::string& client_ip, long long since) const {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM qr_logins WHERE requester_ip = :ip AND created_at >= :since", soci::use(client_ip),
      soci::use(since), soci::into(count);
  return count;
}

bool QrLoginRepository::mark_scanned(soci::session& sql, long long id, const QrApprover& approver, long long now) const {
  soci::statement st =
      (sql.prepare << "UPDATE qr_logins SET state = 'scanned', person_id = :p, approver_session_id = :s, "
                      "approver_ip = :ip, approver_agent = :ua, scanned_at = :now WHERE id = :id AND state = 'pending'",
       soci::use(approver.person_id), soci::use(approver.session_id), soci::use(approver.client_ip),
       soci::use(approver.user_agent), soci::use(now), soci::use(id));
  return changed_one(st);
}

bool QrLoginRepository::mark_confirmed(soci::session& sql, long long id, long long person_id, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE qr_logins SET state = 'confirmed', confirmed_at = :now "
                                       "WHERE id = :id AND state = 'scanned' AND person_id = :p",
                        soci::use(now), soci::use(id), soci::use(person_id));
  return changed_one(st);
}

bool QrLoginRepository::claim(soci::session& sql, long long id, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE qr_logins SET state = 'consumed', finished_at = :now "
                                       "WHERE id = :id AND state = 'confirmed'",
                        soci::use(now), soci::use(id));
  return changed_one(st);
}

void QrLoginRepository::attach_session(soci::session& sql, long long id, long long session_id) const {
  sql << "UPDATE qr_logins SET session_id = :s WHERE id = :id", soci::use(session_id), soci::use(id);
}

bool QrLoginRepository::finish(soci::session& sql, long long id, const std::string& to, long long now) const {
  soci::statement st = (sql.prepare << "UPDATE qr_logins SET state = :to, finished_at = :now "
                                       "WHERE id = :id AND state IN ('pending', 'scanned', 'confirmed')",
                        soci::use(to), soci::use(now), soci::use(id));
  return changed_one(st);
}

}  // namespace uia::store
