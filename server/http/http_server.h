// The HTTP front door: a Pistache endpoint bound to one address, bounded inputs, keep-alive by
// default, and a graceful stop that lets in-flight requests finish before the socket closes.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <pistache/endpoint.h>

#include "http/router.h"

namespace uia::http {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  int threads = 2;
  std::size_t max_request_bytes = 64 * 1024;
  std::size_t max_response_bytes = 32 * 1024 * 1024;  // the wasm and font files
  // Pistache closes a connection whose request head is not complete `header_timeout` after its
  // first byte (408), whose body is not complete `body_timeout` after that, and one that sits
  // idle between requests for `keepalive_timeout`. It checks twice a second.
  std::chrono::milliseconds header_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds body_timeout{std::chrono::seconds(30)};
  std::chrono::milliseconds keepalive_timeout{std::chrono::seconds(60)};
  std::chrono::seconds drain_timeout{15};
  // Connections one client address may hold at once (0: no limit); more are answered 429 and
  // closed. Behind a reverse proxy every connection comes from the proxy: raise it there.
  std::size_t connections_per_address = 64;
};

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, std::shared_ptr<const Router> router);
  ~HttpServer();

  // Binds and starts serving on background threads; throws std::runtime_error on bind failure.
  void start();
  std::uint16_t port() const;
  // Stops accepting new work (new requests get 503), waits for in-flight ones (and whatever
  // the drain hook waits for: queued worker tasks), then closes.
  void stop();
  void on_drain(std::function<void()> hook) { drain_hook_ = std::move(hook); }

  struct State {
    std::atomic<int> in_flight{0};
    std::atomic<bool> draining{false};
  };

 private:
  HttpServerOptions options_;
  std::shared_ptr<const Router> router_;
  std::shared_ptr<State> state_;
  std::unique_ptr<Pistache::Http::Endpoint> endpoint_;
  std::function<void()> drain_hook_;
  bool running_ = false;
};

}  // namespace uia::http
