// The catalogues and agent rules the flows take from the province profile (issue 15): the
// legal-person types, relations, delegation scopes, security questions, service items,
// documents for review, the ID types a person registers with, and the agents' acceptance
// window, each under a profile other than the default (a built-in one, or the config file's
// "profile" section changing the default's fields), so a flow still reading a typed copy fails.
#include "personal_centre_support.h"

namespace uia::rest {
namespace {

class CatalogueTest : public PersonalCentreTest {
 protected:
  // POST /api/v1/enterprises for a new company of `org_type` whose representative is `rep`.
  Reply register_enterprise(const Applicant& rep, const std::string& org_type) {
    const std::string phone = unique_phone();
    return post("/api/v1/enterprises", {{"org_type", org_type},
                                        {"name", "长春星河科技有限公司"},
                                        {"uscc", unique_uscc()},
                                        {"legal_rep_name", rep.name},
                                        {"legal_rep_id_type", "resident"},
                                        {"legal_rep_id_number", rep.id_number},
                                        {"phone", phone},
                                        {"sms_code", sms_code(phone, "enterprise_register")},
                                        {"account", unique_account()},
                                        {"password", "Ent#2026pass"},
                                        {"agree", true}});
  }
  // The codes of a list answer's catalogue ([{key: code, "label": ...}]).
  static std::vector<std::string> codes(const nlohmann::json& list, const char* key) {
    std::vector<std::string> out;
    for (const auto& item : list) out.push_back(item.value(key, ""));
    return out;
  }
};

// ---- jilin (the default): 企业法人 only ---------------------------------------------------

using CatalogueJilin = CatalogueTest;

TEST_F(CatalogueJilin, OffersOnlyTheEnterpriseLegalPersonType) {
  const Applicant rep = active_adult();
  expect_error(register_enterprise(rep, "social_organisation"), 400, "ENTERPRISE_TYPE_INVALID", "org_type");
  expect_error(register_enterprise(rep, "public_institution"), 400, "ENTERPRISE_TYPE_INVALID", "org_type");
  const Reply registered = register_enterprise(rep, "enterprise");
  EXPECT_EQ(registered.status, 201) << registered.body;
}

TEST_F(CatalogueJilin, ListsTheProfilesCataloguesWithTheirLabels) {
  const SignedIn s = signed_in_adult();
  const Profile jilin = *builtin_profile("jilin");
  const Reply relatives = get("/api/v1/me/relatives", s.caller);
  ASSERT_EQ(relatives.status, 200) << relatives.body;
  ASSERT_EQ(relatives.json["relations"].size(), jilin.relations.size());
  for (std::size_t i = 0; i < jilin.relations.size(); ++i) {
    EXPECT_EQ(relatives.json["relations"][i].value("relation", ""), jilin.relations[i].code);
    EXPECT_EQ(relatives.json["relations"][i].value("label", ""), jilin.relations[i].label);
  }
  const Reply given = get("/api/v1/me/delegations/given", s.caller);
  ASSERT_EQ(given.status, 200) << given.body;
  EXPECT_EQ(codes(given.json["scopes"], "scope"), (std::vector<std::string>{"all", "apply", "query"}));
  const Reply questions = get("/api/v1/security-questions");
  ASSERT_EQ(questions.status, 200) << questions.body;
  ASSERT_EQ(questions.json["questions"].size(), jilin.security_questions.size());
  EXPECT_EQ(questions.json["questions"][0].value("text", ""), jilin.security_questions[0].label);
}

// ---- hainan: 企业 / 社会团体 / 机关事业单位 ----------------------------------------------

class CatalogueHainan : public CatalogueTest {
 protected:
  void configure(app::PlatformConfig& config) override { config.profile = "hainan"; }
};

TEST_F(CatalogueHainan, AcceptsASocialOrganisation) {
  const Applicant rep = active_adult();
  const Reply registered = register_enterprise(rep, "social_organisation");
  ASSERT_EQ(registered.status, 201) << registered.body;
  expect_error(register_enterprise(rep, "partnership"), 400, "ENTERPRISE_TYPE_INVALID", "org_type");
}

// ---- the config file changes the default's catalogues -------------------------------------

class CatalogueOverrides : public CatalogueTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    use_profile_section(
        config,
        {{"base", "jilin"},
         {"relations", {{{"code", "spouse"}, {"label", "配偶"}}, {{"code", "guardian"}, {"label", "监护人"}}}},
         {"delegation_scopes", {{{"code", "query"}, {"label", "查询办件进度"}}}},
         {"security_questions",
          {{{"code", "birth_city"}, {"label", "您出生的城市是？"}},
           {{"code", "first_pet"}, {"label", "您第一只宠物的名字是？"}},
           {{"code", "home_street"}, {"label", "您儿时居住的街道是？"}}}},
         {"person_id_types", {"resident"}},
         {"delegation_accept_hours", 48}});
  }
  static nlohmann::json relative(const std::string& relation) {
    return {{"relation", relation}, {"name", "陈小宝"}, {"id_type", "resident"}, {"id_number", make_resident_id({2015, 3, 1})}};
  }
};

