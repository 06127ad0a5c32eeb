#include "app/platform.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/routes.h"
#include "crypto/keys.h"
#include "flows/enterprise/registry_check.h"
#include "flows/appeals/material_purge.h"
#include "flows/expiry/expired_rows.h"
#include "flows/oidc/config_clients.h"
#include "http/browser_policy.h"
#include "flows/registration/registration.h"
#include "http/json_response.h"
#include "http/static_files.h"

#ifndef UIA_VERSION
#define UIA_VERSION "0.0.0"
#endif

namespace uia::app {
namespace {
namespace fs = std::filesystem;

nlohmann::json read_config_file(const fs::path& file) {
  if (file.empty()) return nlohmann::json::object();
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read config file " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  auto json = nlohmann::json::parse(text.str(), nullptr, false);
  if (!json.is_object()) throw std::runtime_error("config file " + file.string() + " is not a JSON object");
  return json;
}

// Keys come from configuration. Dev mode may mint a key file beside an SQLite database so that
// `uia serve --dev` works out of the box; production never invents keys.
crypto::KeySet load_keys(const PlatformConfig& config, const nlohmann::json& file_config) {
  fs::path keys_file = config.keys_file;
  if (keys_file.empty()) {
    if (const char* env = std::getenv("UIA_KEYS_FILE"); env && *env) keys_file = env;
  }
  if (keys_file.empty() && file_config.contains("keys_file") && file_config["keys_file"].is_string())
    keys_file = file_config["keys_file"].get<std::string>();
  std::string error;
  if (keys_file.empty()) {
    if (!config.dev)
      throw std::runtime_error("production mode needs a key file (--keys FILE, UIA_KEYS_FILE or keys_file in --config)");
    keys_file = config.db.rfind("sqlite:", 0) == 0 ? fs::path(config.db.substr(7) + ".keys") : fs::path("uia-dev.keys");
    if (!fs::exists(keys_file) && !crypto::write_key_file(keys_file, crypto::generate_keys(crypto::CipherSuite::Aes256Gcm), error))
      throw std::runtime_error(error);
  }
  auto keys = crypto::load_key_file(keys_file, error);
  if (!keys) throw std::runtime_error(error);
  return *keys;
}

// Config "embedding_origins": the sites allowed to frame our pages (browser_policy.h).
http::BrowserPolicy browser_policy(const PlatformConfig& config, const nlohmann::json& file_config,
                                   const http::TrustedProxies& proxies) {
  http::BrowserPolicy policy;
  policy.proxies = proxies;
  if (auto it = file_config.find("embedding_origins"); it != file_config.end()) {
    if (!it->is_array()) throw std::runtime_error("embedding_origins must be a list of https origins");
    for (const auto& entry : *it) {
      if (!entry.is_string() || !http::valid_embedding_origin(entry.get<std::string>(), config.dev))
        throw std::runtime_error("embedding_origins: " + entry.dump() +
                                 " is not an https origin (scheme and host, no path)");
      policy.embedding_origins.push_back(entry.get<std::string>());
    }
  }
  return policy;
}

}  // namespace

std::unique_ptr<Platform> build_platform(const PlatformConfig& config, std::shared_ptr<const Clock> clock) {
  auto platform = std::make_unique<Platform>();
  Services& s = platform->services;
  const nlohmann::json file_config = read_config_file(config.config_file);

  s.dev_mode = config.dev;
  s.clock = clock ? std::move(clock) : std::make_shared<SystemClock>();
  s.random = std::make_shared<ports::SystemRandom>();
  const crypto::KeySet keys = load_keys(config, file_config);
  s.cipher = std::make_shared<crypto::FieldCipher>(keys);
  s.blind_index = std::make_shared<crypto::BlindIndex>(keys);
  crypto::Argon2Params argon2;
  if (auto it = file_config.find("argon2"); it != file_config.end() && it->is_object()) {
    argon2.ops_limit = it->value("t", argon2.ops_limit);
    argon2.mem_limit_bytes = it->value("m_kib", argon2.mem_limit_bytes / 1024) * 1024;
    if (!config.dev && (argon2.ops_limit < 2 || argon2.mem_limit_bytes < 19u * 1024 * 1024))
      throw std::runtime_error("argon2 below OWASP's minimum (m=19 MiB, t=2) is refused in production");
  }
  s.passwords = std::make_shared<crypto::PasswordHasher>(argon2);

  ports::PortsConfig ports_config;
  std::string error;
  const auto ports_section = file_config.contains("ports") ? file_config["ports"] : nlohmann::json();
  if (!ports::parse_ports_config(ports_section, ports_config, error)) throw std::runtime_error(error);
  if (!ports::make_ports(ports_config, config.dev, s.ports, error, s.clock)) throw std::runtime_error(error);
  if (config.dev) s.dev_ledger = std::make_shared<DevLedger>();
  if (!apply_limits(file_config.contains("limits") ? file_config["limits"] : nlohmann::json(), s.limits, error))
    throw std::runtime_error(error);
  s.province = resolve_profile(config.profile, file_config.contains("profile") ? file_config["profile"] : nlohmann::json());
  s.read_cache = std::make_shared<runtime::ReadCache>(s.limits.read_cache_seconds);
  s.request_budgets = std::make_shared<RequestBudgets>(s.limits);
  if (s.limits.captcha_pool_size > 0)
    s.captcha_pool = std::make_shared<captcha::CaptchaPool>(static_cast<std::size_t>(s.limits.captcha_pool_size));
  if (auto it = file_config.find("trusted_proxies"); it != file_config.end()) {
    if (!it->is_array()) throw std::runtime_error("trusted_proxies must be a list of addresses or CIDR ranges");
    for (const auto& entry : *it) {
      if (!entry.is_string() || !s.trusted_proxies.add(entry.get<std::string>(), error)) throw std::runtime_error(
          error.empty() ? "trusted_proxies must be a list of addresses or CIDR ranges" : error);
    }
  }

  s.db = store::Database::open(config.db, std::max<std::size_t>(2, config.workers));
  platform->workers = std::make_unique<runtime::WorkerPool>(config.workers, 4096);

  if (s.ports.face_simulator) {
    Services* services = &s;
    s.ports.face_simulator->on_result(
        [services](const std::string& ticket, ports::FaceResult result) {
          flows::complete_face_check(*services, ticket, result);
          services->read_cache->invalidate_all();  // the person's status and level changed
        });
  }

  // Seed N: unverified enterprises turn verified once the business registry confirms them.
  if (s.limits.registry_recheck_seconds > 0 && s.ports.registry) {
    Services* services = &s;
    platform->registry_recheck = std::make_unique<runtime::PeriodicTask>(
        "registry re-check", std::chrono::seconds(s.limits.registry_recheck_seconds), [services] {
          if (flows::recheck_unverified_enterprises(*services) > 0) services->read_cache->invalidate_all();
        });
  }

  // Captchas, codes and sign-in failures anyone can create leave the database once unread.
  if (s.limits.expiry_sweep_seconds > 0) {
    Services* services = &s;
    platform->expiry_sweep = std::make_unique<runtime::PeriodicTask>(
        "expiry sweep", std::chrono::seconds(s.limits.expiry_sweep_seconds), [services] { flows::sweep_expired_rows(*services); });
  }

  // Appeal materials leave the database a set time after the case's decision.
  if (s.limits.expiry_sweep_seconds > 0) {
    Services* services = &s;
    platform->materials_purge = std::make_unique<runtime::PeriodicTask>(
        "appeal materials purge", std::chrono::seconds(s.limits.expiry_sweep_seconds),
        [services] { flows::purge_decided_materials(*services); });
  }

  // Business systems the configuration file lists: the database agrees with the file before
  // the first request.
  if (const auto oidc = file_config.find("oidc"); oidc != file_config.end() && oidc->is_object() && oidc->contains("clients"))
    flows::oidc::apply_config_clients(s, oidc->at("clients"));

  auto router = std::make_shared<http::Router>();
  router->set_response_policy([policy = browser_policy(config, file_config, s.trusted_proxies)](
                                  const auto& request, auto& response) { apply_browser_policy(policy, request, response); });
  const std::string mode = config.dev ? "dev" : "production";
  router->add(Pistache::Http::Method::Get, "/healthz", [mode](const auto&, auto response, const auto&) {
    http::send_json(response, Pistache::Http::Code::Ok, {{"status", "ok"}, {"version", UIA_VERSION}, {"mode", mode}});
  });
  add_api_routes(*router, s, *platform->workers, file_config.contains("oidc") ? file_config["oidc"] : nlohmann::json(),
                 file_config.contains("upstream") ? file_config["upstream"] : nlohmann::json());
  auto files = std::make_shared<http::StaticFiles>(config.web_root);
  router->set_fallback([files](const auto& request, auto response, const auto&) { files->serve(request, std::move(response)); });
  platform->router = router;
  return platform;
}

}  // namespace uia::app
