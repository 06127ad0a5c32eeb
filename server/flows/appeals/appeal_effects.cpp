// What a decided appeal does: the kind's change (per-kind files: person_appeal_effects.cpp,
// enterprise_appeal_effects.cpp) and the appellant's notice.
#include "flows/appeals/appeal_effects.h"

#include "appeals/appeals.h"
#include "flows/appeals/appeal_effect_kinds.h"
#include "flows/appeals/appeal_sms.h"
#include "flows/messages/messages.h"
#include "store/person_repository.h"

namespace uia::flows {
namespace {

// What the approval SMS adds, per kind: how to get in now.
std::string approved_next_step(const std::string& kind) {
  if (kind == "person_phone_taken") return "该手机号已绑定到您的账号，请使用手机号和新设置的密码登录。";
  if (kind == "person_id_taken") return "账号已更换为您的手机号，请使用手机号和新设置的密码登录。";
  if (kind == "enterprise_account") return "法人账号的联系手机号和密码已更换，请使用新设置的密码登录。";
  if (kind == "enterprise_register_assist") return "企业账号已开通，请使用统一社会信用代码和设置的密码登录。";
  return "企业信息已按申诉内容修改。";
}

// The appellant's own person account, for 我的消息. A rejected 身份证号被他人手机号注册 appeal
// has none: the account of that ID number is still the other holder's.
long long appellant_account(app::Services& services, soci::session& sql, const store::AppealCase& appeal,
                            const nlohmann::json& details, bool approved) {
  const AppealKind* kind = find_appeal_kind(appeal.kind);
  if (!kind || kind->party != AppealParty::Person) return 0;
  if (!approved && appeal.kind == "person_id_taken") return 0;
  const auto person = store::PersonRepository(*services.cipher, *services.blind_index)
                          .find_by_id_number(sql, details.value("id_type", ""), details.value("id_number", ""));
  return person && person->status == store::PersonStatus::Active ? person->id : 0;
}

}  // namespace

std::variant<AppliedAppeal, ErrorCode> apply_approved_appeal(app::Services& services, soci::session& sql,
                                                             const store::AppealCase& appeal, long long now,
                                                             const std::string& actor, const std::string& client_ip) {
  const nlohmann::json details = nlohmann::json::parse(appeal.details, nullptr, false);
  if (!details.is_object()) return ErrorCode::CaseApplyConflict;
  const AppealEffectContext context{services, sql, appeal, details, now, actor, client_ip};
  if (appeal.kind == "person_phone_taken") return apply_person_phone_taken(context);
  if (appeal.kind == "person_id_taken") return apply_person_id_taken(context);
  if (appeal.kind == "enterprise_account") return apply_enterprise_account(context);
  if (appeal.kind == "enterprise_register_assist") return apply_enterprise_register_assist(context);
  if (appeal.kind == "enterprise_info_change") return apply_enterprise_info_change(context);
  return ErrorCode::CaseApplyConflict;
}

void notify_appeal_outcome(app::Services& services, soci::session& sql, const store::AppealCase& appeal, bool approved,
                           const std::string& reason, long long now) {
  const nlohmann::json parsed = nlohmann::json::parse(appeal.details, nullptr, false);
  const nlohmann::json details = parsed.is_object() ? parsed : nlohmann::json::object();
  const AppealKind* kind = find_appeal_kind(appeal.kind);
  const std::string label = kind ? std::string(kind->label) : appeal.kind;
  const std::string outcome =
      approved ? "您的账号申诉（" + label + "，申诉编号" + appeal.case_number + "）已审核通过。" + approved_next_step(appeal.kind)
               : "您的账号申诉（" + label + "，申诉编号" + appeal.case_number + "）未通过审核，原因：" + reason +
                     "。如有疑问，可补充材料后重新申诉。";
  send_appeal_sms(services, sql, appeal.contact_phone, outcome, now);
  if (const long long person_id = appellant_account(services, sql, appeal, details, approved)) {
    post_message(sql, person_id,
                 {approved ? "appeal.approved" : "appeal.rejected", approved ? "账号申诉已通过" : "账号申诉未通过", outcome,
                  "appeal:" + appeal.case_number, {{"case_number", appeal.case_number}, {"approved", approved}},
                  std::nullopt},
                 now);
  }
}

}  // namespace uia::flows
