// The prompt parameter of an authorization request (OIDC Core §3.1.2.1) is kept with the stored
// request, so the login and consent pages honour it after the person signs in:
// prompt=consent asks again though consent was given before (GET /api/v1/oidc/requests/{id}
// says consented: false, so the page does not continue on its own); prompt=login accepts only a
// sign-in made after the request (an older session is not shown as signed in, and its decision
// is refused with OIDC_SIGN_IN_AGAIN); prompt=none never shows a page; max_age asks again for a
// sign-in older than it.
#include "rest_oidc_support.h"

namespace uia::rest {
namespace {

using namespace std::chrono_literals;

class RestOidcPrompt : public RestOidcTest {
 protected:
  // The stored request's id from a redirect to the web client's login or consent page.
  std::string request_id(const Reply& started, const std::string& page) {
    EXPECT_EQ(started.status, 302) << started.body;
    const std::string location = started.header("location");
    EXPECT_EQ(location.rfind("/#/" + page + "?oidc=", 0), 0u) << location;
    return query_of(location)["oidc"];
  }
  Reply decide(const std::string& id, const Caller& caller) {
    return post("/api/v1/oidc/requests/" + id + "/decision", {{"approve", true}}, caller);
  }
};

TEST_F(RestOidcPrompt, ConsentIsAskedAgainWhenTheClientSaysSo) {
  const Client c = register_client();
  const Applicant person = active_adult();
  const Browser b = signed_in_browser(person);
  ASSERT_FALSE(code_for(b, c.id).empty());  // consent given once
  // Without prompt the consent page is skipped now.
  EXPECT_EQ(get(authorize_path(c.id, {}), b.cookie).header("location").rfind(std::string(kRedirect) + "?", 0), 0u);

  const std::string id = request_id(get(authorize_path(c.id, {{"prompt", "consent"}}), b.cookie), "consent");
  const Reply seen = get("/api/v1/oidc/requests/" + id, b.cookie);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.json["prompt"], nlohmann::json::array({"consent"}));
  EXPECT_EQ(seen.json["person"]["consented"], false) << "the page must ask, not continue on its own";
  const Reply decided = decide(id, b.cookie);
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_FALSE(query_of(decided.json.value("redirect_to", ""))["code"].empty());

  // Signed out when the request comes: after the sign-in the consent page still asks.
  const std::string later = request_id(get(authorize_path(c.id, {{"prompt", "consent"}})), "login");
  const Browser fresh = signed_in_browser(person);
  const Reply after = get("/api/v1/oidc/requests/" + later, fresh.cookie);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json["person"]["consented"], false);
  // A request without prompt=consent would have continued.
  const std::string plain = request_id(get(authorize_path(c.id, {})), "login");
  EXPECT_EQ(get("/api/v1/oidc/requests/" + plain, fresh.cookie).json["person"]["consented"], true);
}

TEST_F(RestOidcPrompt, LoginMeansASignInAfterTheRequest) {
  const Client c = register_client();
  const Applicant person = active_adult();
  const Browser old = signed_in_browser(person);
  ASSERT_FALSE(code_for(old, c.id).empty());
  advance(5s);

  const std::string id = request_id(get(authorize_path(c.id, {{"prompt", "login"}}), old.cookie), "login");
  const Reply seen = get("/api/v1/oidc/requests/" + id, old.cookie);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.json["prompt"], nlohmann::json::array({"login"}));
  EXPECT_TRUE(seen.json["person"].is_null()) << "the earlier sign-in does not count: " << seen.body;
  // Skipping the login page with the old session is refused; the request stays open.
  const Reply stale = decide(id, old.cookie);
  EXPECT_EQ(stale.status, 401) << stale.body;
  EXPECT_EQ(stale.error_code(), "OIDC_SIGN_IN_AGAIN") << stale.body;

  advance(2s);
  const Browser fresh = signed_in_browser(person);
  const Reply now_seen = get("/api/v1/oidc/requests/" + id, fresh.cookie);
  ASSERT_EQ(now_seen.status, 200) << now_seen.body;
  EXPECT_EQ(now_seen.json["person"]["consented"], true) << "consent was given before: the page continues";
  const Reply decided = decide(id, fresh.cookie);
  ASSERT_EQ(decided.status, 200) << decided.body;
  const std::string code = query_of(decided.json.value("redirect_to", ""))["code"];
  const Reply tokens = exchange(c, code);
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  const auto claims = verified_claims(tokens.json["id_token"]);
  EXPECT_EQ(claims.value("auth_time", 0LL), std::chrono::system_clock::to_time_t(clock_->now())) << "the fresh sign-in";
}

