#include "crypto/jose.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <sodium.h>

#include <memory>
#include <mutex>
#include <vector>

#include "crypto/sha256.h"

namespace uia::crypto {
namespace {

struct PkeyFree { void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); } };
struct BioFree { void operator()(BIO* b) const { BIO_free(b); } };
struct MdCtxFree { void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); } };
struct BnFree { void operator()(BIGNUM* b) const { BN_free(b); } };
struct SigFree { void operator()(ECDSA_SIG* s) const { ECDSA_SIG_free(s); } };
struct ParamBldFree { void operator()(OSSL_PARAM_BLD* b) const { OSSL_PARAM_BLD_free(b); } };
struct ParamFree { void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); } };
struct PkeyCtxFree { void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); } };
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Bn = std::unique_ptr<BIGNUM, BnFree>;

constexpr int kEs256Half = 32;  // P-256: R and S are 32 bytes each

Pkey read_private(std::string_view pem) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return nullptr;
  return Pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

bool key_fits(EVP_PKEY* key, JwsAlg alg) {
  if (!key) return false;
  if (alg == JwsAlg::ES256) {
    if (!EVP_PKEY_is_a(key, "EC")) return false;
    char group[64] = {};
    size_t len = 0;
    return EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) == 1 &&
           std::string_view(group) == "prime256v1";
  }
  return EVP_PKEY_is_a(key, "RSA") && EVP_PKEY_get_bits(key) >= 2048;
}

std::string bn_bytes(const BIGNUM* bn, int width) {
  std::string out(width > 0 ? static_cast<std::size_t>(width) : static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  if (width > 0) BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), width);
  else BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

Bn bn_param(EVP_PKEY* key, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) return nullptr;
  return Bn(bn);
}

Bn bn_from(std::string_view bytes) {
  return Bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()), nullptr));
}

// A public key from a JWK of the expected type; nullptr when a member is missing or malformed.
Pkey public_from_jwk(const nlohmann::json& jwk, JwsAlg alg) {
  if (!jwk.is_object()) return nullptr;
  const auto member = [&](const char* name) -> std::optional<std::string> {
    const auto it = jwk.find(name);
    if (it == jwk.end() || !it->is_string()) return std::nullopt;
    return base64url_decode(it->get<std::string>());
  };
  std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
  const char* type = nullptr;
  Bn n, e;
  std::string point;
  if (alg == JwsAlg::ES256) {
    if (jwk.value("kty", "") != "EC" || jwk.value("crv", "") != "P-256") return nullptr;
    const auto x = member("x"), y = member("y");
    if (!x || !y || x->size() != kEs256Half || y->size() != kEs256Half) return nullptr;
    point = "\x04" + *x + *y;
    type = "EC";
    OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0);
    OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  } else {
    if (jwk.value("kty", "") != "RSA") return nullptr;
    const auto nb = member("n"), eb = member("e");
    if (!nb || !eb || nb->size() < 256 || eb->empty()) return nullptr;
    n = bn_from(*nb);
    e = bn_from(*eb);
    type = "RSA";
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get());
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
    return nullptr;
  return Pkey(key);
}

using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

// A context that signs SHA-256 digests with `key` (PKCS #1 v1.5 for RSA). Making one looks the
// signature algorithm up in OpenSSL's provider tables; a SigningPrivateKey keeps its contexts.
PkeyCtx signing_context(EVP_PKEY* key, JwsAlg alg) {
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 || EVP_PKEY_CTX_set_signature_md(ctx.get(), sha256_md()) != 1) return nullptr;
  if (alg == JwsAlg::RS256 && EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) != 1) return nullptr;
  return ctx;
}

