// Helpers the personal-centre REST tests share: PUT, a signed-in adult, reading e-mail codes
// from GET /api/dev/mail (the way a tester would), and a full text of a given length.
#pragma once
#include "rest_test_support.h"

namespace uia::rest {

class PersonalCentreTest : public RestTest {
 protected:
  Reply put(const std::string& path, const nlohmann::json& body, const Caller& caller) {
    return request("PUT", path, body.dump(), caller);
  }
  Reply put_text(const std::string& path, const std::string& body, const Caller& caller) {
    return request("PUT", path, body, caller);
  }
  struct SignedIn {
    Applicant applicant;
    Caller caller;
    long long person_id = 0;
  };
  // An active adult (level 3), signed in with a bearer token.
  SignedIn signed_in_adult() {
    SignedIn s;
    s.applicant = active_adult();
    const Reply signed_in = login(s.applicant.account, s.applicant.password);
    EXPECT_EQ(signed_in.status, 201) << signed_in.body;
    s.caller = bearer_of(signed_in);
    s.person_id = signed_in.json.is_object() ? signed_in.json["subject"].value("person_id", 0LL) : 0;
    return s;
  }
  // The newest e-mail the simulator holds for `to` (null when none).
  nlohmann::json newest_mail(const std::string& to) {
    const Reply inbox = get("/api/dev/mail?to=" + to);
    if (inbox.status != 200 || !inbox.json.is_object() || !inbox.json["messages"].is_array() ||
        inbox.json["messages"].empty())
      return nlohmann::json();
    return inbox.json["messages"][0];
  }
  // Binds and verifies `email` for the signed-in person (fails the test on any error).
  void bind_email(const SignedIn& s, const std::string& email) {
    const Reply sent = put("/api/v1/me/email", {{"password", s.applicant.password}, {"email", email}}, s.caller);
    ASSERT_EQ(sent.status, 202) << sent.body;
    const std::string code = newest_mail(email).value("code", "");
    ASSERT_EQ(code.size(), 6u);
    const Reply verified = post("/api/v1/me/email/verify", {{"email_code", code}}, s.caller);
    ASSERT_EQ(verified.status, 200) << verified.body;
  }
  static nlohmann::json three_questions() {
    return nlohmann::json::array({{{"question", "birth_city"}, {"answer", "Changchun"}},
                                  {{"question", "primary_school"}, {"answer", "南关区实验小学"}},
                                  {{"question", "first_pet"}, {"answer", "Wang Cai"}}});
  }
  void set_questions(const SignedIn& s) {
    const Reply set = put("/api/v1/me/security-questions",
                          {{"password", s.applicant.password}, {"questions", three_questions()}}, s.caller);
    ASSERT_EQ(set.status, 200) << set.body;
  }
  void expect_error(const Reply& reply, int status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.error_code(), code) << reply.body;
    if (!field.empty()) EXPECT_EQ(reply.error_field(), field) << reply.body;
  }
  static std::string repeat(const std::string& unit, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += unit;
    return out;
  }
};

}  // namespace uia::rest
