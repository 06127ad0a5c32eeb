#include "crypto/field_cipher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <sodium.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace uia::crypto {
namespace {

using Bytes = std::vector<unsigned char>;
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

std::string base64(const Bytes& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);  // drop the NUL
  return out;
}

std::optional<Bytes> unbase64(std::string_view text) {
  Bytes out(text.size());
  std::size_t length = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

Bytes hmac(const EVP_MD* digest, const std::array<std::uint8_t, 32>& key, const Bytes& message) {
  Bytes out(EVP_MAX_MD_SIZE);
  unsigned int length = 0;
  HMAC(digest, key.data(), static_cast<int>(key.size()), message.data(), message.size(), out.data(), &length);
  out.resize(length);
  return out;
}

// What the SM4 suite's MAC covers: suite tag, AAD length and AAD, IV, ciphertext.
Bytes sm4_mac_input(std::string_view associated, const unsigned char* iv_and_ciphertext, std::size_t length) {
  Bytes input = {'s', '1'};
  const auto aad_length = static_cast<std::uint32_t>(associated.size());
  for (int shift = 24; shift >= 0; shift -= 8) input.push_back(static_cast<unsigned char>(aad_length >> shift));
  input.insert(input.end(), associated.begin(), associated.end());
  input.insert(input.end(), iv_and_ciphertext, iv_and_ciphertext + length);
  return input;
}

constexpr std::size_t kGcmNonce = 12, kGcmTag = 16, kSm4Iv = 16, kSm3Mac = 32;

}  // namespace

std::string FieldCipher::seal(std::string_view plaintext, std::string_view associated) const {
  CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int length = 0;
  if (keys_.suite == CipherSuite::Aes256Gcm) {
    Bytes out(kGcmNonce + plaintext.size() + kGcmTag);
    RAND_bytes(out.data(), kGcmNonce);
    EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, keys_.field_key.data(), out.data());
    EVP_EncryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(associated.data()),
                      static_cast<int>(associated.size()));
    EVP_EncryptUpdate(ctx.get(), out.data() + kGcmNonce, &length,
                      reinterpret_cast<const unsigned char*>(plaintext.data()), static_cast<int>(plaintext.size()));
    EVP_EncryptFinal_ex(ctx.get(), out.data() + kGcmNonce + length, &length);
    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kGcmTag, out.data() + kGcmNonce + plaintext.size());
    return "a1." + base64(out);
  }
  Bytes out(kSm4Iv + plaintext.size());
  RAND_bytes(out.data(), kSm4Iv);
  EVP_EncryptInit_ex(ctx.get(), EVP_sm4_ctr(), nullptr, keys_.field_key.data(), out.data());
  EVP_EncryptUpdate(ctx.get(), out.data() + kSm4Iv, &length, reinterpret_cast<const unsigned char*>(plaintext.data()),
                    static_cast<int>(plaintext.size()));
  const Bytes mac = hmac(EVP_sm3(), keys_.mac_key, sm4_mac_input(associated, out.data(), out.size()));
  out.insert(out.end(), mac.begin(), mac.end());
  return "s1." + base64(out);
}

