// The province profile over REST: GET /api/v1/profile, and each profile's registration, sign-in,
// recovery and phone-change rules as its manual states them (../seeds, section named).
#include <fstream>

#include "profile/profile_fields.h"
#include "rest_test_support.h"

namespace uia::rest {
namespace {

class RestProfile : public RestTest {};

TEST_F(RestProfile, ServesTheProfileWithAnEtagAndRevalidates) {
  const Reply r = get("/api/v1/profile");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, profile_json(*builtin_profile("jilin")));
  const std::string etag = r.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_NE(r.header("cache-control").find("public"), std::string::npos);
  const Reply again = request("GET", "/api/v1/profile", "", {}, "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(again.status, 304);
}

// Jilin (000 四.1(4)①): the phone changes after 姓名 + 证件号码 as well as after the password.
TEST_F(RestProfile, JilinChangesThePhoneByNameAndIdNumber) {
  const Applicant a = active_adult();
  const Caller me = bearer_of(login(a.account, a.password));
  const std::string phone = unique_phone();
  Reply r = request("PUT", "/api/v1/me/phone", nlohmann::json{{"proof", "identity"}, {"name", a.name},
                                                        {"id_number", with_wrong_check_char(a.id_number)},
                                                        {"new_phone", phone},
                                                        {"sms_code", sms_code(phone, "change_phone")}}.dump(), me);
  EXPECT_EQ(r.error_code(), "IDENTITY_MISMATCH") << r.body;
  r = request("PUT", "/api/v1/me/phone", nlohmann::json{{"proof", "face"}, {"new_phone", phone}, {"sms_code", "123456"}}.dump(), me);
  EXPECT_EQ(r.error_code(), "PHONE_CHANGE_PROOF_INVALID") << r.body;
  r = request("PUT", "/api/v1/me/phone", nlohmann::json{{"proof", "identity"}, {"name", a.name}, {"id_number", a.id_number},
                                                  {"new_phone", phone}, {"sms_code", newest_sms(phone).value("code", "")}}.dump(),
                me);
  EXPECT_EQ(r.status, 200) << r.body;
}

// A province that changes its profile locks nobody out: rules apply when a value is set, levels
// keep their meaning. (The swap stands for a restart with --profile hubei on the same database;
// the test server is idle while it happens.)
TEST_F(RestProfile, ChangingTheProfileLocksNobodyOut) {
  Applicant a = active_adult();  // jilin: an account name, a password 001 would refuse, face-checked
  a.password = "kxqz7295!a";
  const Caller me = bearer_of(login(a.account, "Uia#2026pass"));
  ASSERT_EQ(request("PUT", "/api/v1/me/password",
                    nlohmann::json{{"old_password", "Uia#2026pass"}, {"new_password", a.password}}.dump(), me).status,
            204);
  platform_->services.province = app::resolve_profile("hubei", nullptr);
  // 001 signs in by phone or ID number; the old password still opens the account.
  Reply s = login(a.phone, a.password);
  ASSERT_EQ(s.status, 201) << s.body;
  EXPECT_EQ(s.json["subject"].value("level", 0), 3);  // 中级认证 now: the same level, another name
  EXPECT_EQ(login(a.id_number, a.password).status, 201);
  EXPECT_EQ(login(a.account, a.password).status, 401);  // 001 has no login names
  // A new password follows 001's rules.
  const Reply r = request("PUT", "/api/v1/me/password",
                          nlohmann::json{{"old_password", a.password}, {"new_password", "kxqz7295!b"}}.dump(), bearer_of(s));
  EXPECT_EQ(r.error_code(), "PASSWORD_INVALID") << r.body;
}

class RestProfileHubei : public RestTest {
 protected:
  void configure(app::PlatformConfig& config) override { config.profile = "hubei"; }
};

// 001 1.2 / 1.3.1 / 1.4: no login name of one's own, 8-18 with upper and lower case, no face step,
// a new account is 初级认证 (level 2), sign-in by phone or document number.
TEST_F(RestProfileHubei, RegistersWithoutAnAccountNameAndSignsInByPhoneOrIdNumber) {
  advance(std::chrono::hours(14));  // 10:00 in Beijing (kStart is 20:00)
  Applicant a = adult_resident();
  Reply r = post("/api/v1/persons", a.body(sms_code(a.phone, "register")));
  EXPECT_EQ(r.error_code(), "ACCOUNT_NOT_OFFERED") << r.body;
  a.password = "abcdefg1!x";
  r = register_with_code(a, newest_sms(a.phone).value("code", ""));
  EXPECT_EQ(r.error_code(), "PASSWORD_INVALID") << r.body;
  EXPECT_EQ(r.json["error"].value("message", ""), "密码须同时包含大写字母和小写字母") << r.body;
  a.password = "Abcdefg1!x";
  r = register_with_code(a, newest_sms(a.phone).value("code", ""));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json.value("status", ""), "active");  // no face step in 001
  EXPECT_FALSE(r.json.contains("face_ticket"));
  Reply s = login(a.phone, a.password);
  ASSERT_EQ(s.status, 201) << s.body;
  EXPECT_EQ(s.json["subject"].value("level", 0), 2);
  EXPECT_EQ(login(a.id_number, a.password).status, 201);
  // 001 has no SMS sign-in.
  EXPECT_EQ(post("/api/v1/sessions", {{"method", "sms"}, {"phone", a.phone}, {"sms_code", "123456"}}).error_code(),
            "LOGIN_METHOD_INVALID");
}

// 001 个人用户 温馨提示: 中国大陆省外个人用户注册请在8:00-18:00时间段内进行注册.
TEST_F(RestProfileHubei, ResidentsOfOtherProvincesRegisterOnlyFromEightToSix) {
  Applicant a = adult_resident();  // a Beijing (11) number; kStart is 20:00 in Beijing
  a.password = "Abcdefg1!x";
  Reply r = register_person(a);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.error_code(), "REGISTRATION_HOURS");
  EXPECT_EQ(r.json["error"].value("message", ""), "温馨提示：中国大陆省外个人用户注册请在8:00-18:00时间段内进行注册");
  EXPECT_EQ(count_rows("persons"), 0);
  // A Hubei (42) number registers at any hour.
  std::string first17 = "420102199005170" + std::string("12");
  a.id_number = first17 + gb11643_check_char(first17);
  EXPECT_EQ(register_with_code(a, newest_sms(a.phone).value("code", "")).status, 201);
  // The other one again at 10:00 Beijing time.
  Applicant b = adult_resident();
  b.password = "Abcdefg1!x";
  advance(std::chrono::hours(14));
  EXPECT_EQ(register_person(b).status, 201);
}

