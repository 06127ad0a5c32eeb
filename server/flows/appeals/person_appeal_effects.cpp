// Approved person appeals: a phone back to the one it is registered to (001 1.6.1), an account
// back to the holder of its ID number (001 1.6.2). The other holder loses the phone or the
// account, their sessions and business-system tokens end, and 我的消息 / an SMS tells them what
// happened, never who asked or anything else about the appellant.
#include <soci/soci.h>

#include "flows/appeals/appeal_effect_kinds.h"
#include "flows/appeals/appeal_sms.h"
#include "flows/audit/audit_log.h"
#include "flows/messages/messages.h"
#include "flows/oidc/oidc_tokens.h"
#include "flows/sessions/session_store.h"
#include "ids/resident_id.h"
#include "privacy/mask.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {
using store::Person;
using store::PersonStatus;

std::string person_target(long long id) { return "person:" + std::to_string(id); }

// Out of every device and every business system. An account that stays its holder's (only the
// phone left) keeps its consents; an account that moves to the appellant loses the stranger's.
void end_everything_of(const AppealEffectContext& c, long long person_id, bool account_moves) {
  revoke_all_sessions(c.services, c.sql, person_id);
  if (account_moves) oidc::revoke_all_grants(c.sql, person_id, c.now);
  else oidc::revoke_person_tokens(c.sql, person_id, c.now, "appeal_phone_reclaimed");
}

bool usable(const Person& p) { return p.status != PersonStatus::Deleted && p.status != PersonStatus::Rejected; }

// A new account for an appellant who had none: the reviewer checked the documents, so the
// real name counts as checked (level 2), as a reviewed registration does.
long long create_account(const AppealEffectContext& c, const store::PersonRepository& persons, const std::string& phone) {
  Person p;
  p.name = c.details.value("name", "");
  p.id_type = c.details.value("id_type", "");
  p.id_number = c.details.value("id_number", "");
  p.phone = phone;
  p.password_hash = c.details.value("password_hash", "");
  if (p.id_type == "resident") {
    if (const auto id = parse_resident_id(p.id_number, c.services.clock->today())) {
      p.birth_date = format_date(id->birth_date);
      p.gender = id->gender == Gender::Male ? "male" : "female";
    }
  }
  p.status = PersonStatus::Active;
  p.level = 2;
  p.created_at = p.updated_at = c.now;
  const long long id = persons.insert(c.sql, p);
  record_audit(c.sql, c.now, {c.actor, "person.register", person_target(id), c.client_ip, "ok", "appeal " + c.appeal.case_number});
  return id;
}

}  // namespace

std::variant<AppliedAppeal, ErrorCode> apply_person_phone_taken(const AppealEffectContext& c) {
  store::PersonRepository persons(*c.services.cipher, *c.services.blind_index);
  const std::string phone = c.details.value("phone", "");
  // The phone must still be on the account that held it when the appeal was filed: freed since,
  // or moved to a third account, the reviewer decides again (CASE_APPLY_CONFLICT).
  const auto holder = persons.find_by_phone(c.sql, phone);
  if (!holder || holder->id != c.details.value("phone_holder_id", 0LL)) return ErrorCode::CaseApplyConflict;
  const auto own = persons.find_by_id_number(c.sql, c.details.value("id_type", ""), c.details.value("id_number", ""));
  if (own && (own->id == holder->id || !usable(*own))) return ErrorCode::CaseApplyConflict;

  persons.clear_phone(c.sql, holder->id, c.now);
  end_everything_of(c, holder->id, false);
  post_message(c.sql, holder->id,
               {"appeal.phone_removed", "手机号已解除绑定",
                "您账号绑定的手机号" + mask_phone(phone) +
                    "经账号申诉核实属于他人，已与您的账号解除绑定，您已在所有设备和业务系统中退出登录。请使用账号或证件号码登录，"
                    "并在个人中心绑定您本人的手机号。如有疑问，请联系客服。",
                "", {}, std::nullopt},
               c.now);
  record_audit(c.sql, c.now, {c.actor, "person.phone_removed", person_target(holder->id), c.client_ip, "ok",
                              "appeal " + c.appeal.case_number});

  long long appellant = 0;
  if (own) {
    appellant = own->id;
    if (!written_unless_taken([&] { persons.update_phone(c.sql, own->id, phone, c.now); }))
      return ErrorCode::CaseApplyConflict;
    persons.update_password(c.sql, own->id, c.details.value("password_hash", ""), c.now);
    revoke_all_sessions(c.services, c.sql, own->id);  // a new password ends the old sessions, as recovery does
  } else if (!written_unless_taken([&] { appellant = create_account(c, persons, phone); })) {
    return ErrorCode::CaseApplyConflict;
  }
  record_audit(c.sql, c.now, {c.actor, "person.phone_reclaimed", person_target(appellant), c.client_ip, "ok",
                              "appeal " + c.appeal.case_number});
  return AppliedAppeal{appellant, 0,
                       "phone moved from " + person_target(holder->id) + " to " + person_target(appellant) +
                           (own ? "" : " (new account)")};
}

std::variant<AppliedAppeal, ErrorCode> apply_person_id_taken(const AppealEffectContext& c) {
  store::PersonRepository persons(*c.services.cipher, *c.services.blind_index);
  const auto account = persons.find_by_id_number(c.sql, c.details.value("id_type", ""), c.details.value("id_number", ""));
  if (!account || !usable(*account)) return ErrorCode::CaseApplyConflict;
  const std::string new_phone = c.details.value("phone", "");
  if (const auto holder = persons.find_by_phone(c.sql, new_phone); holder && holder->id != account->id)
    return ErrorCode::CaseApplyConflict;

  // The stranger's hold on the account ends: sessions, tokens, contact details, inbox.
  end_everything_of(c, account->id, true);
  persons.clear_email(c.sql, account->id, c.now);
  c.sql << "DELETE FROM addresses WHERE person_id = :p", soci::use(account->id);
  c.sql << "DELETE FROM security_answers WHERE person_id = :p", soci::use(account->id);
  delete_messages_of(c.sql, account->id);
  if (account->phone && *account->phone != new_phone)
    send_appeal_sms(c.services, c.sql, *account->phone,
                    "您的手机号已与统一身份认证平台上一个账号解除绑定：该账号所登记证件的持有人经账号申诉核实后找回了账号。"
                    "如有疑问，请联系客服。",
                    c.now);
  if (!written_unless_taken([&] { persons.update_phone(c.sql, account->id, new_phone, c.now); }))
    return ErrorCode::CaseApplyConflict;
  persons.update_password(c.sql, account->id, c.details.value("password_hash", ""), c.now);
  const std::string name = c.details.value("name", account->name);
  if (name != account->name) persons.update_name(c.sql, account->id, name, std::max(account->level, 2), c.now);
  if (account->status == PersonStatus::PendingActivation || account->status == PersonStatus::PendingFace)
    persons.update_status(c.sql, account->id, PersonStatus::Active, std::max(account->level, 2), c.now);
  record_audit(c.sql, c.now, {c.actor, "person.reclaimed", person_target(account->id), c.client_ip, "ok",
                              "appeal " + c.appeal.case_number});
  return AppliedAppeal{account->id, 0, "account " + person_target(account->id) + " moved to the holder of its ID number"};
}

}  // namespace uia::flows
