// oidc_bench: the OpenID Connect provider's token endpoint and userinfo, against oidc-provider
// (npm, v8) configured the same way on this machine, in the same run, driven by the same load
// generator (load_client). Prints req/s, p50 and p99 per flow per server, the ratios, and
// whether uia reaches the issue's target (3× oidc-provider's throughput on each flow).
//
// uia runs in this process as `uia serve` builds it (platform + HTTP server, default threads and
// workers), dev mode, on a throw-away SQLite file. oidc-provider runs in a node process
// (tools/bench/oidc_provider_peer.mjs) with its in-memory adapter. Loopback only; the load
// generator shares the machine's cores with both servers.
//
// Series, each `--seconds` long after a one-second warm-up that sizes the code supply:
//   code      POST token, grant_type=authorization_code + PKCE (S256), client_secret_basic; every
//             request spends a fresh code (uia's made beforehand through GET /oidc/authorize with
//             a signed-in browser's cookie, the real path; oidc-provider's minted in its process)
//   userinfo  GET userinfo with a bearer access token (one per connection)
//   refresh   POST token, grant_type=refresh_token; each connection spends its refresh token and
//             sends the rotated one it got back next
//   build/oidc_bench [--seconds 5] [--connections 16] [--only code|userinfo|refresh] [--node node]
//                    [--peer tools/bench/oidc_provider_peer.mjs] [--db sqlite:/tmp/x.db | mysql://...]
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>
#include <openssl/sha.h>
#include <soci/soci.h>

#include "app/platform.h"
#include "crypto/jose.h"
#include "crypto/tokens.h"
#include "flows/oidc/oauth_http.h"
#include "flows/sessions/session_store.h"
#include "http/http_server.h"
#include "load_client.h"
#include "store/oidc_client_repository.h"
#include "store/person_repository.h"

#ifndef UIA_OIDC_BENCH_PEER
#define UIA_OIDC_BENCH_PEER "tools/bench/oidc_provider_peer.mjs"
#endif

