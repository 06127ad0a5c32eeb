// GET /readyz: whether this node should be given traffic (a load balancer's or nginx's health
// check; /healthz only says the process is alive). Ready means the database answers and holds
// every migration this binary embeds: a node started against a database an older node has not
// migrated yet, or one whose database is unreachable, answers 503 with what is wrong.
//   200 {"status":"ready","database":"ok","migrations":{"expected":N,"applied":N}}
//   503 {"status":"not_ready","database":"unreachable"|"ok","migrations":{...,"pending":[...]}}
// Anonymous and cheap (two small reads); it reveals versions, never data.
#pragma once
#include "app/services.h"
#include "http/api.h"

namespace uia::flows {

http::ApiResponse readiness(app::Services& services, const http::ApiRequest& request);

}  // namespace uia::flows
