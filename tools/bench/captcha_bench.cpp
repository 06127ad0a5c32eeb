// captcha_bench: GET /api/v1/captcha throughput and latency, each image drawn on request (as
// before the captcha pool) and then taken from the pool drawn ahead (limits.captcha_pool_size),
// with the request budgets lifted so that the CPU and the database are what limit it; and the
// rate one core draws at, which is what the pool sustains, against the default global captcha
// budget. The platform runs in-process on a throw-away SQLite file; the load generator shares
// the machine's cores. Prints one line per figure and the targets.
//   build/captcha_bench [--seconds 2] [--connections 8] [--dir /dev/shm]
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <thread>

#include "app/limits.h"
#include "app/platform.h"
#include "captcha/captcha.h"
#include "crypto/keys.h"
#include "http/http_server.h"
#include "load_client.h"

namespace {
namespace fs = std::filesystem;
using namespace uia;

double draws_per_second_on_one_core(std::chrono::milliseconds duration) {
  long long drawn = 0;
  const auto started = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - started < duration) {
    (void)captcha::render_captcha();
    ++drawn;
  }
  return static_cast<double>(drawn) / std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

struct Run {
  bench::LoadResult load;
  std::size_t pool_left = 0;
};

// A fresh platform with `pool_size` (0: no pool), primed full, under `connections` clients.
Run issue_captchas(const fs::path& dir, int pool_size, int connections, std::chrono::seconds duration) {
  const fs::path run_dir = dir / ("pool-" + std::to_string(pool_size));
  fs::create_directories(run_dir);
  nlohmann::json budgets;
  for (std::size_t i = 0; i < app::kRequestBudgetCount; ++i)
    budgets[app::request_budget_name(static_cast<app::RequestBudget>(i))] = {{"per_ip_per_minute", 0}, {"per_minute", 0}};
  app::PlatformConfig config;
  config.dev = true;  // simulators for the outside services the captcha does not use
  config.db = "sqlite:" + (run_dir / "bench.db").string();
  config.keys_file = run_dir / "bench.keys";
  config.config_file = run_dir / "bench.json";
  std::string error;
  crypto::write_key_file(config.keys_file, crypto::generate_keys(crypto::CipherSuite::Aes256Gcm), error);
  std::ofstream(config.config_file) << nlohmann::json(
      {{"limits", {{"request_budgets", budgets}, {"captcha_pool_size", pool_size}, {"expiry_sweep_seconds", 0}}}}).dump();
  config.workers = std::thread::hardware_concurrency();
  auto platform = app::build_platform(config);
  if (auto& pool = platform->services.captcha_pool) {
    (void)pool->take();  // the first one wakes the drawing thread
    while (pool->ready() < pool->capacity()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  http::HttpServerOptions options;
  options.port = 0;
  options.threads = 1;
  http::HttpServer server(options, platform->router);
  server.on_drain([&] { platform->workers->wait_idle(); });
  server.start();
  const std::string request = "GET /api/v1/captcha HTTP/1.1\r\nHost: bench\r\n\r\n";
  Run run;
  run.load = bench::run_load(server.port(), connections, duration, [&](int, long long) { return request; });
  if (platform->services.captcha_pool) run.pool_left = platform->services.captcha_pool->ready();
  server.stop();
  return run;
}

void print(const std::string& name, const bench::LoadResult& r) {
  std::cout << std::fixed << std::setprecision(1) << name << ": " << r.rate() << " req/s, p50 " << std::setprecision(2)
            << r.percentile(50) << " ms, p99 " << r.percentile(99) << " ms, " << r.requests << " requests, "
            << r.failures << " failed\n";
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 2, connections = 8;
  fs::path base = fs::temp_directory_path();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seconds") seconds = std::stoi(argv[i + 1]);
    else if (flag == "--connections") connections = std::stoi(argv[i + 1]);
    else if (flag == "--dir") base = argv[i + 1];
  }
  const fs::path dir = base / ("uia-captcha-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);

  const double one_core = draws_per_second_on_one_core(std::chrono::milliseconds(1000));
  std::cout << std::fixed << std::setprecision(1) << "drawing a captcha PNG: " << one_core << " per second on one core\n";

  const Run drawn = issue_captchas(dir, 0, connections, std::chrono::seconds(seconds));
  print("GET /api/v1/captcha, drawn on request", drawn.load);
  // A pool deep enough for the whole run at up to 5x that rate, so the figure is the pool's.
  const int pool_size = static_cast<int>(std::min(40000.0, drawn.load.rate() * seconds * 5));
  const Run pooled = issue_captchas(dir, pool_size, connections, std::chrono::seconds(seconds));
  print("GET /api/v1/captcha, from the pool (" + std::to_string(pool_size) + " drawn ahead, " +
            std::to_string(pooled.pool_left) + " left)", pooled.load);

  const double budget_per_second = app::kDefaultRequestBudgets[0].per_minute / 60.0;
  std::cout << std::setprecision(2) << "from the pool / drawn on request: " << pooled.load.rate() / drawn.load.rate()
            << "x (target >= 2x)\n";
  std::cout << "one core's drawing / default global captcha budget (" << std::setprecision(0) << budget_per_second
            << "/s): " << std::setprecision(1) << one_core / budget_per_second << "x (target >= 3x: the budget, not the CPU, is the limit)\n";
  fs::remove_all(dir);
  return 0;
}
