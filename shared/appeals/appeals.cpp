#include "appeals/appeals.h"

#include <array>

namespace uia {
namespace {

constexpr std::array<AppealKind, 5> kKinds = {{
    {"person_phone_taken", "手机号被他人注册", AppealParty::Person, "您的手机号已被他人用其身份证注册，申请找回该手机号"},
    {"person_id_taken", "身份证号被他人手机号注册", AppealParty::Person,
     "您的身份证号已被他人用其手机号注册，申请找回账号并更换绑定手机号"},
    {"enterprise_account", "法人账号申诉", AppealParty::Enterprise,
     "企业联系人无法联系、手机号和密码均无法找回时，申请更换联系人和手机号并重置密码"},
    {"enterprise_register_assist", "辅助企业注册申诉", AppealParty::Enterprise,
     "企业尚未注册，或注册时提示法人信息不匹配，无法自助完成注册"},
    {"enterprise_info_change", "修改企业信息申诉", AppealParty::Enterprise,
     "企业已注册，需要修改手机号码或法人信息，但无法自助完成修改"},
}};

constexpr std::array<AppealMaterialKind, 13> kMaterials = {{
    {"id_front", "身份证人像面照片"},
    {"id_back", "身份证国徽面照片"},
    {"id_handheld", "手持身份证照片"},
    {"business_licence", "企业营业执照原件照片"},
    {"authorisation_letter", "申诉授权书"},
    {"legal_rep_id_front", "法定代表人身份证人像面照片"},
    {"legal_rep_id_back", "法定代表人身份证国徽面照片"},
    {"legal_rep_handheld", "法定代表人手持身份证照片"},
    {"agent_id_front", "经办人身份证人像面照片"},
    {"agent_id_back", "经办人身份证国徽面照片"},
    {"agent_handheld", "经办人手持身份证照片"},
    {"phone_bill", "手机号码实名登记证明"},
    {"other", "其他证明材料"},
}};

// A person proves who they are with their own ID photos (or a face check, which the server
// accepts instead of them); the phone's real-name registration slip helps a phone claim.
constexpr std::array<std::string_view, 3> kPersonRequired = {"id_front", "id_back", "id_handheld"};
constexpr std::array<std::string_view, 2> kPhoneTakenOptional = {"phone_bill", "other"};
constexpr std::array<std::string_view, 1> kOtherOnly = {"other"};
// 001 2.7.1: licence, authorisation letter, the legal representative's ID and a handheld photo.
constexpr std::array<std::string_view, 5> kEnterpriseAccountRequired = {
    "business_licence", "authorisation_letter", "legal_rep_id_front", "legal_rep_id_back", "legal_rep_handheld"};
// 000 五.2: licence, authorisation letter, the legal representative's ID, the agent's ID and a
// handheld photo of the agent.
constexpr std::array<std::string_view, 7> kEnterpriseAssistRequired = {
    "business_licence", "authorisation_letter", "legal_rep_id_front", "legal_rep_id_back",
    "agent_id_front",   "agent_id_back",        "agent_handheld"};

constexpr std::array<AppealStatus, 7> kStatuses = {{
    {"draft", "待上传材料"},
    {"submitted", "已提交，等待审核"},
    {"in_review", "审核中"},
    {"awaiting_second", "初审通过，等待复核"},
    {"second_review", "复核中"},
    {"approved", "申诉通过"},
    {"rejected", "申诉未通过"},
}};

}  // namespace

std::span<const AppealKind> appeal_kinds() { return kKinds; }

const AppealKind* find_appeal_kind(std::string_view code) {
  for (const auto& kind : kKinds)
    if (kind.code == code) return &kind;
  return nullptr;
}

std::span<const AppealMaterialKind> appeal_material_kinds() { return kMaterials; }

const AppealMaterialKind* find_appeal_material_kind(std::string_view code) {
  for (const auto& material : kMaterials)
    if (material.code == code) return &material;
  return nullptr;
}

std::span<const std::string_view> required_appeal_materials(std::string_view kind) {
  if (kind == "person_phone_taken" || kind == "person_id_taken") return kPersonRequired;
  if (kind == "enterprise_account") return kEnterpriseAccountRequired;
  if (kind == "enterprise_register_assist" || kind == "enterprise_info_change") return kEnterpriseAssistRequired;
  return {};
}

std::span<const std::string_view> optional_appeal_materials(std::string_view kind) {
  if (kind == "person_phone_taken") return kPhoneTakenOptional;
  if (find_appeal_kind(kind)) return kOtherOnly;
  return {};
}

bool appeal_material_allowed(std::string_view kind, std::string_view material) {
  for (auto code : required_appeal_materials(kind))
    if (code == material) return true;
  for (auto code : optional_appeal_materials(kind))
    if (code == material) return true;
  return false;
}

std::span<const AppealStatus> appeal_statuses() { return kStatuses; }

std::string_view appeal_status_label(std::string_view code) {
  for (const auto& status : kStatuses)
    if (status.code == code) return status.label;
  return {};
}

bool appeal_status_final(std::string_view code) { return code == "approved" || code == "rejected"; }

}  // namespace uia
