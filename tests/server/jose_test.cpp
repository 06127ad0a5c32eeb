// JOSE pieces of the OIDC provider: base64url, ES256/RS256 JWS and JWKs. Signatures are checked
// against the `openssl` command line as an independent implementation: RS256 (deterministic)
// must match `openssl dgst -sign` byte for byte, and an ES256 signature, turned from JOSE's raw
// R||S into DER by hand here, must pass `openssl dgst -verify`.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "crypto/jose.h"

namespace uia::crypto {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    char pattern[] = "/tmp/uia-jose-XXXXXX";
    path = mkdtemp(pattern);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
  std::string read(const std::string& name) const {
    std::ifstream in(path / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
};

// Runs a shell command; its exit status and stdout.
int run(const std::string& command, std::string* out = nullptr) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  std::string text;
  char buffer[512];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
  const int status = pclose(pipe);
  if (out) *out = text;
  return status;
}

// One DER INTEGER from 32 unsigned big-endian bytes (no leading zeros, a 0x00 before a high bit).
std::string der_integer(std::string bytes) {
  while (bytes.size() > 1 && bytes[0] == '\0' && !(static_cast<unsigned char>(bytes[1]) & 0x80)) bytes.erase(0, 1);
  if (static_cast<unsigned char>(bytes[0]) & 0x80) bytes.insert(0, 1, '\0');
  return std::string("\x02", 1) + static_cast<char>(bytes.size()) + bytes;
}

std::string der_from_raw(const std::string& raw) {
  const std::string body = der_integer(raw.substr(0, 32)) + der_integer(raw.substr(32));
  return std::string("\x30", 1) + static_cast<char>(body.size()) + body;
}

std::string signing_input(const std::string& jws) { return jws.substr(0, jws.rfind('.')); }
std::string signature_of(const std::string& jws) { return *base64url_decode(jws.substr(jws.rfind('.') + 1)); }

TEST(Base64Url, RoundTripsAndRefusesPaddingAndStandardAlphabet) {
  const std::string bytes("\xfb\xff\x00\x01", 4);
  EXPECT_EQ(base64url_encode(bytes), "-_8AAQ");
  EXPECT_EQ(*base64url_decode("-_8AAQ"), bytes);
  EXPECT_FALSE(base64url_decode("-_8AAQ=="));
  EXPECT_FALSE(base64url_decode("+/8AAQ"));
  EXPECT_FALSE(base64url_decode("ab c"));
}

TEST(Jws, Es256SignsRawRAndSAndVerifiesWithItsJwk) {
  const std::string pem = generate_signing_key_pem(JwsAlg::ES256);
  ASSERT_NE(pem.find("BEGIN PRIVATE KEY"), std::string::npos);
  const auto jwk = public_jwk(pem, JwsAlg::ES256, "k1");
  ASSERT_TRUE(jwk.is_object());
  EXPECT_EQ(jwk["kty"], "EC");
  EXPECT_EQ(jwk["crv"], "P-256");
  EXPECT_EQ(jwk["alg"], "ES256");
  EXPECT_FALSE(jwk.contains("d")) << "never the private part";
  const std::string jws = jws_sign(pem, JwsAlg::ES256, "k1", {{"sub", "abc"}, {"n", 1}});
  ASSERT_FALSE(jws.empty());
  EXPECT_EQ(signature_of(jws).size(), 64u) << "R||S, not DER";
  const auto verified = jws_verify(jws, jwk);
  ASSERT_TRUE(verified);
  EXPECT_EQ(verified->payload["sub"], "abc");
  EXPECT_EQ(verified->header["kid"], "k1");
  EXPECT_EQ(jws_peek_header(jws)["alg"], "ES256");
}

TEST(Jws, RefusesTamperingOtherKeysAndAlgorithmConfusion) {
  const std::string pem = generate_signing_key_pem(JwsAlg::ES256);
  const auto jwk = public_jwk(pem, JwsAlg::ES256, "k1");
  const std::string jws = jws_sign(pem, JwsAlg::ES256, "k1", {{"sub", "abc"}});
  // A changed payload (sub "abd") under the old signature.
  const auto first = jws.find('.'), last = jws.rfind('.');
  const std::string forged = jws.substr(0, first + 1) + base64url_encode(R"({"sub":"abd"})") + jws.substr(last);
  EXPECT_FALSE(jws_verify(forged, jwk));
  // One flipped bit in the signature.
  std::string sig = signature_of(jws);
  sig[10] = static_cast<char>(sig[10] ^ 1);
  EXPECT_FALSE(jws_verify(signing_input(jws) + "." + base64url_encode(sig), jwk));
  // Another key's JWK.
  const auto other = public_jwk(generate_signing_key_pem(JwsAlg::ES256), JwsAlg::ES256, "k2");
  EXPECT_FALSE(jws_verify(jws, other));
  // alg "none" and an RS256 header against an EC key.
  const std::string none = base64url_encode(R"({"alg":"none"})") + "." + base64url_encode(R"({"sub":"abc"})") + ".";
  EXPECT_FALSE(jws_verify(none, jwk));
  const std::string rs = base64url_encode(R"({"alg":"RS256"})") + jws.substr(first);
  EXPECT_FALSE(jws_verify(rs, jwk));
  // Malformed.
  EXPECT_FALSE(jws_verify("a.b", jwk));
  EXPECT_FALSE(jws_verify(jws + ".x", jwk));
  EXPECT_FALSE(jws_sign(pem, JwsAlg::RS256, "k1", {{"a", 1}}).size()) << "an EC key cannot sign RS256";
}

TEST(Jws, Rs256MatchesTheOpensslCommandLineByteForByte) {
  TempDir dir;
  const std::string pem = generate_signing_key_pem(JwsAlg::RS256);
  const auto jwk = public_jwk(pem, JwsAlg::RS256, "r1");
  EXPECT_EQ(jwk["kty"], "RSA");
  EXPECT_EQ(jwk["e"], "AQAB");
  EXPECT_EQ(base64url_decode(jwk["n"].get<std::string>())->size(), 256u);
  const std::string jws = jws_sign(pem, JwsAlg::RS256, "r1", {{"iss", "https://id.example"}});
  ASSERT_TRUE(jws_verify(jws, jwk));
  const auto key = dir.write("key.pem", pem);
  const auto input = dir.write("input", signing_input(jws));
  std::string out;
  ASSERT_EQ(run("openssl dgst -sha256 -sign " + key.string() + " -out " + (dir.path / "sig").string() + " " +
                input.string(), &out), 0) << out;
  EXPECT_EQ(dir.read("sig"), signature_of(jws));
}

TEST(Jws, Es256PassesOpensslVerifyOnceTurnedIntoDer) {
  TempDir dir;
  const std::string pem = generate_signing_key_pem(JwsAlg::ES256);
  const std::string jws = jws_sign(pem, JwsAlg::ES256, "e1", {{"iss", "https://id.example"}});
  const auto key = dir.write("key.pem", pem);
  std::string out;
  ASSERT_EQ(run("openssl pkey -in " + key.string() + " -pubout -out " + (dir.path / "pub.pem").string(), &out), 0) << out;
  const auto input = dir.write("input", signing_input(jws));
  const auto sig = dir.write("sig.der", der_from_raw(signature_of(jws)));
  const std::string verify = "openssl dgst -sha256 -verify " + (dir.path / "pub.pem").string() + " -signature ";
  EXPECT_EQ(run(verify + sig.string() + " " + input.string(), &out), 0) << out;
  EXPECT_NE(out.find("Verified OK"), std::string::npos) << out;
  // The same check fails for a changed input: the command line is really checking.
  const auto other = dir.write("other", signing_input(jws) + "x");
  EXPECT_NE(run(verify + sig.string() + " " + other.string(), &out), 0) << out;
}

}  // namespace
}  // namespace uia::crypto
