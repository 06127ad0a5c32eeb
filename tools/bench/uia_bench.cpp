// uia_bench: password-login throughput against this machine's raw Argon2id rate, and the
// throughput and latency of GET /api/v1/me with keep-alive. The platform runs in-process on a
// throw-away SQLite file; the load generator shares the machine's cores (as in production with
// a local nginx, it is a conservative setup). Prints one line per figure.
//   build/uia_bench [--seconds 10] [--connections 32] [--db sqlite:/tmp/x.db | mysql://...] [--only login|me]
#include <atomic>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <thread>

#include <soci/soci.h>

#include "app/platform.h"
#include "crypto/password_hasher.h"
#include "flows/captcha/captcha_flow.h"
#include "flows/sessions/session_store.h"
#include "http/http_server.h"
#include "load_client.h"
#include "store/person_repository.h"

namespace {
namespace fs = std::filesystem;
using namespace uia;

double argon2_hashes_per_second(int threads, std::chrono::seconds duration) {
  crypto::PasswordHasher hasher;
  std::atomic<long long> count{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> workers;
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < threads; ++i)
    workers.emplace_back([&] {
      while (!stop) {
        (void)hasher.hash("Bench12345");
        ++count;
      }
    });
  std::this_thread::sleep_for(duration);
  stop = true;
  for (auto& w : workers) w.join();
  return static_cast<double>(count) / std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

void print(const std::string& name, const bench::LoadResult& r) {
  std::cout << std::fixed << std::setprecision(1) << name << ": " << r.rate() << " req/s, p50 " << std::setprecision(2)
            << r.percentile(50) << " ms, p99 " << r.percentile(99) << " ms, " << r.requests << " requests, "
            << r.failures << " failed\n";
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 10, connections = 32;
  std::string db, only;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seconds") seconds = std::stoi(argv[i + 1]);
    else if (flag == "--connections") connections = std::stoi(argv[i + 1]);
    else if (flag == "--db") db = argv[i + 1];
    else if (flag == "--only") only = argv[i + 1];
  }
  const fs::path dir = fs::temp_directory_path() / ("uia-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  if (db.empty()) db = "sqlite:" + (dir / "bench.db").string();
  const int cores = static_cast<int>(std::thread::hardware_concurrency());

  const bool run_login = only != "me", run_me = only != "login";
  const double hash_rate = run_login ? argon2_hashes_per_second(cores, std::chrono::seconds(std::min(seconds, 5))) : 0;
  if (run_login)
    std::cout << std::fixed << std::setprecision(1) << "argon2id (m=19 MiB, t=2, p=1) raw: " << hash_rate
              << " hashes/s on " << cores << " threads\n";

  app::PlatformConfig config;
  config.dev = true;  // the bench reads captcha answers through the dev ledger
  config.db = db;
  config.keys_file = dir / "bench.keys";
  crypto::KeySet keys = crypto::generate_keys(crypto::CipherSuite::Aes256Gcm);
  std::string error;
  crypto::write_key_file(config.keys_file, keys, error);
  config.workers = static_cast<std::size_t>(cores);  // Argon2id is CPU-bound: one per core
  auto platform = app::build_platform(config);
  auto& services = platform->services;
  http::HttpServerOptions options;
  options.port = 0;
  options.threads = 1;
  http::HttpServer server(options, platform->router);
  server.on_drain([&] { platform->workers->wait_idle(); });
  server.start();
  const int port = server.port();

  // Users share one password hash (hashing 200 of them would only slow the set-up).
  const int users = 200;
  const std::string hash = services.passwords->hash("Bench12345");
  store::PersonRepository persons(*services.cipher, *services.blind_index);
  services.db->transact([&](soci::session& sql) {
    for (int i = 0; i < users; ++i) {
      store::Person p;
      p.account = "bench" + std::to_string(100000 + i);
      p.name = "测试";
      p.id_type = "passport";
      p.id_number = "E" + std::to_string(10000000 + i);
      p.phone = "139" + std::to_string(10000000 + i);
      p.password_hash = hash;
      p.status = store::PersonStatus::Active;
      p.created_at = p.updated_at = services.now_seconds();
      persons.insert(sql, p);
    }
  });
  if (run_login) {
    // A captcha per login attempt, issued before the clock starts.
    const std::size_t captchas = static_cast<std::size_t>(hash_rate * seconds * 1.5) + 200;
    std::vector<std::pair<std::string, std::string>> issued;
    for (std::size_t i = 0; i < captchas; ++i) {
      const auto c = flows::issue_captcha(services);
      issued.emplace_back(c.id, *flows::dev_captcha_answer(services, c.id));
    }
    std::atomic<std::size_t> next_captcha{0};
    const auto login_request = [&](int, long long sequence) {
      const auto& [id, answer] = issued[next_captcha++ % issued.size()];
      const std::string body = "{\"method\":\"password\",\"identifier\":\"bench" + std::to_string(100000 + sequence % users) +
                               "\",\"password\":\"Bench12345\",\"captcha_id\":\"" + id + "\",\"captcha_answer\":\"" + answer + "\"}";
      return "POST /api/v1/sessions HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: " +
             std::to_string(body.size()) + "\r\n\r\n" + body;
    };
    const auto login = bench::run_load(port, std::max(4, cores * 4), std::chrono::seconds(seconds), login_request);
    print("POST /api/v1/sessions (password login)", login);
    std::cout << std::setprecision(1) << "login / raw argon2id rate: " << 100.0 * login.rate() / hash_rate << " %\n";
  }

  if (run_me) {
    std::string token;
    services.db->transact([&](soci::session& sql) { token = flows::create_session(services, sql, 1, "127.0.0.1", "bench").token; });
    const std::string me_request = "GET /api/v1/me HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    const auto me = bench::run_load(port, connections, std::chrono::seconds(seconds), [&](int, long long) { return me_request; });
    print("GET /api/v1/me (keep-alive, " + std::to_string(connections) + " connections)", me);
  }

  server.stop();
  platform.reset();
  fs::remove_all(dir);
  return 0;
}
