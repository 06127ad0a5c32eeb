#include "http/http_server.h"

#include <iostream>
#include <thread>

#include "http/json_response.h"
#include "http/request_headers.h"

namespace uia::http {
namespace {
using namespace Pistache;

class RequestHandler : public Http::Handler {
 public:
  HTTP_PROTOTYPE(RequestHandler)

  RequestHandler(std::shared_ptr<const Router> router, std::shared_ptr<HttpServer::State> state)
      : router_(std::move(router)), state_(std::move(state)) {}

  void onRequest(const Http::Request& request, Http::ResponseWriter response) override {
    if (state_->draining.load()) {
      response.headers().add<Http::Header::Connection>(Http::ConnectionControl::Close);
      send_error(response, Http::Code::Service_Unavailable, ErrorCode::InternalError);
      return;
    }
    state_->in_flight.fetch_add(1);
    keep_alive_by_default(request, response);
    try {
      router_->dispatch(request, response.clone());
    } catch (const std::exception& e) {
      // Never leak exception text to the client; log it for operators.
      std::cerr << "uia: handler error on " << request.resource() << ": " << e.what() << '\n';
      send_error(response, Http::Code::Internal_Server_Error, ErrorCode::InternalError);
    }
    state_->in_flight.fetch_sub(1);
  }

 private:
  // Pistache 0.0.5 answers HTTP/1.1 requests without "Connection: keep-alive" with
  // "Connection: Close"; HTTP/1.1 means keep-alive unless the client says otherwise.
  static void keep_alive_by_default(const Http::Request& request, Http::ResponseWriter& response) {
    if (request.version() != Http::Version::Http11) return;
    std::string connection = header_value(request, "Connection");
    for (char& c : connection) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (connection.find("close") != std::string::npos) return;
    response.headers().remove<Http::Header::Connection>();
    response.headers().add<Http::Header::Connection>(Http::ConnectionControl::KeepAlive);
  }

  std::shared_ptr<const Router> router_;
  std::shared_ptr<HttpServer::State> state_;
};

}  // namespace

HttpServer::HttpServer(HttpServerOptions options, std::shared_ptr<const Router> router)
    : options_(std::move(options)), router_(std::move(router)), state_(std::make_shared<State>()) {}

HttpServer::~HttpServer() { stop(); }

void HttpServer::start() {
  const Address address(options_.host, Port(options_.port));
  endpoint_ = std::make_unique<Http::Endpoint>(address);
  auto endpoint_options = Http::Endpoint::options()
                              .threads(options_.threads)
                              .flags(Tcp::Options::ReuseAddr)
                              .maxRequestSize(options_.max_request_bytes)
                              .maxResponseSize(options_.max_response_bytes)
                              .headerTimeout(options_.header_timeout)
                              .bodyTimeout(options_.body_timeout);
  endpoint_->init(endpoint_options);
  endpoint_->setHandler(std::make_shared<RequestHandler>(router_, state_));
  endpoint_->serveThreaded();
  running_ = true;
}

std::uint16_t HttpServer::port() const { return endpoint_ ? static_cast<std::uint16_t>(endpoint_->getPort()) : 0; }

void HttpServer::stop() {
  if (!running_) return;
  running_ = false;
  state_->draining.store(true);
  const auto deadline = std::chrono::steady_clock::now() + options_.drain_timeout;
  while (state_->in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (drain_hook_) drain_hook_();
  // Give the reactor a moment to flush responses written just before the counter dropped.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  endpoint_->shutdown();
}

}  // namespace uia::http
