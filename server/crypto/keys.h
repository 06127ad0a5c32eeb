// The keys that protect personal data at rest. They come from configuration (a key file named
// by --keys or UIA_KEYS_FILE), never from the source tree. Dev mode may create a fresh key file
// beside the database; production refuses to start without one.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace uia::crypto {

enum class CipherSuite {
  Aes256Gcm,       // default: AES-256-GCM, HMAC-SHA-256 blind indexes
  Sm4CtrHmacSm3,   // 国密: SM4-CTR + HMAC-SM3 (encrypt-then-MAC), HMAC-SM3 blind indexes
};

struct KeySet {
  CipherSuite suite = CipherSuite::Aes256Gcm;
  std::array<std::uint8_t, 32> field_key{};  // encryption (SM4 uses the first 16 bytes)
  std::array<std::uint8_t, 32> mac_key{};    // SM4 suite's MAC key
  std::array<std::uint8_t, 32> index_key{};  // blind indexes
};

// File format (JSON): {"suite": "aes-256-gcm" | "sm4-ctr-hmac-sm3",
//   "field_key": "<base64 32 bytes>", "mac_key": "<base64 32 bytes>", "index_key": "<base64 32 bytes>"}
std::optional<KeySet> load_key_file(const std::filesystem::path& file, std::string& error);
KeySet generate_keys(CipherSuite suite);
// Writes with mode 0600; refuses to overwrite.
bool write_key_file(const std::filesystem::path& file, const KeySet& keys, std::string& error);

}  // namespace uia::crypto