TEST_F(CatalogueOverrides, RelationsAreTheConfiguredOnes) {
  const SignedIn s = signed_in_adult();
  // "child" is in every built-in profile but not in this one; "guardian" in none but this one.
  expect_error(post("/api/v1/me/relatives", relative("child"), s.caller), 400, "RELATION_INVALID", "relation");
  const Reply created = post("/api/v1/me/relatives", relative("guardian"), s.caller);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json.value("relation", ""), "guardian");
  EXPECT_EQ(created.json.value("relation_label", ""), "监护人");
  const Reply listed = get("/api/v1/me/relatives", s.caller);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(codes(listed.json["relations"], "relation"), (std::vector<std::string>{"spouse", "guardian"}));
}

TEST_F(CatalogueOverrides, DelegationScopesAndTheirWindowAreTheConfiguredOnes) {
  const SignedIn grantor = signed_in_adult(), grantee = signed_in_adult();
  nlohmann::json body = {{"name", grantee.applicant.name},
                         {"id_number", grantee.applicant.id_number},
                         {"scope", "all"},
                         {"valid_to", "2027-11-25"}};
  expect_error(post("/api/v1/me/delegations", body, grantor.caller), 400, "DELEGATION_SCOPE_INVALID", "scope");
  body["scope"] = "query";
  const Reply created = post("/api/v1/me/delegations", body, grantor.caller);
  ASSERT_EQ(created.status, 201) << created.body;
  ASSERT_EQ(complete_face(created.json.value("face_ticket", "none"), "pass").status, 200);
  const Reply given = get("/api/v1/me/delegations/given", grantor.caller);
  ASSERT_EQ(given.status, 200) << given.body;
  ASSERT_EQ(given.json["delegations"].size(), 1u) << given.body;
  const auto& d = given.json["delegations"][0];
  EXPECT_EQ(d.value("scope_label", ""), "查询办件进度");
  // kStart (2026-11-25 12:00 UTC) + 48 hours, not the default 24.
  EXPECT_EQ(d.value("confirm_by", ""), "2026-11-27T12:00:00Z") << d.dump();
}

TEST_F(CatalogueOverrides, SecurityQuestionsAreTheConfiguredOnes) {
  const SignedIn s = signed_in_adult();
  const Reply listed = get("/api/v1/security-questions");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(codes(listed.json["questions"], "id"), (std::vector<std::string>{"birth_city", "first_pet", "home_street"}));
  nlohmann::json questions = nlohmann::json::array({{{"question", "birth_city"}, {"answer", "Changchun"}},
                                                    {{"question", "primary_school"}, {"answer", "实验小学"}},
                                                    {{"question", "first_pet"}, {"answer", "Wang Cai"}}});
  expect_error(put("/api/v1/me/security-questions", {{"password", s.applicant.password}, {"questions", questions}}, s.caller),
               400, "SECURITY_QUESTION_INVALID", "questions");
  questions[1] = {{"question", "home_street"}, {"answer", "人民大街"}};
  const Reply set = put("/api/v1/me/security-questions", {{"password", s.applicant.password}, {"questions", questions}}, s.caller);
  ASSERT_EQ(set.status, 200) << set.body;
  const Reply mine = get("/api/v1/me/security-questions", s.caller);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json["questions"][1].value("text", ""), "您儿时居住的街道是？");
}

TEST_F(CatalogueOverrides, PersonsRegisterOnlyWithTheProfilesIdTypes) {
  expect_error(register_person(hk_macau_applicant()), 400, "ID_TYPE_INVALID", "id_type");
  expect_error(register_person(passport_applicant()), 400, "ID_TYPE_INVALID", "id_type");
  EXPECT_EQ(register_person(child_resident()).status, 201);
}

// ---- no legal-person types: no enterprise registration ------------------------------------

class CatalogueNoEnterprises : public CatalogueTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    use_profile_section(config, {{"base", "jilin"}, {"organisation_types", nlohmann::json::array()}});
  }
};

TEST_F(CatalogueNoEnterprises, RefusesEnterpriseRegistrationWithAClearCode) {
  const Applicant rep = active_adult();
  const Reply refused = register_enterprise(rep, "enterprise");
  expect_error(refused, 403, "ENTERPRISE_REGISTRATION_UNAVAILABLE");
  EXPECT_EQ(refused.json["error"].value("message", ""), "本平台不提供法人用户注册");
  EXPECT_EQ(count_rows("enterprises"), 0);
}

}  // namespace
}  // namespace uia::rest
