#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <iostream>

#include "app/platform.h"
#include "http/http_server.h"
#include "store/database.h"

#ifndef UIA_DEFAULT_WEB_ROOT
#define UIA_DEFAULT_WEB_ROOT ""
#endif

namespace uia {
namespace {
namespace fs = std::filesystem;

fs::path default_web_root(const fs::path& executable) {
  if (const char* env = std::getenv("UIA_WEB_ROOT"); env && *env) return env;
  // Next to the binary in an install, or the sibling web build in a source checkout.
  for (const fs::path& candidate : {executable.parent_path() / "web", executable.parent_path() / "../build-web/web",
                                    fs::path(UIA_DEFAULT_WEB_ROOT)}) {
    std::error_code error;
    if (!candidate.empty() && fs::is_regular_file(candidate / "index.html", error)) return fs::weakly_canonical(candidate);
  }
  return fs::path(UIA_DEFAULT_WEB_ROOT);
}

void print_usage(std::ostream& err) {
  err << "usage: uia serve [--host 127.0.0.1] [--port 8080] [--db sqlite:uia.db|mysql://user:pass@host:3306/uia]\n"
         "                 [--dev] [--web-root DIR] [--config FILE] [--keys FILE] [--workers N]\n"
         "                 [--profile jilin|hubei|shandong|hainan|gongshang]\n";
}

bool parse_number(const std::string& text, int low, int high, int& out) {
  try {
    std::size_t used = 0;
    out = std::stoi(text, &used);
    return used == text.size() && out >= low && out <= high;
  } catch (...) {
    return false;
  }
}

}  // namespace

int run_serve_command(const std::vector<std::string>& args, const fs::path& executable) {
  app::PlatformConfig config;
  std::string host = "127.0.0.1";
  int port = 8080;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    int workers = 0;
    if (arg == "--dev") {
      config.dev = true;
    } else if (arg == "--port" && has_value) {
      if (!parse_number(args[++i], 0, 65535, port)) {
        std::cerr << "uia serve: --port must be 0-65535\n";
        return 2;
      }
    } else if (arg == "--workers" && has_value) {
      if (!parse_number(args[++i], 1, 256, workers)) {
        std::cerr << "uia serve: --workers must be 1-256\n";
        return 2;
      }
      config.workers = static_cast<std::size_t>(workers);
    } else if (arg == "--host" && has_value) {
      host = args[++i];
    } else if (arg == "--db" && has_value) {
      config.db = args[++i];
    } else if (arg == "--web-root" && has_value) {
      config.web_root = args[++i];
    } else if (arg == "--config" && has_value) {
      config.config_file = args[++i];
    } else if (arg == "--keys" && has_value) {
      config.keys_file = args[++i];
    } else if (arg == "--profile" && has_value) {
      config.profile = args[++i];
    } else {
      print_usage(std::cerr);
      return 2;
    }
  }
  if (config.web_root.empty()) config.web_root = default_web_root(executable);
  if (!fs::is_regular_file(config.web_root / "index.html")) {
    std::cerr << "uia serve: warning: no web client at " << config.web_root
              << " (build it with tools/build.sh web); serving the API only\n";
  }

  // Block the stop signals in every thread (Pistache's and the workers' included), then wait
  // for one here.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::unique_ptr<app::Platform> platform;
  try {
    platform = app::build_platform(config);
  } catch (const std::exception& e) {
    std::cerr << "uia serve: " << e.what() << '\n';
    return 2;
  }
  http::HttpServerOptions options;
  options.host = host;
  options.port = static_cast<std::uint16_t>(port);
  const app::Limits& limits = platform->services.limits;
  options.header_timeout = std::chrono::seconds(std::max(1, limits.http_header_timeout_seconds));
  options.body_timeout = std::chrono::seconds(std::max(1, limits.http_body_timeout_seconds));
  options.keepalive_timeout = std::chrono::seconds(std::max(1, limits.http_keepalive_timeout_seconds));
  options.connections_per_address = static_cast<std::size_t>(limits.http_connections_per_address);
  http::HttpServer server(options, platform->router);
  server.on_drain([&platform] { platform->workers->wait_idle(); });
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "uia serve: cannot listen on " << host << ":" << port << ": " << e.what() << '\n';
    return 1;
  }
  std::cerr << "uia serve: listening on http://" << host << ":" << server.port() << "/ ("
            << (config.dev ? "dev" : "production") << " mode, database " << platform->services.db->display_name()
            << ", profile " << platform->services.profile().name << ", web client " << config.web_root.string()
            << ")\n";

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  std::cerr << "uia serve: " << (signal_number == SIGTERM ? "SIGTERM" : "SIGINT") << ", draining in-flight requests\n";
  server.stop();
  std::cerr << "uia serve: stopped\n";
  return 0;
}

}  // namespace uia
