#include "flows/province/profile_route.h"

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
  http::set_header(response, "X-Content-Type-Options", "nosniff");
  if (http::header_value(request, "If-None-Match") == profile.etag) {
    response.send(Code::Not_Modified);
    return;
  }
  http::set_header(response, "Content-Type", "application/json; charset=utf-8");
  if (request.method() == Pistache::Http::Method::Head) {
    response.send(Code::Ok, "");
    return;
  }
  response.send(Code::Ok, profile.json);
}

}  // namespace uia::flows
