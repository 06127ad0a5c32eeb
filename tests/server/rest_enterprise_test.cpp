// Enterprise (legal-person) accounts over HTTP (issue 5, seeds 000/001, H, J, N): registration
// with the representative's face check and the business registry's four-element check, the
// unverified -> active re-check, enterprise_password sign-in by account or USCC, recovery through
// the representative's phone, activation of a registry-known enterprise, the enterprise centre.
#include <soci/soci.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "flows/enterprise/registry_check.h"
#include "ids/uscc.h"
#include "ports/port_config.h"
#include "rest_test_support.h"
#include "store/enterprise_repository.h"

namespace uia::rest {
namespace {

// The same code with a different (wrong) MOD 31 check character.
std::string with_wrong_uscc_check(const std::string& uscc) {
  std::string wrong = uscc;
  wrong[17] = uscc[17] == '0' ? '1' : '0';
  return wrong;
}

struct Company {
  std::string org_type = "enterprise";
  std::string name = "长春星河科技有限公司";
  std::string uscc = unique_uscc();
  std::string account = unique_account();
  std::string password = "Ent#2026pass";
  std::string phone = unique_phone();
};

class RestEnterprise : public RestTest {
 protected:
  nlohmann::json body(const Company& c, const Applicant& rep, const std::string& code) {
    return {{"org_type", c.org_type},     {"name", c.name},
            {"uscc", c.uscc},             {"legal_rep_name", rep.name},
            {"legal_rep_id_type", "resident"}, {"legal_rep_id_number", rep.id_number},
            {"legal_rep_id_valid_from", "2020-01-10"}, {"legal_rep_id_valid_to", "2040-01-10"},
            {"phone", c.phone},           {"sms_code", code},
            {"account", c.account},       {"password", c.password},
            {"agree", true}};
  }
  Reply register_enterprise(const Company& c, const Applicant& rep) {
    return post("/api/v1/enterprises", body(c, rep, sms_code(c.phone, "enterprise_register")));
  }
  // Registers and passes the representative's face check; the reply of the registration.
  Reply registered(const Company& c, const Applicant& rep) {
    const Reply r = register_enterprise(c, rep);
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json.value("status", ""), "pending_face") << r.body;
    const Reply face = complete_face(r.json.value("face_ticket", "none"), "pass");
    EXPECT_EQ(face.status, 200) << face.body;
    return r;
  }
  Reply enterprise_login(const std::string& identifier, const std::string& password) {
    const Captcha c = captcha();
    return post("/api/v1/sessions", {{"method", "enterprise_password"},
                                     {"identifier", identifier},
                                     {"password", password},
                                     {"captcha_id", c.id},
                                     {"captcha_answer", c.answer}});
  }
  Reply put(const std::string& path, const nlohmann::json& json, const Caller& caller) {
    return request("PUT", path, json.dump(), caller);
  }
  void next_minute() { advance(std::chrono::seconds(61)); }  // the per-phone SMS limit: 1 a minute
  std::string status_of(const std::string& uscc) {
    auto db = open_database();
    std::string status;
    *db << "SELECT status FROM enterprises WHERE uscc = :u", soci::use(uscc), soci::into(status);
    return status;
  }
  // An enterprise as a registry import leaves it: no account, no password, pending_activation.
  long long import_enterprise(const Company& c, const Applicant& rep) {
    auto& services = platform_->services;
    store::EnterpriseRepository enterprises(*services.cipher, *services.blind_index);
    store::Enterprise e;
    e.uscc = c.uscc;
    e.name = c.name;
    e.org_type = c.org_type;
    e.rep_name = rep.name;
    e.rep_id_type = "resident";
    e.rep_id_number = rep.id_number;
    e.status = store::EnterpriseStatus::PendingActivation;
    e.created_at = e.updated_at = services.now_seconds();
    return services.db->transact([&](soci::session& sql) { return enterprises.insert(sql, e); });
  }
};

TEST_F(RestEnterprise, UsccWithAWrongCheckCharacterIsRefusedOnFieldUscc) {
  const Applicant rep = active_adult();
  Company c;
  c.uscc = with_wrong_uscc_check(c.uscc);
  const Reply r = post("/api/v1/enterprises", body(c, rep, "123456"));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_code(), "USCC_INVALID");
  EXPECT_EQ(r.json["error"].value("detail", ""), "USCC_CHECK_DIGIT");
  EXPECT_EQ(r.error_field(), "uscc");
  EXPECT_FALSE(r.json["error"].value("message", "").empty());
  EXPECT_EQ(count_rows("enterprises"), 0);
}

