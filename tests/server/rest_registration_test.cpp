// Natural-person registration over HTTP (seeds 000, 001, 003, 004): the document types, the
// face check, every refusal the contract names, and that a refused or failed registration
// leaves nothing behind and keeps the SMS code usable.
#include "rest_test_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

class RestRegistration : public RestTest {
 protected:
  void expect_refused(const Reply& reply, int status, const std::string& code, const std::string& field) {
    EXPECT_EQ(reply.status, status) << reply.body;
    EXPECT_EQ(reply.error_code(), code) << reply.body;
    EXPECT_EQ(reply.error_field(), field) << reply.body;
    EXPECT_FALSE(reply.json["error"].value("message", "").empty()) << reply.body;
  }
  // Nothing of a refused registration is stored.
  void expect_nothing_stored() {
    EXPECT_EQ(count_rows("persons"), 0);
    EXPECT_EQ(count_rows("face_checks"), 0);
    EXPECT_EQ(count_rows("audit_log", "action = 'person.register'"), 0);
  }
  Reply me(const Reply& signed_in) { return get("/api/v1/me", bearer_of(signed_in)); }
};

TEST_F(RestRegistration, AdultResidentWaitsForTheFaceCheckThenIsActive) {
  const Applicant a = adult_resident();
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(registered.json.value("status", ""), "pending_face");
  EXPECT_GT(registered.json.value("person_id", 0LL), 0);
  const std::string ticket = registered.json.value("face_ticket", "");
  ASSERT_FALSE(ticket.empty()) << registered.body;

  const Reply before = login(a.account, a.password);
  EXPECT_EQ(before.status, 403) << before.body;
  EXPECT_EQ(before.error_code(), "ACCOUNT_NOT_ACTIVE");

  const Reply face = complete_face(ticket, "pass");
  EXPECT_EQ(face.status, 200) << face.body;

  const Reply signed_in = login(a.account, a.password);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  const Reply profile = me(signed_in);
  EXPECT_EQ(profile.json.value("status", ""), "active");
  EXPECT_EQ(profile.json.value("level", 0), 3);
  EXPECT_EQ(profile.json.value("person_id", 0LL), registered.json.value("person_id", -1LL));
}

TEST_F(RestRegistration, FailedFaceCheckLeavesTheAccountPending) {
  const Applicant a = adult_resident();
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201) << registered.body;
  const std::string ticket = registered.json.value("face_ticket", "");
  EXPECT_EQ(complete_face(ticket, "fail").status, 200);
  const Reply refused = login(a.account, a.password);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.error_code(), "ACCOUNT_NOT_ACTIVE");
  // The ticket is spent: a later "pass" cannot activate the account.
  const Reply replay = complete_face(ticket, "pass");
  EXPECT_EQ(replay.status, 404) << replay.body;
  EXPECT_EQ(replay.error_code(), "FACE_TICKET_INVALID");
  EXPECT_EQ(login(a.account, a.password).status, 403);
}

TEST_F(RestRegistration, FaceTicketExpiresAfterTenMinutes) {
  const Applicant a = adult_resident();
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201) << registered.body;
  advance(10min + 1s);
  const Reply late = complete_face(registered.json.value("face_ticket", ""), "pass");
  EXPECT_EQ(late.status, 404) << late.body;
  EXPECT_EQ(late.error_code(), "FACE_TICKET_INVALID");
  const Reply refused = login(a.account, a.password);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.error_code(), "ACCOUNT_NOT_ACTIVE");
}

TEST_F(RestRegistration, FaceRouteRefusesUnknownTicketsAndResults) {
  EXPECT_EQ(complete_face("no-such-ticket", "pass").error_code(), "FACE_TICKET_INVALID");
  const Reply registered = register_person(adult_resident());
  const Reply bad = complete_face(registered.json.value("face_ticket", ""), "maybe");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.error_field(), "result");
}

