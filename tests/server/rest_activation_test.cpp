// Imported accounts over HTTP: activation by ID number + phone + SMS (seed 004), a changed phone
// replaced during activation (seed H), and the first SMS sign-in of an imported account, which
// leads to completing what the import lacked (seed 003 场景 2).
#include <soci/soci.h>

#include "rest_test_support.h"
#include "store/person_repository.h"

namespace uia::rest {
namespace {

class RestActivation : public RestTest {
 protected:
  struct Imported {
    long long person_id = 0;
    std::string name = "李四";
    std::string id_number;
    std::string phone;
  };
  // A person as `uia import persons` leaves them: no account, no password, pending_activation.
  // Born 1990-05-17 (an adult: validity dates are required), with or without them on file.
  Imported import_person(bool with_validity) {
    Imported out;
    out.id_number = make_resident_id(Date{1990, 5, 17});
    out.phone = unique_phone();
    auto& services = platform_->services;
    store::PersonRepository persons(*services.cipher, *services.blind_index);
    store::Person p;
    p.name = out.name;
    p.id_type = "resident";
    p.id_number = out.id_number;
    p.phone = out.phone;
    p.gender = "male";
    p.birth_date = "1990-05-17";
    if (with_validity) {
      p.id_valid_from = "2020-01-10";
      p.id_valid_to = "2040-01-10";
    }
    p.status = store::PersonStatus::PendingActivation;
    p.level = 2;
    p.created_at = p.updated_at = services.now_seconds();
    out.person_id = services.db->transact([&](soci::session& sql) { return persons.insert(sql, p); });
    return out;
  }
};

TEST_F(RestActivation, IdNumberPhoneAndCodeThenAccountAndPassword) {
  const Imported person = import_person(true);
  const Reply verified = post("/api/v1/activation", {{"id_number", person.id_number},
                                                     {"phone", person.phone},
                                                     {"sms_code", sms_code(person.phone, "activate")}});
  ASSERT_EQ(verified.status, 201) << verified.body;
  const std::string id = verified.json.value("activation_id", "");
  const Reply described = get("/api/v1/activation/" + id);
  ASSERT_EQ(described.status, 200) << described.body;
  EXPECT_EQ(described.json["missing"], nlohmann::json({"account", "password"}));
  EXPECT_EQ(described.json.value("name", ""), "李*");
  EXPECT_EQ(described.body.find(person.id_number), std::string::npos);
  EXPECT_EQ(described.body.find(person.phone), std::string::npos);

  const std::string account = unique_account();
  const Reply done = post("/api/v1/activation/" + id + "/account", {{"account", account}, {"password", "Uia#2026pass"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.value("status", ""), "active");
  EXPECT_EQ(login(account, "Uia#2026pass").status, 201);
  // The flow is spent: it cannot set a second account.
  EXPECT_EQ(post("/api/v1/activation/" + id + "/account", {{"account", unique_account()}, {"password", "Uia#2026pass"}}).status,
            404);
  EXPECT_EQ(count_rows("audit_log", "action = 'person.activate' AND result = 'ok'"), 1);
}

TEST_F(RestActivation, AChangedPhoneNeedsTheNameAndTheNewPhonesCode) {
  const Imported person = import_person(true);
  const std::string new_phone = unique_phone();
  const std::string code = sms_code(new_phone, "activate");
  const Reply without_name =
      post("/api/v1/activation", {{"id_number", person.id_number}, {"phone", new_phone}, {"sms_code", code}});
  EXPECT_EQ(without_name.status, 400) << without_name.body;
  EXPECT_EQ(without_name.error_field(), "name");
  const Reply with_name = post("/api/v1/activation", {{"id_number", person.id_number},
                                                      {"phone", new_phone},
                                                      {"name", person.name},
                                                      {"sms_code", code}});
  ASSERT_EQ(with_name.status, 201) << with_name.body;
  const Reply described = get("/api/v1/activation/" + with_name.json.value("activation_id", ""));
  EXPECT_EQ(described.json.value("phone", ""), new_phone.substr(0, 3) + "****" + new_phone.substr(7));
}

TEST_F(RestActivation, UnknownOrActiveDocumentsAreNotFound) {
  const Applicant active = active_adult();
  advance(std::chrono::seconds(61));  // one SMS a minute per phone
  const Reply refused = post("/api/v1/activation", {{"id_number", active.id_number},
                                                    {"phone", active.phone},
                                                    {"sms_code", sms_code(active.phone, "activate")}});
  EXPECT_EQ(refused.status, 404) << refused.body;
  EXPECT_EQ(refused.error_code(), "PERSON_NOT_FOUND");
  EXPECT_EQ(get("/api/v1/activation/not-a-flow").status, 404);
}

TEST_F(RestActivation, FirstSmsSignInOfAnImportedAccountLeadsToCompletingIt) {
  const Imported person = import_person(false);
  const Reply first = sms_login(person.phone);
  ASSERT_EQ(first.status, 403) << first.body;
  EXPECT_EQ(first.error_code(), "ACCOUNT_NOT_ACTIVE");
  const auto& error = first.json["error"];
  EXPECT_EQ(error.value("next", ""), "complete_profile");
  EXPECT_EQ(error["missing"], nlohmann::json({"account", "password", "id_valid_from", "id_valid_to"}));
  const std::string id = error.value("activation_id", "");
  ASSERT_FALSE(id.empty());
  EXPECT_TRUE(first.header("set-cookie").empty()) << "no session before the account is complete";

  const std::string account = unique_account();
  const std::string path = "/api/v1/activation/" + id + "/account";
  // What the import lacked is required, and checked with the registration's rules.
  const Reply no_dates = post(path, {{"account", account}, {"password", "Uia#2026pass"}});
  EXPECT_EQ(no_dates.status, 400) << no_dates.body;
  EXPECT_EQ(no_dates.error_code(), "ID_VALIDITY_REQUIRED");
  const Reply wrong_term = post(path, {{"account", account}, {"password", "Uia#2026pass"},
                                       {"id_valid_from", "2020-01-10"}, {"id_valid_to", "2030-01-10"}});
  EXPECT_EQ(wrong_term.status, 400) << wrong_term.body;
  EXPECT_EQ(wrong_term.error_field(), "id_valid_from");
  EXPECT_EQ(count_rows("persons", "status = 'pending_activation'"), 1) << "a refused step writes nothing";

  const Reply done = post(path, {{"account", account}, {"password", "Uia#2026pass"},
                                 {"id_valid_from", "2020-01-10"}, {"id_valid_to", "2040-01-10"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(count_rows("persons", "id_valid_to = '2040-01-10' AND status = 'active'"), 1);
  advance(std::chrono::seconds(61));  // one SMS a minute per phone
  EXPECT_EQ(sms_login(person.phone).status, 201);
  EXPECT_EQ(login(account, "Uia#2026pass").status, 201);
}

TEST_F(RestActivation, BadInputIsAFourHundred) {
  EXPECT_EQ(post_text("/api/v1/activation", "{not json").status, 400);
  EXPECT_EQ(post("/api/v1/activation", {{"id_number", 1}, {"phone", "x"}, {"sms_code", "1"}}).status, 400);
  EXPECT_EQ(post("/api/v1/activation", {{"id_number", "x"}}).status, 400);
  const Imported person = import_person(false);
  const Reply first = sms_login(person.phone);
  const std::string path = "/api/v1/activation/" + first.json["error"].value("activation_id", "") + "/account";
  const Reply typed = post(path, {{"account", unique_account()}, {"password", "Uia#2026pass"}, {"id_valid_from", 20200110},
                                  {"id_valid_to", "2040-01-10"}});
  EXPECT_EQ(typed.status, 400) << typed.body;
  EXPECT_EQ(typed.error_field(), "id_valid_from");
  const Reply garbage = post(path, {{"account", unique_account()}, {"password", "Uia#2026pass"},
                                    {"id_valid_from", "2020-13-40"}, {"id_valid_to", "long_term"}});
  EXPECT_EQ(garbage.status, 400) << garbage.body;
  EXPECT_EQ(garbage.error_code(), "DATE_INVALID");
}

}  // namespace
}  // namespace uia::rest
