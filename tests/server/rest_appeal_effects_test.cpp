// What an approved appeal does to the accounts (flows/appeals/appeal_effects.h), for every kind:
// cases are filed and submitted over HTTP as an appellant would, then approved the way the
// back-office decision does it (apply_approved_appeal + notify_appeal_outcome in one
// transaction), and the result is checked over HTTP: who can sign in, whose sessions ended,
// who was told.
#include <soci/soci.h>

#include "flows/appeals/appeal_effects.h"
#include "rest_appeals_support.h"
#include "store/appeal_repository.h"
#include "store/enterprise_repository.h"

namespace uia::rest {
namespace {

class RestAppealEffects : public RestAppealsTest {
 protected:
  // Approves (or rejects) like the staff decision: effects and notice commit together.
  std::variant<flows::AppliedAppeal, ErrorCode> decide(const std::string& case_number, bool approve,
                                                       const std::string& reason = "") {
    auto& s = platform_->services;
    const store::AppealRepository appeals(*s.cipher);
    return s.db->transact([&](soci::session& sql) -> std::variant<flows::AppliedAppeal, ErrorCode> {
      const auto c = appeals.find_by_number(sql, case_number);
      if (!c) return ErrorCode::CaseNotFound;
      if (!approve) {
        flows::notify_appeal_outcome(s, sql, *c, false, reason, s.now_seconds());
        return flows::AppliedAppeal{};
      }
      auto applied = flows::apply_approved_appeal(s, sql, *c, s.now_seconds(), "staff:1", "127.0.0.1");
      if (std::holds_alternative<flows::AppliedAppeal>(applied))
        flows::notify_appeal_outcome(s, sql, *c, true, "", s.now_seconds());
      return applied;
    });
  }
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
    const Applicant rep = active_adult();
    Company c;
    const nlohmann::json body = {{"org_type", "enterprise"}, {"name", "长春星河科技有限公司"}, {"uscc", c.uscc},
                                 {"legal_rep_name", rep.name}, {"legal_rep_id_type", "resident"},
                                 {"legal_rep_id_number", rep.id_number}, {"legal_rep_id_valid_from", "2020-01-10"},
                                 {"legal_rep_id_valid_to", "2040-01-10"}, {"phone", c.phone},
                                 {"sms_code", sms_code(c.phone, "enterprise_register")}, {"account", c.account},
                                 {"password", c.password}, {"agree", true}};
    const Reply r = post("/api/v1/enterprises", body);
    EXPECT_EQ(r.status, 201) << r.body;
    if (r.json.contains("face_ticket")) EXPECT_EQ(complete_face(r.json.value("face_ticket", ""), "pass").status, 200);
    return c;
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

TEST_F(RestAppealEffects, APhoneClaimMovesThePhoneAndEndsTheHoldersSessions) {
  const Applicant holder = active_adult();
  const Reply holder_in = login(holder.phone, holder.password);
  ASSERT_EQ(holder_in.status, 201) << holder_in.body;
  const long long holder_id = person_id_of(holder_in);
  next_minute();
  const Filed f = filed_and_submitted(phone_taken(holder.phone, make_resident_id({1988, 8, 8})));

  const auto applied = decide(f.case_number, true);
  ASSERT_TRUE(std::holds_alternative<flows::AppliedAppeal>(applied));
  const long long appellant_id = std::get<flows::AppliedAppeal>(applied).person_id;
  EXPECT_NE(appellant_id, 0);
  EXPECT_NE(appellant_id, holder_id);
  EXPECT_FALSE(signed_in(bearer_of(holder_in)));
  EXPECT_EQ(count_rows("persons", "id = " + std::to_string(holder_id) + " AND phone_index IS NULL"), 1);
  EXPECT_EQ(count_rows("person_messages", "person_id = " + std::to_string(holder_id) + " AND kind = 'appeal.phone_removed'"), 1);
  // The appellant's new account (they had none) signs in with the phone and the new password.
  const Reply appellant_in = login(holder.phone, kAppealPassword);
  ASSERT_EQ(appellant_in.status, 201) << appellant_in.body;
  EXPECT_EQ(person_id_of(appellant_in), appellant_id);
  EXPECT_TRUE(contains(sms_text(holder.phone), "已审核通过")) << sms_text(holder.phone);
  EXPECT_EQ(count_rows("person_messages", "person_id = " + std::to_string(appellant_id) + " AND kind = 'appeal.approved'"), 1);
  // Nothing of the appellant reaches the former holder's inbox.
  EXPECT_EQ(count_rows("person_messages", "person_id = " + std::to_string(holder_id) + " AND body LIKE '%李%'"), 0);
}

TEST_F(RestAppealEffects, APhoneClaimForAFreePhoneIsAConflictAndChangesNothing) {
  const Filed f = filed_and_submitted(phone_taken(unique_phone(), make_resident_id({1988, 8, 8})));
  const auto applied = decide(f.case_number, true);
  ASSERT_TRUE(std::holds_alternative<ErrorCode>(applied));
  EXPECT_EQ(std::get<ErrorCode>(applied), ErrorCode::CaseApplyConflict);
  EXPECT_EQ(count_rows("persons"), 0);
}

TEST_F(RestAppealEffects, AnIdClaimMovesTheAccountToTheNewPhoneAndTellsTheOldOne) {
  const Applicant stranger = active_adult();
  const Reply stranger_in = login(stranger.phone, stranger.password);
  ASSERT_EQ(stranger_in.status, 201) << stranger_in.body;
  const std::string new_phone = unique_phone();
  const Filed f = filed_and_submitted(id_taken(stranger.id_number, stranger.name, new_phone));

  const auto applied = decide(f.case_number, true);
  ASSERT_TRUE(std::holds_alternative<flows::AppliedAppeal>(applied));
  EXPECT_EQ(std::get<flows::AppliedAppeal>(applied).person_id, person_id_of(stranger_in));
  EXPECT_FALSE(signed_in(bearer_of(stranger_in)));
  EXPECT_EQ(login(stranger.phone, stranger.password).status, 401);
  const Reply appellant_in = login(new_phone, kAppealPassword);
  ASSERT_EQ(appellant_in.status, 201) << appellant_in.body;
  EXPECT_EQ(person_id_of(appellant_in), person_id_of(stranger_in));
  EXPECT_TRUE(contains(sms_text(stranger.phone), "解除绑定")) << sms_text(stranger.phone);
  EXPECT_TRUE(contains(sms_text(new_phone), "已审核通过")) << sms_text(new_phone);
}

TEST_F(RestAppealEffects, AnIdClaimWithoutAnAccountIsAConflict) {
  const Filed f = filed_and_submitted(id_taken(make_resident_id({1979, 4, 4}), "钱多多", unique_phone()));
  const auto applied = decide(f.case_number, true);
  ASSERT_TRUE(std::holds_alternative<ErrorCode>(applied));
  EXPECT_EQ(std::get<ErrorCode>(applied), ErrorCode::CaseApplyConflict);
}

TEST_F(RestAppealEffects, AnEnterpriseAccountAppealReplacesPhoneAndPasswordAndSignsEveryoneOut) {
  const Company company = registered_enterprise();
  const Reply old_in = enterprise_login(company.uscc, company.password);
  ASSERT_EQ(old_in.status, 201) << old_in.body;
  const std::string new_phone = unique_phone();
  const Filed f = filed_and_submitted(enterprise_account(company.uscc, new_phone));

  ASSERT_TRUE(std::holds_alternative<flows::AppliedAppeal>(decide(f.case_number, true)));
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
  ASSERT_TRUE(std::holds_alternative<flows::AppliedAppeal>(decide(f.case_number, true)));
  ASSERT_TRUE(enterprise(uscc).has_value());
  EXPECT_EQ(enterprise(uscc)->status, store::EnterpriseStatus::Active);
  EXPECT_EQ(enterprise_login(uscc, kAppealPassword).status, 201);

  const Company company = registered_enterprise();
  const Filed late = filed_and_submitted(register_assist(company.uscc, unique_phone(), make_resident_id({1966, 6, 7})));
  const auto applied = decide(late.case_number, true);
  ASSERT_TRUE(std::holds_alternative<ErrorCode>(applied));
  EXPECT_EQ(std::get<ErrorCode>(applied), ErrorCode::CaseApplyConflict);
  EXPECT_EQ(enterprise_login(company.uscc, company.password).status, 201);
}

TEST_F(RestAppealEffects, AnInfoChangeAppealChangesThePhone) {
  const Company company = registered_enterprise();
  const std::string contact = unique_phone(), new_phone = unique_phone();
  const Filed f = filed_and_submitted(info_change(company.uscc, contact, new_phone));
  ASSERT_TRUE(std::holds_alternative<flows::AppliedAppeal>(decide(f.case_number, true)));
  EXPECT_EQ(enterprise(company.uscc)->phone.value_or(""), new_phone);
  EXPECT_EQ(enterprise_login(company.uscc, company.password).status, 201);  // the password stays
  EXPECT_TRUE(contains(sms_text(contact), "企业信息已按申诉内容修改")) << sms_text(contact);
}

TEST_F(RestAppealEffects, ARejectionTellsTheAppellantTheReason) {
  const std::string phone = unique_phone();
  const Filed f = filed_and_submitted(phone_taken(phone, make_resident_id({1988, 8, 8})));
  decide(f.case_number, false, "手持身份证照片不清晰");
  EXPECT_TRUE(contains(sms_text(phone), "未通过审核，原因：手持身份证照片不清晰")) << sms_text(phone);
}

}  // namespace
}  // namespace uia::rest