TEST_F(RestEnterprise, RegistersWithTheRepresentativesFaceAndSignsInByAccountOrUscc) {
  const Applicant rep = active_adult();
  const Company c;
  const Reply r = registered(c, rep);
  EXPECT_TRUE(r.json.value("registry_confirmed", false));
  EXPECT_EQ(status_of(c.uscc), "active");
  EXPECT_EQ(count_rows("audit_log", "action = 'enterprise.register' AND result = 'ok'"), 2);  // applied, face passed

  const Reply by_account = enterprise_login(c.account, c.password);
  ASSERT_EQ(by_account.status, 201) << by_account.body;
  EXPECT_EQ(by_account.json["subject"].value("type", ""), "enterprise");
  EXPECT_EQ(by_account.json["subject"].value("acting_role", ""), "enterprise");
  const long long id = by_account.json["subject"].value("enterprise_id", 0LL);
  EXPECT_EQ(id, r.json.value("enterprise_id", -1LL));
  const Reply by_uscc = enterprise_login(c.uscc, c.password);
  ASSERT_EQ(by_uscc.status, 201) << by_uscc.body;
  // The session records whom it acts for.
  EXPECT_EQ(count_rows("sessions", "enterprise_id = " + std::to_string(id) + " AND acting_role = 'enterprise'"), 2);

  const Reply info = get("/api/v1/enterprises/" + std::to_string(id), bearer_of(by_uscc));
  ASSERT_EQ(info.status, 200) << info.body;
  EXPECT_EQ(info.json.value("uscc", ""), c.uscc);
  EXPECT_EQ(info.json.value("name", ""), c.name);
  EXPECT_EQ(info.json["legal_rep"].value("name", ""), "陈**");
  EXPECT_EQ(info.body.find(rep.id_number), std::string::npos);
  EXPECT_EQ(info.body.find(c.phone), std::string::npos);
  EXPECT_FALSE(info.json["extended"].value("registered_address", "").empty());
  // An enterprise session is nobody's person session.
  EXPECT_EQ(get("/api/v1/me", bearer_of(by_uscc)).status, 401);
  EXPECT_EQ(get("/api/v1/me/sessions", bearer_of(by_uscc)).status, 401);
  // A reloaded page learns whose session it is.
  const Reply current = get("/api/v1/sessions/current", bearer_of(by_uscc));
  ASSERT_EQ(current.status, 200) << current.body;
  EXPECT_EQ(current.json.value("acting_as", ""), "enterprise");
  EXPECT_EQ(current.json.value("enterprise_id", 0LL), id);
  EXPECT_EQ(current.json.value("person_id", -1LL), 0);
  // Logging out works like a person's.
  EXPECT_EQ(del("/api/v1/sessions/current", bearer_of(by_uscc)).status, 204);
  EXPECT_EQ(count_rows("audit_log", "action = 'session.logout' AND actor = 'enterprise:" + std::to_string(id) + "'"), 1);
  EXPECT_EQ(get("/api/v1/enterprises/" + std::to_string(id), bearer_of(by_uscc)).status, 401);
}

TEST_F(RestEnterprise, RepresentativeMustBeARealNamePersonWithThatName) {
  const Applicant rep = active_adult();
  Applicant stranger = adult_resident();  // never registered
  Company c;
  Reply r = register_enterprise(c, stranger);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_code(), "LEGAL_REP_NOT_REAL_NAME");
  EXPECT_EQ(r.error_field(), "legal_rep_id_number");
  Applicant wrong_name = rep;
  wrong_name.name = "王大锤";
  next_minute();
  r = register_enterprise(c, wrong_name);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_code(), "LEGAL_REP_MISMATCH");
  // A person still waiting for the face check is not a real-name person yet.
  Applicant pending = adult_resident();
  ASSERT_EQ(register_person(pending).status, 201);
  next_minute();
  r = register_enterprise(c, pending);
  EXPECT_EQ(r.error_code(), "LEGAL_REP_NOT_REAL_NAME") << r.body;
  EXPECT_EQ(count_rows("enterprises"), 0);
}

