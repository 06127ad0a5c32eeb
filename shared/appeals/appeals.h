// Appeals (账号申诉): the last-resort way back into an account, decided by back-office staff
// (seeds 001 1.6, 2.7; 000 五.2; 003 2.1.4, 2.2.3-2.2.5). The kinds, the materials each needs,
// and the case's states live here once: the pages list them and the server checks them.
//
// A case's life (what each step writes to the audit log is listed in flows/appeals/):
//   draft ──submit (all required materials uploaded)──▶ submitted
//   submitted ──claim──▶ in_review ──approve──▶ approved            (one reviewer)
//                                   └─approve──▶ awaiting_second    (second review on: first approval)
//   awaiting_second ──claim (another reviewer)──▶ second_review ──approve──▶ approved
//   in_review | second_review ──reject──▶ rejected
//   in_review | second_review ──release──▶ submitted | awaiting_second (back to the queue)
//   draft ──(not submitted in time)──▶ deleted by the sweep
// approved and rejected are final: a second decision is 409 CASE_ALREADY_DECIDED.
#pragma once
#include <span>
#include <string_view>

namespace uia {

enum class AppealParty { Person, Enterprise };

struct AppealKind {
  std::string_view code;   // stored and sent over REST
  std::string_view label;  // zh-CN, as the manuals name it
  AppealParty party;
  std::string_view hint;   // what it is for, shown under the choice
};

// person_phone_taken     手机号被他人注册 (001 1.6.1): my phone number is on someone else's account
// person_id_taken        身份证号被他人手机号注册 (001 1.6.2): my ID number was registered with a stranger's phone
// enterprise_account     法人账号申诉 (001 2.7.1): the contact left, phone and password are lost
// enterprise_register_assist  辅助企业注册申诉 (000 五.2(1)): self-service registration cannot finish
// enterprise_info_change      修改企业信息申诉 (000 五.2(2)): registered, but the details cannot be changed alone
std::span<const AppealKind> appeal_kinds();
const AppealKind* find_appeal_kind(std::string_view code);

struct AppealMaterialKind {
  std::string_view code;
  std::string_view label;
};
std::span<const AppealMaterialKind> appeal_material_kinds();
const AppealMaterialKind* find_appeal_material_kind(std::string_view code);

// The materials a kind must have before it can be submitted, and those it may have besides.
std::span<const std::string_view> required_appeal_materials(std::string_view kind);
std::span<const std::string_view> optional_appeal_materials(std::string_view kind);
bool appeal_material_allowed(std::string_view kind, std::string_view material);

// Case states: draft, submitted, in_review, awaiting_second, second_review, approved, rejected.
struct AppealStatus {
  std::string_view code;
  std::string_view label;  // what the appellant's 申诉进度查询 page shows
};
std::span<const AppealStatus> appeal_statuses();
std::string_view appeal_status_label(std::string_view code);
bool appeal_status_final(std::string_view code);  // approved | rejected
// Open: counts against "one open appeal per phone / USCC" (everything not final).
inline bool appeal_status_open(std::string_view code) { return !appeal_status_final(code); }

// The free-text remark (申诉备注, 000: 0/150) and a reviewer's reason.
inline constexpr int kAppealRemarkMaxChars = 150;
inline constexpr int kAppealReasonMaxChars = 500;

}  // namespace uia
