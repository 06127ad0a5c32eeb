// The personal centre's profile over HTTP: GET /api/v1/me/profile (masked, level label, basic
// information), PUT /api/v1/me/profile (basic information with its pickers and limits, ID
// validity with registration's rules, a name re-checked with the police service, the account
// name never), and GET /api/v1/profile/options.
#include <set>

#include "personal_centre_support.h"

namespace uia::rest {
namespace {

using RestProfile = PersonalCentreTest;

TEST_F(RestProfile, ShowsTheMaskedViewWithTheRealNameLevel) {
  const SignedIn s = signed_in_adult();
  const Reply profile = get("/api/v1/me/profile", s.caller);
  ASSERT_EQ(profile.status, 200) << profile.body;
  EXPECT_EQ(profile.header("cache-control"), "no-store");
  const auto& p = profile.json;
  EXPECT_EQ(p.value("person_id", 0LL), s.person_id);
  EXPECT_EQ(p.value("account", ""), s.applicant.account);
  EXPECT_EQ(p.value("name", ""), "陈**");
  EXPECT_EQ(p.value("id_number", ""), s.applicant.id_number.substr(0, 6) + "********" + s.applicant.id_number.substr(14));
  EXPECT_EQ(p.value("phone", ""), s.applicant.phone.substr(0, 3) + "****" + s.applicant.phone.substr(7));
  EXPECT_EQ(p.value("id_valid_from", ""), "2020-01-10");
  EXPECT_EQ(p.value("id_valid_to", ""), "2040-01-10");
  EXPECT_EQ(p.value("gender", ""), (s.applicant.id_number[16] - '0') % 2 ? "male" : "female");
  EXPECT_EQ(p.value("birth_date", ""), "1990-**-**");
  EXPECT_EQ(p.value("level", 0), 3);
  EXPECT_EQ(p.value("level_label", ""), "三级实名");
  EXPECT_EQ(p.value("status", ""), "active");
  EXPECT_EQ(p.value("email", "x"), "");
  EXPECT_EQ(p.value("email_verified", true), false);
  EXPECT_EQ(p.value("security_questions_set", true), false);
  EXPECT_EQ(p.value("created_at", ""), "2026-11-25T12:00:00Z");
  for (const char* field : {"ethnicity", "education", "occupation", "work_unit", "contact_address", "postcode"})
    EXPECT_TRUE(p["basic"].contains(field) && p["basic"][field].is_null()) << field;
  EXPECT_EQ(profile.body.find(s.applicant.phone), std::string::npos);
  EXPECT_EQ(profile.body.find(s.applicant.id_number), std::string::npos);
  EXPECT_EQ(profile.body.find("小明"), std::string::npos);
  EXPECT_EQ(profile.body.find("password"), std::string::npos);
}

TEST_F(RestProfile, MeKeepsExactlyTheContractsFields) {
  const SignedIn s = signed_in_adult();
  const Reply me = get("/api/v1/me", s.caller);
  ASSERT_EQ(me.status, 200) << me.body;
  std::set<std::string> keys;
  for (const auto& [key, value] : me.json.items()) keys.insert(key);
  EXPECT_EQ(keys, (std::set<std::string>{"person_id", "account", "name", "id_type", "id_number", "phone", "level", "status",
                                         "created_at"}));
}

TEST_F(RestProfile, ChildAndYoungAdultLevelsAndLabels) {
  Applicant child = child_resident();
  ASSERT_EQ(register_person(child).status, 201);
  const Caller caller = bearer_of(login(child.account, child.password));
  const Reply profile = get("/api/v1/me/profile", caller);
  ASSERT_EQ(profile.status, 200) << profile.body;
  EXPECT_EQ(profile.json.value("level", 0), 2);
  EXPECT_EQ(profile.json.value("level_label", ""), "二级实名");
  EXPECT_TRUE(profile.json["id_valid_from"].is_null());
}

TEST_F(RestProfile, NeedsASessionAndCsrfForCookies) {
  expect_error(get("/api/v1/me/profile"), 401, "UNAUTHENTICATED");
  expect_error(put("/api/v1/me/profile", {{"ethnicity", "汉族"}}, {}), 401, "UNAUTHENTICATED");
  Caller forged;
  forged.bearer = std::string(3000, 'A');
  expect_error(get("/api/v1/me/profile", forged), 401, "UNAUTHENTICATED");
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  expect_error(put("/api/v1/me/profile", {{"ethnicity", "汉族"}}, cookie_of(signed_in, false)), 403, "CSRF_INVALID");
  const Reply with_csrf = put("/api/v1/me/profile", {{"ethnicity", "汉族"}}, cookie_of(signed_in, true));
  EXPECT_EQ(with_csrf.status, 200) << with_csrf.body;
  EXPECT_EQ(get("/api/v1/me/profile", cookie_of(signed_in, false)).status, 200);
}

TEST_F(RestProfile, EditsBasicInformationSealedAndAuditedWithoutValues) {
  const SignedIn s = signed_in_adult();
  const nlohmann::json basic = {{"ethnicity", "满族"},
                                {"education", "大学本科"},
                                {"occupation", "专业技术人员"},
                                {"work_unit", "  长春市政务服务中心  "},
                                {"contact_address", "吉林省长春市南关区人民大街1号"},
                                {"postcode", "130000"}};
  const Reply changed = put("/api/v1/me/profile", basic, s.caller);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json["basic"].value("work_unit", ""), "长春市政务服务中心") << "trimmed";
  const Reply profile = get("/api/v1/me/profile", s.caller);
  EXPECT_EQ(profile.json["basic"].value("ethnicity", ""), "满族");
  EXPECT_EQ(profile.json["basic"].value("education", ""), "大学本科");
  EXPECT_EQ(profile.json["basic"].value("occupation", ""), "专业技术人员");
  EXPECT_EQ(profile.json["basic"].value("contact_address", ""), "吉林省长春市南关区人民大街1号");
  EXPECT_EQ(profile.json["basic"].value("postcode", ""), "130000");
  // Free text is sealed at rest; the trail names the fields, never their values.
  EXPECT_EQ(count_rows("person_profiles", "work_unit_enc LIKE '%政务%' OR contact_address_enc LIKE '%长春%'"), 0);
  EXPECT_EQ(count_rows("person_profiles", "person_id = " + std::to_string(s.person_id)), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'profile.basic' AND result = 'ok' AND actor = 'person:" +
                                        std::to_string(s.person_id) + "'"),
            1);
  EXPECT_EQ(count_rows("audit_log", "detail LIKE '%长春%' OR detail LIKE '%满族%' OR detail LIKE '%130000%'"), 0);

