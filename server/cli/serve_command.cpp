#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <iostream>

#include "api/validate.h"
#include "http/http_server.h"
#include "http/json_request.h"
#include "http/json_response.h"
#include "http/static_files.h"
#include "store/database.h"

#ifndef UIA_VERSION
#define UIA_VERSION "0.0.0"
#endif
#ifndef UIA_DEFAULT_WEB_ROOT
#define UIA_DEFAULT_WEB_ROOT ""
#endif

namespace uia {
namespace {
namespace fs = std::filesystem;
using Pistache::Http::Code;
using Pistache::Http::Method;

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
         "                 [--dev] [--web-root DIR]\n";
}

}  // namespace

std::shared_ptr<http::Router> build_router(const ServeConfig& config, std::shared_ptr<const Clock> clock) {
  auto router = std::make_shared<http::Router>();
  const std::string mode = config.dev ? "dev" : "production";
  router->add(Method::Get, "/healthz", [mode](const auto&, auto response, const auto&) {
    http::send_json(response, Code::Ok, {{"status", "ok"}, {"version", UIA_VERSION}, {"mode", mode}});
  });
  // The shared rules over HTTP: the same verdict `uia validate` prints and the browser computes.
  router->add(Method::Post, "/api/v1/validate", [clock](const auto& request, auto response, const auto&) {
    const auto body = http::parse_json_object(request.body());
    if (!body) return http::send_error(response, Code::Bad_Request, ErrorCode::RequestInvalid);
    const auto kind_it = body->find("kind");
    const auto value_it = body->find("value");
    if (kind_it == body->end() || !kind_it->is_string())
      return http::send_error(response, Code::Bad_Request, ErrorCode::RequestInvalid, "kind");
    if (value_it == body->end() || !value_it->is_string())
      return http::send_error(response, Code::Bad_Request, ErrorCode::RequestInvalid, "value");
    const auto kind = value_kind_from_name(kind_it->template get<std::string>());
    if (!kind) return http::send_error(response, Code::Bad_Request, ErrorCode::KindUnknown, "kind");
    const Verdict verdict = validate_value(*kind, value_it->template get<std::string>(), clock->today());
    nlohmann::json out = {{"valid", verdict.ok()}, {"code", code_name(verdict.code)}, {"message", verdict.message_zh()}};
    if (verdict.detail != verdict.code) out["detail"] = code_name(verdict.detail);
    if (!verdict.ok()) out["field"] = value_kind_field(*kind);
    http::send_json(response, Code::Ok, out);
  });
  auto files = std::make_shared<http::StaticFiles>(config.web_root);
  router->set_fallback([files](const auto& request, auto response, const auto&) {
    files->serve(request, std::move(response));
  });
  return router;
}

int run_serve_command(const std::vector<std::string>& args, const fs::path& executable) {
  ServeConfig config;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    const bool has_value = i + 1 < args.size();
    if (arg == "--dev") {
      config.dev = true;
    } else if (arg == "--port" && has_value) {
      try {
        config.port = std::stoi(args[++i]);
      } catch (...) {
        config.port = -1;
      }
      if (config.port < 0 || config.port > 65535) {
        std::cerr << "uia serve: --port must be 0-65535\n";
        return 2;
      }
    } else if (arg == "--host" && has_value) {
      config.host = args[++i];
    } else if (arg == "--db" && has_value) {
      config.db = args[++i];
    } else if (arg == "--web-root" && has_value) {
      config.web_root = args[++i];
    } else {
      print_usage(std::cerr);
      return 2;
    }
  }
  std::unique_ptr<store::Database> db;
  try {
    db = store::Database::open(config.db);
  } catch (const std::exception& e) {
    std::cerr << "uia serve: cannot open the database " << config.db << ": " << e.what() << '\n';
    return 2;
  }
  if (config.web_root.empty()) config.web_root = default_web_root(executable);
  if (!fs::is_regular_file(config.web_root / "index.html")) {
    std::cerr << "uia serve: warning: no web client at " << config.web_root
              << " (build it with tools/build.sh); serving the API only\n";
  }

  // Block the stop signals in every thread (Pistache's included), then wait for one here.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto clock = std::make_shared<SystemClock>();
  http::HttpServerOptions options;
  options.host = config.host;
  options.port = static_cast<std::uint16_t>(config.port);
  http::HttpServer server(options, build_router(config, clock));
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "uia serve: cannot listen on " << config.host << ":" << config.port << ": " << e.what() << '\n';
    return 1;
  }
  std::cerr << "uia serve: listening on http://" << config.host << ":" << server.port() << "/ ("
            << (config.dev ? "dev" : "production") << " mode, database " << db->display_name() << ", web client "
            << config.web_root.string() << ")\n";

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  std::cerr << "uia serve: " << (signal_number == SIGTERM ? "SIGTERM" : "SIGINT")
            << ", draining in-flight requests\n";
  server.stop();
  std::cerr << "uia serve: stopped\n";
  return 0;
}

}  // namespace uia