TEST_F(RestEnterprise, AWrongSmsCodeStoresNothing) {
  const Applicant rep = active_adult();
  const Company c;
  const std::string code = sms_code(c.phone, "enterprise_register");
  const Reply r = post("/api/v1/enterprises", body(c, rep, code == "000000" ? "111111" : "000000"));
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_code(), "SMS_CODE_INVALID");
  EXPECT_EQ(r.error_field(), "sms_code");
  // A code for another purpose does not count either.
  next_minute();
  const Reply other = post("/api/v1/enterprises", body(c, rep, sms_code(c.phone, "register")));
  EXPECT_EQ(other.status, 400) << other.body;
  EXPECT_EQ(count_rows("enterprises"), 0);
  // The right code still works afterwards.
  EXPECT_EQ(post("/api/v1/enterprises", body(c, rep, code)).status, 201);
}

TEST_F(RestEnterprise, AFailedFaceCheckWithdrawsTheRegistration) {
  const Applicant rep = active_adult();
  const Company c;
  const Reply r = register_enterprise(c, rep);
  ASSERT_EQ(r.status, 201) << r.body;
  // Until the face check completes the account cannot sign in.
  const Reply early = enterprise_login(c.account, c.password);
  EXPECT_EQ(early.status, 403) << early.body;
  EXPECT_EQ(early.json["error"].value("status", ""), "pending_face");
  ASSERT_EQ(complete_face(r.json.value("face_ticket", ""), "fail").status, 200);
  EXPECT_EQ(count_rows("enterprises"), 0);
  EXPECT_EQ(enterprise_login(c.account, c.password).status, 401);
  EXPECT_EQ(count_rows("audit_log", "action = 'enterprise.register' AND result = 'failed'"), 1);
  // The USCC and the account name are free again.
  next_minute();
  registered(c, rep);
  EXPECT_EQ(status_of(c.uscc), "active");
}

TEST_F(RestEnterprise, ADuplicateUsccOrAccountIsRefused) {
  const Applicant rep = active_adult();
  const Company c;
  registered(c, rep);
  Company again;
  again.uscc = c.uscc;
  Reply r = register_enterprise(again, rep);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.error_code(), "USCC_REGISTERED");
  EXPECT_EQ(r.json["error"].value("next", ""), "login_or_recover");
  Company same_account;
  same_account.account = c.account;
  r = register_enterprise(same_account, rep);
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.error_code(), "ACCOUNT_TAKEN");
  EXPECT_EQ(count_rows("enterprises"), 1);
}

TEST_F(RestEnterprise, TheRegistryMismatchRefusesAndAnUnavailableRegistryLeavesItUnverified) {
  const Applicant rep = active_adult();
  Company mismatched;
  mismatched.name = "长春不符商贸有限公司";  // the simulator: the registry records other details
  Reply r = register_enterprise(mismatched, rep);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_code(), "REGISTRY_MISMATCH");
  EXPECT_EQ(count_rows("enterprises"), 0);

  Company down;
  down.name = "长春超时物流有限公司";  // the simulator: the registry does not answer
  registered(down, rep);
  EXPECT_EQ(status_of(down.uscc), "unverified");
}

