// GET /api/v1/profile: the province profile the server runs with, exactly as `uia profile show`
// prints it, for the browser to run the shared rules with (public; ETag, revalidated on use).
#pragma once
#include <pistache/http.h>

#include "app/services.h"

namespace uia::flows {

void profile_route(const app::Services& services, const Pistache::Http::Request& request,
                   Pistache::Http::ResponseWriter response);

}  // namespace uia::flows
