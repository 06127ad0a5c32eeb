// The enterprise_grant_requests table: a person asks an enterprise to make them an agent
// (seed 002 申请授权); the legal representative or an admin decides.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

namespace uia::store {

struct GrantRequest {
  long long id = 0;
  long long enterprise_id = 0;
  long long person_id = 0;
  std::vector<std::string> scope;
  std::string valid_from, valid_to;
  std::string note;
  std::string state;  // pending | approved | rejected
  std::optional<long long> decided_by_person_id;
  std::optional<long long> grant_id;
  long long created_at = 0;
  std::optional<long long> decided_at;
};

class GrantRequestRepository {
 public:
  std::optional<GrantRequest> find(soci::session& sql, long long id) const;
  std::vector<GrantRequest> of_enterprise(soci::session& sql, long long enterprise_id) const;  // newest first
  long long pending_of(soci::session& sql, long long enterprise_id, long long person_id) const;
  long long insert(soci::session& sql, const GrantRequest& request) const;  // caller holds the enterprise row lock
  // Compare-and-set from pending to approved/rejected.
  bool decide(soci::session& sql, long long id, const std::string& to, std::optional<long long> decided_by,
              std::optional<long long> grant_id, long long now) const;
};

}  // namespace uia::store