TEST_F(RestRegistration, ChildUnderSixteenIsActiveAtOnceWithoutValidityDates) {
  const Applicant child = child_resident();
  const Reply registered = register_person(child);
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(registered.json.value("status", ""), "active");
  EXPECT_FALSE(registered.json.contains("face_ticket"));
  const Reply signed_in = login(child.account, child.password);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_EQ(me(signed_in).json.value("level", 0), 2);
}

TEST_F(RestRegistration, YoungAdultWithATenYearCardNeedsTheFaceCheck) {
  const Reply registered = register_person(young_adult_resident());
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(registered.json.value("status", ""), "pending_face");
}

TEST_F(RestRegistration, LongTermCardAfterFortySix) {
  Applicant a = adult_resident();
  a.id_number = make_resident_id({1960, 3, 3});
  a.valid_from = "2010-06-01";  // 50 at issue
  a.valid_to = "long_term";
  const Reply registered = register_person(a);
  EXPECT_EQ(registered.status, 201) << registered.body;
}

TEST_F(RestRegistration, HongKongMacauPermitWithGenderAndBirthDateIsActive) {
  const Applicant a = hk_macau_applicant();
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(registered.json.value("status", ""), "active");
  EXPECT_FALSE(registered.json.contains("face_ticket"));
  const Reply signed_in = login(a.id_number, a.password);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_EQ(me(signed_in).json.value("id_type", ""), "hk_macau_permit");
}

TEST_F(RestRegistration, PermitNeedsGenderAndBirthDate) {
  Applicant no_gender = hk_macau_applicant();
  no_gender.gender.reset();
  expect_refused(register_person(no_gender), 400, "GENDER_INVALID", "gender");
  Applicant bad_birth = hk_macau_applicant();
  bad_birth.birth_date = "2030-01-01";
  expect_refused(register_person(bad_birth), 400, "BIRTH_DATE_INVALID", "birth_date");
  Applicant bad_number = hk_macau_applicant();
  bad_number.id_number = "X12345678";
  expect_refused(register_person(bad_number), 400, "HK_MACAU_PERMIT_INVALID", "id_number");
  expect_nothing_stored();
}

TEST_F(RestRegistration, PassportWaitsForReview) {
  const Applicant a = passport_applicant();
  const Reply registered = register_person(a);
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(registered.json.value("status", ""), "pending_review");
  EXPECT_FALSE(registered.json.contains("face_ticket"));
  const Reply refused = login(a.account, a.password);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.error_code(), "ACCOUNT_NOT_ACTIVE");
}

TEST_F(RestRegistration, DuplicateAccountIsTaken) {
  const Applicant first = adult_resident();
  ASSERT_EQ(register_person(first).status, 201);
  Applicant second = adult_resident();
  second.account = first.account;
  expect_refused(register_person(second), 409, "ACCOUNT_TAKEN", "account");
  // Account names are unique regardless of case.
  Applicant third = adult_resident();
  third.account = first.account;
  third.account[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(third.account[0])));
  advance(61s);
  expect_refused(register_person(third), 409, "ACCOUNT_TAKEN", "account");
  EXPECT_EQ(count_rows("persons"), 1);
}

TEST_F(RestRegistration, DuplicateIdNumberGuidesOn) {
  const Applicant first = adult_resident();
  ASSERT_EQ(register_person(first).status, 201);
  Applicant second = adult_resident();
  second.id_number = first.id_number;
  const Reply refused = register_person(second);
  expect_refused(refused, 409, "ID_NUMBER_REGISTERED", "id_number");
  EXPECT_EQ(refused.json["error"].value("next", ""), "login_or_recover");
  EXPECT_EQ(count_rows("persons"), 1);
}

TEST_F(RestRegistration, PhoneOfAnotherAccountIsRefused) {
  const Applicant first = adult_resident();
  ASSERT_EQ(register_person(first).status, 201);
  advance(61s);
  Applicant second = adult_resident();
  second.phone = first.phone;
  expect_refused(register_person(second), 409, "PHONE_REGISTERED", "phone");
  EXPECT_EQ(count_rows("persons"), 1);
}

TEST_F(RestRegistration, NameThatDoesNotMatchTheIdIsRefused) {
  Applicant a = adult_resident();
  a.name = "张不符";
  expect_refused(register_person(a), 400, "IDENTITY_MISMATCH", "name");
  expect_nothing_stored();
}

