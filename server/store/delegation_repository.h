// The person_delegations table (授权关系 between two registered persons). A row is visible to
// its two sides only: reads name the caller as grantor or grantee, so anyone else's id is not
// found.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

namespace uia::store {

struct Delegation {
  long long id = 0;
  long long grantor_id = 0;
  long long grantee_id = 0;
  std::string scope;
  std::string valid_from, valid_to;  // YYYY-MM-DD
  std::string state;  // awaiting_face | face_failed | pending | active | refused | expired | ended
  std::optional<std::string> face_ticket;
  std::optional<long long> confirm_by;  // pending: the grantee's deadline
  std::optional<long long> ended_by;    // ended: the person who ended it
  long long created_at = 0;
  long long updated_at = 0;
};

class DelegationRepository {
 public:
  std::optional<Delegation> find(soci::session& sql, long long id) const;
  std::optional<Delegation> find_by_face_ticket(soci::session& sql, const std::string& ticket) const;
  std::vector<Delegation> given_by(soci::session& sql, long long grantor_id) const;     // newest first
  std::vector<Delegation> received_by(soci::session& sql, long long grantee_id) const;  // newest first, from pending on
  // Relations not over yet (awaiting_face, pending, active) between these two, this way round.
  long long open_between(soci::session& sql, long long grantor_id, long long grantee_id) const;
  long long open_given(soci::session& sql, long long grantor_id) const;
  // Every relation not over yet in which `person_id` is either side.
  std::vector<Delegation> open_involving(soci::session& sql, long long person_id) const;
  long long insert(soci::session& sql, const Delegation& delegation) const;  // returns the new id
  // Compare-and-set: moves `id` from `from` to `to` only if still in `from` (false otherwise).
  bool change_state(soci::session& sql, long long id, const std::string& from, const std::string& to, long long now,
                    std::optional<long long> confirm_by = std::nullopt, std::optional<long long> ended_by = std::nullopt) const;
};

}  // namespace uia::store