TEST_F(RestEnterprise, AnUnverifiedEnterpriseTurnsActiveWhenTheRegistryConfirms) {
  const Applicant rep = active_adult();
  Company c;
  c.name = "长春待核新设有限公司";  // the simulator: no registry entry yet
  const Reply r = registered(c, rep);
  EXPECT_FALSE(r.json.value("registry_confirmed", true));
  EXPECT_EQ(status_of(c.uscc), "unverified");
  Reply login = enterprise_login(c.uscc, c.password);
  EXPECT_EQ(login.status, 403) << login.body;
  EXPECT_EQ(login.error_code(), "ACCOUNT_NOT_ACTIVE");
  EXPECT_EQ(login.json["error"].value("status", ""), "unverified");
  EXPECT_EQ(login.json["error"].value("next", ""), "wait_for_registry");

  // A pass while the registry still knows nothing changes nothing.
  Reply pass = post("/api/dev/registry/recheck", nlohmann::json::object());
  ASSERT_EQ(pass.status, 200) << pass.body;
  EXPECT_EQ(pass.json.value("verified", -1), 0);
  EXPECT_EQ(status_of(c.uscc), "unverified");

  // The registry confirms now; the next pass verifies the account.
  const Reply seeded = put("/api/dev/registry/" + c.uscc,
                           {{"name", c.name}, {"legal_rep_name", rep.name}, {"legal_rep_id_number", rep.id_number}}, {});
  ASSERT_EQ(seeded.status, 200) << seeded.body;
  pass = post("/api/dev/registry/recheck", nlohmann::json::object());
  EXPECT_EQ(pass.json.value("verified", -1), 1) << pass.body;
  EXPECT_EQ(status_of(c.uscc), "active");
  EXPECT_EQ(count_rows("audit_log", "action = 'enterprise.verify' AND result = 'ok'"), 1);
  login = enterprise_login(c.uscc, c.password);
  EXPECT_EQ(login.status, 201) << login.body;
  // Nothing left to re-check.
  EXPECT_EQ(flows::recheck_unverified_enterprises(platform_->services), 0);
}

TEST_F(RestEnterprise, TheRecheckMarksARegistryMismatch) {
  const Applicant rep = active_adult();
  Company c;
  c.name = "长春待核另设有限公司";
  registered(c, rep);
  // The registry now records the USCC under another representative.
  platform_->services.ports.registry_simulator->seed(c.uscc, {c.name, "王五", "110105199001011234", {}});
  EXPECT_EQ(flows::recheck_unverified_enterprises(platform_->services), 0);
  EXPECT_EQ(status_of(c.uscc), "registry_mismatch");
  const Reply login = enterprise_login(c.account, c.password);
  EXPECT_EQ(login.status, 403) << login.body;
  EXPECT_EQ(login.json["error"].value("next", ""), "appeal");
}

TEST_F(RestEnterprise, APendingActivationEnterpriseIsActivatedByInfoThenSmsThenAccount) {
  const Applicant rep = active_adult();
  const Company c;
  // As the dev route makes one (the same as a registry import: see import_enterprise).
  const Reply imported = post("/api/dev/enterprises", {{"uscc", c.uscc}, {"name", c.name}, {"legal_rep_name", rep.name},
                                                       {"legal_rep_id_number", rep.id_number}});
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(post("/api/dev/enterprises", {{"uscc", c.uscc}, {"name", c.name}, {"legal_rep_name", rep.name},
                                          {"legal_rep_id_number", rep.id_number}}).status,
            409);
  // Sign-in and registration both point to activation (seed 000 五.1).
  Reply login = enterprise_login(c.uscc, "whatever-Typed1");
  EXPECT_EQ(login.status, 403) << login.body;
  EXPECT_EQ(login.json["error"].value("status", ""), "pending_activation");
  EXPECT_EQ(login.json["error"].value("next", ""), "activate");
  const Reply again = register_enterprise(c, rep);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.json["error"].value("next", ""), "activate");

  const auto start = [&](const std::string& rep_id) {
    const Captcha cap = captcha();
    return post("/api/v1/enterprises/activation",
                {{"uscc", c.uscc}, {"name", c.name}, {"legal_rep_name", rep.name}, {"legal_rep_id_number", rep_id},
                 {"phone", c.phone}, {"captcha_id", cap.id}, {"captcha_answer", cap.answer}});
  };
  Reply started = start(make_resident_id({1985, 1, 1}));
  EXPECT_EQ(started.status, 400) << started.body;
  EXPECT_EQ(started.error_code(), "LEGAL_REP_MISMATCH");
  next_minute();
  started = start(rep.id_number);
  ASSERT_EQ(started.status, 201) << started.body;
  const std::string id = started.json.value("activation_id", "");
  // Step 3 before step 2 is refused.
  EXPECT_EQ(post("/api/v1/enterprises/activation/" + id + "/account", {{"account", c.account}, {"password", c.password}}).status,
            404);
  const std::string code = newest_sms(c.phone).value("code", "");
  Reply sms = post("/api/v1/enterprises/activation/" + id + "/sms",
                   {{"phone", c.phone}, {"sms_code", code == "000000" ? "111111" : "000000"}});
  EXPECT_EQ(sms.status, 400) << sms.body;
  EXPECT_EQ(sms.error_code(), "SMS_CODE_INVALID");
  sms = post("/api/v1/enterprises/activation/" + id + "/sms", {{"phone", c.phone}, {"sms_code", code}});
  ASSERT_EQ(sms.status, 200) << sms.body;
  const Reply done =
      post("/api/v1/enterprises/activation/" + id + "/account", {{"account", c.account}, {"password", c.password}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.value("status", ""), "active");
  EXPECT_EQ(enterprise_login(c.account, c.password).status, 201);
  EXPECT_EQ(count_rows("audit_log", "action = 'enterprise.activate' AND result = 'ok'"), 1);
  // The flow is spent.
  EXPECT_EQ(post("/api/v1/enterprises/activation/" + id + "/account", {{"account", unique_account()}, {"password", c.password}})
                .status,
            404);
}