TEST_F(RestOidcPrompt, NoneNeverShowsAPage) {
  const Client c = register_client();
  const Browser b = signed_in_adult();
  // Not consented yet: consent_required straight back, nothing left waiting.
  const Reply silent = get(authorize_path(c.id, {{"prompt", "none"}}), b.cookie);
  ASSERT_EQ(silent.status, 302) << silent.body;
  EXPECT_EQ(query_of(silent.header("location"))["error"], "consent_required");
  EXPECT_EQ(count_rows("oidc_auth_requests"), 0);
  ASSERT_FALSE(code_for(b, c.id).empty());
  const Reply again = get(authorize_path(c.id, {{"prompt", "none"}}), b.cookie);
  EXPECT_FALSE(query_of(again.header("location"))["code"].empty()) << again.header("location");
  // Signed out: login_required.
  EXPECT_EQ(query_of(get(authorize_path(c.id, {{"prompt", "none"}})).header("location"))["error"], "login_required");
}

// max_age: a sign-in older than the client accepts is asked for again (the stored request
// remembers it for the pages); a younger one goes straight on; max_age is in the ID token's
// auth_time terms; a malformed max_age is an error sent back to the client.
TEST_F(RestOidcPrompt, MaxAgeAsksForAFresherSignIn) {
  const Client c = register_client();
  const Applicant person = active_adult();
  const Browser old = signed_in_browser(person);
  ASSERT_FALSE(code_for(old, c.id).empty());
  advance(120s);
  // Young enough: no page.
  const Reply young = get(authorize_path(c.id, {{"max_age", "600"}}), old.cookie);
  EXPECT_FALSE(query_of(young.header("location"))["code"].empty()) << young.header("location");
  // Too old: the login page, the old session is not offered, and its decision is refused.
  const std::string id = request_id(get(authorize_path(c.id, {{"max_age", "60"}}), old.cookie), "login");
  EXPECT_TRUE(get("/api/v1/oidc/requests/" + id, old.cookie).json["person"].is_null());
  const Reply stale = decide(id, old.cookie);
  EXPECT_EQ(stale.status, 401) << stale.body;
  EXPECT_EQ(stale.error_code(), "OIDC_SIGN_IN_AGAIN") << stale.body;
  // prompt=none cannot ask: login_required.
  const Reply silent = get(authorize_path(c.id, {{"max_age", "60"}, {"prompt", "none"}}), old.cookie);
  EXPECT_EQ(query_of(silent.header("location"))["error"], "login_required");
  // A sign-in after the request finishes it, even a few seconds later with max_age=0.
  const std::string zero = request_id(get(authorize_path(c.id, {{"max_age", "0"}}), old.cookie), "login");
  advance(1s);
  const Browser fresh = signed_in_browser(person);
  advance(3s);
  const Reply decided = decide(zero, fresh.cookie);
  ASSERT_EQ(decided.status, 200) << decided.body;
  const Reply tokens = exchange(c, query_of(decided.json.value("redirect_to", ""))["code"]);
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  const auto claims = verified_claims(tokens.json["id_token"]);
  EXPECT_EQ(claims.value("auth_time", 0LL), std::chrono::system_clock::to_time_t(clock_->now()) - 3);
  for (const char* bad : {"-1", "abc", "1e3", ""}) {
    const Reply refused = get(authorize_path(c.id, {{"max_age", bad}}), fresh.cookie);
    EXPECT_EQ(query_of(refused.header("location"))["error"], "invalid_request") << bad;
  }
}

}  // namespace
}  // namespace uia::rest
