// Appeals through their decision, for every kind (flows/appeals/appeal_effects.h): filed and
// submitted over HTTP as an appellant would, claimed and decided by a reviewer over
// /api/v1/admin/cases, and the result checked over HTTP: who can sign in, whose sessions and
// business-system tokens ended, who was told, and that a decision that cannot be applied
// changes nothing.
#include <soci/soci.h>

#include "rest_appeals_support.h"
#include "store/appeal_repository.h"
#include "store/enterprise_repository.h"

namespace uia::rest {
namespace {

class RestAppealEffects : public RestAppealsTest {
 protected:
  // A reviewer claims the case and decides it over REST (POST /api/v1/admin/cases/...): the
  // decision's reply.
  Reply decide(const std::string& case_number, bool approve, const std::string& reason = "") {
    if (reviewer_.bearer.empty()) reviewer_ = signed_in_staff("appeal.reviewer", "reviewer");
    const std::string path = "/api/v1/admin/cases/" + case_number;
    const Reply claimed = post(path + "/claim", nlohmann::json::object(), reviewer_);
    EXPECT_EQ(claimed.status, 200) << claimed.body;
    nlohmann::json body = {{"decision", approve ? "approve" : "reject"}};
    if (!reason.empty()) body["reason"] = reason;
    return post(path + "/decision", body, reviewer_);
  }
  void expect_approved(const Reply& decided) {
    EXPECT_EQ(decided.status, 200) << decided.body;
    EXPECT_EQ(decided.json.value("status", ""), "approved") << decided.body;
  }
  // The business-system tokens a signed-in person holds: the access token.
  std::string access_token_of(const Applicant& person) {
    if (client_.id.empty()) client_ = register_client();
    const Reply tokens = exchange(client_, code_for(signed_in_browser(person), client_.id));
    EXPECT_EQ(tokens.status, 200) << tokens.body;
    return tokens.json.value("access_token", "");
  }
  std::string case_status(const std::string& case_number) {
    auto db = open_database();
    std::string status;
    *db << "SELECT status FROM appeal_cases WHERE case_number = :n", soci::use(case_number), soci::into(status);
    return status;
  }
  Caller reviewer_;
  Client client_;

  Filed filed_and_submitted(const nlohmann::json& body) {
    Filed f = file_ok(body);
    const Reply submitted = complete(f);
    EXPECT_EQ(submitted.status, 200) << submitted.body;
    return f;
  }
  long long person_id_of(const Reply& signed_in) { return signed_in.json["subject"].value("person_id", 0LL); }
  bool signed_in(const Caller& caller) { return get("/api/v1/sessions/current", caller).status == 200; }