TEST_F(RestEnterprise, ActivationNeedsTheRecordedDetailsAndARealNameRepresentative) {
  const Applicant rep = adult_resident();  // the registry names them, but they never registered
  const Company c;
  import_enterprise(c, rep);
  const auto start = [&](const std::string& name) {
    const Captcha cap = captcha();
    return post("/api/v1/enterprises/activation",
                {{"uscc", c.uscc}, {"name", name}, {"legal_rep_name", rep.name}, {"legal_rep_id_number", rep.id_number},
                 {"phone", c.phone}, {"captcha_id", cap.id}, {"captcha_answer", cap.answer}});
  };
  Reply r = start("长春别名有限公司");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_code(), "REGISTRY_MISMATCH");
  r = start(c.name);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_code(), "LEGAL_REP_NOT_REAL_NAME");
  // An unknown USCC has nothing to activate.
  const Captcha cap = captcha();
  r = post("/api/v1/enterprises/activation",
           {{"uscc", unique_uscc()}, {"name", c.name}, {"legal_rep_name", rep.name}, {"legal_rep_id_number", rep.id_number},
            {"phone", c.phone}, {"captcha_id", cap.id}, {"captcha_answer", cap.answer}});
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(r.error_code(), "ENTERPRISE_NOT_FOUND");
  EXPECT_EQ(status_of(c.uscc), "pending_activation");
}

TEST_F(RestEnterprise, RecoveryThroughTheRepresentativesPhone) {
  const Applicant rep = active_adult();
  const Company c;
  registered(c, rep);
  const Reply session = enterprise_login(c.account, c.password);
  ASSERT_EQ(session.status, 201);
  const auto start = [&](const std::string& identifier, const std::string& rep_name) {
    const Captcha cap = captcha();
    return post("/api/v1/enterprises/recovery", {{"identifier", identifier}, {"legal_rep_name", rep_name},
                                                 {"legal_rep_id_number", rep.id_number}, {"captcha_id", cap.id},
                                                 {"captcha_answer", cap.answer}});
  };
  Reply r = start(unique_account(), rep.name);
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(r.error_code(), "ENTERPRISE_NOT_FOUND");
  r = start(c.account, "王大锤");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.error_code(), "LEGAL_REP_MISMATCH");
  next_minute();  // the registration's code went to this phone less than a minute ago
  r = start(c.uscc, rep.name);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json.value("phone", ""), c.phone.substr(0, 3) + "****" + c.phone.substr(7));
  const nlohmann::json sms = newest_sms(c.phone);
  EXPECT_EQ(sms.value("purpose", ""), "enterprise_recover");
  const std::string path = "/api/v1/enterprises/recovery/" + r.json.value("recovery_id", "") + "/password";
  const std::string code = sms.value("code", "");
  Reply finish = post(path, {{"sms_code", code == "000000" ? "111111" : "000000"}, {"new_password", "New#2026pass"}});
  EXPECT_EQ(finish.status, 400) << finish.body;
  EXPECT_EQ(finish.error_code(), "SMS_CODE_INVALID");
  finish = post(path, {{"sms_code", code}, {"new_password", "New#2026pass"}});
  EXPECT_EQ(finish.status, 204) << finish.body;
  EXPECT_EQ(enterprise_login(c.account, c.password).status, 401);
  EXPECT_EQ(enterprise_login(c.account, "New#2026pass").status, 201);
  // The old session ended with the old password.
  EXPECT_EQ(get("/api/v1/enterprises/" + std::to_string(session.json["subject"].value("enterprise_id", 0LL)),
                bearer_of(session)).status,
            401);
  EXPECT_EQ(count_rows("audit_log", "action = 'enterprise.recover' AND result = 'ok'"), 1);
}

