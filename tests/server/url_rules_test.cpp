// The https-or-loopback rule (ports/url_rules.h) that port endpoints, upstream providers and the
// OIDC clients' redirect URIs share, and the S256 PKCE challenge (crypto/pkce.h) that the
// provider and the upstream sign-in share.
#include <gtest/gtest.h>

#include "crypto/pkce.h"
#include "ports/url_rules.h"

namespace uia {
namespace {

TEST(UrlRules, HttpsAnywhereHttpOnlyToLoopback) {
  for (const char* good : {"https://sms.example.gov.cn/send", "http://127.0.0.1:8080/api", "http://localhost",
                           "http://localhost/x", "http://[::1]:9/cb", "http://127.0.0.1?x=1"})
    EXPECT_TRUE(ports::url_is_protected(good)) << good;
  for (const char* bad : {"http://sms.example.gov.cn/send", "ftp://127.0.0.1/", "https://", "http://127.0.0.1.evil.example/",
                          "http://localhost.evil.example", "http://[::1]x/", "127.0.0.1:80",
                          // user information: the host is what follows the '@'
                          "http://127.0.0.1:1@evil.example/", "http://localhost@evil.example/"})
    EXPECT_FALSE(ports::url_is_protected(bad)) << bad;
  EXPECT_EQ(ports::url_authority("https://a.example:8443/p?q#f"), "a.example:8443");
  EXPECT_EQ(ports::url_authority("http://[::1]?x"), "[::1]");
  EXPECT_EQ(ports::url_authority("no scheme"), "");
}

TEST(Pkce, S256MatchesRfc7636AppendixB) {
  EXPECT_EQ(crypto::pkce_s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

}  // namespace
}  // namespace uia