  // A partial change keeps the rest; null and "" clear a field.
  ASSERT_EQ(put("/api/v1/me/profile", {{"postcode", nullptr}, {"work_unit", ""}}, s.caller).status, 200);
  const Reply after = get("/api/v1/me/profile", s.caller);
  EXPECT_TRUE(after.json["basic"]["postcode"].is_null());
  EXPECT_TRUE(after.json["basic"]["work_unit"].is_null());
  EXPECT_EQ(after.json["basic"].value("ethnicity", ""), "满族");
}

TEST_F(RestProfile, RefusesBadBasicInformationAndWritesNothing) {
  const SignedIn s = signed_in_adult();
  expect_error(put("/api/v1/me/profile", {{"ethnicity", "火星族"}}, s.caller), 400, "OPTION_INVALID", "ethnicity");
  expect_error(put("/api/v1/me/profile", {{"education", "大学"}}, s.caller), 400, "OPTION_INVALID", "education");
  expect_error(put("/api/v1/me/profile", {{"occupation", "hacker"}}, s.caller), 400, "OPTION_INVALID", "occupation");
  expect_error(put("/api/v1/me/profile", {{"postcode", "13000"}}, s.caller), 400, "POSTCODE_INVALID", "postcode");
  expect_error(put("/api/v1/me/profile", {{"postcode", "13000a"}}, s.caller), 400, "POSTCODE_INVALID", "postcode");
  expect_error(put("/api/v1/me/profile", {{"work_unit", repeat("单", 101)}}, s.caller), 400, "FIELD_TOO_LONG", "work_unit");
  EXPECT_EQ(put("/api/v1/me/profile", {{"work_unit", repeat("单", 100)}}, s.caller).status, 200);
  expect_error(put("/api/v1/me/profile", {{"contact_address", repeat("路", 201)}}, s.caller), 400, "FIELD_TOO_LONG",
               "contact_address");
  expect_error(put("/api/v1/me/profile", {{"contact_address", "第一行\n第二行"}}, s.caller), 400, "TEXT_INVALID",
               "contact_address");
  expect_error(put_text("/api/v1/me/profile", "{\"work_unit\":\"\\u0000x\"}", s.caller), 400, "TEXT_INVALID", "work_unit");
  expect_error(put("/api/v1/me/profile", {{"ethnicity", 5}}, s.caller), 400, "FIELD_TYPE", "ethnicity");
  expect_error(put("/api/v1/me/profile", {{"postcode", nlohmann::json::array({1})}}, s.caller), 400, "FIELD_TYPE", "postcode");
  expect_error(put("/api/v1/me/profile", {{"name", true}}, s.caller), 400, "FIELD_TYPE", "name");
  expect_error(put("/api/v1/me/profile", {{"work_unit", std::string(20000, 'x')}}, s.caller), 400, "FIELD_TYPE", "work_unit");
  expect_error(put_text("/api/v1/me/profile", "not json", s.caller), 400, "REQUEST_INVALID");
  expect_error(put_text("/api/v1/me/profile", "[1,2]", s.caller), 400, "REQUEST_INVALID");
  // One bad field refuses the whole change.
  expect_error(put("/api/v1/me/profile", {{"ethnicity", "汉族"}, {"postcode", "1"}}, s.caller), 400, "POSTCODE_INVALID");
  const Reply profile = get("/api/v1/me/profile", s.caller);
  EXPECT_TRUE(profile.json["basic"]["ethnicity"].is_null());
}