// The JWS signature of `input`: its SHA-256 signed, ECDSA as the two integers side by side.
std::optional<std::string> sign_bytes(EVP_PKEY_CTX* ctx, JwsAlg alg, std::string_view input) {
  const Sha256Digest digest = sha256(input);
  const int max_size = EVP_PKEY_get_size(EVP_PKEY_CTX_get0_pkey(ctx));
  if (max_size <= 0) return std::nullopt;
  size_t len = static_cast<size_t>(max_size);
  std::string sig(len, '\0');
  if (EVP_PKEY_sign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len, digest.data(), digest.size()) != 1)
    return std::nullopt;
  sig.resize(len);
  if (alg == JwsAlg::RS256) return sig;
  // OpenSSL answers ECDSA in DER; JWS wants the two integers side by side, fixed width.
  const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
  std::unique_ptr<ECDSA_SIG, SigFree> der(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size())));
  if (!der) return std::nullopt;
  return bn_bytes(ECDSA_SIG_get0_r(der.get()), kEs256Half) + bn_bytes(ECDSA_SIG_get0_s(der.get()), kEs256Half);
}

bool verify_bytes(EVP_PKEY* key, JwsAlg alg, std::string_view input, std::string signature) {
  if (alg == JwsAlg::ES256) {
    if (signature.size() != 2 * kEs256Half) return false;
    std::unique_ptr<ECDSA_SIG, SigFree> sig(ECDSA_SIG_new());
    Bn r = bn_from(std::string_view(signature).substr(0, kEs256Half));
    Bn s = bn_from(std::string_view(signature).substr(kEs256Half));
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) return false;
    r.release();
    s.release();
    unsigned char* der = nullptr;
    const int der_len = i2d_ECDSA_SIG(sig.get(), &der);
    if (der_len <= 0) return false;
    signature.assign(reinterpret_cast<char*>(der), static_cast<std::size_t>(der_len));
    OPENSSL_free(der);
  }
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, sha256_md(), nullptr, key) != 1) return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
}

std::optional<nlohmann::json> json_segment(std::string_view segment) {
  const auto text = base64url_decode(segment);
  if (!text) return std::nullopt;
  auto parsed = nlohmann::json::parse(*text, nullptr, false);
  if (!parsed.is_object()) return std::nullopt;
  return parsed;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  if (bytes.empty()) return {};
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.size() - 1);
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.empty()) return std::string();
  std::string out(text.size() * 3 / 4 + 3, '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &len, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

std::string_view jws_alg_name(JwsAlg alg) { return alg == JwsAlg::ES256 ? "ES256" : "RS256"; }

std::optional<JwsAlg> jws_alg_from_name(std::string_view name) {
  if (name == "ES256") return JwsAlg::ES256;
  if (name == "RS256") return JwsAlg::RS256;
  return std::nullopt;
}

std::string generate_signing_key_pem(JwsAlg alg) {
  Pkey key(alg == JwsAlg::ES256 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                                : EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048)));
  if (!key) return {};
  std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) return {};
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(len));
}

nlohmann::json public_jwk(std::string_view private_pem, JwsAlg alg, std::string_view kid) {
  Pkey key = read_private(private_pem);
  if (!key_fits(key.get(), alg)) return nullptr;
  nlohmann::json jwk = {{"kid", kid}, {"alg", jws_alg_name(alg)}, {"use", "sig"}};
  if (alg == JwsAlg::ES256) {
    Bn x = bn_param(key.get(), OSSL_PKEY_PARAM_EC_PUB_X), y = bn_param(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y);
    if (!x || !y) return nullptr;
    jwk["kty"] = "EC";
    jwk["crv"] = "P-256";
    jwk["x"] = base64url_encode(bn_bytes(x.get(), kEs256Half));
    jwk["y"] = base64url_encode(bn_bytes(y.get(), kEs256Half));
  } else {
    Bn n = bn_param(key.get(), OSSL_PKEY_PARAM_RSA_N), e = bn_param(key.get(), OSSL_PKEY_PARAM_RSA_E);
    if (!n || !e) return nullptr;
    jwk["kty"] = "RSA";
    jwk["n"] = base64url_encode(bn_bytes(n.get(), 0));
    jwk["e"] = base64url_encode(bn_bytes(e.get(), 0));
  }
  return jwk;
}

namespace {
std::string sign_compact(EVP_PKEY_CTX* ctx, JwsAlg alg, std::string_view kid, const nlohmann::json& payload) {
  const nlohmann::json header = {{"alg", jws_alg_name(alg)}, {"typ", "JWT"}, {"kid", kid}};
  const std::string input = base64url_encode(header.dump()) + "." + base64url_encode(payload.dump());
  const auto signature = sign_bytes(ctx, alg, input);
  if (!signature) return {};
  return input + "." + base64url_encode(*signature);
}
}  // namespace

