// Back-office decisions on registrations that waited for review: who decided what, when and
// why. The newest rejection's reason is what the person is told when they sign in.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <soci/session.h>

namespace uia::store {

struct ReviewDecision {
  long long id = 0;
  long long person_id = 0;
  std::string decision;  // approve | reject
  std::string reason;    // empty for approvals without a note
  long long staff_id = 0;
  long long decided_at = 0;
};

class ReviewRepository {
 public:
  void insert(soci::session& sql, const ReviewDecision& decision) const;
  std::vector<ReviewDecision> history(soci::session& sql, long long person_id) const;  // oldest first
  std::optional<ReviewDecision> latest(soci::session& sql, long long person_id) const;
};

}  // namespace uia::store