TEST_F(RestEnterprise, WrongPasswordsLockTheEnterpriseAccount) {
  const Applicant rep = active_adult();
  const Company c;
  registered(c, rep);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(enterprise_login(c.uscc, "Wrong#2026pass").status, 401) << i;
  const int fifth = enterprise_login(c.uscc, "Wrong#2026pass").status;  // the failure that locks
  EXPECT_TRUE(fifth == 401 || fifth == 423) << fifth;
  const Reply locked = enterprise_login(c.uscc, c.password);
  EXPECT_EQ(locked.status, 423) << locked.body;
  EXPECT_EQ(locked.error_code(), "ACCOUNT_LOCKED");
  // The person lock space is another one: the representative still signs in.
  EXPECT_EQ(login(rep.account, rep.password).status, 201);
  // A wrong captcha is refused before the password counts.
  const Reply no_captcha = post("/api/v1/sessions", {{"method", "enterprise_password"}, {"identifier", c.account},
                                                     {"password", c.password}, {"captcha_id", "nope"},
                                                     {"captcha_answer", "x"}});
  EXPECT_EQ(no_captcha.status, 400) << no_captcha.body;
}

TEST_F(RestEnterprise, TheCentreChangesPasswordPhoneInfoAndRepresentative) {
  const Applicant rep = active_adult();
  const Company c;
  const long long id = registered(c, rep).json.value("enterprise_id", 0LL);
  const std::string base = "/api/v1/enterprises/" + std::to_string(id);
  Reply session = enterprise_login(c.account, c.password);
  Caller me = bearer_of(session);

  // Password.
  Reply r = put(base + "/password", {{"old_password", "Nope#2026pass"}, {"new_password", "Two#2026pass"}}, me);
  EXPECT_EQ(r.error_code(), "PASSWORD_WRONG") << r.body;
  r = put(base + "/password", {{"old_password", c.password}, {"new_password", "Two#2026pass"}}, me);
  EXPECT_EQ(r.status, 204) << r.body;
  session = enterprise_login(c.account, "Two#2026pass");
  ASSERT_EQ(session.status, 201) << session.body;
  me = bearer_of(session);

  // Phone: proven by the login password, then by the four elements.
  const std::string phone2 = unique_phone();
  r = put(base + "/phone", {{"verify_by", "password"}, {"password", "Bad#2026pass"}, {"new_phone", phone2},
                            {"sms_code", sms_code(phone2, "enterprise_change_phone")}}, me);
  EXPECT_EQ(r.error_code(), "PASSWORD_WRONG") << r.body;
  const std::string code2 = newest_sms(phone2).value("code", "");
  r = put(base + "/phone", {{"verify_by", "password"}, {"password", "Two#2026pass"}, {"new_phone", phone2},
                            {"sms_code", code2}}, me);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.value("phone", ""), phone2.substr(0, 3) + "****" + phone2.substr(7));
  // 000 四.2(5)① asks for the password only: the four elements (001 2.5.1.2) are not offered.
  const std::string phone3 = unique_phone();
  r = put(base + "/phone", {{"verify_by", "four_elements"}, {"name", c.name}, {"legal_rep_name", rep.name},
                            {"legal_rep_id_number", rep.id_number}, {"new_phone", phone3},
                            {"sms_code", sms_code(phone3, "enterprise_change_phone")}}, me);
  EXPECT_EQ(r.error_code(), "VERIFY_METHOD_INVALID") << r.body;
  r = put(base + "/phone", {{"verify_by", "face"}, {"new_phone", phone2}, {"sms_code", "123456"}}, me);
  EXPECT_EQ(r.error_code(), "VERIFY_METHOD_INVALID") << r.body;

  // Information change, checked against the registry; the USCC never changes.
  r = put(base + "/info", {{"name", c.name}, {"uscc", unique_uscc()}}, me);
  EXPECT_EQ(r.error_code(), "USCC_IMMUTABLE") << r.body;
  r = put(base + "/info", {{"name", "长春不符更名有限公司"}}, me);
  EXPECT_EQ(r.error_code(), "REGISTRY_MISMATCH") << r.body;
  r = put(base + "/info", {{"name", "长春星河智能科技有限公司"}, {"org_type", "enterprise"}}, me);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.value("name", ""), "长春星河智能科技有限公司");

  // Legal-representative change: another real-name person.
  Applicant stranger = adult_resident();
  r = put(base + "/legal-representative", {{"legal_rep_name", stranger.name}, {"legal_rep_id_number", stranger.id_number}}, me);
  EXPECT_EQ(r.error_code(), "LEGAL_REP_NOT_REAL_NAME") << r.body;
  const Applicant successor = active_adult();
  r = put(base + "/legal-representative", {{"legal_rep_name", rep.name}, {"legal_rep_id_number", rep.id_number}}, me);
  EXPECT_EQ(r.error_code(), "LEGAL_REP_UNCHANGED") << r.body;
  r = put(base + "/legal-representative",
          {{"legal_rep_name", successor.name}, {"legal_rep_id_number", successor.id_number}}, me);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["legal_rep"].value("id_number", ""), successor.id_number.substr(0, 6) + "********" + successor.id_number.substr(14));
  EXPECT_EQ(count_rows("audit_log", "action = 'enterprise.legal_rep.change' AND result = 'ok'"), 1);
}

