#include "flows/face/face_check_record.h"

#include <soci/soci.h>

namespace uia::flows {

void record_face_check(app::Services& services, soci::session& sql, const std::string& ticket, long long person_id,
                       const std::string& purpose, long long now) {
  const long long expires_at = now + services.limits.face_ticket_ttl_seconds;
  sql << "INSERT INTO face_checks (ticket, person_id, purpose, status, created_at, expires_at) "
         "VALUES (:t, :p, :u, 'pending', :c, :e)",
      soci::use(ticket), soci::use(person_id), soci::use(purpose), soci::use(now), soci::use(expires_at);
}

}  // namespace uia::flows
