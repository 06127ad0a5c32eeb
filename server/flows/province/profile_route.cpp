#include "flows/province/profile_route.h"

#include "http/entity.h"
#include "http/request_headers.h"
#include "http/response_headers.h"

namespace uia::flows {

void profile_route(const app::Services& services, const Pistache::Http::Request& request,
                   Pistache::Http::ResponseWriter response) {
  using Pistache::Http::Code;
  const app::ProvinceProfile& profile = *services.province;
  http::set_header(response, "ETag", profile.etag);
  // Public and the same for everyone; revalidated on each use so that a restart with another
  // profile reaches every browser at its next start.
  http::set_header(response, "Cache-Control", "public, no-cache");
  if (http::header_value(request, "If-None-Match") == profile.etag) {
    http::send_entity(response, Code::Not_Modified, "");
    return;
  }
  http::send_entity(response, Code::Ok, profile.json, "application/json; charset=utf-8");
}

}  // namespace uia::flows