TEST_F(RestEnterprise, OnlyTheEnterprisesOwnSessionActsForIt) {
  const Applicant rep = active_adult();
  const Company a, b;
  const long long id_a = registered(a, rep).json.value("enterprise_id", 0LL);
  next_minute();
  registered(b, rep);
  const Reply session_b = enterprise_login(b.account, b.password);
  const std::string path = "/api/v1/enterprises/" + std::to_string(id_a);
  Reply r = get(path, bearer_of(session_b));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.error_code(), "ENTERPRISE_FORBIDDEN");
  // The representative's own person session does not act for the enterprise.
  const Reply person = login(rep.account, rep.password);
  EXPECT_EQ(get(path, bearer_of(person)).status, 403);
  EXPECT_EQ(get(path).status, 401);
  EXPECT_EQ(put(path + "/password", {{"old_password", a.password}, {"new_password", "Three#2026pass"}}, bearer_of(session_b)).status,
            403);
}

// Under the Hubei profile (001 2.5.1.2 通过法人信息修改) the four elements prove the enterprise too.
class RestEnterpriseHubei : public RestEnterprise {
 protected:
  void configure(app::PlatformConfig& config) override { config.profile = "hubei"; }
  // kStart is 20:00 in Beijing: 001 lets out-of-province residents register 8:00-18:00 only.
  void SetUp() override {
    RestEnterprise::SetUp();
    advance(std::chrono::hours(14));
  }
};

TEST_F(RestEnterpriseHubei, ChangesTheContactPhoneByTheFourElements) {
  const Applicant rep = active_adult();
  const Company c;
  const long long id = registered(c, rep).json.value("enterprise_id", 0LL);
  const std::string base = "/api/v1/enterprises/" + std::to_string(id);
  const Caller me = bearer_of(enterprise_login(c.account, c.password));
  const std::string phone = unique_phone();
  Reply r = put(base + "/phone", {{"verify_by", "four_elements"}, {"name", c.name}, {"legal_rep_name", rep.name},
                                  {"legal_rep_id_number", "110105194912310029"}, {"new_phone", phone},
                                  {"sms_code", sms_code(phone, "enterprise_change_phone")}}, me);
  EXPECT_EQ(r.error_code(), "LEGAL_REP_MISMATCH") << r.body;
  const std::string code = newest_sms(phone).value("code", "");
  r = put(base + "/phone", {{"verify_by", "four_elements"}, {"name", c.name}, {"legal_rep_name", rep.name},
                            {"legal_rep_id_number", rep.id_number}, {"new_phone", phone}, {"sms_code", code}}, me);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.value("phone", ""), phone.substr(0, 3) + "****" + phone.substr(7));
}

