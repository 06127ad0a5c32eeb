#include "store/delegation_repository.h"

#include <soci/soci.h>

namespace uia::store {
namespace {

constexpr const char* kColumns =
    "id, grantor_id, grantee_id, scope, valid_from, valid_to, state, face_ticket, confirm_by, ended_by, created_at, "
    "updated_at";
constexpr const char* kOpenStates = "('awaiting_face', 'pending', 'active')";

struct Row {
  Delegation d;
  std::string ticket;
  long long confirm_by = 0, ended_by = 0;
  soci::indicator ticket_ind = soci::i_null, confirm_ind = soci::i_null, ended_ind = soci::i_null;

  void bind(soci::statement& st) {
    st.exchange(soci::into(d.id));
    st.exchange(soci::into(d.grantor_id));
    st.exchange(soci::into(d.grantee_id));
    st.exchange(soci::into(d.scope));
    st.exchange(soci::into(d.valid_from));
    st.exchange(soci::into(d.valid_to));
    st.exchange(soci::into(d.state));
    st.exchange(soci::into(ticket, ticket_ind));
    st.exchange(soci::into(confirm_by, confirm_ind));
    st.exchange(soci::into(ended_by, ended_ind));
    st.exchange(soci::into(d.created_at));
    st.exchange(soci::into(d.updated_at));
  }
  Delegation take() const {
    Delegation out = d;
    out.face_ticket = ticket_ind == soci::i_ok ? std::optional(ticket) : std::nullopt;
    out.confirm_by = confirm_ind == soci::i_ok ? std::optional(confirm_by) : std::nullopt;
    out.ended_by = ended_ind == soci::i_ok ? std::optional(ended_by) : std::nullopt;
    return out;
  }
};

template <typename Key>
std::vector<Delegation> select_where(soci::session& sql, const std::string& where, const Key& key,
                                     const std::string& order = " ORDER BY id DESC") {
  std::vector<Delegation> out;
  Row row;
  const std::string query = std::string("SELECT ") + kColumns + " FROM person_delegations WHERE " + where + order;
  soci::statement st = (sql.prepare << query);
  st.exchange(soci::use(key));
  row.bind(st);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.push_back(row.take());
  return out;
}

}  // namespace

std::optional<Delegation> DelegationRepository::find(soci::session& sql, long long id) const {
  auto rows = select_where(sql, "id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<Delegation> DelegationRepository::find_by_face_ticket(soci::session& sql, const std::string& ticket) const {
  auto rows = select_where(sql, "face_ticket = :t", ticket);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Delegation> DelegationRepository::given_by(soci::session& sql, long long grantor_id) const {
  return select_where(sql, "grantor_id = :p", grantor_id);
}

std::vector<Delegation> DelegationRepository::received_by(soci::session& sql, long long grantee_id) const {
  // The grantee only learns of an authorization once the grantor's face check has passed.
  return select_where(sql, "grantee_id = :p AND state NOT IN ('awaiting_face', 'face_failed')", grantee_id);
}

long long DelegationRepository::open_between(soci::session& sql, long long grantor_id, long long grantee_id) const {
  long long n = 0;
  sql << std::string("SELECT COUNT(*) FROM person_delegations WHERE grantor_id = :a AND grantee_id = :b AND state IN ") +
             kOpenStates,
      soci::use(grantor_id), soci::use(grantee_id), soci::into(n);
  return n;
}

long long DelegationRepository::open_given(soci::session& sql, long long grantor_id) const {
  long long n = 0;
  sql << std::string("SELECT COUNT(*) FROM person_delegations WHERE grantor_id = :a AND state IN ") + kOpenStates,
      soci::use(grantor_id), soci::into(n);
  return n;
}

std::vector<Delegation> DelegationRepository::open_involving(soci::session& sql, long long person_id) const {
  auto out = select_where(sql, std::string("grantor_id = :p AND state IN ") + kOpenStates, person_id);
  for (auto& d : select_where(sql, std::string("grantee_id = :p AND state IN ") + kOpenStates, person_id))
    if (d.grantor_id != person_id) out.push_back(d);
  return out;
}

long long DelegationRepository::insert(soci::session& sql, const Delegation& d) const {
  std::string ticket = d.face_ticket.value_or("");
  soci::indicator ticket_ind = d.face_ticket ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO person_delegations (grantor_id, grantee_id, scope, valid_from, valid_to, state, face_ticket, "
         "created_at, updated_at) VALUES (:a, :b, :s, :f, :t, :st, :ft, :c, :u)",
      soci::use(d.grantor_id), soci::use(d.grantee_id), soci::use(d.scope), soci::use(d.valid_from),
      soci::use(d.valid_to), soci::use(d.state), soci::use(ticket, ticket_ind), soci::use(d.created_at),
      soci::use(d.updated_at);
  // Portable "last insert id": the caller holds the grantor's row lock (flows/delegations).
  long long id = 0;
  sql << "SELECT MAX(id) FROM person_delegations WHERE grantor_id = :a", soci::use(d.grantor_id), soci::into(id);
  return id;
}

bool DelegationRepository::change_state(soci::session& sql, long long id, const std::string& from, const std::string& to,
                                        long long now, std::optional<long long> confirm_by,
                                        std::optional<long long> ended_by) const {
  long long confirm = confirm_by.value_or(0), ended = ended_by.value_or(0);
  soci::indicator confirm_ind = confirm_by ? soci::i_ok : soci::i_null, ended_ind = ended_by ? soci::i_ok : soci::i_null;
  // COALESCE keeps an earlier deadline when this step sets none.
  soci::statement st = (sql.prepare << "UPDATE person_delegations SET state = :to, confirm_by = COALESCE(:cb, confirm_by), "
                                       "ended_by = :eb, updated_at = :u WHERE id = :id AND state = :from",
                        soci::use(to), soci::use(confirm, confirm_ind), soci::use(ended, ended_ind), soci::use(now),
                        soci::use(id), soci::use(from));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace uia::store
