// Addresses of the personal centre over HTTP: contact and postal (EMS) addresses, the phone
// sealed at rest and masked in answers, one default per kind switched atomically, a cap of 20,
// and no way to see or touch another person's address.
#include <thread>

#include "personal_centre_support.h"

namespace uia::rest {
namespace {

class RestAddresses : public PersonalCentreTest {
 protected:
  static nlohmann::json postal(const std::string& phone, bool is_default = false) {
    return {{"kind", "postal"},   {"recipient", "陈小明"},         {"phone", phone},
            {"region", "吉林省长春市南关区"}, {"region_code", "220102"}, {"detail", "人民大街1号政务服务中心"},
            {"postcode", "130000"}, {"is_default", is_default}};
  }
  static nlohmann::json contact(const std::string& phone) {
    return {{"kind", "contact"}, {"recipient", "陈小明"}, {"phone", phone}, {"region", "吉林省长春市朝阳区"},
            {"detail", "西民主大街2号"}};
  }
  long long create(const nlohmann::json& body, const Caller& caller) {
    const Reply created = post("/api/v1/me/addresses", body, caller);
    EXPECT_EQ(created.status, 201) << created.body;
    return created.json.is_object() ? created.json.value("id", 0LL) : 0;
  }
  nlohmann::json list(const Caller& caller, const std::string& query = "") {
    const Reply listed = get("/api/v1/me/addresses" + query, caller);
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.json.is_object() ? listed.json["addresses"] : nlohmann::json::array();
  }
  static nlohmann::json find(const nlohmann::json& addresses, long long id) {
    for (const auto& a : addresses)
      if (a.value("id", 0LL) == id) return a;
    return nlohmann::json();
  }
  long long defaults(long long person_id, const std::string& kind) {
    return count_rows("addresses", "person_id = " + std::to_string(person_id) + " AND kind = '" + kind + "' AND is_default = 1");
  }
};

TEST_F(RestAddresses, CreatesListsUpdatesAndDeletes) {
  const SignedIn s = signed_in_adult();
  const std::string phone = unique_phone();
  const Reply created = post("/api/v1/me/addresses", postal(phone), s.caller);
  ASSERT_EQ(created.status, 201) << created.body;
  const long long id = created.json.value("id", 0LL);
  EXPECT_GT(id, 0);
  EXPECT_EQ(created.json.value("kind", ""), "postal");
  EXPECT_EQ(created.json.value("phone", ""), phone.substr(0, 3) + "****" + phone.substr(7));
  EXPECT_EQ(created.json.value("region_code", ""), "220102");
  EXPECT_EQ(created.json.value("postcode", ""), "130000");
  EXPECT_TRUE(created.json.value("is_default", false)) << "the first postal address is the default";
  EXPECT_EQ(created.body.find(phone), std::string::npos);

  const nlohmann::json all = list(s.caller);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].value("detail", ""), "人民大街1号政务服务中心");
  EXPECT_EQ(all[0].value("phone", ""), phone.substr(0, 3) + "****" + phone.substr(7));
  // The phone is sealed at rest.
  EXPECT_EQ(count_rows("addresses", "phone_enc LIKE '%" + phone + "%'"), 0);
  EXPECT_EQ(count_rows("addresses", "phone_enc IS NOT NULL"), 1);

  nlohmann::json changed = postal(unique_phone());
  changed["detail"] = "人民大街2号";
  changed["recipient"] = "陈大明";
  const Reply updated = request("PUT", "/api/v1/me/addresses/" + std::to_string(id), changed.dump(), s.caller);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json.value("detail", ""), "人民大街2号");
  EXPECT_EQ(updated.json.value("recipient", ""), "陈大明");
  EXPECT_TRUE(updated.json.value("is_default", false)) << "still the only postal address";

  const Reply deleted = del("/api/v1/me/addresses/" + std::to_string(id), s.caller);
  EXPECT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_TRUE(list(s.caller).empty());
  expect_error(del("/api/v1/me/addresses/" + std::to_string(id), s.caller), 404, "NOT_FOUND");
  const std::string who = "actor = 'person:" + std::to_string(s.person_id) + "'";
  for (const char* action : {"address.create", "address.update", "address.delete"})
    EXPECT_EQ(count_rows("audit_log", who + " AND action = '" + std::string(action) + "' AND result = 'ok'"), 1) << action;
  EXPECT_EQ(count_rows("audit_log", "detail LIKE '%人民大街%' OR target LIKE '%" + phone + "%'"), 0);
}