TEST_F(RestProfile, TheAccountNameNeverChanges) {
  const SignedIn s = signed_in_adult();
  expect_error(put("/api/v1/me/profile", {{"account", "newname99"}, {"ethnicity", "汉族"}}, s.caller), 400,
               "ACCOUNT_IMMUTABLE", "account");
  expect_error(put("/api/v1/me/profile", {{"account", s.applicant.account}}, s.caller), 400, "ACCOUNT_IMMUTABLE", "account");
  expect_error(put("/api/v1/me/profile", {{"id_number", "110105199001010011"}}, s.caller), 400, "REQUEST_INVALID", "id_number");
  expect_error(put("/api/v1/me/profile", {{"phone", "15000000000"}}, s.caller), 400, "REQUEST_INVALID", "phone");
  expect_error(put("/api/v1/me/profile", {{"level", 3}}, s.caller), 400, "REQUEST_INVALID", "level");
  expect_error(put("/api/v1/me/profile", {{"ethnicty", "汉族"}}, s.caller), 400, "REQUEST_INVALID", "ethnicty");
  expect_error(put("/api/v1/me/profile", nlohmann::json::object(), s.caller), 400, "REQUEST_INVALID");
  const Reply profile = get("/api/v1/me/profile", s.caller);
  EXPECT_EQ(profile.json.value("account", ""), s.applicant.account);
  EXPECT_TRUE(profile.json["basic"]["ethnicity"].is_null());
}

TEST_F(RestProfile, ValidityDatesFollowTheRegistrationRules) {
  const SignedIn s = signed_in_adult();  // born 1990-05-17
  // A renewed card, issued at 35: twenty years.
  const Reply renewed = put("/api/v1/me/profile", {{"id_valid_from", "2025-06-01"}, {"id_valid_to", "2045-06-01"}}, s.caller);
  ASSERT_EQ(renewed.status, 200) << renewed.body;
  EXPECT_EQ(renewed.json.value("id_valid_from", ""), "2025-06-01");
  EXPECT_EQ(renewed.json.value("id_valid_to", ""), "2045-06-01");
  EXPECT_EQ(count_rows("audit_log", "action = 'profile.id_validity' AND detail = ''"), 1);

  expect_error(put("/api/v1/me/profile", {{"id_valid_from", "2025-06-01"}, {"id_valid_to", "long_term"}}, s.caller), 400,
               "ID_VALIDITY_INVALID", "id_valid_from");
  expect_error(put("/api/v1/me/profile", {{"id_valid_from", "2025-06-01"}, {"id_valid_to", "2035-06-01"}}, s.caller), 400,
               "ID_VALIDITY_INVALID", "id_valid_from");
  expect_error(put("/api/v1/me/profile", {{"id_valid_from", "2025-06-01"}}, s.caller), 400, "ID_VALIDITY_REQUIRED",
               "id_valid_to");
  expect_error(put("/api/v1/me/profile", {{"id_valid_to", "2045-06-01"}}, s.caller), 400, "ID_VALIDITY_REQUIRED",
               "id_valid_from");
  expect_error(put("/api/v1/me/profile", {{"id_valid_from", "2025-13-01"}, {"id_valid_to", "2045-06-01"}}, s.caller), 400,
               "DATE_INVALID", "id_valid_from");
  expect_error(put("/api/v1/me/profile", {{"id_valid_from", "2027-01-01"}, {"id_valid_to", "2047-01-01"}}, s.caller), 400,
               "ID_VALIDITY_INVALID", "id_valid_from");  // starts in the future
  // Issued at 15 (five years), long expired.
  expect_error(put("/api/v1/me/profile", {{"id_valid_from", "2005-06-01"}, {"id_valid_to", "2010-06-01"}}, s.caller), 400,
               "ID_EXPIRED", "id_valid_to");
  expect_error(put("/api/v1/me/profile", {{"id_valid_from", nullptr}, {"id_valid_to", nullptr}}, s.caller), 400,
               "ID_VALIDITY_REQUIRED");
  expect_error(put("/api/v1/me/profile", {{"id_valid_from", 20250601}, {"id_valid_to", "2045-06-01"}}, s.caller), 400,
               "FIELD_TYPE", "id_valid_from");
  const Reply profile = get("/api/v1/me/profile", s.caller);
  EXPECT_EQ(profile.json.value("id_valid_from", ""), "2025-06-01");

  // Under 16 there are no validity dates to edit.
  Applicant child = child_resident();
  ASSERT_EQ(register_person(child).status, 201);
  const Caller caller = bearer_of(login(child.account, child.password));
  expect_error(put("/api/v1/me/profile", {{"id_valid_from", "2020-01-10"}, {"id_valid_to", "2025-01-10"}}, caller), 400,
               "ID_VALIDITY_NOT_ALLOWED");
}