// The re-check runs inside the server on its own: a 1-second interval from the config file's limits.
class RestEnterpriseRecheckTimer : public RestEnterprise {
 protected:
  void configure(app::PlatformConfig& config) override {
    config.config_file = dir_ / "uia.json";
    std::ofstream(config.config_file) << R"({"limits": {"registry_recheck_seconds": 1}})";
  }
};

TEST_F(RestEnterpriseRecheckTimer, TheServerRechecksUnverifiedEnterprisesByItself) {
  ASSERT_NE(platform_->registry_recheck, nullptr);
  const Applicant rep = active_adult();
  Company c;
  c.name = "长春待核定时有限公司";
  registered(c, rep);
  EXPECT_EQ(status_of(c.uscc), "unverified");
  platform_->services.ports.registry_simulator->seed(
      c.uscc, {c.name, rep.name, rep.id_number, ports::BusinessRegistrySimulator::generated_entry(c.name)});
  // Real time: the task's interval is wall-clock seconds, not the test's manual clock.
  for (int i = 0; i < 50 && status_of(c.uscc) != "active"; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(status_of(c.uscc), "active");
}

TEST(BusinessRegistryPort, TheSimulatorIsRefusedInProductionAndTheHttpAdapterReportsUnavailable) {
  ports::PortsConfig config;
  std::string error;
  ASSERT_TRUE(ports::parse_ports_config({{"registry", {{"adapter", "simulator"}}}}, config, error)) << error;
  ports::Ports built;
  // Production also needs sms, identity and face; the refusal must name the registry simulator
  // even when those are fine, so give them real adapters.
  nlohmann::json all = {{"sms", {{"adapter", "http"}, {"endpoint", "https://sms.example"}, {"app_id", "a"},
                                 {"app_secret", "s"}, {"sign_name", "x"}, {"template_id", "t"}}},
                        {"identity", {{"adapter", "http"}, {"endpoint", "https://id.example"}, {"app_id", "a"},
                                      {"app_secret", "s"}}},
                        {"face", {{"adapter", "http"}, {"endpoint", "https://face.example"}, {"app_id", "a"},
                                  {"app_secret", "s"}, {"callback_url", "https://uia.example/cb"}}},
                        {"registry", {{"adapter", "simulator"}}}};
  ASSERT_TRUE(ports::parse_ports_config(all, config, error)) << error;
  EXPECT_FALSE(ports::make_ports(config, false, built, error));
  EXPECT_NE(error.find("registry"), std::string::npos) << error;
  EXPECT_NE(error.find("simulator"), std::string::npos) << error;
  // Without a registry section production starts with enterprise accounts off.
  all.erase("registry");
  ASSERT_TRUE(ports::parse_ports_config(all, config, error)) << error;
  ASSERT_TRUE(ports::make_ports(config, false, built, error)) << error;
  EXPECT_EQ(built.registry, nullptr);
  EXPECT_EQ(built.registry_simulator, nullptr);
  // Plain http to a non-loopback host is refused in production.
  all["registry"] = {{"adapter", "http"}, {"endpoint", "http://registry.example"}, {"app_id", "a"}, {"app_secret", "s"}};
  ASSERT_TRUE(ports::parse_ports_config(all, config, error)) << error;
  EXPECT_FALSE(ports::make_ports(config, false, built, error));
  EXPECT_NE(error.find("ports.registry.endpoint"), std::string::npos) << error;
  // Dev mode builds the simulator when nothing is configured.
  ASSERT_TRUE(ports::parse_ports_config(nullptr, config, error));
  ASSERT_TRUE(ports::make_ports(config, true, built, error)) << error;
  EXPECT_NE(built.registry_simulator, nullptr);
  // A registry that cannot be reached is Unavailable, never a mismatch.
  ports::BusinessRegistryHttp offline({"http://127.0.0.1:9/registry", "a", "s", 300, 300, ""});
  EXPECT_EQ(offline.check({"91220100MA0000000X", "某公司", "陈小明", "110105199005170011"}).verdict,
            ports::RegistryVerdict::Unavailable);
}

}  // namespace
}  // namespace uia::rest