  // An active enterprise with its representative, registered as the enterprise tests do.
  struct Company {
    std::string uscc = unique_uscc();
    std::string account = unique_account();
    std::string phone = unique_phone();
    std::string password = "Ent#2026pass";
  };
  Company registered_enterprise() {
    Company c;
    registered_enterprise_as(c);
    return c;
  }
  void registered_enterprise_as(const Company& c) {
    const Applicant rep = active_adult();
    const nlohmann::json body = {{"org_type", "enterprise"}, {"name", "长春星河科技有限公司"}, {"uscc", c.uscc},
                                 {"legal_rep_name", rep.name}, {"legal_rep_id_type", "resident"},
                                 {"legal_rep_id_number", rep.id_number}, {"legal_rep_id_valid_from", "2020-01-10"},
                                 {"legal_rep_id_valid_to", "2040-01-10"}, {"phone", c.phone},
                                 {"sms_code", sms_code(c.phone, "enterprise_register")}, {"account", c.account},
                                 {"password", c.password}, {"agree", true}};
    const Reply r = post("/api/v1/enterprises", body);
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.json.contains("face_ticket")) EXPECT_EQ(complete_face(r.json.value("face_ticket", ""), "pass").status, 200);
  }
  Reply enterprise_login(const std::string& identifier, const std::string& password) {
    const Captcha c = captcha();
    return post("/api/v1/sessions", {{"method", "enterprise_password"}, {"identifier", identifier},
                                     {"password", password}, {"captcha_id", c.id}, {"captcha_answer", c.answer}});
  }
  std::optional<store::Enterprise> enterprise(const std::string& uscc) {
    auto& s = platform_->services;
    return s.db->with_session([&](soci::session& sql) {
      return store::EnterpriseRepository(*s.cipher, *s.blind_index).find_by_uscc(sql, uscc);
    });
  }
  std::string sms_text(const std::string& phone) { return newest_sms(phone).value("text", ""); }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(RestAppealEffects, APhoneClaimMovesThePhoneAndEndsTheHoldersSessionsAndTokens) {
  const Applicant holder = active_adult();
  const Reply holder_in = login(holder.phone, holder.password);
  ASSERT_EQ(holder_in.status, 201) << holder_in.body;
  const long long holder_id = person_id_of(holder_in);
  const std::string holder_token = access_token_of(holder);
  ASSERT_EQ(userinfo(holder_token).status, 200);
  next_minute();
  const Filed f = filed_and_submitted(phone_taken(holder.phone, make_resident_id({1988, 8, 8})));

  expect_approved(decide(f.case_number, true));
  EXPECT_FALSE(signed_in(bearer_of(holder_in)));
  EXPECT_EQ(userinfo(holder_token).status, 401);
  EXPECT_EQ(count_rows("persons", "id = " + std::to_string(holder_id) + " AND phone_index IS NULL"), 1);
  EXPECT_EQ(count_rows("person_messages", "person_id = " + std::to_string(holder_id) + " AND kind = 'appeal.phone_removed'"), 1);
  // The appellant had no account: one was made, and signs in with the phone and the new password.
  const Reply appellant_in = login(holder.phone, kAppealPassword);
  ASSERT_EQ(appellant_in.status, 201) << appellant_in.body;
  const long long appellant_id = person_id_of(appellant_in);
  EXPECT_NE(appellant_id, holder_id);
  EXPECT_EQ(count_rows("appeal_cases", "case_number = '" + f.case_number + "' AND person_id = " + std::to_string(appellant_id)), 1);
  EXPECT_TRUE(contains(sms_text(holder.phone), "已审核通过")) << sms_text(holder.phone);
  EXPECT_EQ(count_rows("person_messages", "person_id = " + std::to_string(appellant_id) + " AND kind = 'appeal.approved'"), 1);
  // The former holder keeps the account (by account name) and learns nothing of the appellant.
  EXPECT_EQ(login(holder.account, holder.password).status, 201);
  EXPECT_EQ(count_rows("person_messages", "person_id = " + std::to_string(holder_id) + " AND body LIKE '%李%'"), 0);
  EXPECT_EQ(count_rows("audit_log", "action = 'person.phone_removed'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'case.approve' AND result = 'ok'"), 1);
  next_minute();
  const Reply seen = progress(f.case_number, holder.phone);
  EXPECT_EQ(seen.json.value("status", ""), "approved") << seen.body;
}

TEST_F(RestAppealEffects, APhoneClaimForAFreePhoneIsAConflictAndChangesNothing) {
  const Filed f = filed_and_submitted(phone_taken(unique_phone(), make_resident_id({1988, 8, 8})));
  expect_error(decide(f.case_number, true), 409, "CASE_APPLY_CONFLICT");
  EXPECT_EQ(case_status(f.case_number), "in_review");
  EXPECT_EQ(count_rows("persons"), 0);
}

TEST_F(RestAppealEffects, AnIdClaimMovesTheAccountToTheNewPhoneAndTellsTheOldOne) {
  const Applicant stranger = active_adult();
  const Reply stranger_in = login(stranger.phone, stranger.password);
  ASSERT_EQ(stranger_in.status, 201) << stranger_in.body;
  const std::string stranger_token = access_token_of(stranger);
  const std::string new_phone = unique_phone();
  const Filed f = filed_and_submitted(id_taken(stranger.id_number, stranger.name, new_phone));

  expect_approved(decide(f.case_number, true));
  EXPECT_FALSE(signed_in(bearer_of(stranger_in)));
  EXPECT_EQ(userinfo(stranger_token).status, 401);
  EXPECT_EQ(login(stranger.phone, stranger.password).status, 401);
  EXPECT_EQ(login(stranger.account, stranger.password).status, 401);
  const Reply appellant_in = login(new_phone, kAppealPassword);
  ASSERT_EQ(appellant_in.status, 201) << appellant_in.body;
  EXPECT_EQ(person_id_of(appellant_in), person_id_of(stranger_in));
  EXPECT_TRUE(contains(sms_text(stranger.phone), "解除绑定")) << sms_text(stranger.phone);
  EXPECT_TRUE(contains(sms_text(new_phone), "已审核通过")) << sms_text(new_phone);
  // The stranger's consents and inbox do not pass to the appellant; the approval notice is there.
  EXPECT_EQ(count_rows("person_messages", "person_id = " + std::to_string(person_id_of(stranger_in))), 1);
}

TEST_F(RestAppealEffects, AnIdClaimWithoutAnAccountIsAConflict) {
  const Filed f = filed_and_submitted(id_taken(make_resident_id({1979, 4, 4}), "钱多多", unique_phone()));
  expect_error(decide(f.case_number, true), 409, "CASE_APPLY_CONFLICT");
  EXPECT_EQ(case_status(f.case_number), "in_review");
}

TEST_F(RestAppealEffects, AnEnterpriseAccountAppealReplacesPhoneAndPasswordAndSignsEveryoneOut) {
  const Company company = registered_enterprise();
  const Reply old_in = enterprise_login(company.uscc, company.password);
  ASSERT_EQ(old_in.status, 201) << old_in.body;
  const std::string new_phone = unique_phone();
  const Filed f = filed_and_submitted(enterprise_account(company.uscc, new_phone));

  expect_approved(decide(f.case_number, true));
  EXPECT_FALSE(signed_in(bearer_of(old_in)));
  EXPECT_EQ(enterprise_login(company.uscc, company.password).status, 401);
  EXPECT_EQ(enterprise_login(company.uscc, kAppealPassword).status, 201);
  EXPECT_EQ(enterprise(company.uscc)->phone.value_or(""), new_phone);
  EXPECT_TRUE(contains(sms_text(company.phone), "不再接收")) << sms_text(company.phone);
  EXPECT_TRUE(contains(sms_text(new_phone), "已审核通过")) << sms_text(new_phone);
}

TEST_F(RestAppealEffects, ARegisterAssistAppealCreatesTheAccountUnlessTheUsccWasRegisteredMeanwhile) {
  const std::string uscc = unique_uscc();
  const Filed f = filed_and_submitted(register_assist(uscc, unique_phone(), make_resident_id({1966, 6, 6})));
  expect_approved(decide(f.case_number, true));
  ASSERT_TRUE(enterprise(uscc).has_value());
  EXPECT_EQ(enterprise(uscc)->status, store::EnterpriseStatus::Active);
  EXPECT_EQ(enterprise_login(uscc, kAppealPassword).status, 201);

  const std::string late_uscc = unique_uscc();
  const Filed late = filed_and_submitted(register_assist(late_uscc, unique_phone(), make_resident_id({1966, 6, 7})));
  Company company;  // registered by itself meanwhile
  company.uscc = late_uscc;
  registered_enterprise_as(company);
  expect_error(decide(late.case_number, true), 409, "CASE_APPLY_CONFLICT");
  EXPECT_EQ(enterprise_login(company.uscc, company.password).status, 201);
  EXPECT_EQ(enterprise_login(company.uscc, kAppealPassword).status, 401);
}

TEST_F(RestAppealEffects, AnInfoChangeAppealChangesThePhone) {
  const Company company = registered_enterprise();
  const std::string contact = unique_phone(), new_phone = unique_phone();
  const Filed f = filed_and_submitted(info_change(company.uscc, contact, new_phone));
  expect_approved(decide(f.case_number, true));
  EXPECT_EQ(enterprise(company.uscc)->phone.value_or(""), new_phone);
  EXPECT_EQ(enterprise_login(company.uscc, company.password).status, 201);  // the password stays
  EXPECT_TRUE(contains(sms_text(contact), "企业信息已按申诉内容修改")) << sms_text(contact);
  EXPECT_TRUE(contains(sms_text(company.phone), "不再接收")) << sms_text(company.phone);
}

TEST_F(RestAppealEffects, ARejectionChangesNothingAndTellsTheAppellantTheReason) {
  const Applicant holder = active_adult();
  next_minute();
  const Filed f = filed_and_submitted(phone_taken(holder.phone, make_resident_id({1988, 8, 8})));
  const Reply rejected = decide(f.case_number, false, "手持身份证照片不清晰");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_TRUE(contains(sms_text(holder.phone), "未通过审核，原因：手持身份证照片不清晰")) << sms_text(holder.phone);
  EXPECT_EQ(login(holder.phone, holder.password).status, 201);
  EXPECT_EQ(count_rows("persons"), 1);
  next_minute();
  const Reply seen = progress(f.case_number, holder.phone);
  EXPECT_EQ(seen.json.value("status", ""), "rejected") << seen.body;
  EXPECT_EQ(seen.json.value("reason", ""), "手持身份证照片不清晰");
  // The case is closed: the phone can be appealed again (an hour on: 3 codes an hour per phone).
  advance(std::chrono::hours(1));
  file_ok(phone_taken(holder.phone, make_resident_id({1988, 8, 8})));
}

}  // namespace
}  // namespace uia::rest
