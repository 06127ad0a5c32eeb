#include "flows/agents/acting_check.h"

#include <soci/soci.h>

#include "flows/agents/agent_grant_state.h"

namespace uia::flows {

ActingIdentity acting_identity_of(soci::session& sql, const ActiveSession& session) {
  ActingIdentity out{session.acting.enterprise_id, session.acting.role, 0};
  if (out.enterprise_id != 0 && (out.role == "agent" || out.role == "admin"))
    out.grant_id = session_grant_id(sql, session.id);
  return out;
}

bool acting_still_allowed(app::Services& services, const ActiveSession& session) {
  const ActingFor& acting = session.acting;
  if (acting.enterprise_id == 0 || acting.role == "enterprise") return true;
  const long long now = services.now_seconds();
  const std::string today = format_date(services.clock->today());
  return services.db->with_session([&](soci::session& sql) {
    if (acting.role == "legal_rep") {
      long long rep = 0;
      soci::indicator rep_set = soci::i_null;
      std::string status;
      sql << "SELECT rep_person_id, status FROM enterprises WHERE id = :e", soci::use(acting.enterprise_id),
          soci::into(rep, rep_set), soci::into(status);
      return sql.got_data() && rep_set == soci::i_ok && rep == session.person_id && status == "active";
    }
    const long long grant_id = session_grant_id(sql, session.id);
    if (grant_id == 0) return false;
    const auto grant = store::AgentGrantRepository().find(sql, grant_id);
    return grant && grant->agent_person_id == session.person_id && grant->enterprise_id == acting.enterprise_id &&
           grant_in_force(sql, *grant, now, today);
  });
}

std::string acting_for_text(const ActingIdentity& acting) {
  if (acting.enterprise_id == 0) return "";
  std::string out = "enterprise:" + std::to_string(acting.enterprise_id) + " role:" + acting.role;
  if (acting.grant_id != 0) out += " grant:" + std::to_string(acting.grant_id);
  return out;
}

}  // namespace uia::flows
