#include "flows/face/face_status.h"

#include <algorithm>

#include <soci/soci.h>

namespace uia::flows {

http::ApiResponse face_check_status(app::Services& services, const http::ApiRequest& request) {
  const std::string& ticket = request.params.at("ticket");
  const long long now = services.now_seconds();
  std::string purpose, status;
  long long expires_at = 0;
  const bool found = services.db->with_session([&](soci::session& sql) {
    sql << "SELECT purpose, status, expires_at FROM face_checks WHERE ticket = :t", soci::use(ticket),
        soci::into(purpose), soci::into(status), soci::into(expires_at);
    return sql.got_data();
  });
  if (!found) return http::ApiResponse::error(404, ErrorCode::FaceTicketInvalid, "ticket");
  // A pending check past its time is expired to the waiting page, whatever the row says.
  if (status == "pending" && expires_at < now) status = "expired";
  return http::ApiResponse::json(200, {{"ticket", ticket},
                                       {"purpose", purpose},
                                       {"status", status},
                                       {"expires_in", status == "pending" ? std::max(0LL, expires_at - now) : 0LL}});
}

}  // namespace uia::flows
