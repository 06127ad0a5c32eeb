// The province profile: every rule where the five provincial manuals (../seeds 000 Jilin,
// 001 Hubei, 002 Shandong, 003 Hainan, 004 the 工商注册 identity app) differ, as one value.
// The server builds it at start (a built-in profile plus the config file's overrides, see
// profile_fields.h) and sends it to the browser (GET /api/v1/profile), so both halves run the
// same rules from the same value. Nothing here does I/O.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policy/account.h"

namespace uia {

// One entry of a catalogue the pages list and the server checks: a stable code (stored,
// sent over REST) and its zh-CN label (shown).
struct CatalogueEntry {
  std::string code;
  std::string label;
  friend bool operator==(const CatalogueEntry&, const CatalogueEntry&) = default;
};

// One rung of the real-name ladder. `level` is the platform's own scale, the same in every
// profile so that a changed profile re-labels levels and never re-ranks people:
//   1 registered, nothing checked     2 name + ID number checked with the public-security register
//   3 a strong remote proof (face check, or bank card with its reserved phone)
//   4 a certificate issued in person (CA certificate)
// A profile names the rungs it shows; a level between rungs takes the name of the rung below.
struct LevelRung {
  int level = 1;
  std::string name;                 // "初级认证"
  std::vector<std::string> proofs;  // what reaches it: registration, police, face, bank_card, ca_certificate
  friend bool operator==(const LevelRung&, const LevelRung&) = default;
};

// Registration allowed only at some hours for some people (001: "中国大陆省外个人用户注册请在
// 8:00-18:00时间段内进行注册"): residents whose ID number's region is not the home province.
struct RegistrationHours {
  bool enabled = false;
  std::string home_region;     // two-digit province code of the ID number ("42" Hubei)
  int from_minute = 8 * 60;    // minutes after local midnight (China Standard Time)
  int to_minute = 18 * 60;     // exclusive
  friend bool operator==(const RegistrationHours&, const RegistrationHours&) = default;
};

struct Profile {
  std::string name;           // "hubei": what --profile takes
  std::string province;       // "湖北省"
  std::string platform_name;  // shown in the header: "湖北省统一身份认证平台"
  std::string manual;         // the seed it follows: "001"

  // Accounts and passwords.
  // account.mode: "user_chosen" (a name the person picks), "id_number" (the ID number is the
  // login name; nothing to pick), "none" (no login name: sign in by phone or document).
  std::string account_mode = "user_chosen";
  AccountNamePolicy account_name;
  PasswordPolicy password;

  // Sign-in. identifiers: what the password sign-in accepts ("account", "phone", "id_number"
  // for a resident ID, "document" for any accepted document number). methods: every sign-in
  // the manual offers ("password", "sms", "qr", "face", "alipay", "e_social_security_card",
  // "upstream", "ca_certificate", "e_licence"); a method the platform has not built yet is
  // listed for the pages that will show it and refused until then.
  std::vector<std::string> login_identifiers;
  std::vector<std::string> login_methods;

  // Real-name levels, lowest rung first.
  std::vector<LevelRung> levels;
  bool face_at_registration = true;  // a face check completes registration (16 and over)

  // Who may register and how.
  std::vector<std::string> person_id_types;  // resident, hk_macau_permit, taiwan_permit, passport, foreign_permanent_id
  std::vector<CatalogueEntry> organisation_types;  // empty: no enterprise accounts of their own
  RegistrationHours registration_hours;

  // Ways back into an account and ways to change its phone.
  std::vector<std::string> recovery_methods;                // sms, email, security_question, face, alipay
  std::vector<std::string> phone_change_proofs;             // identity (name + ID number), password, face
  std::vector<std::string> enterprise_phone_change_proofs;  // password, four_elements, face

  // Agents (经办人) and person-to-person authorization.
  // agent.credential: "own_password" (the agent signs in with their own person password:
  // 001 代理登录, 003), or "identity_switch" (the agent signs in as a person and switches
  // identity; the enterprise's agent sign-in is not offered: 002).
  std::string agent_credential = "own_password";
  int agent_max_levels = 3;          // 001 2.6: 授权层级最多三层
  int agent_accept_hours = 24;       // 003 2.2.7: 24 小时内点击短信中的链接
  int delegation_accept_hours = 24;  // 000 四.1(6)②: 对方确认 (window: the agents' one)

  // Documents a person uploads for manual review (001 1.2c).
  std::vector<CatalogueEntry> document_kinds;
  // No manual names a count or a size: the platform's own limits (5 files of at most 2 MiB).
  int documents_per_person = 5;
  int document_max_kib = 2 * 1024;

  // Catalogues.
  std::vector<CatalogueEntry> relations;           // 亲属关系
  std::vector<CatalogueEntry> delegation_scopes;   // 授权关系的代办范围
  std::vector<CatalogueEntry> security_questions;  // 密保问题
  std::vector<CatalogueEntry> service_items;       // 经办人的服务事项范围

  friend bool operator==(const Profile&, const Profile&) = default;
};

// The five built-in profiles: jilin (default), hubei, shandong, hainan, gongshang.
std::span<const std::string_view> builtin_profile_names();
std::optional<Profile> builtin_profile(std::string_view name);
inline constexpr std::string_view kDefaultProfileName = "jilin";

// Queries the pages and the flows share.
bool profile_lists(const std::vector<std::string>& list, std::string_view word);
// The name of `level` on this profile's ladder (the rung at or below it); "未实名" below all.
std::string level_name(const Profile& profile, int level);
// The lowest and highest levels the ladder names.
int lowest_level(const Profile& profile);
int highest_level(const Profile& profile);
// The label of `code` in a catalogue; empty when it is not there.
std::string_view catalogue_label(const std::vector<CatalogueEntry>& catalogue, std::string_view code);
bool catalogue_has(const std::vector<CatalogueEntry>& catalogue, std::string_view code);

}  // namespace uia
