// Business systems listed in the configuration file (oidc.clients, API-CONTRACT "Single
// sign-on": "registered by back-office or in the config file"): created on start with the
// secret the file holds (only its hash stored), usable for the whole code flow, rewritten when
// the file changes, never allowed to take over a back-office client, and a bad entry stops the
// start naming the entry and field, with nothing written.
#include <fstream>

#include "rest_oidc_support.h"

namespace uia::rest {
namespace {

constexpr const char* kSecret = "tax-portal-secret-0123456789-abcdefghijklmnop";

nlohmann::json tax_portal(const std::string& redirect = "http://127.0.0.1:9/cb") {
  return {{"client_id", "tax-portal"},       {"client_secret", kSecret},
          {"name", "电子税务局"},              {"redirect_uris", {redirect}},
          {"scopes", {"openid", "profile"}}, {"min_level", 2},
          {"backchannel_logout_uri", "http://127.0.0.1:9/logout"}};
}

nlohmann::json mobile_app() {
  return {{"client_id", "gov.mobile"}, {"name", "掌上办事"}, {"client_type", "public"},
          {"redirect_uris", {"http://127.0.0.1:9/cb"}}};
}

class RestOidcConfigClients : public RestOidcTest {
 protected:
  void configure(app::PlatformConfig& config) override {
    config_ = config;
    write_clients({tax_portal(), mobile_app()});
    config.config_file = config_.config_file;
  }
  void write_clients(const nlohmann::json& clients) {
    config_.config_file = dir_ / "uia.json";
    std::ofstream(config_.config_file) << nlohmann::json({{"oidc", {{"clients", clients}}}}).dump();
  }
  // Starts a second platform on the same database with `clients` in its file, as a restart
  // would; the error it stops with ("" when it started).
  std::string restart_with(const nlohmann::json& clients) {
    write_clients(clients);
    try {
      app::build_platform(config_, clock_);
    } catch (const std::exception& e) {
      return e.what();
    }
    return "";
  }
  nlohmann::json listed(const std::string& client_id) {
    const Reply all = get("/api/v1/admin/clients", admin_);
    EXPECT_EQ(all.status, 200) << all.body;
    for (const auto& c : all.json["clients"])
      if (c.value("client_id", "") == client_id) return c;
    return nullptr;
  }
  app::PlatformConfig config_;
};

TEST_F(RestOidcConfigClients, FileClientsAreRegisteredAndSignPeopleIn) {
  const nlohmann::json tax = listed("tax-portal");
  ASSERT_TRUE(tax.is_object());
  EXPECT_EQ(tax.value("name", ""), "电子税务局");
  EXPECT_EQ(tax.value("source", ""), "config");
  EXPECT_EQ(tax.value("client_type", ""), "confidential");
  EXPECT_EQ(tax.value("min_level", 0), 2);
  EXPECT_EQ(tax["scopes"], nlohmann::json({"openid", "profile"}));
  EXPECT_FALSE(tax.contains("client_secret"));
  EXPECT_EQ(listed("gov.mobile").value("client_type", ""), "public");
  EXPECT_EQ(count_rows("oidc_clients", "client_id = 'tax-portal' AND secret_hash = '" + crypto::token_hash(kSecret) + "'"), 1);
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.client.create' AND target = 'oidc_client:tax-portal'"), 1);

  // The whole code flow with the secret from the file.
  const Client client{"tax-portal", kSecret, tax};
  const Browser browser = signed_in_adult();
  const Pkce p = pkce();
  const std::string code = code_for(browser, client.id, {{"scope", "openid profile"}, {"code_challenge", p.challenge},
                                                         {"code_challenge_method", "S256"}});
  const Reply tokens = exchange(client, code, p.verifier);
  ASSERT_EQ(tokens.status, 200) << tokens.body;
  const nlohmann::json claims = verified_claims(tokens.json.value("id_token", ""));
  ASSERT_TRUE(claims.is_object());
  EXPECT_EQ(claims.value("aud", ""), "tax-portal");
  EXPECT_EQ(userinfo(tokens.json.value("access_token", "")).status, 200);

  // Another secret is not this client's.
  Client wrong = client;
  wrong.secret = "another-secret-0123456789-abcdefghijklmnopqrs";
  expect_oauth_error(refresh(wrong, tokens.json.value("refresh_token", "")), 401, "invalid_client");
}

TEST_F(RestOidcConfigClients, RestartRewritesChangedClientsAndKeepsBackOfficeState) {
  // Unchanged file: nothing rewritten, nothing audited.
  EXPECT_EQ(restart_with({tax_portal(), mobile_app()}), "");
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.client.update'"), 0);

  // Back-office disables the app; a changed file rewrites the portal and leaves the app disabled.
  ASSERT_EQ(post("/api/v1/admin/clients/gov.mobile/disable", nlohmann::json::object(), admin_).status, 200);
  nlohmann::json moved = tax_portal("https://tax.example.gov.cn/cb");
  moved["name"] = "国家税务总局电子税务局";
  EXPECT_EQ(restart_with({moved, mobile_app()}), "");
  const nlohmann::json tax = listed("tax-portal");
  EXPECT_EQ(tax.value("name", ""), "国家税务总局电子税务局");
  EXPECT_EQ(tax["redirect_uris"], nlohmann::json({"https://tax.example.gov.cn/cb"}));
  EXPECT_EQ(count_rows("audit_log", "action = 'oidc.client.update' AND target = 'oidc_client:tax-portal'"), 1);
  EXPECT_FALSE(listed("gov.mobile").value("enabled", true));
  // The old redirect URI is no longer this client's.
  const Browser browser = signed_in_adult();
  const Reply old_uri = get(authorize_path("tax-portal", {{"scope", "openid profile"}}), browser.cookie);
  EXPECT_EQ(old_uri.status, 400) << old_uri.body;
}

TEST_F(RestOidcConfigClients, BadEntriesStopTheStartAndWriteNothing) {
  const auto refused = [&](nlohmann::json entry, const std::string& expected) {
    const std::string error = restart_with({mobile_app(), std::move(entry)});
    EXPECT_NE(error.find(expected), std::string::npos) << "got: " << error;
  };
  nlohmann::json entry = tax_portal("http://tax.example.gov.cn/cb");  // http off loopback
  entry["client_id"] = "new-one";
  refused(entry, "oidc.clients[1].redirect_uris");
  entry = tax_portal();
  entry["client_id"] = "new-one";
  entry["client_secret"] = "short";
  refused(entry, "oidc.clients[1].client_secret");
  entry.erase("client_secret");
  refused(entry, "oidc.clients[1].client_secret");
  entry = mobile_app();
  entry["client_id"] = "new-public";
  entry["client_secret"] = kSecret;
  refused(entry, "oidc.clients[1].client_secret");
  entry = tax_portal();
  entry["client_id"] = "has space";
  refused(entry, "oidc.clients[1].client_id");
  entry = tax_portal();
  entry["client_id"] = "new-one";
  entry["scope"] = "openid";  // a misspelt key is an error, not a silent default
  refused(entry, "oidc.clients[1].scope");
  entry = tax_portal();
  entry["client_id"] = "new-one";
  entry["scopes"] = {"profile"};
  refused(entry, "oidc.clients[1].scopes");
  refused(mobile_app(), "oidc.clients[1].client_id: is listed twice");
  EXPECT_NE(restart_with(nlohmann::json::object()).find("oidc.clients must be a list"), std::string::npos);

  // A back-office client's id cannot be claimed by the file.
  const Client registered = register_client();
  entry = tax_portal();
  entry["client_id"] = registered.id;
  refused(entry, "oidc.clients[1].client_id");
  // None of these wrote anything.
  EXPECT_EQ(count_rows("oidc_clients", "client_id IN ('new-one', 'new-public')"), 0);
  EXPECT_EQ(count_rows("oidc_clients", "client_id = '" + registered.id + "' AND created_by = 'config'"), 0);
}

}  // namespace
}  // namespace uia::rest
