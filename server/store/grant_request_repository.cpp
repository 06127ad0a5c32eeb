#include "store/grant_request_repository.h"

#include <soci/soci.h>

#include "store/agent_grant_repository.h"

namespace uia::store {
namespace {

constexpr const char* kColumns =
    "id, enterprise_id, person_id, scope, valid_from, valid_to, note, state, decided_by_person_id, grant_id, "
    "created_at, decided_at";

template <typename Key>
std::vector<GrantRequest> select_where(soci::session& sql, const std::string& where, const Key& key) {
  std::vector<GrantRequest> out;
  GrantRequest r;
  std::string scope, note;
  long long decided_by = 0, grant = 0, decided_at = 0;
  soci::indicator note_ind = soci::i_null, by_ind = soci::i_null, grant_ind = soci::i_null, at_ind = soci::i_null;
  const std::string query =
      std::string("SELECT ") + kColumns + " FROM enterprise_grant_requests WHERE " + where + " ORDER BY id DESC";
  soci::statement st = (sql.prepare << query, soci::use(key), soci::into(r.id), soci::into(r.enterprise_id),
                        soci::into(r.person_id), soci::into(scope), soci::into(r.valid_from), soci::into(r.valid_to),
                        soci::into(note, note_ind), soci::into(r.state), soci::into(decided_by, by_ind),
                        soci::into(grant, grant_ind), soci::into(r.created_at), soci::into(decided_at, at_ind));
  st.execute();
  while (st.fetch()) {
    GrantRequest row = r;
    row.scope = split_scope(scope);
    row.note = note_ind == soci::i_ok ? note : "";
    row.decided_by_person_id = by_ind == soci::i_ok ? std::optional(decided_by) : std::nullopt;
    row.grant_id = grant_ind == soci::i_ok ? std::optional(grant) : std::nullopt;
    row.decided_at = at_ind == soci::i_ok ? std::optional(decided_at) : std::nullopt;
    out.push_back(row);
  }
  return out;
}

}  // namespace

std::optional<GrantRequest> GrantRequestRepository::find(soci::session& sql, long long id) const {
  auto rows = select_where(sql, "id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<GrantRequest> GrantRequestRepository::of_enterprise(soci::session& sql, long long enterprise_id) const {
  return select_where(sql, "enterprise_id = :e", enterprise_id);
}

long long GrantRequestRepository::pending_of(soci::session& sql, long long enterprise_id, long long person_id) const {
  long long n = 0;
  sql << "SELECT COUNT(*) FROM enterprise_grant_requests WHERE enterprise_id = :e AND person_id = :p AND "
         "state = 'pending'",
      soci::use(enterprise_id), soci::use(person_id), soci::into(n);
  return n;
}

long long GrantRequestRepository::insert(soci::session& sql, const GrantRequest& r) const {
  std::string scope = join_scope(r.scope);
  std::string note = r.note;
  soci::indicator note_ind = note.empty() ? soci::i_null : soci::i_ok;
  sql << "INSERT INTO enterprise_grant_requests (enterprise_id, person_id, scope, valid_from, valid_to, note, state, "
         "created_at) VALUES (:e, :p, :s, :f, :t, :n, :st, :c)",
      soci::use(r.enterprise_id), soci::use(r.person_id), soci::use(scope), soci::use(r.valid_from),
      soci::use(r.valid_to), soci::use(note, note_ind), soci::use(r.state), soci::use(r.created_at);
  long long id = 0;
  sql << "SELECT MAX(id) FROM enterprise_grant_requests WHERE enterprise_id = :e", soci::use(r.enterprise_id),
      soci::into(id);
  return id;
}

bool GrantRequestRepository::decide(soci::session& sql, long long id, const std::string& to,
                                    std::optional<long long> decided_by, std::optional<long long> grant_id,
                                    long long now) const {
  long long by = decided_by.value_or(0), grant = grant_id.value_or(0);
  soci::indicator by_ind = decided_by ? soci::i_ok : soci::i_null, grant_ind = grant_id ? soci::i_ok : soci::i_null;
  soci::statement st = (sql.prepare << "UPDATE enterprise_grant_requests SET state = :to, decided_by_person_id = :b, "
                                       "grant_id = :g, decided_at = :now WHERE id = :id AND state = 'pending'",
                        soci::use(to), soci::use(by, by_ind), soci::use(grant, grant_ind), soci::use(now), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace uia::store
