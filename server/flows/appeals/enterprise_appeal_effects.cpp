// Approved enterprise appeals: a new contact phone and password (001 2.7.1), an account the
// reviewer registers (000 五.2(1)), details the reviewer changes (000 五.2(2)). Whoever acted for
// the enterprise until now is signed out; the old contact phone is told it no longer serves.
#include <soci/soci.h>

#include "flows/appeals/appeal_effect_kinds.h"
#include "flows/appeals/appeal_sms.h"
#include "flows/audit/audit_log.h"
#include "flows/sessions/session_store.h"
#include "policy/agent_rules.h"
#include "store/enterprise_repository.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using store::Enterprise;
using store::EnterpriseStatus;

std::string enterprise_target(long long id) { return "enterprise:" + std::to_string(id); }

std::optional<std::string> optional_text(const nlohmann::json& details, const char* name) {
  const auto it = details.find(name);
  if (it == details.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// The representative's person account when one with a checked real name holds the document.
std::optional<long long> representative_account(const AppealEffectContext& c, const Enterprise& e) {
  store::PersonRepository persons(*c.services.cipher, *c.services.blind_index);
  const auto p = persons.find_by_id_number(c.sql, e.rep_id_type, e.rep_id_number);
  if (!p || p->status != store::PersonStatus::Active || p->level < kLegalRepMinLevel || p->name != e.rep_name)
    return std::nullopt;
  return p->id;
}

void set_legal_rep(const AppealEffectContext& c, Enterprise& e) {
  e.rep_name = c.details.value("legal_rep_name", e.rep_name);
  e.rep_id_type = c.details.value("legal_rep_id_type", e.rep_id_type);
  e.rep_id_number = c.details.value("legal_rep_id_number", e.rep_id_number);
  e.rep_id_valid_from = optional_text(c.details, "legal_rep_id_valid_from");
  e.rep_id_valid_to = optional_text(c.details, "legal_rep_id_valid_to");
  e.rep_person_id = representative_account(c, e);
}

void tell_old_phone(const AppealEffectContext& c, const Enterprise& before, const std::string& new_phone) {
  if (!before.phone || before.phone->empty() || *before.phone == new_phone) return;
  send_appeal_sms(c.services, c.sql, *before.phone,
                  before.name + "在统一身份认证平台的法人账号已经账号申诉核实更换联系手机号，本手机号不再接收该账号的短信。"
                                "如有疑问，请联系客服。",
                  c.now);
}

}  // namespace

std::variant<AppliedAppeal, ErrorCode> apply_enterprise_account(const AppealEffectContext& c) {
  store::EnterpriseRepository enterprises(*c.services.cipher, *c.services.blind_index);
  auto e = enterprises.find_by_uscc(c.sql, c.details.value("uscc", ""));
  // An account not yet activated has no password to reset: activation is its way in.
  if (!e || !e->account || e->status == EnterpriseStatus::PendingActivation) return ErrorCode::CaseApplyConflict;
  const Enterprise before = *e;
  e->phone = c.details.value("phone", "");
  e->password_hash = c.details.value("password_hash", "");
  e->updated_at = c.now;
  enterprises.update(c.sql, *e);
  revoke_enterprise_sessions(c.services, c.sql, e->id);
  tell_old_phone(c, before, *e->phone);
  record_audit(c.sql, c.now, {c.actor, "enterprise.contact_changed", enterprise_target(e->id), c.client_ip, "ok",
                              "appeal " + c.appeal.case_number});
  return AppliedAppeal{0, e->id, "contact phone and password of " + enterprise_target(e->id) + " replaced"};
}

std::variant<AppliedAppeal, ErrorCode> apply_enterprise_register_assist(const AppealEffectContext& c) {
  store::EnterpriseRepository enterprises(*c.services.cipher, *c.services.blind_index);
  const std::string uscc = c.details.value("uscc", "");
  auto existing = enterprises.find_by_uscc(c.sql, uscc);
  // Registered meanwhile (other than the registry-mismatch account this appeal corrects): the
  // reviewer decides again.
  if (existing && existing->status != EnterpriseStatus::RegistryMismatch) return ErrorCode::CaseApplyConflict;
  const auto account = optional_text(c.details, "account");
  if (account) {
    if (const auto holder = enterprises.find_by_account(c.sql, *account); holder && (!existing || holder->id != existing->id))
      return ErrorCode::CaseApplyConflict;
  }
  Enterprise e = existing.value_or(Enterprise{});
  if (account) e.account = *account;
  e.uscc = uscc;
  e.name = c.details.value("enterprise_name", "");
  e.org_type = c.details.value("organisation_type", "enterprise");
  set_legal_rep(c, e);
  e.phone = c.details.value("phone", "");
  e.password_hash = c.details.value("password_hash", "");
  // The reviewer checked the licence and the representative's documents instead of the registry.
  e.status = EnterpriseStatus::Active;
  e.updated_at = c.now;
  long long id = 0;
  if (existing) {
    id = existing->id;
    if (!written_unless_taken([&] { enterprises.update(c.sql, e); })) return ErrorCode::CaseApplyConflict;
    revoke_enterprise_sessions(c.services, c.sql, id);
    tell_old_phone(c, *existing, *e.phone);
  } else {
    e.created_at = c.now;
    if (!written_unless_taken([&] { id = enterprises.insert(c.sql, e); })) return ErrorCode::CaseApplyConflict;
  }
  record_audit(c.sql, c.now, {c.actor, "enterprise.register", enterprise_target(id), c.client_ip, "ok",
                              "appeal " + c.appeal.case_number + (existing ? " (registry mismatch corrected)" : "")});
  return AppliedAppeal{0, id, existing ? "registry-mismatch account corrected and activated" : "enterprise account created"};
}

std::variant<AppliedAppeal, ErrorCode> apply_enterprise_info_change(const AppealEffectContext& c) {
  store::EnterpriseRepository enterprises(*c.services.cipher, *c.services.blind_index);
  auto e = enterprises.find_by_uscc(c.sql, c.details.value("uscc", ""));
  if (!e) return ErrorCode::CaseApplyConflict;
  const Enterprise before = *e;
  std::string changed;
  if (const auto new_phone = optional_text(c.details, "new_phone")) {
    e->phone = *new_phone;
    changed += " phone";
  }
  if (c.details.contains("legal_rep_name")) {
    set_legal_rep(c, *e);
    changed += " legal_rep";
  }
  if (c.details.contains("contact_name")) changed += " contact";  // kept in the case: accounts hold no contact name
  e->updated_at = c.now;
  enterprises.update(c.sql, *e);
  // A new phone or representative: whoever acted on the old ones signs in again.
  if (changed.find("phone") != std::string::npos || changed.find("legal_rep") != std::string::npos)
    revoke_enterprise_sessions(c.services, c.sql, e->id);
  if (e->phone) tell_old_phone(c, before, *e->phone);
  record_audit(c.sql, c.now, {c.actor, "enterprise.info_changed", enterprise_target(e->id), c.client_ip, "ok",
                              "appeal " + c.appeal.case_number + ":" + changed});
  return AppliedAppeal{0, e->id, "changed:" + changed};
}

}  // namespace uia::flows