TEST_F(RestProfile, ANewNameIsCheckedWithThePoliceServiceAndKeepsTheLevel) {
  const SignedIn s = signed_in_adult();  // 陈小明, level 3
  expect_error(put("/api/v1/me/profile", {{"name", "欧阳不符"}}, s.caller), 400, "IDENTITY_MISMATCH", "name");
  EXPECT_EQ(get("/api/v1/me/profile", s.caller).json.value("name", ""), "陈**") << "a mismatch changes nothing";
  expect_error(put("/api/v1/me/profile", {{"name", "李超时"}}, s.caller), 503, "IDENTITY_UNAVAILABLE");
  expect_error(put("/api/v1/me/profile", {{"name", "陈1"}}, s.caller), 400, "NAME_INVALID", "name");
  expect_error(put("/api/v1/me/profile", {{"name", ""}}, s.caller), 400, "NAME_INVALID", "name");

  const Reply renamed = put("/api/v1/me/profile", {{"name", "欧阳小明"}}, s.caller);
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json.value("name", ""), "欧阳**");
  EXPECT_EQ(renamed.json.value("level", 0), 3);
  EXPECT_EQ(get("/api/v1/me", s.caller).json.value("name", ""), "欧阳**");
  // Recovery now needs the new name.
  const Captcha c = captcha();
  const Reply by_new_name = post("/api/v1/recovery", {{"name", "欧阳小明"}, {"id_number", s.applicant.id_number},
                                                       {"captcha_id", c.id}, {"captcha_answer", c.answer}});
  EXPECT_EQ(by_new_name.status, 201) << by_new_name.body;
  const std::string who = "actor = 'person:" + std::to_string(s.person_id) + "'";
  EXPECT_EQ(count_rows("audit_log", who + " AND action = 'profile.name' AND result = 'ok'"), 1);
  EXPECT_EQ(count_rows("audit_log", who + " AND action = 'profile.name' AND result = 'denied'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'profile.name' AND (detail LIKE '%欧阳%' OR detail LIKE '%小明%')"), 0);
  // The same name again is no change and no police call.
  EXPECT_EQ(put("/api/v1/me/profile", {{"name", "欧阳小明"}}, s.caller).status, 200);
  EXPECT_EQ(count_rows("audit_log", who + " AND action = 'profile.name'"), 3);
}

TEST_F(RestProfile, NameChecksAreLimitedToFiveADay) {
  const SignedIn s = signed_in_adult();
  for (int i = 0; i < 5; ++i)
    expect_error(put("/api/v1/me/profile", {{"name", i % 2 ? "张不符" : "王不符"}}, s.caller), 400, "IDENTITY_MISMATCH");
  const Reply limited = put("/api/v1/me/profile", {{"name", "陈大明"}}, s.caller);
  expect_error(limited, 429, "TOO_MANY_REQUESTS", "name");
  EXPECT_FALSE(limited.header("retry-after").empty());
  // Other changes still work meanwhile; a day later the name can be checked again.
  EXPECT_EQ(put("/api/v1/me/profile", {{"ethnicity", "汉族"}}, s.caller).status, 200);
  advance(std::chrono::hours(24) + std::chrono::seconds(1));
  const Caller again = bearer_of(login(s.applicant.account, s.applicant.password));
  const Reply fresh = put("/api/v1/me/profile", {{"name", "陈大明"}}, again);
  EXPECT_EQ(fresh.status, 200) << fresh.body;
}

TEST_F(RestProfile, OptionsListThePickers) {
  const Reply options = get("/api/v1/profile/options");
  ASSERT_EQ(options.status, 200) << options.body;
  EXPECT_EQ(options.json["ethnicity"].size(), 57u);
  EXPECT_EQ(options.json["ethnicity"][0], "汉族");
  EXPECT_FALSE(options.json["education"].empty());
  EXPECT_FALSE(options.json["occupation"].empty());
  EXPECT_EQ(options.json["limits"].value("work_unit", 0), 100);
}

}  // namespace
}  // namespace uia::rest
