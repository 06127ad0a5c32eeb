// RFC 9207 on the provider side: every authorization response names its issuer in `iss`
// (a code, an error straight from /oidc/authorize, a refusal on the consent page, and a
// prompt=none answer), and discovery says so, so a client talking to several providers can
// tell whose answer came back (the mix-up attack).
#include "rest_oidc_support.h"

namespace uia::rest {
namespace {

using RestOidcIss = RestOidcTest;

constexpr const char* kIssuer = "http://127.0.0.1";

TEST_F(RestOidcIss, DiscoveryAdvertisesTheParameter) {
  const Reply discovery = get("/.well-known/openid-configuration");
  ASSERT_EQ(discovery.status, 200) << discovery.body;
  EXPECT_EQ(discovery.json.value("authorization_response_iss_parameter_supported", false), true);
  EXPECT_EQ(discovery.json.value("issuer", ""), kIssuer);
}

TEST_F(RestOidcIss, EveryAuthorizationResponseCarriesIss) {
  const Client c = register_client();
  const Browser b = signed_in_adult();

  // Success: the code comes with state and iss.
  const Reply started = get(authorize_path(c.id, {}), b.cookie);
  ASSERT_EQ(started.status, 302) << started.body;
  std::string location = started.header("location");
  ASSERT_EQ(location.rfind("/#/consent?oidc=", 0), 0u) << location;
  const std::string id = query_of(location)["oidc"];
  const Reply approved = post("/api/v1/oidc/requests/" + id + "/decision", {{"approve", true}}, b.cookie);
  ASSERT_EQ(approved.status, 200) << approved.body;
  auto back = query_of(approved.json.value("redirect_to", ""));
  EXPECT_FALSE(back["code"].empty());
  EXPECT_EQ(back["iss"], kIssuer);

  // An error from /oidc/authorize itself (a scope the client may not ask for).
  const Reply bad_scope = get(authorize_path(c.id, {{"scope", "openid uia_id"}}), b.cookie);
  ASSERT_EQ(bad_scope.status, 302) << bad_scope.body;
  back = query_of(bad_scope.header("location"));
  EXPECT_EQ(back["error"], "invalid_scope");
  EXPECT_EQ(back["state"], "st-1");
  EXPECT_EQ(back["iss"], kIssuer);

  // The person refuses on the consent page (a fresh client: nothing consented yet).
  const Client other = register_client();
  const Reply asked = get(authorize_path(other.id, {}), b.cookie);
  location = asked.header("location");
  ASSERT_EQ(location.rfind("/#/consent?oidc=", 0), 0u) << location;
  const Reply denied =
      post("/api/v1/oidc/requests/" + query_of(location)["oidc"] + "/decision", {{"approve", false}}, b.cookie);
  ASSERT_EQ(denied.status, 200) << denied.body;
  back = query_of(denied.json.value("redirect_to", ""));
  EXPECT_EQ(back["error"], "access_denied");
  EXPECT_EQ(back["iss"], kIssuer);

  // prompt=none without a session: login_required, with iss.
  const Reply silent = get(authorize_path(other.id, {{"prompt", "none"}}));
  ASSERT_EQ(silent.status, 302) << silent.body;
  back = query_of(silent.header("location"));
  EXPECT_EQ(back["error"], "login_required");
  EXPECT_EQ(back["iss"], kIssuer);
}

}  // namespace
}  // namespace uia::rest