// Each name/ID mismatch spends a try of the SMS code: one code cannot probe the police
// service more than five times.
TEST_F(RestRegistration, NameIdMismatchesUseUpTheSmsCode) {
  Applicant a = adult_resident();
  const std::string code = sms_code(a.phone, "register");
  for (int i = 0; i < 5; ++i) {
    a.name = "陈不符";
    expect_refused(register_with_code(a, code), 400, "IDENTITY_MISMATCH", "name");
  }
  a.name = "陈小明";
  expect_refused(register_with_code(a, code), 400, "SMS_CODE_EXPIRED", "sms_code");
  expect_nothing_stored();
}

TEST_F(RestRegistration, IdentityServiceDownIsAStructuredRetryLater) {
  Applicant a = adult_resident();
  a.name = "李超时";
  const Reply refused = register_person(a);
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.error_code(), "IDENTITY_UNAVAILABLE");
  EXPECT_FALSE(refused.json["error"].value("message", "").empty());
  expect_nothing_stored();
}

TEST_F(RestRegistration, WrongCheckDigitIsIdNumberInvalid) {
  Applicant a = adult_resident();
  a.id_number = with_wrong_check_char(a.id_number);
  const Reply refused = register_person(a);
  expect_refused(refused, 400, "ID_NUMBER_INVALID", "id_number");
  EXPECT_EQ(refused.json["error"].value("detail", ""), "ID_NUMBER_CHECK_DIGIT");
  EXPECT_EQ(refused.json["error"].value("message", ""), "身份证号码校验位不正确");
  expect_nothing_stored();
}

TEST_F(RestRegistration, ValidityMustFitTheAgeAtIssue) {
  Applicant ten_years_at_29 = adult_resident();
  ten_years_at_29.valid_to = "2030-01-10";
  const Reply mismatch = register_person(ten_years_at_29);
  EXPECT_EQ(mismatch.status, 400) << mismatch.body;
  EXPECT_EQ(mismatch.error_code(), "ID_VALIDITY_INVALID");
  EXPECT_EQ(mismatch.json["error"].value("detail", ""), "ID_VALIDITY_AGE_MISMATCH");

  Applicant odd_term = adult_resident();
  odd_term.valid_to = "2039-01-10";
  advance(61s);
  const Reply term = register_person(odd_term);
  EXPECT_EQ(term.error_code(), "ID_VALIDITY_INVALID") << term.body;
  EXPECT_EQ(term.json["error"].value("detail", ""), "ID_VALIDITY_TERM");

  Applicant future = adult_resident();
  future.valid_from = "2027-01-10";
  future.valid_to = "2047-01-10";
  const Reply ahead = register_person(future);
  EXPECT_EQ(ahead.error_code(), "ID_VALIDITY_INVALID") << ahead.body;
  EXPECT_EQ(ahead.json["error"].value("detail", ""), "ID_VALIDITY_FUTURE");

  Applicant expired = adult_resident();
  expired.valid_from = "2010-06-01";  // 20 at issue: 10 years
  expired.valid_to = "2020-06-01";
  const Reply old_card = register_person(expired);
  EXPECT_EQ(old_card.error_code(), "ID_EXPIRED") << old_card.body;
  EXPECT_EQ(old_card.error_field(), "id_valid_to");
  expect_nothing_stored();
}

TEST_F(RestRegistration, AdultMustGiveValidityDates) {
  Applicant a = adult_resident();
  a.valid_to.reset();
  expect_refused(register_person(a), 400, "ID_VALIDITY_REQUIRED", "id_valid_to");
  Applicant b = adult_resident();
  b.valid_from = "2020/01/10";
  expect_refused(register_person(b), 400, "DATE_INVALID", "id_valid_from");
}

