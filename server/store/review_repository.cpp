#include "store/review_repository.h"

#include <soci/soci.h>

namespace uia::store {

void ReviewRepository::insert(soci::session& sql, const ReviewDecision& d) const {
  sql << "INSERT INTO registration_reviews (person_id, decision, reason, staff_id, decided_at) "
         "VALUES (:p, :d, :r, :s, :t)",
      soci::use(d.person_id), soci::use(d.decision), soci::use(d.reason), soci::use(d.staff_id), soci::use(d.decided_at);
}

std::vector<ReviewDecision> ReviewRepository::history(soci::session& sql, long long person_id) const {
  std::vector<ReviewDecision> out;
  ReviewDecision d;
  soci::indicator reason_indicator = soci::i_ok;
  soci::statement st = (sql.prepare << "SELECT id, person_id, decision, reason, staff_id, decided_at FROM "
                                       "registration_reviews WHERE person_id = :p ORDER BY id",
                        soci::use(person_id), soci::into(d.id), soci::into(d.person_id), soci::into(d.decision),
                        soci::into(d.reason, reason_indicator), soci::into(d.staff_id), soci::into(d.decided_at));
  st.execute();
  while (st.fetch()) {
    if (reason_indicator != soci::i_ok) d.reason.clear();
    out.push_back(d);
  }
  return out;
}

std::optional<ReviewDecision> ReviewRepository::latest(soci::session& sql, long long person_id) const {
  auto all = history(sql, person_id);
  if (all.empty()) return std::nullopt;
  return all.back();
}

}  // namespace uia::store
