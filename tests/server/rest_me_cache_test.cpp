// GET /api/v1/me is answered from memory between writes (runtime/read_cache.h). These tests warm
// that cache first and prove that every change is visible to the very next read.
#include "rest_test_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;
using RestMeCache = RestTest;

TEST_F(RestMeCache, RepeatedReadsAgree) {
  const Applicant a = active_adult();
  const Caller caller = bearer_of(login(a.account, a.password));
  const Reply first = get("/api/v1/me", caller);
  const Reply second = get("/api/v1/me", caller);
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(first.body, second.body);
  EXPECT_EQ(second.header("cache-control"), "no-store");
  EXPECT_NE(second.header("content-type").find("application/json"), std::string::npos);
}

TEST_F(RestMeCache, LogoutIsSeenByTheNextRead) {
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  const Caller caller = bearer_of(signed_in);
  ASSERT_EQ(get("/api/v1/me", caller).status, 200);
  ASSERT_EQ(get("/api/v1/me", cookie_of(signed_in, false)).status, 200);
  ASSERT_EQ(del("/api/v1/sessions/current", caller).status, 204);
  EXPECT_EQ(get("/api/v1/me", caller).status, 401);
  EXPECT_EQ(get("/api/v1/me", cookie_of(signed_in, false)).status, 401);
}

TEST_F(RestMeCache, IdleExpiryIsNotOutlivedByTheCache) {
  const Applicant a = active_adult();
  const Caller caller = bearer_of(login(a.account, a.password));
  ASSERT_EQ(get("/api/v1/me", caller).status, 200);
  advance(30min);
  EXPECT_EQ(get("/api/v1/me", caller).status, 401);
}

TEST_F(RestMeCache, ChangedPhoneShowsAtOnce) {
  const Applicant a = active_adult();
  const Caller caller = bearer_of(login(a.account, a.password));
  ASSERT_EQ(get("/api/v1/me", caller).json.value("phone", ""), a.phone.substr(0, 3) + "****" + a.phone.substr(7));
  const std::string new_phone = unique_phone();
  const Reply changed = request("PUT", "/api/v1/me/phone",
                                nlohmann::json({{"password", a.password},
                                                {"new_phone", new_phone},
                                                {"sms_code", sms_code(new_phone, "change_phone")}})
                                    .dump(),
                                caller);
  ASSERT_LT(changed.status, 300) << changed.body;
  EXPECT_EQ(get("/api/v1/me", caller).json.value("phone", ""), new_phone.substr(0, 3) + "****" + new_phone.substr(7));
}

TEST_F(RestMeCache, AnotherPersonsTokenNeverGetsThisAnswer) {
  const Applicant a = active_adult();
  const Applicant b = active_adult();
  const Caller caller_a = bearer_of(login(a.account, a.password));
  const Caller caller_b = bearer_of(login(b.account, b.password));
  const auto id_a = get("/api/v1/me", caller_a).json.value("person_id", 0LL);
  const auto id_b = get("/api/v1/me", caller_b).json.value("person_id", 0LL);
  EXPECT_NE(id_a, id_b);
  EXPECT_EQ(get("/api/v1/me", caller_a).json.value("person_id", 0LL), id_a);
  Caller forged;
  forged.bearer = caller_a.bearer + "x";
  EXPECT_EQ(get("/api/v1/me", forged).status, 401);
}

}  // namespace
}  // namespace uia::rest
