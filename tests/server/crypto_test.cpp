// Personal data protection: Argon2id hashes, authenticated field encryption, blind indexes.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <filesystem>

#include "crypto/field_cipher.h"
#include "crypto/keys.h"
#include "crypto/password_hasher.h"

namespace uia::crypto {
namespace {

// Low cost keeps the unit tests fast; the production parameters are asserted separately.
const Argon2Params kFast{1, 8 * 1024 * 1024};

TEST(PasswordHasher, DefaultsAreOwaspArgon2id) {
  PasswordHasher hasher;
  EXPECT_GE(hasher.params().mem_limit_bytes, 19u * 1024 * 1024);
  EXPECT_GE(hasher.params().ops_limit, 2u);
  const std::string encoded = hasher.hash("Abc12345");
  EXPECT_EQ(encoded.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << encoded;
}

TEST(PasswordHasher, VerifiesOnlyTheRightPassword) {
  PasswordHasher hasher(kFast);
  const std::string encoded = hasher.hash("Abc12345");
  EXPECT_TRUE(hasher.verify(encoded, "Abc12345"));
  EXPECT_FALSE(hasher.verify(encoded, "abc12345"));
  EXPECT_FALSE(hasher.verify(encoded, ""));
  EXPECT_FALSE(hasher.verify("", "Abc12345"));
  EXPECT_FALSE(hasher.verify("$argon2id$garbage", "Abc12345"));
  EXPECT_NE(hasher.hash("Abc12345"), encoded);  // salted
}

TEST(PasswordHasher, WeakerStoredHashesNeedRehash) {
  PasswordHasher weak(kFast);
  PasswordHasher strong;
  const std::string encoded = weak.hash("Abc12345");
  EXPECT_TRUE(strong.needs_rehash(encoded));
  EXPECT_FALSE(weak.needs_rehash(encoded));
}

class FieldCipherTest : public ::testing::TestWithParam<CipherSuite> {};

TEST_P(FieldCipherTest, RoundTripsAndIsBoundToItsColumn) {
  const KeySet keys = generate_keys(GetParam());
  FieldCipher cipher(keys);
  const std::string sealed = cipher.seal("11010519491231002X", "person.id_number");
  EXPECT_EQ(sealed.find("11010519491231002X"), std::string::npos);
  EXPECT_NE(cipher.seal("11010519491231002X", "person.id_number"), sealed);  // random nonce
  EXPECT_EQ(cipher.open(sealed, "person.id_number"), "11010519491231002X");
  EXPECT_FALSE(cipher.open(sealed, "person.phone"));
  EXPECT_FALSE(FieldCipher(generate_keys(GetParam())).open(sealed, "person.id_number"));
  EXPECT_EQ(cipher.open(cipher.seal("", "x"), "x"), "");
}

TEST_P(FieldCipherTest, TamperingIsDetected) {
  FieldCipher cipher(generate_keys(GetParam()));
  const std::string sealed = cipher.seal("15012340058", "person.phone");
  for (std::size_t i = 3; i < sealed.size(); ++i) {
    std::string tampered = sealed;
    tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(cipher.open(tampered, "person.phone")) << i;
  }
  EXPECT_FALSE(cipher.open(sealed.substr(0, sealed.size() - 2), "person.phone"));
  EXPECT_FALSE(cipher.open("a1.", "person.phone"));
  EXPECT_FALSE(cipher.open("", "person.phone"));
}

INSTANTIATE_TEST_SUITE_P(Suites, FieldCipherTest, ::testing::Values(CipherSuite::Aes256Gcm, CipherSuite::Sm4CtrHmacSm3));

TEST(BlindIndex, DeterministicPerKeyAndDomain) {
  const KeySet keys = generate_keys(CipherSuite::Aes256Gcm);
  BlindIndex index(keys);
  EXPECT_EQ(index("phone", "15012340058"), index("phone", "15012340058"));
  EXPECT_NE(index("phone", "15012340058"), index("id_number", "15012340058"));
  EXPECT_NE(index("phone", "15012340058"), BlindIndex(generate_keys(CipherSuite::Aes256Gcm))("phone", "15012340058"));
  EXPECT_EQ(index("phone", "x").size(), 64u);
  EXPECT_EQ(BlindIndex(generate_keys(CipherSuite::Sm4CtrHmacSm3))("phone", "x").size(), 64u);
}

TEST(BlindIndex, IsHmacOfDomainNulValueUnderTheIndexKey) {
  // Stored indexes must keep matching whatever computes them: the same as OpenSSL's one-shot HMAC.
  for (const CipherSuite suite : {CipherSuite::Aes256Gcm, CipherSuite::Sm4CtrHmacSm3}) {
    const KeySet keys = generate_keys(suite);
    const BlindIndex index(keys);
    for (const std::string value : {std::string(), std::string("15012340058"), std::string(300, 'v')}) {
      const std::string message = std::string("person.phone") + '\0' + value;
      unsigned char mac[EVP_MAX_MD_SIZE];
      unsigned int length = 0;
      HMAC(suite == CipherSuite::Aes256Gcm ? EVP_sha256() : EVP_sm3(), keys.index_key.data(), static_cast<int>(keys.index_key.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
      std::string hex;
      for (unsigned int i = 0; i < length; ++i) hex += "0123456789abcdef"[mac[i] >> 4], hex += "0123456789abcdef"[mac[i] & 15];
      EXPECT_EQ(index("person.phone", value), hex) << value.size();
    }
  }
}

TEST(KeyFile, WritesPrivatelyAndLoadsBack) {
  const auto file = std::filesystem::temp_directory_path() / ("uia-keys-" + std::to_string(::getpid()) + ".json");
  std::filesystem::remove(file);
  const KeySet keys = generate_keys(CipherSuite::Sm4CtrHmacSm3);
  std::string error;
  ASSERT_TRUE(write_key_file(file, keys, error)) << error;
  EXPECT_FALSE(write_key_file(file, keys, error));  // never overwrites
  const auto perms = std::filesystem::status(file).permissions();
  EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
            std::filesystem::perms::none);
  const auto loaded = load_key_file(file, error);
  ASSERT_TRUE(loaded) << error;
  EXPECT_EQ(loaded->suite, CipherSuite::Sm4CtrHmacSm3);
  EXPECT_EQ(loaded->field_key, keys.field_key);
  EXPECT_EQ(loaded->index_key, keys.index_key);
  std::filesystem::remove(file);
  EXPECT_FALSE(load_key_file(file, error));
}

}  // namespace
}  // namespace uia::crypto