class RestProfileHainan : public RestTest {
 protected:
  void configure(app::PlatformConfig& config) override { config.profile = "hainan"; }
};

// 003 2.1.2②③: the ID number is the login name; 8-20 with digit, letter and symbol, never the
// name's pinyin; registration ends with the face check.
TEST_F(RestProfileHainan, TheIdNumberIsTheLoginNameAndTheNamePinyinIsNoPassword) {
  Applicant a = adult_resident();  // 陈小明
  a.password = "chenxiaoming#1";
  Reply r = register_person(a);
  EXPECT_EQ(r.error_code(), "PASSWORD_INVALID") << r.body;
  EXPECT_EQ(r.json["error"].value("message", ""), "请勿将姓名拼音设为密码") << r.body;
  a.password = "Hai#nan2026";
  r = register_with_code(a, newest_sms(a.phone).value("code", ""));
  ASSERT_EQ(r.status, 201) << r.body;
  ASSERT_EQ(r.json.value("status", ""), "pending_face");
  EXPECT_EQ(complete_face(r.json.value("face_ticket", ""), "pass").status, 200);
  const Reply s = login(a.id_number, a.password);
  ASSERT_EQ(s.status, 201) << s.body;
  EXPECT_EQ(s.json["subject"].value("level", 0), 3);  // LV.3
  // 2.1.4: the phone changes after a face check, not after the password.
  const std::string phone = unique_phone();
  r = request("PUT", "/api/v1/me/phone", nlohmann::json{{"password", a.password}, {"new_phone", phone}, {"sms_code", "123456"}}.dump(),
                bearer_of(s));
  EXPECT_EQ(r.error_code(), "PHONE_CHANGE_PROOF_INVALID") << r.body;
}

class RestProfileGongshang : public RestTest {
 protected:
  void configure(app::PlatformConfig& config) override { config.profile = "gongshang"; }
};

// 004 四: recovery is by face only; 004 has no SMS codes for recovery, and no enterprise accounts.
TEST_F(RestProfileGongshang, RefusesRecoveryBySmsAndEnterpriseSignIn) {
  const Applicant a = active_adult();
  const Captcha c = captcha();
  Reply r = post("/api/v1/recovery", {{"name", a.name}, {"id_number", a.id_number}, {"captcha_id", c.id},
                                      {"captcha_answer", c.answer}});
  if (r.status == 201) {
    EXPECT_TRUE(r.json["methods"].empty()) << r.body;
    const std::string id = r.json.value("recovery_id", "");
    r = post("/api/v1/recovery/" + id + "/password", {{"method", "sms"}, {"sms_code", "123456"}, {"new_password", "Gong#shang2026"}});
    EXPECT_EQ(r.error_code(), "RECOVERY_METHOD_INVALID") << r.body;
  } else {
    ADD_FAILURE() << r.body;
  }
  r = post("/api/v1/sessions", {{"method", "enterprise_password"}, {"identifier", "x"}, {"password", "y"}});
  EXPECT_EQ(r.error_code(), "LOGIN_METHOD_INVALID") << r.body;
}

// A config file may change fields of a built-in profile; a bad field stops the start, named.
class RestProfileOverride : public RestTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    config.config_file = dir_ / "uia.json";
    std::ofstream(config.config_file) << R"({"profile": {"base": "hubei", "password": {"max_length": 20},
                                            "registration_hours": {"enabled": false}}})";
  }
};

TEST_F(RestProfileOverride, ServesTheBaseWithTheOverrides) {
  const Reply r = get("/api/v1/profile");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["name"], "hubei");
  EXPECT_EQ(r.json["password"]["max_length"], 20);
  EXPECT_EQ(r.json["password"]["min_length"], 8);
  EXPECT_EQ(r.json["registration_hours"]["enabled"], false);
}

TEST(ProvinceProfileConfig, ABadFieldStopsTheStartNamingIt) {
  const auto refused = [](const nlohmann::json& section) {
    try {
      app::resolve_profile("", section);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(refused(nlohmann::json::parse(R"({"base": "hubei", "password": {"max_length": "long"}})")).rfind(
                "profile.password.max_length:", 0),
            0u);
  EXPECT_EQ(refused(nlohmann::json::parse(R"({"base": "hubei", "pasword": {"max_length": 20}})")).rfind(
                "profile.pasword.max_length:", 0),
            0u);
  EXPECT_NE(refused("atlantis").find("no built-in profile named 'atlantis'"), std::string::npos);
  EXPECT_EQ(refused(nullptr), "");
  EXPECT_EQ(app::resolve_profile("hainan", "hubei")->rules.name, "hainan");  // --profile wins over the file's
}

}  // namespace
}  // namespace uia::rest
