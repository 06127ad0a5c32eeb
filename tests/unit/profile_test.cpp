// The province profiles: each built-in profile pinned to its manual (../seeds, section named in
// the test), the JSON both halves exchange, and the overrides a config file may make.
#include "profile/profile.h"

#include <cctype>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "policy/account.h"
#include "profile/profile_fields.h"

namespace uia {
namespace {

Profile builtin(std::string_view name) {
  auto p = builtin_profile(name);
  EXPECT_TRUE(p.has_value()) << name;
  return p.value_or(Profile{});
}

// Flattens JSON the way the browser's fetch glue does (web/glue.js flatten): leaves by path,
// numbers and booleans as text; an empty list leaves nothing.
void flatten(const nlohmann::json& value, const std::string& prefix, FlatFields& out) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key(), out);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) flatten(value[i], prefix + "." + std::to_string(i), out);
  } else if (value.is_string()) {
    out.emplace_back(prefix, value.get<std::string>());
  } else {
    out.emplace_back(prefix, value.dump());
  }
}

TEST(Profiles, FiveBuiltInProfilesAreValidAndJilinIsTheDefault) {
  ASSERT_EQ(builtin_profile_names().size(), 5u);
  for (std::string_view name : builtin_profile_names()) {
    const Profile p = builtin(name);
    EXPECT_EQ(p.name, name);
    const ProfileProblem problem = check_profile(p);
    EXPECT_TRUE(problem.ok()) << name << ": " << problem.field << " " << problem.message;
  }
  EXPECT_EQ(kDefaultProfileName, "jilin");
  EXPECT_FALSE(builtin_profile("beijing").has_value());
}

