#include "ports/request_signing.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <algorithm>

#include "api/percent_encode.h"
#include "ports/random.h"

namespace uia::ports {
namespace {

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 0x0F]);
  }
  return out;
}

std::string fresh_nonce() {
  unsigned char bytes[16];
  SystemRandom::instance().fill(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), digest, &length);
  return to_hex(digest, length);
}

std::string canonical_string(SignedFields fields) {
  std::sort(fields.begin(), fields.end());
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out.push_back('&');
    out += name;
    out.push_back('=');
    out += percent_encode(value);
  }
  return out;
}

bool constant_time_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string sign_request_body(nlohmann::json& body, const std::string& app_id, const std::string& app_secret,
                              std::initializer_list<std::string_view> business_fields,
                              std::chrono::system_clock::time_point now) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  body["app_id"] = app_id;
  body["timestamp"] = std::to_string(seconds);
  body["nonce"] = fresh_nonce();

  SignedFields fields;
  for (const char* name : {"app_id", "timestamp", "nonce"}) fields.emplace_back(name, body[name].get<std::string>());
  for (const auto name : business_fields) {
    const auto found = body.find(name);
    fields.emplace_back(std::string(name),
                        found != body.end() && found->is_string() ? found->get<std::string>() : std::string());
  }
  auto signature = hmac_sha256_hex(app_secret, canonical_string(std::move(fields)));
  body["signature"] = signature;
  return signature;
}

}  // namespace uia::ports
