#include "crypto/keys.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace uia::crypto {
namespace {

std::string to_base64(const std::array<std::uint8_t, 32>& key) {
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(out, sizeof out, key.data(), key.size(), sodium_base64_VARIANT_ORIGINAL);
  return out;
}

bool from_base64(const nlohmann::json& value, std::array<std::uint8_t, 32>& key) {
  if (!value.is_string()) return false;
  const std::string text = value.get<std::string>();
  std::size_t length = 0;
  return sodium_base642bin(key.data(), key.size(), text.data(), text.size(), nullptr, &length, nullptr,
                           sodium_base64_VARIANT_ORIGINAL) == 0 &&
         length == key.size();
}

}  // namespace

std::optional<KeySet> load_key_file(const std::filesystem::path& file, std::string& error) {
  if (sodium_init() < 0) {
    error = "libsodium failed to initialise";
    return std::nullopt;
  }
  std::ifstream in(file);
  if (!in) {
    error = "cannot read key file " + file.string();
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (!json.is_object()) {
    error = "key file is not a JSON object";
    return std::nullopt;
  }
  KeySet keys;
  const std::string suite = json.value("suite", "aes-256-gcm");
  if (suite == "aes-256-gcm") keys.suite = CipherSuite::Aes256Gcm;
  else if (suite == "sm4-ctr-hmac-sm3") keys.suite = CipherSuite::Sm4CtrHmacSm3;
  else {
    error = "unknown suite '" + suite + "'";
    return std::nullopt;
  }
  if (!from_base64(json.value("field_key", nlohmann::json()), keys.field_key) ||
      !from_base64(json.value("mac_key", nlohmann::json()), keys.mac_key) ||
      !from_base64(json.value("index_key", nlohmann::json()), keys.index_key)) {
    error = "field_key, mac_key and index_key must each be 32 bytes of base64";
    return std::nullopt;
  }
  if (keys.field_key == keys.index_key || keys.field_key == keys.mac_key || keys.mac_key == keys.index_key) {
    error = "the three keys must differ";
    return std::nullopt;
  }
  return keys;
}

KeySet generate_keys(CipherSuite suite) {
  if (sodium_init() < 0) std::abort();
  KeySet keys;
  keys.suite = suite;
  randombytes_buf(keys.field_key.data(), keys.field_key.size());
  randombytes_buf(keys.mac_key.data(), keys.mac_key.size());
  randombytes_buf(keys.index_key.data(), keys.index_key.size());
  return keys;
}

bool write_key_file(const std::filesystem::path& file, const KeySet& keys, std::string& error) {
  const nlohmann::json json = {
      {"suite", keys.suite == CipherSuite::Aes256Gcm ? "aes-256-gcm" : "sm4-ctr-hmac-sm3"},
      {"field_key", to_base64(keys.field_key)},
      {"mac_key", to_base64(keys.mac_key)},
      {"index_key", to_base64(keys.index_key)},
  };
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    error = "cannot create key file " + file.string();
    return false;
  }
  const std::string text = json.dump(2) + "\n";
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) error = "cannot write key file " + file.string();
  return ok;
}

}  // namespace uia::crypto