std::optional<std::string> FieldCipher::open(std::string_view sealed, std::string_view associated) const {
  const bool gcm = keys_.suite == CipherSuite::Aes256Gcm;
  if (sealed.size() < 3 || sealed.substr(0, 3) != (gcm ? "a1." : "s1.")) return std::nullopt;
  const auto bytes = unbase64(sealed.substr(3));
  CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int length = 0;
  if (gcm) {
    if (!bytes || bytes->size() < kGcmNonce + kGcmTag) return std::nullopt;
    const std::size_t text_size = bytes->size() - kGcmNonce - kGcmTag;
    std::string plain(text_size, '\0');
    Bytes tag(bytes->end() - kGcmTag, bytes->end());
    EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, keys_.field_key.data(), bytes->data());
    EVP_DecryptUpdate(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(associated.data()),
                      static_cast<int>(associated.size()));
    EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &length, bytes->data() + kGcmNonce,
                      static_cast<int>(text_size));
    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kGcmTag, tag.data());
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + length, &length) != 1) {
      return std::nullopt;
    }
    return plain;
  }
  if (!bytes || bytes->size() < kSm4Iv + kSm3Mac) return std::nullopt;
  const std::size_t body = bytes->size() - kSm3Mac;
  const Bytes expected = hmac(EVP_sm3(), keys_.mac_key, sm4_mac_input(associated, bytes->data(), body));
  if (expected.size() != kSm3Mac || CRYPTO_memcmp(expected.data(), bytes->data() + body, kSm3Mac) != 0) {
    return std::nullopt;
  }
  std::string plain(body - kSm4Iv, '\0');
  EVP_DecryptInit_ex(ctx.get(), EVP_sm4_ctr(), nullptr, keys_.field_key.data(), bytes->data());
  EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &length, bytes->data() + kSm4Iv,
                    static_cast<int>(plain.size()));
  return plain;
}

struct BlindIndex::KeyedHash {
  using Digest = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
  Digest inner{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
  Digest outer{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
};

BlindIndex::BlindIndex(const KeySet& keys) {
  // RFC 2104: H((K ^ opad) || H((K ^ ipad) || message)), the key zero-padded to the block.
  const EVP_MD* digest = keys.suite == CipherSuite::Aes256Gcm ? EVP_sha256() : EVP_sm3();
  const int block = EVP_MD_get_block_size(digest);
  if (block < static_cast<int>(keys.index_key.size())) throw std::logic_error("blind index: key longer than the hash block");
  Bytes ipad(static_cast<std::size_t>(block), 0x36), opad(static_cast<std::size_t>(block), 0x5c);
  for (std::size_t i = 0; i < keys.index_key.size(); ++i) {
    ipad[i] ^= keys.index_key[i];
    opad[i] ^= keys.index_key[i];
  }
  auto keyed = std::make_shared<KeyedHash>();
  if (!keyed->inner || !keyed->outer || EVP_DigestInit_ex(keyed->inner.get(), digest, nullptr) != 1 ||
      EVP_DigestUpdate(keyed->inner.get(), ipad.data(), ipad.size()) != 1 ||
      EVP_DigestInit_ex(keyed->outer.get(), digest, nullptr) != 1 ||
      EVP_DigestUpdate(keyed->outer.get(), opad.data(), opad.size()) != 1)
    throw std::runtime_error("blind index: could not key the hash");
  OPENSSL_cleanse(ipad.data(), ipad.size());
  OPENSSL_cleanse(opad.data(), opad.size());
  keyed_ = std::move(keyed);
}

std::string BlindIndex::operator()(std::string_view domain, std::string_view value) const {
  KeyedHash::Digest ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char inner[EVP_MAX_MD_SIZE], mac[EVP_MAX_MD_SIZE];
  unsigned int inner_length = 0, mac_length = 0;
  const unsigned char separator = 0;
  if (!ctx || EVP_MD_CTX_copy_ex(ctx.get(), keyed_->inner.get()) != 1 ||
      EVP_DigestUpdate(ctx.get(), domain.data(), domain.size()) != 1 || EVP_DigestUpdate(ctx.get(), &separator, 1) != 1 ||
      EVP_DigestUpdate(ctx.get(), value.data(), value.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), inner, &inner_length) != 1 || EVP_MD_CTX_copy_ex(ctx.get(), keyed_->outer.get()) != 1 ||
      EVP_DigestUpdate(ctx.get(), inner, inner_length) != 1 || EVP_DigestFinal_ex(ctx.get(), mac, &mac_length) != 1)
    throw std::runtime_error("blind index: hashing failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(mac_length * 2);
  for (unsigned int i = 0; i < mac_length; ++i) {
    out.push_back(kHex[mac[i] >> 4]);
    out.push_back(kHex[mac[i] & 15]);
  }
  return out;
}

}  // namespace uia::crypto
