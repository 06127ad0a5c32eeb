#include "http/http_server.h"

#include <sys/socket.h>

#include <iostream>
#include <thread>

#include <pistache/peer.h>

#include "http/connection_limit.h"
#include "http/json_response.h"
#include "http/request_head_guard.h"
#include "http/request_headers.h"
#include "http/response_headers.h"

namespace uia::http {
namespace {
using namespace Pistache;

class RequestHandler : public Http::Handler {
 public:
  HTTP_PROTOTYPE(RequestHandler)

  RequestHandler(std::shared_ptr<const Router> router, std::shared_ptr<HttpServer::State> state,
                 std::size_t default_limit, std::shared_ptr<ConnectionLimit> connections)
      : router_(std::move(router)),
        state_(std::move(state)),
        default_limit_(default_limit),
        connections_(std::move(connections)) {}

  // Runs on the reactor thread before the connection's first byte is read. A connection over
  // its address's limit is answered 429 and closed; the others hold a ticket that gives the
  // place back when Pistache drops the peer (a client's close, an error or a timeout alike).
  void onConnection(const std::shared_ptr<Tcp::Peer>& peer) override {
    // What Http::Handler::onConnection (private) does: the connection's request parser.
    peer->putData(ParserData, std::make_shared<Http::RequestParser>(getMaxRequestSize()));
    if (auto ticket = connections_->admit(peer->address().host())) {
      peer->putData("uia.connection_ticket", std::move(ticket));
      return;
    }
    auto guard = guard_of(peer);
    guard->refused = true;
    answer_and_close(peer, Http::Version::Http11, 429, ErrorCode::TooManyRequests, SHUT_RDWR);
  }

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

  // Pistache 0.0.5's own Handler::onInput answers everything its parser throws with
  // "500 <exception text>" (a negative Content-Length gives "basic_string::_M_create", a cookie
  // without '=' "Invalid cookie, missing value") and its 413 is plain text. This override does
  // the same work (feed, parse, hand over a ResponseWriter) but screens the head first (see
  // check_request_head) and answers every framing problem with the contract's JSON error and
  // a 4xx: they are the client's fault, not the server's.
  void onInput(const char* buffer, size_t len, const std::shared_ptr<Tcp::Peer>& peer) override {
    const auto guard = guard_of(peer);
    if (guard->refused) return;  // the rest of a refused request; the client was told to close
    const auto parser = getParser(peer);
    Http::Request& request = parser->request;
    try {
      if (guard->received == 0) {
        // The first bytes of a request. Pistache times a request from its parser's last reset
        // (the end of the previous request) and holds a peer that has been answered to the
        // keep-alive timeout only: without this, a second request on a kept-alive connection
        // could dribble its head for minutes. Now header and body timeouts count from here.
        parser->reset();
        peer->setIdle(false);
      }
      guard->received += len;
      if (!guard->head_checked) {
        const std::size_t room = default_limit_ > guard->head.size() ? default_limit_ - guard->head.size() : 0;
        guard->head.append(buffer, std::min(len, room));
        if (const std::size_t end = guard->head.find("\r\n\r\n"); end != std::string::npos) {
          guard->head_checked = true;
          // Most routes take the default body size; a few (document uploads) allow more.
          const std::size_t body_limit = router_->body_limit(request_target(guard->head), default_limit_);
          guard->allowed = end + 4 + body_limit;
          if (const auto refusal = check_request_head(std::string_view(guard->head).substr(0, end + 2), body_limit)) {
            refuse(peer, *parser, *guard, refusal->status, refusal->code);
            return;
          }
        } else if (guard->head.size() >= default_limit_) {
          refuse(peer, *parser, *guard, 413, ErrorCode::PayloadTooLarge);  // a head never needs more
          return;
        }
      }
      // Pistache's own limit is the largest any route allows; a chunked body without a
      // Content-Length is held to its route's limit here.
      if (guard->head_checked && guard->received > guard->allowed) {
        refuse(peer, *parser, *guard, 413, ErrorCode::PayloadTooLarge);
        return;
      }
      if (!parser->feed(buffer, len)) {
        refuse(peer, *parser, *guard, 413, ErrorCode::PayloadTooLarge);
        return;
      }
      if (parser->parse() != Http::Private::State::Done) return;
      Http::ResponseWriter response(request.version(), transport(), this, peer);
      request.copyAddress(peer->address());
      const auto connection = request.headers().tryGet<Http::Header::Connection>();
      response.headers().add<Http::Header::Connection>(connection ? connection->control() : Http::ConnectionControl::Close);
      peer->setIdle(false);
      onRequest(request, std::move(response));
      parser->reset();
      guard->head.clear();
      guard->head_checked = false;
      guard->received = 0;
    } catch (const Http::HttpError& e) {
      refuse(peer, *parser, *guard, e.code() == 413 ? 413 : 400,
             e.code() == 413 ? ErrorCode::PayloadTooLarge : ErrorCode::RequestInvalid);
    } catch (const std::exception& e) {
      std::cerr << "uia: unparseable request from " << peer->address().host() << ": " << e.what() << '\n';
      refuse(peer, *parser, *guard, 400, ErrorCode::RequestInvalid);
    }
  }

