#include "flows/oidc/provider.h"

#include <stdexcept>

#include "flows/oidc/client_cache.h"
#include "flows/oidc/signing_key_cache.h"
#include "flows/oidc/token_rate_limit.h"
#include "store/write_batcher.h"

namespace uia::flows::oidc {
namespace {

// The setting in seconds: its value (or the fallback, in the same unit) times `unit`.
long long positive(const nlohmann::json& section, const char* key, long long fallback, long long unit = 1) {
  const auto it = section.find(key);
  if (it == section.end()) return fallback * unit;
  if (!it->is_number_integer() || it->get<long long>() <= 0 || it->get<long long>() > 10LL * 365 * 24 * 3600)
    throw std::runtime_error(std::string("oidc.") + key + " must be a positive integer");
  return it->get<long long>() * unit;
}

}  // namespace

std::shared_ptr<Provider> make_provider(const nlohmann::json& section, bool dev_mode) {
  auto provider = std::make_shared<Provider>();
  provider->signing_keys = std::make_shared<SigningKeyCache>();
  provider->clients = std::make_shared<ClientCache>();
  OidcSettings& s = provider->settings;
  nlohmann::json backchannel;
  if (!section.is_null()) {
    if (!section.is_object()) throw std::runtime_error("oidc must be an object");
    for (const auto& [key, value] : section.items()) {
      static const char* known[] = {"issuer", "key_rotation_days", "access_token_seconds", "id_token_seconds",
                                    "refresh_token_days", "token_requests_per_minute", "backchannel_logout",
                                    "clients"};  // clients: flows/oidc/config_clients
      if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return key == k; }) == std::end(known))
        throw std::runtime_error("oidc." + key + " is not a known setting");
    }
    if (const auto it = section.find("issuer"); it != section.end()) {
      if (!it->is_string()) throw std::runtime_error("oidc.issuer must be a string");
      s.issuer = it->get<std::string>();
      while (!s.issuer.empty() && s.issuer.back() == '/') s.issuer.pop_back();
      if (!dev_mode && s.issuer.rfind("https://", 0) != 0)
        throw std::runtime_error("oidc.issuer must be an https:// URL in production");
    }
    s.key_rotation_seconds = positive(section, "key_rotation_days", 30, 24 * 3600);
    s.access_token_seconds = positive(section, "access_token_seconds", s.access_token_seconds);
    s.id_token_seconds = positive(section, "id_token_seconds", s.id_token_seconds);
    s.refresh_token_seconds = positive(section, "refresh_token_days", 30, 24 * 3600);
    s.token_requests_per_minute = positive(section, "token_requests_per_minute", s.token_requests_per_minute);
    if (section.contains("backchannel_logout")) backchannel = section["backchannel_logout"];
  }
  provider->token_rate_limit = std::make_shared<TokenRateLimit>(s.token_requests_per_minute);
  provider->token_writes = std::make_shared<store::WriteBatcher>();
  bool simulator = dev_mode;
  ports::BackchannelHttpConfig http;
  if (!backchannel.is_null()) {
    if (!backchannel.is_object()) throw std::runtime_error("oidc.backchannel_logout must be an object");
    const std::string adapter = backchannel.value("adapter", "");
    if (adapter != "http" && adapter != "simulator")
      throw std::runtime_error("oidc.backchannel_logout.adapter must be \"http\" or \"simulator\"");
    if (adapter == "simulator" && !dev_mode)
      throw std::runtime_error("oidc.backchannel_logout: the simulator is for dev mode and tests only");
    simulator = adapter == "simulator";
    for (const auto& [key, value] : backchannel.items()) {
      if (key == "adapter") continue;
      if (key == "ca_file" && value.is_string()) {
        http.ca_file = value.get<std::string>();
      } else if ((key == "timeout_ms" || key == "connect_timeout_ms") && value.is_number_integer() &&
                 value.get<long long>() >= 1 && value.get<long long>() <= 60000) {
        (key == "timeout_ms" ? http.timeout_ms : http.connect_timeout_ms) = static_cast<long>(value.get<long long>());
      } else {
        throw std::runtime_error("oidc.backchannel_logout." + key + " is not a known setting or has a bad value");
      }
    }
  }
  if (simulator) {
    provider->backchannel_simulator = std::make_shared<ports::BackchannelLogoutSimulator>();
    provider->backchannel = provider->backchannel_simulator;
  } else {
    provider->backchannel = std::make_shared<ports::BackchannelLogoutHttp>(http);
  }
  return provider;
}

}  // namespace uia::flows::oidc
