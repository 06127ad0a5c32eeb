// A small JSON-over-HTTP(S) POST client for the real port adapters (SMS platform, population
// data service, face service). It never throws: every failure comes back as a value, because
// an outside service being down must turn into a clear answer to the citizen, not a 500.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace uia::ports {

struct HttpJsonClientOptions {
  std::string base_url;          // e.g. "https://sms.gov.example/api/v1/send"; paths are appended
  long connect_timeout_ms = 2000;
  long timeout_ms = 5000;        // the whole exchange, connect included
  std::string ca_file;           // PEM bundle to trust instead of the system store (optional)
  std::string proxy;             // empty = connect directly (environment proxies are ignored)
  std::size_t max_response_bytes = 1 << 20;
};

struct HttpJsonResponse {
  // false when no HTTP response arrived (DNS, connect, TLS, timeout, oversized reply).
  bool transport_ok = false;
  bool timed_out = false;
  std::string transport_error;   // operator-facing
  long status = 0;               // HTTP status when transport_ok
  bool json_ok = false;          // the body parsed as JSON
  nlohmann::json json;           // the parsed body (null when !json_ok)
  std::string body;              // the raw body, for logs
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// TLS peer and host name verification are always on: there is no switch to turn them off.
// Redirects are not followed, and only http:// and https:// URLs are accepted.
// Thread-safe: each call uses its own libcurl handle.
class HttpJsonClient {
 public:
  explicit HttpJsonClient(HttpJsonClientOptions options);
  HttpJsonResponse post(const std::string& path, const nlohmann::json& body,
                        const HttpHeaders& headers = {}) const noexcept;
  const HttpJsonClientOptions& options() const { return options_; }

 private:
  HttpJsonClientOptions options_;
};

// The client settings of an adapter config (SmsHttpConfig, IdentityHttpConfig, FaceHttpConfig
// all carry endpoint, timeout_ms, connect_timeout_ms and ca_file).
template <typename AdapterConfig>
HttpJsonClientOptions client_options_for(const AdapterConfig& config) {
  HttpJsonClientOptions options;
  options.base_url = config.endpoint;
  options.connect_timeout_ms = config.connect_timeout_ms;
  options.timeout_ms = config.timeout_ms;
  options.ca_file = config.ca_file;
  return options;
}

}  // namespace uia::ports