  // Per connection: the head of the request being read, and whether a refusal was sent.
  struct HeadGuard {
    std::string head;
    bool head_checked = false;
    bool refused = false;
    std::size_t received = 0;  // bytes of the current request so far
    std::size_t allowed = 0;   // its head plus its route's body limit
  };

  // "POST /api/v1/persons/7/documents HTTP/1.1" → "/api/v1/persons/7/documents".
  static std::string_view request_target(std::string_view head) {
    const std::string_view line = head.substr(0, head.find("\r\n"));
    const std::size_t start = line.find(' ');
    if (start == std::string_view::npos) return {};
    const std::size_t end = line.find(' ', start + 1);
    return line.substr(start + 1, end == std::string_view::npos ? std::string_view::npos : end - start - 1);
  }

  static std::shared_ptr<HeadGuard> guard_of(const std::shared_ptr<Tcp::Peer>& peer) {
    static constexpr const char* kKey = "uia.head_guard";
    if (auto data = peer->tryGetData(kKey)) return std::static_pointer_cast<HeadGuard>(data);
    auto guard = std::make_shared<HeadGuard>();
    peer->putData(kKey, guard);
    return guard;
  }

  // Answers with a JSON error and "Connection: close", and ignores whatever else this
  // connection sends (the unread part of a refused body must not be parsed as a request).
  void refuse(const std::shared_ptr<Tcp::Peer>& peer, Http::RequestParser& parser, HeadGuard& guard, int status,
              ErrorCode code) {
    guard.refused = true;
    guard.head.clear();
    // Only the sending side is shut: the client may still be sending the refused body, and a
    // close with unread input would reset the connection before the client read the answer.
    // Reading on (and ignoring) until the client closes is the usual lingering close.
    answer_and_close(peer, parser.request.version(), status, code, SHUT_WR);
    parser.reset();
    // Pistache marks an answered peer idle (keep-alive timeout); a refused one gets no more
    // than the header timeout to go away.
    peer->setIdle(false);
  }

  // Sends the contract's JSON error with "Connection: close" and shuts the socket down (`how`)
  // once the answer is written: Pistache 0.0.5 writes "Connection: close" but never closes a
  // connection itself. Only ever called on the reactor thread, so the write completes (and the
  // continuation runs) on that thread too, while the descriptor still belongs to this peer: a
  // write whose peer went away is dropped with its continuation.
  void answer_and_close(const std::shared_ptr<Tcp::Peer>& peer, Http::Version version, int status, ErrorCode code,
                        int how) {
    Http::ResponseWriter response(version, transport(), this, peer);
    response.headers().add<Http::Header::Connection>(Http::ConnectionControl::Close);
    if (status == 429) set_header(response, "Retry-After", "1");
    static const auto kJson = Http::Mime::MediaType::fromString("application/json; charset=utf-8");
    const int fd = peer->fd();
    response.send(static_cast<Http::Code>(status), error_body(code, code, {}).dump(), kJson)
        .then([fd, how](ssize_t) { ::shutdown(fd, how); }, Async::IgnoreException);
  }

  std::shared_ptr<const Router> router_;
  std::shared_ptr<HttpServer::State> state_;
  std::size_t default_limit_;
  std::shared_ptr<ConnectionLimit> connections_;  // shared by the handler's per-reactor clones
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
                              .maxRequestSize(options_.max_request_bytes + router_->largest_body_limit())
                              .maxResponseSize(options_.max_response_bytes)
                              .headerTimeout(options_.header_timeout)
                              .bodyTimeout(options_.body_timeout)
                              .keepaliveTimeout(options_.keepalive_timeout);
  endpoint_->init(endpoint_options);
  endpoint_->setHandler(std::make_shared<RequestHandler>(
      router_, state_, options_.max_request_bytes, std::make_shared<ConnectionLimit>(options_.connections_per_address)));
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