TEST(Profiles, JsonIsValidAndReadsBackIntoTheSameProfileFromNothing) {
  for (std::string_view name : builtin_profile_names()) {
    const Profile p = builtin(name);
    const std::string json = profile_json(p);
    const auto parsed = nlohmann::json::parse(json, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << json;
    EXPECT_EQ(parsed["password"]["max_length"], p.password.max_length);
    FlatFields fields;
    flatten(parsed, "", fields);
    // The browser starts from an empty profile and reads every field the server sent.
    Profile read;
    read.login_identifiers = {"phone"};  // whatever was there before is replaced
    const ProfileProblem problem = apply_profile_fields(read, fields);
    ASSERT_TRUE(problem.ok()) << name << ": " << problem.field << " " << problem.message;
    EXPECT_EQ(read, p) << name;
    EXPECT_EQ(profile_json(read), json);
  }
}

// 000 二.1(1): 账号应为6-20位字符，字母开头; 密码应为8-16位数字、字母或符号至少2种的组合.
TEST(Profiles, JilinFollowsManual000) {
  const Profile p = builtin("jilin");
  EXPECT_EQ(p.account_mode, "user_chosen");
  EXPECT_EQ(p.account_name.min_length, 6);
  EXPECT_EQ(p.account_name.max_length, 20);
  EXPECT_EQ(password_rule_text(p.password), "8-16位数字、字母或符号至少2种的组合");
  EXPECT_TRUE(check_password("abcd1234x", "", p.password).ok());
  EXPECT_FALSE(check_password("abcd1234abcd1234x", "", p.password).ok());  // 17 characters
  // 一.1: 账号/手机号/身份证号码 + 密码.
  EXPECT_EQ(p.login_identifiers, (std::vector<std::string>{"account", "phone", "id_number", "document"}));
  // 二.1(2): 人脸验证 completes registration.
  EXPECT_TRUE(p.face_at_registration);
  // 二.2 法人类型: 企业法人 only.
  ASSERT_EQ(p.organisation_types.size(), 1u);
  EXPECT_EQ(p.organisation_types[0].label, "企业法人");
  // 四.1(4)①: 修改手机号码时需要验证 姓名、证件号码; 四.2(5)①: 企业 验证登录密码.
  EXPECT_EQ(p.phone_change_proofs, (std::vector<std::string>{"identity", "password"}));
  EXPECT_EQ(p.enterprise_phone_change_proofs, std::vector<std::string>{"password"});
  EXPECT_TRUE(profile_lists(p.recovery_methods, "sms"));  // 三.1
  EXPECT_EQ(level_name(p, 3), "三级实名");
  EXPECT_FALSE(p.registration_hours.enabled);
}

// 001 1.1: 请输入8-18位包含大写字母、小写字母…; 1.3.1 手机号/身份证号/证件号 登录; 1.4 初级/中级认证.
TEST(Profiles, HubeiFollowsManual001) {
  const Profile p = builtin("hubei");
  EXPECT_EQ(p.account_mode, "none");
  EXPECT_FALSE(profile_lists(p.login_identifiers, "account"));
  EXPECT_TRUE(profile_lists(p.login_identifiers, "document"));
  EXPECT_EQ(p.password.max_length, 18);
  const Verdict no_upper = check_password("abcdefg1!", "", p.password);
  EXPECT_EQ(no_upper.detail, ErrorCode::PasswordUpperLower);
  EXPECT_EQ(check_password("Abcdefgh", "", p.password).detail, ErrorCode::PasswordAllClasses);
  EXPECT_TRUE(check_password("Abcdefg1!", "", p.password).ok());
  EXPECT_TRUE(check_password("Abcdefg1!xyzxyzxyz", "", p.password).ok());  // 18
  EXPECT_EQ(level_name(p, 2), "初级认证");
  EXPECT_EQ(level_name(p, 3), "中级认证");
  EXPECT_EQ(level_name(p, 4), "高级认证");
  EXPECT_EQ(level_name(p, 1), "未实名");
  EXPECT_EQ(p.levels[1].proofs, std::vector<std::string>{"bank_card"});      // 1.4.1
  EXPECT_EQ(p.levels[2].proofs, std::vector<std::string>{"ca_certificate"});  // 2.4
  EXPECT_FALSE(p.face_at_registration);
  // 温馨提示: 中国大陆省外个人用户注册请在8:00-18:00时间段内进行注册.
  EXPECT_TRUE(p.registration_hours.enabled);
  EXPECT_EQ(p.registration_hours.home_region, "42");
  EXPECT_EQ(p.registration_hours.from_minute, 8 * 60);
  EXPECT_EQ(p.registration_hours.to_minute, 18 * 60);
  // 2.5.1: 通过登陆密码修改 / 通过法人信息修改.
  EXPECT_EQ(p.enterprise_phone_change_proofs, (std::vector<std::string>{"password", "four_elements"}));
  EXPECT_EQ(p.agent_max_levels, 3);  // 2.6 授权层级最多三层
  EXPECT_TRUE(profile_lists(p.login_methods, "alipay"));  // 1.3.2
}

// 002 七: 手机、邮箱、密保、支付宝 找回; 四: 初级、中级、高级; 三: 企业账号合并为自然人账号.
TEST(Profiles, ShandongFollowsManual002) {
  const Profile p = builtin("shandong");
  EXPECT_EQ(p.recovery_methods, (std::vector<std::string>{"sms", "email", "security_question", "alipay"}));
  EXPECT_EQ(level_name(p, 2), "初级实名");
  EXPECT_EQ(level_name(p, 4), "高级实名");
  EXPECT_TRUE(p.organisation_types.empty());
  EXPECT_EQ(p.agent_credential, "identity_switch");
  EXPECT_EQ(p.login_identifiers, (std::vector<std::string>{"account", "phone", "id_number"}));
}

// 003 2.1.2②: 密码为8至20位(数字+字母+特殊字符)组合, 请勿将姓名拼音设为密码; 2.1.2③ 账号名（身份证号码）.
TEST(Profiles, HainanFollowsManual003) {
  const Profile p = builtin("hainan");
  EXPECT_EQ(p.account_mode, "id_number");
  EXPECT_EQ(p.password.min_length, 8);
  EXPECT_EQ(p.password.max_length, 20);
  EXPECT_EQ(p.password.min_classes, 3);
  EXPECT_TRUE(p.password.reject_name_pinyin);
  EXPECT_EQ(check_password("abcd1234", "", p.password).detail, ErrorCode::PasswordAllClasses);
  EXPECT_TRUE(check_password("Qx7!mnpz", "", p.password).ok());
  EXPECT_EQ(password_rule_text(p.password), "8-20位数字、字母和符号的组合，请勿将姓名拼音设为密码");
  EXPECT_EQ(level_name(p, 3), "LV.3");  // 2.3.4 用户实名等级 LV.3 after a face-checked registration
  EXPECT_TRUE(p.face_at_registration);  // 2.1.1 (4)-(5) 实人认证
  EXPECT_EQ(p.phone_change_proofs, std::vector<std::string>{"face"});  // 2.1.4 人脸核验
  EXPECT_EQ(p.organisation_types.size(), 3u);                         // 2.2.1 企业/社会团体/机关事业单位
  EXPECT_EQ(p.agent_accept_hours, 24);                                 // 2.2.7
  EXPECT_TRUE(profile_lists(p.login_methods, "face"));                 // 2.1.2 刷脸登录
}

// 004 六: 新注册成功用户都是三级实名 ... 提升为四级实名; 四: 姓名、身份证号、扫描人脸.
TEST(Profiles, GongshangFollowsManual004) {
  const Profile p = builtin("gongshang");
  EXPECT_EQ(level_name(p, 2), "三级实名");
  EXPECT_EQ(level_name(p, 3), "四级实名");
  EXPECT_EQ(p.levels.back().proofs, std::vector<std::string>{"face"});
  EXPECT_EQ(p.recovery_methods, std::vector<std::string>{"face"});
  EXPECT_EQ(p.login_identifiers, (std::vector<std::string>{"id_number", "phone"}));  // 三
  EXPECT_EQ(p.person_id_types, std::vector<std::string>{"resident"});
  EXPECT_EQ(password_rule_text(p.password), "8-16位数字、字母或符号至少2种的组合");  // 二 第二步
  EXPECT_FALSE(p.face_at_registration);
}

TEST(ProfileOverrides, ChangeOnlyTheNamedFieldsAndReplaceListsWhole) {
  Profile p = builtin("hubei");
  const ProfileProblem problem = apply_profile_fields(p, {{"password.max_length", "20"},
                                                          {"levels.0.level", "2"},
                                                          {"levels.0.name", "实名用户"},
                                                          {"levels.0.proofs.0", "police"},
                                                          {"recovery_methods", ""}});
  ASSERT_TRUE(problem.ok()) << problem.field << " " << problem.message;
  EXPECT_EQ(p.password.max_length, 20);
  EXPECT_EQ(p.password.min_length, 8);
  ASSERT_EQ(p.levels.size(), 1u);
  EXPECT_EQ(p.levels[0].name, "实名用户");
  EXPECT_TRUE(p.recovery_methods.empty());
  EXPECT_EQ(p.province, "湖北省");
}

TEST(ProfileOverrides, ABadFieldIsNamedAndNothingChanges) {
  struct Case {
    FlatFields fields;
    std::string field;
  };
  const Case cases[] = {
      {{{"password.max_lenght", "20"}}, "password.max_lenght"},
      {{{"password.max_length", "abc"}}, "password.max_length"},
      {{{"password.max_length", "500"}}, "password.max_length"},
      {{{"password.min_length", "20"}, {"password.max_length", "12"}}, "password.min_length"},
      {{{"password.require_upper_and_lower", "yes"}}, "password.require_upper_and_lower"},
      {{{"login.identifiers.0", "email"}}, "login.identifiers.0"},
      {{{"login.identifiers.1", "phone"}}, "login.identifiers.1"},
      {{{"login.identifiers", ""}}, "login.identifiers"},
      {{{"account.mode", "free"}}, "account.mode"},
      {{{"levels.0.level", "5"}, {"levels.0.name", "x"}, {"levels.0.proofs.0", "face"}}, "levels.0.level"},
      {{{"levels.0.level", "2"}, {"levels.0.name", "x"}, {"levels.0.proofs.0", "dna"}}, "levels.0.proofs.0"},
      {{{"relations.0.code", "x"}, {"relations.0.label", "甲"}, {"relations.1.code", "x"}, {"relations.1.label", "乙"}},
       "relations.1.code"},
      {{{"registration_hours.home_region", "4"}}, "registration_hours.home_region"},
  };
  for (const Case& c : cases) {
    Profile p = builtin("hubei");
    const Profile before = p;
    const ProfileProblem problem = apply_profile_fields(p, c.fields);
    EXPECT_EQ(problem.field, c.field) << c.fields.front().first;
    EXPECT_FALSE(problem.message.empty());
    EXPECT_EQ(p, before);
  }
}

TEST(ProfileOverrides, AccountSignInNeedsAUserChosenName) {
  Profile p = builtin("hainan");
  const ProfileProblem problem = apply_profile_fields(p, {{"login.identifiers.0", "account"}});
  EXPECT_EQ(problem.field, "login.identifiers");
}

TEST(ProfileFieldDocs, EveryJsonLeafIsDocumented) {
  const auto docs = profile_field_docs();
  auto documented = [&](std::string path) {
    // "levels.0.proofs.1" -> "levels[].proofs[]"
    std::string generic;
    std::size_t i = 0;
    while (i < path.size()) {
      if (path[i] == '.' && i + 1 < path.size() && std::isdigit(static_cast<unsigned char>(path[i + 1]))) {
        generic += "[]";
        i += 2;
        while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) ++i;
      } else {
        generic += path[i++];
      }
    }
    for (const auto& d : docs)
      if (d.path == generic) return true;
    return false;
  };
  FlatFields fields;
  flatten(nlohmann::json::parse(profile_json(builtin("hainan"))), "", fields);
  for (const auto& [path, _] : fields) EXPECT_TRUE(documented(path)) << path;
  for (const auto& d : docs) EXPECT_FALSE(d.description.empty()) << d.path;
}

}  // namespace
}  // namespace uia
