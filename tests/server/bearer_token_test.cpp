// Sealed access and refresh tokens (flows/oidc/bearer_token.h): what they carry comes back
// only under the key and kind they were sealed with, and no changed character gets through.
#include <gtest/gtest.h>

#include "crypto/keys.h"
#include "flows/oidc/bearer_token.h"

namespace uia::flows::oidc {
namespace {

class BearerTokens : public ::testing::TestWithParam<crypto::CipherSuite> {
 protected:
  crypto::BlindIndex mac{crypto::generate_keys(GetParam())};
  BearerToken token{BearerKind::Refresh, 123456789012LL, 7, 1790000000, 1792592000};
};

TEST_P(BearerTokens, OpenWhatTheySealed) {
  const std::string sealed = seal_bearer(mac, token);
  const auto opened = open_bearer(mac, BearerKind::Refresh, sealed);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened->family_id, token.family_id);
  EXPECT_EQ(opened->generation, 7);
  EXPECT_EQ(opened->issued_at, token.issued_at);
  EXPECT_EQ(opened->expires_at, token.expires_at);
  EXPECT_LE(sealed.size(), 256u) << "the endpoints refuse longer tokens unread";
  for (char c : sealed) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') << sealed;
}

TEST_P(BearerTokens, RefuseAnotherKindAnotherKeyAndEveryChangedCharacter) {
  const std::string sealed = seal_bearer(mac, token);
  EXPECT_FALSE(open_bearer(mac, BearerKind::Access, sealed)) << "a refresh token is no access token";
  EXPECT_FALSE(open_bearer(crypto::BlindIndex(crypto::generate_keys(GetParam())), BearerKind::Refresh, sealed));
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    std::string changed = sealed;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(open_bearer(mac, BearerKind::Refresh, changed)) << "character " << i;
  }
  EXPECT_FALSE(open_bearer(mac, BearerKind::Refresh, sealed.substr(0, sealed.size() - 1)));
  EXPECT_FALSE(open_bearer(mac, BearerKind::Refresh, sealed + "0"));
  EXPECT_FALSE(open_bearer(mac, BearerKind::Refresh, ""));
  EXPECT_FALSE(open_bearer(mac, BearerKind::Refresh, "."));
  // The old format: 43 characters of base64url, no MAC.
  EXPECT_FALSE(open_bearer(mac, BearerKind::Refresh, "q2Jr7dK1m3hV9xYzT0uWc5pLsA8eNfGi4oBvR6tHjUw"));
}

TEST_P(BearerTokens, APayloadOfAnotherLengthIsRefusedEvenUnderTheRightMac) {
  // A MAC over a body that does not decode to the four fields (what a key holder could make by
  // mistake) is still refused: the fields are read only from a payload of the exact size.
  const std::string body = "AAAA";
  EXPECT_FALSE(open_bearer(mac, BearerKind::Access, body + "." + mac("oidc.token.access", body)));
}

INSTANTIATE_TEST_SUITE_P(Suites, BearerTokens,
                         ::testing::Values(crypto::CipherSuite::Aes256Gcm, crypto::CipherSuite::Sm4CtrHmacSm3));

}  // namespace
}  // namespace uia::flows::oidc