namespace {
namespace fs = std::filesystem;
using namespace uia;

constexpr const char* kRedirect = "http://127.0.0.1:9/cb";
constexpr const char* kScope = "openid profile phone";
// One PKCE pair for every code (each exchange still hashes the verifier and compares).
constexpr const char* kVerifier = "bench-code-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";

std::string s256(const std::string& text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  return crypto::base64url_encode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string basic_header(const std::string& id, const std::string& secret) {
  std::string b64 = crypto::base64url_encode(id + ":" + secret);  // both are form-safe already
  for (char& c : b64) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (b64.size() % 4) b64 += '=';
  return "Authorization: Basic " + b64 + "\r\n";
}

// Where one provider's endpoints are and how its client authenticates.
struct Target {
  std::string name;
  int port = 0;
  std::string token_path, userinfo_path;
  std::string basic;  // "Authorization: Basic ...\r\n"
  std::string host() const { return "127.0.0.1:" + std::to_string(port); }

  std::string token_request(const std::string& form) const {
    return "POST " + token_path + " HTTP/1.1\r\nHost: " + host() + "\r\n" + basic +
           "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(form.size()) + "\r\n\r\n" +
           form;
  }
  std::string exchange_request(const std::string& code) const {
    return token_request(flows::oidc::with_params("", {{"grant_type", "authorization_code"},
                                                        {"code", code},
                                                        {"redirect_uri", kRedirect},
                                                        {"code_verifier", kVerifier}})
                             .substr(1));
  }
  std::string refresh_request(const std::string& refresh_token) const {
    return token_request(
        flows::oidc::with_params("", {{"grant_type", "refresh_token"}, {"refresh_token", refresh_token}}).substr(1));
  }
  std::string userinfo_request(const std::string& access_token) const {
    return "GET " + userinfo_path + " HTTP/1.1\r\nHost: " + host() + "\r\nAuthorization: Bearer " + access_token + "\r\n\r\n";
  }
};

// ---- uia, in this process ----

struct UiaSide {
  Target target;
  std::string cookie;  // "Cookie: uia_session=...\r\n"
  std::string csrf;
  std::string client_id;

  std::string authorize_request() const {
    const std::string path = flows::oidc::with_params(
        "/oidc/authorize", {{"client_id", client_id}, {"redirect_uri", kRedirect}, {"response_type", "code"},
                            {"scope", kScope}, {"state", "st-1"}, {"nonce", "n-1"},
                            {"code_challenge", s256(kVerifier)}, {"code_challenge_method", "S256"}});
    return "GET " + path + " HTTP/1.1\r\nHost: " + target.host() + "\r\n" + cookie + "\r\n";
  }
};

std::string query_param(const std::string& url, const std::string& name) {
  const auto q = url.find('?');
  if (q == std::string::npos) return "";
  const auto params = flows::oidc::parse_form(url.substr(q + 1));
  if (!params || !params->count(name)) return "";
  return params->at(name);
}

// The person consents once (authorize → consent page → decision), as in a browser.
bool consent_once(UiaSide& uia) {
  bench::Connection c(uia.target.port);
  const auto started = c.send(uia.authorize_request());
  const std::string location = started.header("location");
  if (started.status != 302 || location.rfind("/#/consent?oidc=", 0) != 0) {
    std::cerr << "oidc_bench: uia authorize answered " << started.status << " " << location << started.body << "\n";
    return false;
  }
  const std::string body = R"({"approve":true})";
  const auto decided = c.send("POST /api/v1/oidc/requests/" + query_param(location, "oidc") + "/decision HTTP/1.1\r\nHost: " +
                              uia.target.host() + "\r\n" + uia.cookie + "X-CSRF-Token: " + uia.csrf +
                              "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                              "\r\n\r\n" + body);
  if (decided.status != 200) std::cerr << "oidc_bench: uia decision answered " << decided.status << " " << decided.body << "\n";
  return decided.status == 200;
}

// Codes through the real authorization endpoint (consent already given), a few connections at once.
std::vector<std::string> uia_codes(const UiaSide& uia, std::size_t count) {
  std::vector<std::string> codes(count);
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      bench::Connection c(uia.target.port);
      const std::string request = uia.authorize_request();
      for (std::size_t i = next++; i < count; i = next++) codes[i] = query_param(c.send(request).header("location"), "code");
    });
  for (auto& t : threads) t.join();
  std::erase(codes, std::string());
  return codes;
}

// ---- oidc-provider, in a node process ----

struct Peer {
  pid_t pid = -1;
  int control_port = 0;
  std::string version;
  Target target;
};

std::optional<Peer> start_peer(const std::string& node, const std::string& script) {
  int out[2];
  if (::pipe(out) != 0) return std::nullopt;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::setenv("NODE_ENV", "production", 1);
    ::execlp(node.c_str(), node.c_str(), script.c_str(), static_cast<char*>(nullptr));
    std::perror("oidc_bench: node");
    ::_exit(127);
  }
  ::close(out[1]);
  Peer peer;
  peer.pid = pid;
  FILE* from_peer = ::fdopen(out[0], "r");
  char line[256] = {};
  const bool ready = from_peer && std::fgets(line, sizeof line, from_peer);
  if (from_peer) std::fclose(from_peer);
  char version[64] = {};
  if (!ready || std::sscanf(line, "ready %d %d %63s", &peer.target.port, &peer.control_port, version) != 3) {
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
    return std::nullopt;
  }
  peer.version = version;
  peer.target.name = "oidc-provider";
  peer.target.token_path = "/token";
  peer.target.userinfo_path = "/me";
  return peer;
}

void stop_peer(Peer& peer) {
  bench::Connection(peer.control_port).send("GET /exit HTTP/1.1\r\nHost: control\r\n\r\n");
  ::kill(peer.pid, SIGTERM);
  ::waitpid(peer.pid, nullptr, 0);
}