TEST_F(RestAddresses, OneDefaultPerKindSwitchedTogether) {
  const SignedIn s = signed_in_adult();
  const long long first = create(postal(unique_phone()), s.caller);
  const long long second = create(postal(unique_phone()), s.caller);
  const long long home = create(contact(unique_phone()), s.caller);
  nlohmann::json all = list(s.caller);
  EXPECT_TRUE(find(all, first).value("is_default", false));
  EXPECT_FALSE(find(all, second).value("is_default", true));
  EXPECT_TRUE(find(all, home).value("is_default", false)) << "contact addresses have their own default";

  const long long third = create(postal(unique_phone(), /*is_default=*/true), s.caller);
  all = list(s.caller);
  EXPECT_TRUE(find(all, third).value("is_default", false));
  EXPECT_FALSE(find(all, first).value("is_default", true));
  EXPECT_TRUE(find(all, home).value("is_default", false)) << "the contact default is untouched";
  EXPECT_EQ(defaults(s.person_id, "postal"), 1);
  EXPECT_EQ(all[0].value("id", 0LL), third) << "defaults first";

  // PUT with is_default moves it back.
  const Reply moved = request("PUT", "/api/v1/me/addresses/" + std::to_string(second), postal(unique_phone(), true).dump(),
                              s.caller);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(defaults(s.person_id, "postal"), 1);
  EXPECT_TRUE(find(list(s.caller), second).value("is_default", false));

  // Deleting the default hands it to the newest remaining address of the kind.
  ASSERT_EQ(del("/api/v1/me/addresses/" + std::to_string(second), s.caller).status, 204);
  EXPECT_TRUE(find(list(s.caller), third).value("is_default", false));
  EXPECT_EQ(defaults(s.person_id, "postal"), 1);

  // Changing the kind of the contact default leaves contact without rows and postal with one default.
  const Reply rekinded = request("PUT", "/api/v1/me/addresses/" + std::to_string(home), postal(unique_phone()).dump(),
                                 s.caller);
  ASSERT_EQ(rekinded.status, 200) << rekinded.body;
  EXPECT_FALSE(rekinded.json.value("is_default", true));
  EXPECT_EQ(defaults(s.person_id, "postal"), 1);
  EXPECT_EQ(list(s.caller, "?kind=contact").size(), 0u);
  EXPECT_EQ(list(s.caller, "?kind=postal").size(), 3u);
  expect_error(get("/api/v1/me/addresses?kind=home", s.caller), 400, "ADDRESS_KIND_INVALID", "kind");
}

