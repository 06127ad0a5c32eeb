#include "flows/agents/agent_notices.h"

#include "flows/agents/agent_grant_view.h"
#include "flows/audit/audit_log.h"
#include "flows/messages/messages.h"
#include "policy/agent_rules.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"
#include "store/person_repository.h"

namespace uia::flows {

std::string enterprise_name_of(app::Services& services, soci::session& sql, long long enterprise_id) {
  const auto e = store::EnterpriseRepository(*services.cipher, *services.blind_index).find_by_id(sql, enterprise_id);
  return e ? e->name : "";
}

void announce_offer(app::Services& services, soci::session& sql, const store::AgentGrant& g, long long now) {
  const std::string enterprise = enterprise_name_of(services, sql, g.enterprise_id);
  const std::string link = "/agent-grants/" + std::to_string(g.id);
  post_message(sql, g.agent_person_id,
               {"agent_grant.offer", "企业经办人授权待确认",
                enterprise + "授权您为该企业的经办人（有效期" + g.valid_from + "至" + g.valid_to +
                    "），可代为办理企业事项，请" + confirm_within_text(services.profile().agent_accept_hours) + "。",
                grant_target(g),
                {{"grant_id", g.id},
                 {"enterprise_id", g.enterprise_id},
                 {"enterprise_name", enterprise},
                 {"scope", g.scope},
                 {"valid_from", g.valid_from},
                 {"valid_to", g.valid_to},
                 {"admin", g.is_admin},
                 {"link", link},
                 {"actions", nlohmann::json::array({"accept", "refuse"})}},
                g.confirm_by},
               now);
  const auto agent = store::PersonRepository(*services.cipher, *services.blind_index).find_by_id(sql, g.agent_person_id);
  if (!agent || !agent->phone || !services.ports.sms) return;
  ports::SmsMessage sms;
  sms.phone = *agent->phone;
  sms.purpose = "agent_grant";
  sms.text = "【统一身份认证】" + mask_name(agent->name) + "您好，" + enterprise +
             "授权您为企业经办人，请在" + hours_text(services.profile().agent_accept_hours) +
             "内登录统一身份认证平台确认：" + link;
  const ports::SmsSendResult sent = services.ports.sms->send(sms);
  record_audit(sql, now, {"system", "sms.send", "phone:" + mask_phone(*agent->phone), "", sent.delivered ? "ok" : "failed",
                          "agent_grant"});
}

void tell_about_grant(soci::session& sql, long long person_id, const store::AgentGrant& g, const std::string& kind,
                      const std::string& title, const std::string& body, long long now) {
  post_message(sql, person_id, {kind, title, body, grant_target(g), {{"grant_id", g.id}, {"enterprise_id", g.enterprise_id}},
                                std::nullopt},
               now);
}

}  // namespace uia::flows