TEST_F(RestRegistration, AgreementIsRequired) {
  Applicant a = adult_resident();
  a.agree = false;
  expect_refused(register_person(a), 400, "AGREEMENT_REQUIRED", "agree");
  nlohmann::json without = adult_resident().body("123456");
  without.erase("agree");
  expect_refused(post("/api/v1/persons", without), 400, "AGREEMENT_REQUIRED", "agree");
  expect_nothing_stored();
}

TEST_F(RestRegistration, WeakPasswordIsRefused) {
  for (const std::string password : {"12345678", "abcdefgh", "short1!", "abc 12345"}) {
    Applicant a = adult_resident();
    a.password = password;
    const Reply refused = register_with_code(a, "123456");
    EXPECT_EQ(refused.status, 400) << password << " " << refused.body;
    EXPECT_EQ(refused.error_code(), "PASSWORD_INVALID") << password;
    EXPECT_EQ(refused.error_field(), "password") << password;
  }
  Applicant contains = adult_resident();
  contains.password = contains.account + "#1";
  const Reply refused = register_with_code(contains, "123456");
  EXPECT_EQ(refused.error_code(), "PASSWORD_INVALID") << refused.body;
  EXPECT_EQ(refused.json["error"].value("detail", ""), "PASSWORD_CONTAINS_ACCOUNT");
}

TEST_F(RestRegistration, BadAccountNameAndIdTypeAreRefused) {
  Applicant digit_first = adult_resident();
  digit_first.account = "1tester";
  expect_refused(register_with_code(digit_first, "123456"), 400, "ACCOUNT_INVALID", "account");
  Applicant unknown_type = adult_resident();
  unknown_type.id_type = "library_card";
  expect_refused(register_with_code(unknown_type, "123456"), 400, "ID_TYPE_INVALID", "id_type");
  Applicant digits_in_name = adult_resident();
  digits_in_name.name = "陈2";
  expect_refused(register_with_code(digits_in_name, "123456"), 400, "NAME_INVALID", "name");
}

// The identity check fails after the SMS code was checked: nothing may be stored, and the very
// same account, ID number, phone and code must work once the name is corrected.
TEST_F(RestRegistration, FailedRegistrationLeavesNothingBehind) {
  Applicant a = adult_resident();
  const std::string code = sms_code(a.phone, "register");
  a.name = "陈不符";
  expect_refused(register_with_code(a, code), 400, "IDENTITY_MISMATCH", "name");
  expect_nothing_stored();

  a.name = "陈小明";
  const Reply registered = register_with_code(a, code);
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(count_rows("persons"), 1);
  EXPECT_EQ(count_rows("face_checks"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'person.register'"), 1);
}

TEST_F(RestRegistration, RefusedRegistrationDoesNotSpendTheCode) {
  const Applicant first = adult_resident();
  ASSERT_EQ(register_person(first).status, 201);
  Applicant second = adult_resident();
  const std::string code = sms_code(second.phone, "register");
  const std::string own_account = second.account;
  second.account = first.account;
  expect_refused(register_with_code(second, code), 409, "ACCOUNT_TAKEN", "account");
  const std::string own_id = second.id_number;
  second.account = own_account;
  second.id_number = first.id_number;
  expect_refused(register_with_code(second, code), 409, "ID_NUMBER_REGISTERED", "id_number");
  second.id_number = own_id;
  const Reply registered = register_with_code(second, code);
  EXPECT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(count_rows("persons"), 2);
}

TEST_F(RestRegistration, PersonalDataIsEncryptedAtRest) {
  const Applicant a = adult_resident();
  ASSERT_EQ(register_person(a).status, 201);
  EXPECT_EQ(count_rows("persons"), 1);
  for (const std::string& secret : {a.id_number, a.phone, a.id_number.substr(6, 8)}) {
    EXPECT_EQ(count_rows("persons", "id_number_enc LIKE '%" + secret + "%' OR id_number_index LIKE '%" + secret +
                                        "%' OR phone_enc LIKE '%" + secret + "%' OR phone_index LIKE '%" + secret + "%'"),
              0)
        << secret;
  }
  EXPECT_EQ(count_rows("persons", "password_hash LIKE '$argon2id$%'"), 1);
}

}  // namespace
}  // namespace uia::rest
