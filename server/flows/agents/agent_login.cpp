#include "flows/agents/agent_login.h"

#include <cctype>

#include <soci/soci.h>

#include "flows/agents/agent_grant_state.h"
#include "flows/agents/acting_check.h"
#include "flows/back_office/account_freeze.h"
#include "flows/audit/audit_log.h"
#include "flows/login/login_throttle.h"
#include "flows/login/sign_in_identifier.h"
#include "flows/sessions/session_store.h"
#include "ids/documents.h"
#include "privacy/mask.h"
#include "store/enterprise_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using http::ApiResponse;

std::string fold(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The identity the person may take for the enterprise: legal_rep, or the best grant in force
// (an admin grant before a plain one). `state` says why not when there is none.
struct Standing {
  ActingIdentity acting;
  std::string state = "none";
};

Standing standing_of(soci::session& sql, const store::Enterprise& e, long long person_id, long long now,
                     const std::string& today) {
  Standing out;
  if (e.rep_person_id && *e.rep_person_id == person_id) {
    out.acting = {e.id, "legal_rep", 0};
    out.state = "active";
    return out;
  }
  for (const auto& g : store::AgentGrantRepository().of_agent(sql, person_id)) {
    if (g.enterprise_id != e.id) continue;
    if (grant_in_force(sql, g, now, today)) {
      if (out.acting.grant_id == 0 || g.is_admin) out.acting = {e.id, g.is_admin ? "admin" : "agent", g.id};
      out.state = "active";
    } else if (out.acting.grant_id == 0 && out.state == "none") {
      // The newest grant's state tells best why signing in fails (of_agent is newest first).
      const std::string state = effective_state(g, now, today);
      out.state = state == "active" ? "not_in_force" : state;
    }
  }
  return out;
}

}  // namespace

ApiResponse agent_password_sign_in(app::Services& services, const http::ApiRequest& request, http::JsonFields& fields) {
  const std::string enterprise_key = fields.required("uscc");
  const std::string identifier = fields.required("identifier");
  const std::string password = fields.required("password");
  const std::string captcha_id = fields.required("captcha_id");
  const std::string captcha_answer = fields.required("captcha_answer");
  if (fields.failed()) return fields.error();
  const long long now = services.now_seconds();
  const std::string today = format_date(services.clock->today());
  // One lock per enterprise + agent pair, in a domain of its own.
  const std::string subject =
      (*services.blind_index)("agent_login", fold(enterprise_key) + "\n" + normalize_document_number(identifier));
  const store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
  const store::PersonRepository persons(*services.cipher, *services.blind_index);

  if (auto refusal = throttle_and_captcha(services, request.client_ip, captcha_id, captcha_answer, now)) return *refusal;
  const Turn turn = take_turn(services, subject, request.client_ip, now);
  if (turn.refusal) return *turn.refusal;
  std::optional<store::Enterprise> enterprise;
  std::optional<store::Person> person;
  services.db->with_session([&](soci::session& sql) {
    enterprise = enterprises.find_by_account_or_uscc(sql, enterprise_key);
    person = find_by_identifier(sql, persons, identifier, services.profile());
  });

  // Hash even when nothing matched, so the answer takes as long either way.
  static const std::string kDecoyHash = services.passwords->hash("decoy-password-for-timing");
  const bool known = enterprise && enterprise->status == store::EnterpriseStatus::Active && person &&
                     person->password_hash && person->status != store::PersonStatus::Deleted;
  const bool password_ok = services.passwords->verify(known ? *person->password_hash : kDecoyHash, password) && known;

  return services.db->transact([&](soci::session& sql) -> ApiResponse {
    if (!password_ok) {
      record_audit(sql, now, {"anonymous", "session.login", "", request.client_ip, "denied", "CREDENTIALS_INVALID"});
      if (long long wait = count_failure(services, sql, subject, turn.attempt, now); wait > 0) return locked_answer(wait);
      return ApiResponse::error(401, ErrorCode::CredentialsInvalid);
    }
    // The right password is no failure, whatever comes next.
    if (person->status != store::PersonStatus::Active) {
      forgive_attempt(sql, turn.attempt);
      ApiResponse out = ApiResponse::error(403, ErrorCode::AccountNotActive);
      out.body["error"]["status"] = store::status_name(person->status);
      return out;
    }
    const Standing standing = standing_of(sql, *enterprise, person->id, now, today);
    const std::string actor = "person:" + std::to_string(person->id);
    if (standing.acting.enterprise_id == 0) {
      forgive_attempt(sql, turn.attempt);
      record_audit(sql, now, {actor, "session.login", "enterprise:" + std::to_string(enterprise->id), request.client_ip,
                              "denied", "AGENT_GRANT_INACTIVE " + standing.state});
      ApiResponse out = ApiResponse::error(403, ErrorCode::AgentGrantInactive);
      out.body["error"]["state"] = standing.state;
      return out;
    }
    clear_failures(services, sql, subject, turn.attempt, now);
    // Either frozen account stops the agent: the person's own, or the enterprise's.
    if (person_frozen(sql, person->id) || enterprise_frozen(sql, enterprise->id)) {
      record_audit(sql, now, {actor, "session.login", "enterprise:" + std::to_string(enterprise->id), request.client_ip,
                              "denied", "ACCOUNT_FROZEN"});
      return frozen_refusal();
    }
    const NewSession session =
        create_agent_session(services, sql, person->id, standing.acting.acting_for(), standing.acting.grant_id,
                             request.client_ip, request.user_agent);
    record_audit(sql, now, {actor, "session.login", "session:" + std::to_string(session.id), request.client_ip, "ok",
                            "agent_password"}, acting_for_text(standing.acting));
    nlohmann::json subject_json = {{"type", "agent"},
                                   {"person_id", person->id},
                                   {"name", mask_name(person->name)},
                                   {"level", person->level},
                                   {"enterprise_id", enterprise->id},
                                   {"enterprise_name", enterprise->name},
                                   {"uscc", enterprise->uscc},
                                   {"acting_role", standing.acting.role},
                                   {"grant_id", standing.acting.grant_id != 0 ? nlohmann::json(standing.acting.grant_id)
                                                                              : nlohmann::json(nullptr)}};
    ApiResponse out = ApiResponse::json(201, {{"token", session.token},
                                              {"expires_in", session.expires_in},
                                              {"csrf_token", session.csrf_token},
                                              {"subject", subject_json}});
    out.session_cookie = http::SessionCookie{session.token, services.limits.session_absolute_seconds, !services.dev_mode};
    return out;
  });
}

}  // namespace uia::flows
