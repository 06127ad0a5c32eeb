// What agents are told, through "my messages" (flows/messages) and, for an offer, an SMS with
// the link to the confirmation page too (seed 003: "会给经办人发送手机短信或推送...内部消息。经办人
// 需要在 24 小时内点击短信中的链接，前往确认页面接受授权").
#pragma once
#include <string>

#include <soci/session.h>

#include "app/services.h"
#include "store/agent_grant_repository.h"

namespace uia::flows {

// The grant is offered to its agent (state pending, confirm_by set): a message asking to accept
// or refuse within 24 hours, and the SMS. The SMS goes out best effort: the message in the app
// is the record; a failed send is audited.
void announce_offer(app::Services& services, soci::session& sql, const store::AgentGrant& grant, long long now);
// A short notice about the grant (disabled, revoked, approved, ...) to `person_id`.
void tell_about_grant(soci::session& sql, long long person_id, const store::AgentGrant& grant, const std::string& kind,
                      const std::string& title, const std::string& body, long long now);
// The name of the enterprise a grant is for ("" if it is gone).
std::string enterprise_name_of(app::Services& services, soci::session& sql, long long enterprise_id);

}  // namespace uia::flows
