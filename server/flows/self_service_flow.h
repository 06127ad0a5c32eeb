// A step-by-step flow's state (recovery, change of phone): an unguessable id handed to the
// client, the person it is about, the step reached, and an expiry.
#pragma once
#include <optional>
#include <string>

#include <soci/session.h>

#include "app/services.h"

namespace uia::flows {

struct SelfServiceFlow {
  std::string id;
  std::string kind;
  long long person_id = 0;
  std::string step;
  long long expires_at = 0;
};

SelfServiceFlow open_flow(app::Services& services, soci::session& sql, const std::string& kind, long long person_id,
                          const std::string& step, int ttl_seconds, const std::string& client_ip);
// The flow when it exists, is of `kind` and has not expired.
std::optional<SelfServiceFlow> find_flow(app::Services& services, soci::session& sql, const std::string& id,
                                         const std::string& kind);
void advance_flow(soci::session& sql, const std::string& id, const std::string& step);
void close_flow(soci::session& sql, const std::string& id);

}  // namespace uia::flows