std::vector<std::string> peer_codes(const Peer& peer, std::size_t count) {
  bench::Connection c(peer.control_port);
  const auto reply = c.send("GET /codes?n=" + std::to_string(count) + "&challenge=" + s256(kVerifier) +
                            " HTTP/1.1\r\nHost: control\r\n\r\n");
  const auto json = nlohmann::json::parse(reply.body, nullptr, false);
  if (!json.is_object() || !json.contains("codes")) return {};
  return json["codes"].get<std::vector<std::string>>();
}

// ---- the series ----

struct Tokens {
  std::string access, refresh;
};

std::vector<Tokens> exchange_all(const Target& target, const std::vector<std::string>& codes) {
  bench::Connection c(target.port);
  std::vector<Tokens> out;
  for (const auto& code : codes) {
    const auto reply = c.send(target.exchange_request(code));
    const auto json = nlohmann::json::parse(reply.body, nullptr, false);
    if (reply.status != 200 || !json.is_object()) {
      std::cerr << "oidc_bench: " << target.name << " code exchange answered " << reply.status << " " << reply.body << "\n";
      continue;
    }
    out.push_back({json.value("access_token", ""), json.value("refresh_token", "")});
  }
  return out;
}

bench::LoadResult code_series(const Target& target, int connections, std::chrono::milliseconds duration,
                              const std::function<std::vector<std::string>(std::size_t)>& make_codes, std::size_t count) {
  const std::vector<std::string> codes = make_codes(count);
  std::atomic<std::size_t> next{0};
  return bench::run_load(target.port, connections, duration, [&](int, long long) {
    const std::size_t i = next++;
    return target.exchange_request(i < codes.size() ? codes[i] : "spent");  // past the supply: fails, counted
  });
}

bench::LoadResult refresh_series(const Target& target, std::vector<Tokens> tokens, std::chrono::milliseconds duration) {
  std::mutex lock;
  return bench::run_load(
      target.port, static_cast<int>(tokens.size()), duration,
      [&](int c, long long) {
        std::lock_guard guard(lock);
        return target.refresh_request(tokens[static_cast<std::size_t>(c)].refresh);
      },
      [&](int c, const bench::Response& r) {
        const auto json = nlohmann::json::parse(r.body, nullptr, false);
        if (r.status != 200 || !json.is_object()) return;
        std::lock_guard guard(lock);
        tokens[static_cast<std::size_t>(c)].refresh = json.value("refresh_token", "");
      });
}

bench::LoadResult userinfo_series(const Target& target, const std::vector<Tokens>& tokens, std::chrono::milliseconds duration) {
  std::vector<std::string> requests;
  for (const auto& t : tokens) requests.push_back(target.userinfo_request(t.access));
  return bench::run_load(target.port, static_cast<int>(tokens.size()), duration,
                         [&](int c, long long) { return requests[static_cast<std::size_t>(c)]; });
}

void print_result(const std::string& name, const bench::LoadResult& r) {
  std::cout << "  " << std::left << std::setw(14) << name << std::right << std::fixed << std::setprecision(1) << std::setw(9)
            << r.rate() << " req/s  p50 " << std::setprecision(2) << std::setw(7) << r.percentile(50) << " ms  p99 "
            << std::setw(7) << r.percentile(99) << " ms  (" << r.requests << " requests, " << r.failures << " failed)\n";
}

struct FlowVerdict {
  std::string flow;
  double ratio = 0;
};

