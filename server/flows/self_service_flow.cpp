#include "flows/self_service_flow.h"

#include <soci/soci.h>

#include "crypto/tokens.h"

namespace uia::flows {

SelfServiceFlow open_flow(app::Services& services, soci::session& sql, const std::string& kind, long long person_id,
                          const std::string& step, int ttl_seconds, const std::string& client_ip) {
  SelfServiceFlow flow{crypto::random_token(*services.random, 32), kind, person_id, step,
                       services.now_seconds() + ttl_seconds};
  const long long now = services.now_seconds();
  sql << "INSERT INTO self_service_flows (id, kind, person_id, step, created_at, expires_at, client_ip) "
         "VALUES (:id, :kind, :person, :step, :now, :exp, :ip)",
      soci::use(flow.id), soci::use(flow.kind), soci::use(flow.person_id), soci::use(flow.step), soci::use(now),
      soci::use(flow.expires_at), soci::use(client_ip);
  return flow;
}

std::optional<SelfServiceFlow> find_flow(app::Services& services, soci::session& sql, const std::string& id,
                                         const std::string& kind) {
  if (id.empty() || id.size() > 64) return std::nullopt;
  SelfServiceFlow flow;
  sql << "SELECT id, kind, person_id, step, expires_at FROM self_service_flows WHERE id = :id", soci::use(id),
      soci::into(flow.id), soci::into(flow.kind), soci::into(flow.person_id), soci::into(flow.step),
      soci::into(flow.expires_at);
  if (!sql.got_data() || flow.kind != kind || flow.expires_at < services.now_seconds()) return std::nullopt;
  return flow;
}

void advance_flow(soci::session& sql, const std::string& id, const std::string& step) {
  sql << "UPDATE self_service_flows SET step = :step WHERE id = :id", soci::use(step), soci::use(id);
}

void close_flow(soci::session& sql, const std::string& id) {
  sql << "DELETE FROM self_service_flows WHERE id = :id", soci::use(id);
}

}  // namespace uia::flows