TEST_F(RestAddresses, SetAsDefaultNeedsNothingButTheId) {
  const SignedIn s = signed_in_adult();
  const SignedIn other = signed_in_adult();
  const std::string phone = unique_phone();
  const long long first = create(postal(unique_phone()), s.caller);
  const long long second = create(postal(phone), s.caller);
  const long long home = create(contact(unique_phone()), s.caller);
  const Reply made = post("/api/v1/me/addresses/" + std::to_string(second) + "/default", nlohmann::json::object(), s.caller);
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_TRUE(made.json.value("is_default", false));
  EXPECT_EQ(made.json.value("phone", ""), phone.substr(0, 3) + "****" + phone.substr(7)) << "the address is unchanged, masked";
  nlohmann::json all = list(s.caller);
  EXPECT_FALSE(find(all, first).value("is_default", true));
  EXPECT_TRUE(find(all, home).value("is_default", false)) << "only its own kind moves";
  EXPECT_EQ(defaults(s.person_id, "postal"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'address.default'"), 1);
  expect_error(post("/api/v1/me/addresses/" + std::to_string(first) + "/default", nlohmann::json::object(), other.caller),
               404, "NOT_FOUND");
  EXPECT_TRUE(find(list(s.caller), second).value("is_default", false)) << "a stranger moved nothing";
  expect_error(post("/api/v1/me/addresses/abc/default", nlohmann::json::object(), s.caller), 404, "NOT_FOUND");
}

TEST_F(RestAddresses, AnotherPersonsAddressIsNotFound) {
  const SignedIn owner = signed_in_adult();
  const SignedIn other = signed_in_adult();
  const long long id = create(postal(unique_phone()), owner.caller);
  const std::string path = "/api/v1/me/addresses/" + std::to_string(id);
  expect_error(request("PUT", path, postal(unique_phone()).dump(), other.caller), 404, "NOT_FOUND");
  expect_error(del(path, other.caller), 404, "NOT_FOUND");
  EXPECT_TRUE(list(other.caller).empty());
  EXPECT_EQ(list(owner.caller).size(), 1u) << "untouched";
  EXPECT_EQ(find(list(owner.caller), id).value("recipient", ""), "陈小明");
  for (const std::string& bad : std::vector<std::string>{"abc", "-1", "0", "1e3", "99999999999999999999999",
                                                         std::string(200, '9'), "1%20OR%201=1"}) {
    expect_error(del("/api/v1/me/addresses/" + bad, owner.caller), 404, "NOT_FOUND");
    expect_error(request("PUT", "/api/v1/me/addresses/" + bad, postal(unique_phone()).dump(), owner.caller), 404, "NOT_FOUND");
  }
  EXPECT_EQ(list(owner.caller).size(), 1u);
}

TEST_F(RestAddresses, AtMostTwentyPerPerson) {
  const SignedIn s = signed_in_adult();
  for (int i = 0; i < 20; ++i) create(i % 2 ? postal(unique_phone()) : contact(unique_phone()), s.caller);
  expect_error(post("/api/v1/me/addresses", postal(unique_phone()), s.caller), 409, "ADDRESS_LIMIT");
  EXPECT_EQ(count_rows("addresses", "person_id = " + std::to_string(s.person_id)), 20);
  const long long last = list(s.caller)[0].value("id", 0LL);
  ASSERT_EQ(del("/api/v1/me/addresses/" + std::to_string(last), s.caller).status, 204);
  EXPECT_EQ(post("/api/v1/me/addresses", postal(unique_phone()), s.caller).status, 201);
}

TEST_F(RestAddresses, RefusesBadInput) {
  const SignedIn s = signed_in_adult();
  const auto refused = [&](nlohmann::json body, const std::string& code, const std::string& field) {
    const Reply reply = post("/api/v1/me/addresses", body, s.caller);
    expect_error(reply, 400, code, field);
  };
  const std::string phone = unique_phone();
  auto with = [&](const char* key, nlohmann::json value) {
    nlohmann::json body = postal(phone);
    if (value.is_null() && std::string(key) != "region_code") body.erase(key);
    else body[key] = value;
    return body;
  };
  refused(with("kind", "home"), "ADDRESS_KIND_INVALID", "kind");
  refused(with("kind", nullptr), "FIELD_REQUIRED", "kind");
  refused(with("recipient", nullptr), "FIELD_REQUIRED", "recipient");
  refused(with("recipient", 5), "FIELD_TYPE", "recipient");
  refused(with("recipient", "   "), "NAME_INVALID", "recipient");
  refused(with("recipient", "张3"), "NAME_INVALID", "recipient");
  refused(with("phone", "123"), "PHONE_INVALID", "phone");
  refused(with("phone", 15012340058LL), "FIELD_TYPE", "phone");
  refused(with("region", ""), "FIELD_REQUIRED", "region");
  refused(with("region", repeat("省", 61)), "FIELD_TOO_LONG", "region");
  refused(with("region_code", "990000"), "REGION_CODE_INVALID", "region_code");
  refused(with("region_code", "22010"), "REGION_CODE_INVALID", "region_code");
  refused(with("detail", repeat("路", 121)), "FIELD_TOO_LONG", "detail");
  refused(with("detail", "一\t二"), "TEXT_INVALID", "detail");
  refused(with("detail", std::string(5000, 'x')), "FIELD_TYPE", "detail");
  refused(with("postcode", "12345"), "POSTCODE_INVALID", "postcode");
  refused(with("postcode", nullptr), "FIELD_REQUIRED", "postcode");  // EMS needs it
  refused(with("is_default", "yes"), "FIELD_TYPE", "is_default");
  expect_error(post_text("/api/v1/me/addresses", "{", s.caller), 400, "REQUEST_INVALID");
  expect_error(post_text("/api/v1/me/addresses", "\"text\"", s.caller), 400, "REQUEST_INVALID");
  EXPECT_EQ(count_rows("addresses"), 0);

  // A contact address may go without a postcode; the phone may carry +86 and spaces.
  nlohmann::json body = contact("+86 150-1234-5678");
  const Reply ok = post("/api/v1/me/addresses", body, s.caller);
  EXPECT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json.value("phone", ""), "150****5678");
  EXPECT_TRUE(ok.json["postcode"].is_null());
}

TEST_F(RestAddresses, NeedsASessionAndCsrfForCookies) {
  expect_error(get("/api/v1/me/addresses"), 401, "UNAUTHENTICATED");
  expect_error(post("/api/v1/me/addresses", postal(unique_phone())), 401, "UNAUTHENTICATED");
  expect_error(del("/api/v1/me/addresses/1"), 401, "UNAUTHENTICATED");
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  expect_error(post("/api/v1/me/addresses", postal(unique_phone()), cookie_of(signed_in, false)), 403, "CSRF_INVALID");
  EXPECT_EQ(post("/api/v1/me/addresses", postal(unique_phone()), cookie_of(signed_in, true)).status, 201);
}

TEST_F(RestAddresses, DeletingTheAccountRemovesThemAndTheRestOfThePersonalCentre) {
  const SignedIn s = signed_in_adult();
  create(postal(unique_phone()), s.caller);
  ASSERT_EQ(put("/api/v1/me/profile", {{"work_unit", "长春市政务服务中心"}}, s.caller).status, 200);
  set_questions(s);
  bind_email(s, "deleted.person" + std::to_string(s.person_id) + "@example.com");
  advance(std::chrono::seconds(61));  // the registration SMS went a moment ago
  ASSERT_EQ(post("/api/v1/me/deletion/sms", nlohmann::json::object(), s.caller).status, 202);
  const std::string code = newest_sms(s.applicant.phone).value("code", "");
  const Reply deleted = request("DELETE", "/api/v1/me",
                                nlohmann::json({{"id_number", s.applicant.id_number}, {"sms_code", code}}).dump(), s.caller);
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  const std::string mine = "person_id = " + std::to_string(s.person_id);
  for (const char* table : {"addresses", "person_profiles", "security_answers", "email_codes"})
    EXPECT_EQ(count_rows(table, mine), 0) << table;
  EXPECT_EQ(count_rows("persons", "email_index IS NOT NULL AND id = " + std::to_string(s.person_id)), 0);
}

// Many tabs at once: the cap and the one-default rule hold when requests race (SQLite's write
// lock, MySQL's row lock on the person).
class RestAddressesConcurrency : public RestAddresses {
 protected:
  void configure(app::PlatformConfig& config) override { config.workers = 8; }
};

TEST_F(RestAddressesConcurrency, RacingCreatesKeepTheCapAndOneDefault) {
  const SignedIn s = signed_in_adult();
  constexpr int kRequests = 26;
  std::vector<int> statuses(kRequests);
  std::vector<std::string> phones;
  for (int i = 0; i < kRequests; ++i) phones.push_back(unique_phone());
  std::vector<std::thread> threads;
  for (int i = 0; i < kRequests; ++i)
    threads.emplace_back([&, i] { statuses[i] = post("/api/v1/me/addresses", postal(phones[i], true), s.caller).status; });
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 20);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), kRequests - 20);
  EXPECT_EQ(count_rows("addresses", "person_id = " + std::to_string(s.person_id)), 20);
  EXPECT_EQ(defaults(s.person_id, "postal"), 1);
}

}  // namespace
}  // namespace uia::rest