FlowVerdict compare(const std::string& flow, const bench::LoadResult& uia, const bench::LoadResult& peer) {
  std::cout << flow << "\n";
  print_result("uia", uia);
  print_result("oidc-provider", peer);
  const auto good = [](const bench::LoadResult& r) { return static_cast<double>(r.requests - r.failures) / r.seconds; };
  const double ratio = good(peer) > 0 ? good(uia) / good(peer) : 0;
  const double p99 = uia.percentile(99) > 0 ? peer.percentile(99) / uia.percentile(99) : 0;
  std::cout << std::setprecision(2) << "  ratio uia/oidc-provider: throughput " << ratio << "x, p99 " << p99
            << "x lower; target 3x throughput: " << (ratio >= 3 ? "met" : "NOT met") << "\n";
  return {flow, ratio};
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 5, connections = 16;
  std::string db, only, node = "node", peer_script = UIA_OIDC_BENCH_PEER;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seconds") seconds = std::stoi(argv[i + 1]);
    else if (flag == "--connections") connections = std::stoi(argv[i + 1]);
    else if (flag == "--db") db = argv[i + 1];
    else if (flag == "--only") only = argv[i + 1];
    else if (flag == "--node") node = argv[i + 1];
    else if (flag == "--peer") peer_script = argv[i + 1];
  }
  const auto duration = std::chrono::milliseconds(seconds * 1000);
  const fs::path dir = fs::temp_directory_path() / ("uia-oidc-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  if (db.empty()) db = "sqlite:" + (dir / "bench.db").string();

  // uia as `uia serve --dev` builds it.
  app::PlatformConfig config;
  config.dev = true;  // the issuer comes from the Host header (no "oidc.issuer" configured)
  config.db = db;
  config.keys_file = dir / "bench.keys";
  // The per-client token budget (oidc.token_requests_per_minute) would stop a load test of one
  // client within a second; oidc-provider has no such limit, so it is lifted here.
  config.config_file = dir / "uia.json";
  std::ofstream(config.config_file) << R"({"oidc": {"token_requests_per_minute": 300000000}})";
  std::string error;
  crypto::write_key_file(config.keys_file, crypto::generate_keys(crypto::CipherSuite::Aes256Gcm), error);
  auto platform = app::build_platform(config);
  auto& services = platform->services;
  http::HttpServerOptions options;
  options.port = 0;
  http::HttpServer server(options, platform->router);
  server.on_drain([&] { platform->workers->wait_idle(); });
  server.start();

  UiaSide uia;
  uia.target = {"uia", server.port(), "/oidc/token", "/oidc/userinfo", ""};
  const std::string secret = crypto::random_token(*services.random, 32);
  services.db->transact([&](soci::session& sql) {
    store::PersonRepository persons(*services.cipher, *services.blind_index);
    store::Person p;
    p.account = "bench100000";
    p.name = "测试";
    p.id_type = "passport";
    p.id_number = "E10000000";
    p.phone = "13900000000";
    p.password_hash = services.passwords->hash("Bench12345");
    p.status = store::PersonStatus::Active;
    p.created_at = p.updated_at = services.now_seconds();
    const long long person_id = persons.insert(sql, p);
    store::OidcClient client;
    client.client_id = "bench-client";
    client.name = "压测业务系统";
    client.secret_hash = crypto::token_hash(secret);
    client.redirect_uris = {kRedirect};
    client.created_by = "bench";
    client.created_at = services.now_seconds();
    store::OidcClientRepository().insert(sql, client);
    uia.client_id = client.client_id;
    const auto session = flows::create_session(services, sql, person_id, "127.0.0.1", "oidc_bench");
    uia.cookie = "Cookie: uia_session=" + session.token + "\r\n";
    uia.csrf = session.csrf_token;
  });
  uia.target.basic = basic_header(uia.client_id, secret);

  auto peer = start_peer(node, peer_script);
  if (!peer) {
    std::cerr << "oidc_bench: oidc-provider did not start (" << node << " " << peer_script << ")\n";
    return 1;
  }
  peer->target.basic = basic_header("bench-client", "bench-secret-0123456789abcdefghijklmnopqrstuvwxyz");
  if (!consent_once(uia)) {
    stop_peer(*peer);
    return 1;
  }

  std::cout << "oidc_bench: loopback, " << connections << " connections, " << seconds << " s per series (after a 1 s warm-up), "
            << std::thread::hardware_concurrency() << " cores shared by both servers and the load generator\n"
            << "  uia:           this build, " << services.db->display_name()
            << "; access and refresh tokens sealed to their family (HMAC-SHA-256, nothing stored per token), ID tokens ES256;\n"
            << "                 HTTP threads " << options.threads << ", workers " << config.workers
            << ", per-client token budget lifted\n"
            << "  oidc-provider: " << peer->version
            << " on node " << [&] {
                 FILE* p = ::popen((node + " --version").c_str(), "r");
                 char v[32] = {};
                 if (p) (void)std::fgets(v, sizeof v, p), ::pclose(p);
                 std::string s(v);
                 while (!s.empty() && s.back() == '\n') s.pop_back();
                 return s;
               }()
            << " (one process), in-memory adapter; opaque access and refresh tokens, ID tokens ES256\n"
            << "  both: authorization code + PKCE S256, client_secret_basic, refresh rotation on every use\n";

  const auto make_uia_codes = [&](std::size_t n) { return uia_codes(uia, n); };
  const auto make_peer_codes = [&](std::size_t n) { return peer_codes(*peer, n); };
  std::vector<FlowVerdict> verdicts;
  if (only.empty() || only == "code") {
    // A warm-up sizes the supply of codes (each request spends one; codes live 60 s on both).
    const auto supply = [&](const Target& t, const auto& make) {
      const auto warm = code_series(t, connections, std::chrono::milliseconds(1000), make, 3000);
      return static_cast<std::size_t>(static_cast<double>(warm.requests - warm.failures) / warm.seconds * seconds * 3) + 3000;
    };
    const std::size_t uia_supply = supply(uia.target, make_uia_codes);
    const auto uia_result = code_series(uia.target, connections, duration, make_uia_codes, uia_supply);
    const std::size_t peer_supply = supply(peer->target, make_peer_codes);
    const auto peer_result = code_series(peer->target, connections, duration, make_peer_codes, peer_supply);
    verdicts.push_back(compare("POST token, grant_type=authorization_code (+ PKCE, client_secret_basic)", uia_result, peer_result));
  }
  // One token pair per connection, from a code exchange each.
  const auto uia_tokens = exchange_all(uia.target, uia_codes(uia, static_cast<std::size_t>(connections)));
  const auto peer_tokens = exchange_all(peer->target, peer_codes(*peer, static_cast<std::size_t>(connections)));
  if (only.empty() || only == "userinfo") {
    (void)userinfo_series(uia.target, uia_tokens, std::chrono::milliseconds(1000));
    const auto uia_result = userinfo_series(uia.target, uia_tokens, duration);
    (void)userinfo_series(peer->target, peer_tokens, std::chrono::milliseconds(1000));
    const auto peer_result = userinfo_series(peer->target, peer_tokens, duration);
    verdicts.push_back(compare("GET userinfo (bearer access token)", uia_result, peer_result));
  }
  if (only.empty() || only == "refresh") {
    // Warm-up and series continue one rotation chain per connection.
    const auto uia_warm = refresh_series(uia.target, uia_tokens, std::chrono::milliseconds(1000));
    (void)uia_warm;
    const auto uia_result = refresh_series(uia.target, exchange_all(uia.target, uia_codes(uia, static_cast<std::size_t>(connections))), duration);
    (void)refresh_series(peer->target, peer_tokens, std::chrono::milliseconds(1000));
    const auto peer_result = refresh_series(peer->target, exchange_all(peer->target, peer_codes(*peer, static_cast<std::size_t>(connections))), duration);
    verdicts.push_back(compare("POST token, grant_type=refresh_token (rotation)", uia_result, peer_result));
  }
  bool all_met = true;
  for (const auto& v : verdicts) all_met = all_met && v.ratio >= 3;
  std::cout << "target (3x oidc-provider's throughput on each flow): " << (all_met ? "met" : "NOT met") << "\n";

  stop_peer(*peer);
  server.stop();
  platform.reset();
  fs::remove_all(dir);
  return 0;
}
