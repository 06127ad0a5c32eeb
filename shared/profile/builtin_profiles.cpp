// The five built-in profiles, each following its manual (../seeds; the section is named beside
// each rule). Where a manual is silent the rule is taken from the nearest manual, and the
// comment says which.
#include "profile/profile.h"

#include <array>

namespace uia {
namespace {

using Entries = std::vector<CatalogueEntry>;

// Catalogues no manual spells out: the platform's own, the same in every profile unless a
// province's config replaces them.
Entries common_relations() {
  return {{"spouse", "配偶"},
          {"parent", "父母"},
          {"child", "子女"},
          {"sibling", "兄弟姐妹"},
          {"grandparent", "祖父母/外祖父母"},
          {"grandchild", "孙子女/外孙子女"},
          {"other", "其他亲属"}};
}

Entries common_delegation_scopes() {
  return {{"all", "全部事项"}, {"apply", "代为申办事项"}, {"query", "查询办件进度"}};
}

Entries common_security_questions() {
  return {{"birth_city", "您出生的城市是？"},          {"mother_name", "您母亲的姓名是？"},
          {"father_name", "您父亲的姓名是？"},         {"primary_school", "您就读的小学名称是？"},
          {"first_teacher", "您的启蒙老师姓名是？"},   {"childhood_friend", "您童年最好的朋友叫什么名字？"},
          {"spouse_birthday", "您配偶的生日是？"},     {"first_pet", "您第一只宠物的名字是？"},
          {"favorite_book", "您最喜欢的一本书是？"},   {"first_job_city", "您第一份工作所在的城市是？"}};
}

Entries common_service_items() {
  return {{"business_registration", "企业登记"}, {"tax", "税务办理"},     {"social_security", "社保办理"},
          {"housing_fund", "公积金办理"},        {"licensing", "行政许可"}, {"certificates", "证照办理"},
          {"progress_query", "办件查询"}};
}

// The review of a registration with a passport or a foreign permanent residence ID (000: 需人工
// 审核): the codes the platform has stored since its first upload flow.
Entries common_document_kinds() {
  return {{"passport_photo_page", "护照照片页"}, {"residence_permit", "居留证件"}, {"other", "其他材料"}};
}

// 001 1.2c 上传证件正面、上传证件反面、上传营业执照 (the review of a manual registration).
Entries hubei_document_kinds() {
  return {{"id_front", "证件正面"}, {"id_back", "证件反面"}, {"business_licence", "营业执照"}};
}

// 003 2.2.1 法人类型: 企业 / 社会团体 / 机关事业单位.
Entries three_organisation_types() {
  return {{"enterprise", "企业"}, {"social_organisation", "社会团体"}, {"public_institution", "机关事业单位"}};
}

const std::vector<std::string> kAllPersonIdTypes = {"resident", "hk_macau_permit", "taiwan_permit", "passport",
                                                    "foreign_permanent_id"};

Profile base(std::string name, std::string province, std::string platform, std::string manual) {
  Profile p;
  p.name = std::move(name);
  p.province = std::move(province);
  p.platform_name = std::move(platform);
  p.manual = std::move(manual);
  p.relations = common_relations();
  p.delegation_scopes = common_delegation_scopes();
  p.security_questions = common_security_questions();
  p.service_items = common_service_items();
  p.document_kinds = common_document_kinds();
  return p;
}

// 000 吉林: 统一身份认证 用户操作手册.
Profile jilin() {
  Profile p = base("jilin", "吉林省", "吉林省统一身份认证平台", "000");
  // 二.1(1): 账号应为6-20位字符，字母开头; 密码应为8-16位数字、字母或符号至少2种的组合.
  p.account_mode = "user_chosen";
  p.account_name = {6, 20};
  p.password.min_length = 8;
  p.password.max_length = 16;
  p.password.min_classes = 2;
  // 一.1: 账号/手机号/身份证号码 + 密码 + 验证码; 吉事办扫码, 电子社保卡; 一.4 国家政务服务平台.
  // "document": holders of the other documents registration accepts sign in by their number as
  // residents do by theirs (000 is silent; as 001 1.3.1 证件号). SMS sign-in: 000 is silent;
  // kept as the platform's quick sign-in (003 offers it).
  p.login_identifiers = {"account", "phone", "id_number", "document"};
  p.login_methods = {"password", "sms", "qr", "e_social_security_card", "upstream"};
  // 000 names no levels; the platform's own names. 二.1(2): 人脸验证 completes registration.
  p.levels = {{1, "一级实名", {"registration"}}, {2, "二级实名", {"police"}}, {3, "三级实名", {"face"}}};
  p.face_at_registration = true;
  p.person_id_types = kAllPersonIdTypes;
  // 二.2 / 五.2: 法人类型: 企业法人 (the only type the form offers).
  p.organisation_types = {{"enterprise", "企业法人"}};
  // 三.1: 姓名 + 证件号码 -> 短信验证 -> 新密码. E-mail and security questions are not in 000: the
  // platform's own (from 002 七), kept on here; a province following 000 strictly sets
  // "recovery_methods": ["sms"] in its config.
  p.recovery_methods = {"sms", "email", "security_question"};
  // 四.1(4)①: 修改手机号码时需要验证自然人身份信息：姓名、证件号码. The password proof is the
  // platform's own (000 asks it of enterprises, 四.2(5)①), kept beside it.
  p.phone_change_proofs = {"identity", "password"};
  // 四.2(5): 企业修改手机号码 需要验证登录密码.
  p.enterprise_phone_change_proofs = {"password"};
  // 一.3: 经办人 signs in with the enterprise account/USCC, their phone/ID number and password.
  p.agent_credential = "own_password";
  return p;
}

// 001 湖北: 湖北省统一身份认证平台用户操作手册 v2.0.1.
Profile hubei() {
  Profile p = base("hubei", "湖北省", "湖北省统一身份认证平台", "001");
  // 1.3.1: 输入手机号或者身份证号或者证件号及用户密码: no login name of one's own.
  p.account_mode = "none";
  // 1.1: 请输入8-18位包含大写字母、小写字母… (the hint is cut off in the manual; the platform
  // reads it as upper case, lower case, digit and symbol, as ARCHITECTURE.md records).
  p.password.min_length = 8;
  p.password.max_length = 18;
  p.password.min_classes = 3;
  p.password.require_upper_and_lower = true;
  p.login_identifiers = {"phone", "id_number", "document"};
  // 1.3.2 支付宝, 1.3.3 鄂汇办 app 扫码, 1.3.4 电子社保卡; 2.3.3 数字证书; 2.4.1 电子营业执照.
  p.login_methods = {"password", "alipay", "qr", "e_social_security_card", "ca_certificate", "e_licence"};
  // 1.4: 新注册用户 "初级认证"; 1.4.1 中级认证 by bank card; 2.4 CA 证书 -> 高级认证.
  p.levels = {{2, "初级认证", {"registration", "police"}},
              {3, "中级认证", {"bank_card"}},
              {4, "高级认证", {"ca_certificate"}}};
  p.face_at_registration = false;  // 1.2: 注册 has no face step
  p.person_id_types = kAllPersonIdTypes;  // 1.2 a-c
  // 2.1: 法人类型 without a list; the nearest manual's (003) three types.
  p.organisation_types = three_organisation_types();
  // 温馨提示: 中国大陆省外个人用户注册请在8:00-18:00时间段内进行注册.
  p.registration_hours = {true, "42", 8 * 60, 18 * 60};
  // 1.5: 姓名、证件号码、图形验证码 -> 手机号 -> 短信验证码 + 新密码.
  p.recovery_methods = {"sms"};
  // 1.1: 更换手机号 while activating; the centre's change: as the nearest manual (000).
  p.phone_change_proofs = {"identity", "password"};
  // 2.5.1.1 通过登陆密码修改, 2.5.1.2 通过法人信息修改 (四要素).
  p.enterprise_phone_change_proofs = {"password", "four_elements"};
  // 2.3.2 代理登录: 统一社会信用代码 + 代理人手机号码/身份证号码 + 代理人账号密码. 2.6: 最多三层.
  p.agent_credential = "own_password";
  p.agent_max_levels = 3;
  // 1.2c 外国护照、外国人永久居住证: 上传证件正面、上传证件反面、上传营业执照.
  p.document_kinds = hubei_document_kinds();
  return p;
}

// 002 山东: 山东省统一用户管理及身份认证平台用户使用说明.
Profile shandong() {
  Profile p = base("shandong", "山东省", "山东省统一用户管理及身份认证平台", "002");
  // 二: 账号登录名、注册手机号码、注册身份证号码 + 密码 + 验证码.
  p.account_mode = "user_chosen";
  // Account and password rules: 002 is silent; the nearest manual's (000).
  p.account_name = {6, 20};
  p.password.min_length = 8;
  p.password.max_length = 16;
  p.password.min_classes = 2;
  p.login_identifiers = {"account", "phone", "id_number"};
  // 一(二) 支付宝账号快捷注册; 七 快捷方式找回 (支付宝).
  p.login_methods = {"password", "alipay"};
  // 四: 实名认证等级分为：初级、中级、高级. What reaches each: the nearest manual's (001).
  p.levels = {{2, "初级实名", {"registration", "police"}},
              {3, "中级实名", {"bank_card"}},
              {4, "高级实名", {"ca_certificate"}}};
  p.face_at_registration = false;  // 一(一): 基本信息 + 短信验证码 only
  p.person_id_types = kAllPersonIdTypes;  // silent: the platform's own
  // 三: 原企业账号合并为自然人账号: enterprises have no accounts of their own; 五: 法定代表人 /
  // 管理员 / 经办人 roles on person accounts.
  p.organisation_types = {};
  // 七: 手机、邮箱、密保、支付宝 找回.
  p.recovery_methods = {"sms", "email", "security_question", "alipay"};
  // 六: 安全中心 修改手机号码 (proof not described): as the nearest manual (000).
  p.phone_change_proofs = {"identity", "password"};
  p.enterprise_phone_change_proofs = {"password"};
  // 五 / 四 企业办事申请授权: agents sign in as themselves and enter the 企业空间.
  p.agent_credential = "identity_switch";
  return p;
}

// 003 海南: 省统一认证（公众侧）用户操作指南 V1.0.0.
Profile hainan() {
  Profile p = base("hainan", "海南省", "海南省统一身份认证系统", "003");
  // 2.1.2③: 账号名（身份证号码）+ 密码; 2.1.3: 登录名一经注册无法自行修改.
  p.account_mode = "id_number";
  // 2.1.2②: 密码为8至20位(数字+字母+特殊字符)组合, 请勿将姓名拼音设为密码.
  p.password.min_length = 8;
  p.password.max_length = 20;
  p.password.min_classes = 3;
  p.password.reject_name_pinyin = true;
  p.login_identifiers = {"id_number", "phone"};
  // 2.1.2 场景1: 刷脸登录、海易办扫码、手机验证码、电子社保卡、椰城市民云、国家政务服务平台;
  // 2.2.2 场景2: 电子营业执照、CA 认证登录.
  p.login_methods = {"password", "sms", "face", "qr", "e_social_security_card", "upstream", "ca_certificate",
                     "e_licence"};
  // 2.3.4: 用户实名等级 LV.3 after a face-checked registration (2.1.1 (5)). LV.4: the manual
  // names no proof; the strongest the platform has (CA certificate, 2.2.2).
  p.levels = {{1, "LV.1", {"registration"}},
              {2, "LV.2", {"police"}},
              {3, "LV.3", {"face"}},
              {4, "LV.4", {"ca_certificate"}}};
  p.face_at_registration = true;
  p.person_id_types = kAllPersonIdTypes;  // 2.2.1 国籍 + 法人证件类型
  p.organisation_types = three_organisation_types();  // 2.2.1
  // 2.1.5: 账户类型 + 证件类型 + 证件号码 + 图形验证码 -> 手机号码 + 验证码 -> 新密码.
  p.recovery_methods = {"sms"};
  // 2.1.4 / 2.2.4: 修改手机号 -> 海易办 APP 扫码进行人脸核验.
  p.phone_change_proofs = {"face"};
  p.enterprise_phone_change_proofs = {"face"};
  // 2.3.2: 经办人作为个人账号的一种角色 ... 选择需要登录的身份. 2.2.7: 24 小时内接受.
  p.agent_credential = "identity_switch";
  p.agent_accept_hours = 24;
  return p;
}

// 004 工商注册身份验证 app: 操作指南.
Profile gongshang() {
  Profile p = base("gongshang", "工商注册", "工商注册身份验证", "004");
  // 二 第二步: 6-20位字符，第一位必须为字母，支持数字、下划线; 8-16位数字/字母/符号两种以上.
  p.account_mode = "user_chosen";
  p.account_name = {6, 20};
  p.password.min_length = 8;
  p.password.max_length = 16;
  p.password.min_classes = 2;
  // 三: 身份证号码或者手机号+密码和人脸两种登录方式.
  p.login_identifiers = {"id_number", "phone"};
  p.login_methods = {"password", "face"};
  // 六: 新注册成功用户都是三级实名 ... 通过扫描人脸提升为四级实名.
  p.levels = {{2, "三级实名", {"registration", "police"}}, {3, "四级实名", {"face"}}};
  p.face_at_registration = false;
  p.person_id_types = {"resident"};  // 一: 身份证 only
  p.organisation_types = {};         // an app for persons: no enterprise accounts
  // 四: 姓名、身份证号、扫描人脸 -> 新密码.
  p.recovery_methods = {"face"};
  // 五: 输入新手机号码、输入短信验证码 (signed in): the nearest manual with a proof (003) asks
  // for the face; 004's own screen shows only the new phone's code, which the change asks anyway.
  p.phone_change_proofs = {"face"};
  p.enterprise_phone_change_proofs = {"password"};
  p.agent_credential = "identity_switch";
  return p;
}

constexpr std::array<std::string_view, 5> kNames = {"jilin", "hubei", "shandong", "hainan", "gongshang"};

}  // namespace

std::span<const std::string_view> builtin_profile_names() { return kNames; }

std::optional<Profile> builtin_profile(std::string_view name) {
  if (name == "jilin") return jilin();
  if (name == "hubei") return hubei();
  if (name == "shandong") return shandong();
  if (name == "hainan") return hainan();
  if (name == "gongshang") return gongshang();
  return std::nullopt;
}

bool profile_lists(const std::vector<std::string>& list, std::string_view word) {
  for (const auto& w : list)
    if (w == word) return true;
  return false;
}

std::string level_name(const Profile& profile, int level) {
  const LevelRung* best = nullptr;
  for (const auto& rung : profile.levels)
    if (rung.level <= level && (!best || rung.level > best->level)) best = &rung;
  return best ? best->name : std::string("未实名");
}

int lowest_level(const Profile& profile) {
  int low = 0;
  for (const auto& rung : profile.levels)
    if (low == 0 || rung.level < low) low = rung.level;
  return low;
}

int highest_level(const Profile& profile) {
  int high = 0;
  for (const auto& rung : profile.levels)
    if (rung.level > high) high = rung.level;
  return high;
}

std::string_view catalogue_label(const std::vector<CatalogueEntry>& catalogue, std::string_view code) {
  for (const auto& e : catalogue)
    if (e.code == code) return e.label;
  return {};
}

bool catalogue_has(const std::vector<CatalogueEntry>& catalogue, std::string_view code) {
  return !catalogue_label(catalogue, code).empty();
}

}  // namespace uia
