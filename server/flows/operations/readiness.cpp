#include "flows/operations/readiness.h"

#include <soci/soci.h>

#include <set>

#include "store/migrations.h"

namespace uia::flows {

http::ApiResponse readiness(app::Services& services, const http::ApiRequest&) {
  const char* backend = services.db->backend() == store::Backend::Mysql ? "mysql" : "sqlite";
  std::vector<std::string> expected;
  for (const auto& migration : store::embedded_migrations())
    if (std::string_view(migration.backend) == backend) expected.push_back(migration.version);
  std::set<std::string> applied;
  try {
    services.db->with_session([&](soci::session& sql) {
      soci::rowset<std::string> rows = (sql.prepare << "SELECT version FROM schema_migrations");
      for (const auto& version : rows) applied.insert(version);
    });
  } catch (const std::exception&) {
    // Unreachable, refused, or no schema at all: not ready, and nothing of the error goes out.
    return http::ApiResponse::json(503, {{"status", "not_ready"}, {"database", "unreachable"}});
  }
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& version : expected)
    if (!applied.count(version)) pending.push_back(version);
  nlohmann::json migrations = {{"expected", expected.size()}, {"applied", expected.size() - pending.size()}};
  if (!pending.empty()) migrations["pending"] = pending;
  const bool ready = pending.empty();
  return http::ApiResponse::json(ready ? 200 : 503, {{"status", ready ? "ready" : "not_ready"},
                                                     {"database", "ok"},
                                                     {"migrations", migrations}});
}

}  // namespace uia::flows