std::string jws_sign(std::string_view private_pem, JwsAlg alg, std::string_view kid, const nlohmann::json& payload) {
  Pkey key = read_private(private_pem);
  if (!key_fits(key.get(), alg)) return {};
  const PkeyCtx ctx = signing_context(key.get(), alg);
  return ctx ? sign_compact(ctx.get(), alg, kid, payload) : std::string();
}

struct SigningPrivateKey::Signers {
  std::mutex mutex;
  std::vector<PkeyCtx> idle;  // at most kKeptContexts
};

std::optional<SigningPrivateKey> SigningPrivateKey::from_pem(std::string_view private_pem, JwsAlg alg) {
  Pkey key = read_private(private_pem);
  if (!key_fits(key.get(), alg)) return std::nullopt;
  SigningPrivateKey out;
  out.key_ = std::shared_ptr<EVP_PKEY>(key.release(), PkeyFree());
  out.alg_ = alg;
  out.signers_ = std::make_shared<SigningPrivateKey::Signers>();
  return out;
}

std::string jws_sign(const SigningPrivateKey& key, std::string_view kid, const nlohmann::json& payload) {
  if (!key.key_ || !key.signers_) return {};
  // A context of its own per concurrent signature (one is not to be shared), kept for the next.
  PkeyCtx ctx;
  {
    std::lock_guard lock(key.signers_->mutex);
    if (!key.signers_->idle.empty()) {
      ctx = std::move(key.signers_->idle.back());
      key.signers_->idle.pop_back();
    }
  }
  if (!ctx) ctx = signing_context(key.key_.get(), key.alg_);
  if (!ctx) return {};
  std::string signed_token = sign_compact(ctx.get(), key.alg_, kid, payload);
  std::lock_guard lock(key.signers_->mutex);
  if (key.signers_->idle.size() < SigningPrivateKey::kKeptContexts) key.signers_->idle.push_back(std::move(ctx));
  return signed_token;
}

nlohmann::json jws_peek_header(std::string_view compact) {
  const auto dot = compact.find('.');
  if (dot == std::string_view::npos) return nullptr;
  auto header = json_segment(compact.substr(0, dot));
  return header ? *header : nlohmann::json();
}

nlohmann::json jws_peek_payload(std::string_view compact) {
  const auto first = compact.find('.');
  const auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
  if (second == std::string_view::npos) return nullptr;
  auto payload = json_segment(compact.substr(first + 1, second - first - 1));
  return payload ? *payload : nlohmann::json();
}

bool public_jwk_fits(const nlohmann::json& jwk, JwsAlg alg) {
  if (!jwk.is_object()) return false;
  for (const char* secret : {"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
    if (jwk.contains(secret)) return false;
  Pkey key = public_from_jwk(jwk, alg);
  if (!key || !key_fits(key.get(), alg)) return false;
  // fromdata takes the numbers as given: check the point lies on the curve (or the RSA
  // modulus and exponent are sane) before anyone relies on the key.
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  return ctx && EVP_PKEY_public_check(ctx.get()) == 1;
}

std::optional<VerifiedJws> jws_verify(std::string_view compact, const nlohmann::json& jwk) {
  const auto first = compact.find('.');
  const auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
  if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) return std::nullopt;
  auto header = json_segment(compact.substr(0, first));
  auto payload = json_segment(compact.substr(first + 1, second - first - 1));
  const auto signature = base64url_decode(compact.substr(second + 1));
  if (!header || !payload || !signature || !header->contains("alg") || !(*header)["alg"].is_string()) return std::nullopt;
  const auto alg = jws_alg_from_name((*header)["alg"].get<std::string>());
  if (!alg || !jwk.is_object() || jwk.value("alg", "") != jws_alg_name(*alg)) return std::nullopt;
  Pkey key = public_from_jwk(jwk, *alg);
  if (!key || !verify_bytes(key.get(), *alg, compact.substr(0, second), *signature)) return std::nullopt;
  return VerifiedJws{std::move(*header), std::move(*payload)};
}

}  // namespace uia::crypto
