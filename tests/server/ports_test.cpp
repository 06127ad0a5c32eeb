// The ports: real adapters against a fake provincial service on a loopback socket (signatures,
// timeouts, 5xx, malformed replies), the dev simulators, and the production/dev selection rules.
#include <gtest/gtest.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "ports/clock.h"
#include "ports/face_http_verifier.h"
#include "ports/face_verifier_simulator.h"
#include "ports/http_json_client.h"
#include "ports/identity_http_verifier.h"
#include "ports/identity_verifier_simulator.h"
#include "ports/mail_http_sender.h"
#include "ports/mail_simulator.h"
#include "ports/port_config.h"
#include "ports/random.h"
#include "ports/request_signing.h"
#include "ports/sms_http_gateway.h"
#include "ports/sms_simulator.h"

namespace uia::ports {
namespace {

using nlohmann::json;
using Millis = std::chrono::milliseconds;

// 2026-11-25 12:00 UTC.
const auto kNoon = std::chrono::system_clock::time_point(std::chrono::seconds(1795608000));
constexpr const char* kSecret = "s3cret-key";

// ---------------------------------------------------------------------------------------------
// A fake provider: one thread, one connection at a time, Connection: close. Enough to see what
// an adapter sends and to answer with anything, late or broken.

struct FakeRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

struct FakeReply {
  int status = 200;
  std::string body = R"({"code":"0"})";
  int delay_ms = 0;  // wait before answering (interrupted when the provider stops)
};

class FakeProvider {
 public:
  using Handler = std::function<FakeReply(const FakeRequest&)>;

  explicit FakeProvider(Handler handler) : handler_(std::move(handler)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    const int yes = 1;
    ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 16) != 0) {
      ADD_FAILURE() << "fake provider cannot listen";
    }
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }

  ~FakeProvider() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    ::close(listener_);
  }

  std::string url(const std::string& path = "/api") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int port() const { return port_; }

  std::vector<FakeRequest> requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void serve() {
    for (;;) {
      {
        const std::lock_guard lock(mutex_);
        if (stopping_) return;
      }
      pollfd waiting{listener_, POLLIN, 0};
      if (::poll(&waiting, 1, 50) <= 0) continue;
      const int connection = ::accept(listener_, nullptr, nullptr);
      if (connection < 0) continue;
      handle(connection);
      ::close(connection);
    }
  }

  static bool read_request(int connection, FakeRequest& request) {
    std::string data;
    char buffer[4096];
    std::size_t header_end = std::string::npos;
    std::size_t content_length = 0;
    for (;;) {
      if (header_end == std::string::npos) {
        header_end = data.find("\r\n\r\n");
        if (header_end != std::string::npos) {
          const std::string head = data.substr(0, header_end);
          std::size_t line_end = head.find("\r\n");
          const std::string request_line = head.substr(0, line_end);
          request.method = request_line.substr(0, request_line.find(' '));
          const auto path_start = request_line.find(' ') + 1;
          request.path = request_line.substr(path_start, request_line.find(' ', path_start) - path_start);
          while (line_end != std::string::npos && line_end < head.size()) {
            const std::size_t next = head.find("\r\n", line_end + 2);
            const std::string line = head.substr(line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
            const auto colon = line.find(':');
            if (colon != std::string::npos) {
              std::string name = line.substr(0, colon);
              std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
              std::string value = line.substr(colon + 1);
              value.erase(0, value.find_first_not_of(' '));
              request.headers[name] = value;
            }
            line_end = next;
          }
          if (request.headers.count("content-length")) content_length = std::stoul(request.headers["content-length"]);
        }
      }
      if (header_end != std::string::npos && data.size() >= header_end + 4 + content_length) {
        request.body = data.substr(header_end + 4, content_length);
        return true;
      }
      pollfd readable{connection, POLLIN, 0};
      if (::poll(&readable, 1, 500) <= 0) return false;  // e.g. a TLS hello: never a full request
      const ssize_t got = ::recv(connection, buffer, sizeof buffer, 0);
      if (got <= 0) return false;
      data.append(buffer, static_cast<std::size_t>(got));
    }
  }

  void handle(int connection) {
    FakeRequest request;
    if (!read_request(connection, request)) return;
    {
      const std::lock_guard lock(mutex_);
      requests_.push_back(request);
    }
    const FakeReply reply = handler_(request);
    if (reply.delay_ms > 0) {
      std::unique_lock lock(mutex_);
      if (wake_.wait_for(lock, Millis(reply.delay_ms), [this] { return stopping_; })) return;
    }
    const std::string response = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\nContent-Type: application/json\r\n" +
                                 "Content-Length: " + std::to_string(reply.body.size()) + "\r\nConnection: close\r\n\r\n" +
                                 reply.body;
    std::size_t sent = 0;
    while (sent < response.size()) {
      const ssize_t n = ::send(connection, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  Handler handler_;
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<FakeRequest> requests_;
};

// What a provider does on its side: recompute the signature from the documented canonical string.
std::string provider_signature(const json& body, const std::vector<std::string>& signed_fields) {
  SignedFields fields;
  for (const auto& name : signed_fields) fields.emplace_back(name, body.value(name, std::string()));
  return hmac_sha256_hex(kSecret, canonical_string(fields));
}

bool signed_correctly(const FakeRequest& request, const std::vector<std::string>& signed_fields) {
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains("signature")) return false;
  const std::string expected = provider_signature(body, signed_fields);
  const auto header = request.headers.find("x-signature");
  return body["signature"] == expected && header != request.headers.end() && header->second == expected;
}

HttpJsonClientOptions options_for_url(const std::string& base_url) {
  HttpJsonClientOptions options;
  options.base_url = base_url;
  return options;
}

std::shared_ptr<const Clock> noon_clock() { return std::make_shared<ManualClock>(kNoon); }

// A port nobody listens on: bind, read the port, close.
int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

// ---------------------------------------------------------------------------------------------
// Signing

TEST(PortsSigning, HmacSha256MatchesRfc4231) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(PortsSigning, CanonicalStringSortsFieldsAndEncodesValues) {
  EXPECT_EQ(canonical_string({{"timestamp", "1795608000"}, {"app_id", "uia"}, {"phone", "13800138000"},
                              {"nonce", "ab12"}, {"template_id", "SMS_001"}}),
            "app_id=uia&nonce=ab12&phone=13800138000&template_id=SMS_001&timestamp=1795608000");
  // "&" and "=" inside a value cannot forge another field; UTF-8 is percent-encoded.
  EXPECT_EQ(canonical_string({{"b", "2"}, {"a", "x&y=z"}}), "a=x%26y%3Dz&b=2");
  EXPECT_EQ(canonical_string({{"name", "陈"}}), "name=%E9%99%88");
}

TEST(PortsSigning, ConstantTimeEquals) {
  EXPECT_TRUE(constant_time_equals("abc", "abc"));
  EXPECT_FALSE(constant_time_equals("abc", "abd"));
  EXPECT_FALSE(constant_time_equals("abc", "ab"));
  EXPECT_TRUE(constant_time_equals("", ""));
}

TEST(PortsSigning, SignedBodyCarriesAppIdTimestampNonceAndSignature) {
  json body = {{"phone", "13800138000"}, {"template_id", "T1"}};
  const auto signature = sign_request_body(body, "uia", kSecret, {"phone", "template_id"}, kNoon);
  EXPECT_EQ(body["app_id"], "uia");
  EXPECT_EQ(body["timestamp"], "1795608000");
  EXPECT_EQ(body["nonce"].get<std::string>().size(), 32u);
  EXPECT_EQ(body["signature"], signature);
  EXPECT_EQ(signature, provider_signature(body, {"app_id", "nonce", "phone", "template_id", "timestamp"}));
  json again = {{"phone", "13800138000"}, {"template_id", "T1"}};
  sign_request_body(again, "uia", kSecret, {"phone", "template_id"}, kNoon);
  EXPECT_NE(again["nonce"], body["nonce"]) << "every request gets a fresh nonce";
}

// ---------------------------------------------------------------------------------------------
// HttpJsonClient

TEST(PortsHttpClient, PostsJsonAndParsesTheReply) {
  FakeProvider provider([](const FakeRequest& request) {
    const auto body = json::parse(request.body);
    return FakeReply{201, json{{"echo", body["x"]}}.dump()};
  });
  HttpJsonClientOptions options;
  options.base_url = provider.url("");
  const HttpJsonClient client(options);
  const auto response = client.post("/echo", {{"x", "统一"}}, {{"X-Extra", "1"}});
  ASSERT_TRUE(response.transport_ok) << response.transport_error;
  EXPECT_EQ(response.status, 201);
  ASSERT_TRUE(response.json_ok);
  EXPECT_EQ(response.json["echo"], "统一");
  const auto seen = provider.requests().at(0);
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.path, "/echo");
  EXPECT_EQ(seen.headers.at("x-extra"), "1");
  EXPECT_EQ(seen.headers.at("content-type").rfind("application/json", 0), 0u);
}

TEST(PortsHttpClient, ReportsMalformedJsonWithoutThrowing) {
  FakeProvider provider([](const FakeRequest&) { return FakeReply{200, "{not json"}; });
  const HttpJsonClient client(options_for_url(provider.url()));
  const auto response = client.post("", json::object());
  EXPECT_TRUE(response.transport_ok);
  EXPECT_EQ(response.status, 200);
  EXPECT_FALSE(response.json_ok);
  EXPECT_TRUE(response.json.is_null());
  EXPECT_EQ(response.body, "{not json");
}

TEST(PortsHttpClient, TimesOutWithinTheConfiguredTime) {
  FakeProvider provider([](const FakeRequest&) { return FakeReply{200, "{}", 3000}; });
  HttpJsonClientOptions options;
  options.base_url = provider.url();
  options.timeout_ms = 300;
  const HttpJsonClient client(options);
  const auto started = std::chrono::steady_clock::now();
  const auto response = client.post("", json::object());
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_FALSE(response.transport_ok);
  EXPECT_TRUE(response.timed_out);
  EXPECT_GE(took, Millis(250));
  EXPECT_LT(took, Millis(1500));
}

TEST(PortsHttpClient, ConnectionRefusedIsATransportError) {
  const HttpJsonClient client(options_for_url("http://127.0.0.1:" + std::to_string(closed_port())));
  const auto response = client.post("/x", json::object());
  EXPECT_FALSE(response.transport_ok);
  EXPECT_FALSE(response.timed_out);
  EXPECT_FALSE(response.transport_error.empty());
}

TEST(PortsHttpClient, RefusesOversizedRepliesAndOtherSchemes) {
  FakeProvider provider([](const FakeRequest&) { return FakeReply{200, "\"" + std::string(5000, 'x') + "\""}; });
  HttpJsonClientOptions options;
  options.base_url = provider.url();
  options.max_response_bytes = 1024;
  const auto oversized = HttpJsonClient(options).post("", json::object());
  EXPECT_FALSE(oversized.transport_ok);
  EXPECT_NE(oversized.transport_error.find("larger"), std::string::npos);

  const auto ftp = HttpJsonClient(options_for_url("ftp://127.0.0.1/x")).post("", json::object());
  EXPECT_FALSE(ftp.transport_ok);
}

TEST(PortsHttpClient, HttpsToAPlainHttpServerFailsTheHandshake) {
  FakeProvider provider([](const FakeRequest&) { return FakeReply{}; });
  HttpJsonClientOptions options;
  options.base_url = "https://127.0.0.1:" + std::to_string(provider.port()) + "/api";
  options.timeout_ms = 2000;
  const auto response = HttpJsonClient(options).post("", json::object());
  EXPECT_FALSE(response.transport_ok);
}

TEST(PortsHttpClient, InvalidUtf8InTheBodyDoesNotThrow) {
  FakeProvider provider([](const FakeRequest&) { return FakeReply{}; });
  const HttpJsonClient client(options_for_url(provider.url()));
  const auto response = client.post("", {{"name", std::string("\xff\xfe")}});
  EXPECT_TRUE(response.transport_ok);
}

TEST(PortsHttpClient, ConcurrentCallsAreIndependent) {
  FakeProvider provider([](const FakeRequest& request) {
    return FakeReply{200, json{{"n", json::parse(request.body)["n"]}}.dump()};
  });
  const HttpJsonClient client(options_for_url(provider.url()));
  std::atomic<int> correct{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        const int n = t * 100 + i;
        const auto response = client.post("", {{"n", n}});
        if (response.json_ok && response.json["n"] == n) ++correct;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(correct.load(), 40);
}

// ---------------------------------------------------------------------------------------------
// SmsHttpGateway

SmsHttpConfig sms_config(const FakeProvider& provider) {
  SmsHttpConfig config;
  config.endpoint = provider.url("/sms/send");
  config.app_id = "uia-app";
  config.app_secret = kSecret;
  config.sign_name = "【统一身份认证】";
  config.template_id = "SMS_DEFAULT";
  config.purpose_templates = {{"register", "SMS_REGISTER"}};
  config.timeout_ms = 1000;
  return config;
}

SmsMessage sms(const std::string& purpose = "login") {
  return {"13800138000", purpose, "123456", "您的验证码是123456，5分钟内有效。"};
}

const std::vector<std::string> kSmsSignedFields = {"app_id", "nonce", "phone", "template_id", "timestamp"};

TEST(SmsHttpGateway, SendsASignedTemplateRequest) {
  FakeProvider provider([](const FakeRequest& request) {
    if (!signed_correctly(request, kSmsSignedFields)) return FakeReply{401, R"({"code":"SIGNATURE_INVALID"})"};
    return FakeReply{200, R"({"code":"0","message_id":"m-1"})"};
  });
  SmsHttpGateway gateway(sms_config(provider), noon_clock());
  const auto result = gateway.send(sms("register"));
  ASSERT_TRUE(result.delivered) << result.error;
  EXPECT_EQ(result.provider_message_id, "m-1");

  const auto request = provider.requests().at(0);
  EXPECT_EQ(request.path, "/sms/send");
  const auto body = json::parse(request.body);
  EXPECT_EQ(body["app_id"], "uia-app");
  EXPECT_EQ(body["timestamp"], "1795608000");
  EXPECT_EQ(body["phone"], "13800138000");
  EXPECT_EQ(body["template_id"], "SMS_REGISTER");
  EXPECT_EQ(body["params"], (json{{"code", "123456"}}));
  EXPECT_EQ(body["sign_name"], "【统一身份认证】");
  // The documented canonical string, spelled out.
  const std::string canonical = "app_id=uia-app&nonce=" + body["nonce"].get<std::string>() +
                                "&phone=13800138000&template_id=SMS_REGISTER&timestamp=1795608000";
  EXPECT_EQ(body["signature"], hmac_sha256_hex(kSecret, canonical));
}

TEST(SmsHttpGateway, UsesTheDefaultTemplateAndAcceptsOk) {
  FakeProvider provider([](const FakeRequest&) { return FakeReply{200, R"({"code":"OK","message_id":42})"}; });
  SmsHttpGateway gateway(sms_config(provider));
  const auto result = gateway.send(sms("recover"));
  EXPECT_TRUE(result.delivered);
  EXPECT_EQ(result.provider_message_id, "42");
  EXPECT_EQ(json::parse(provider.requests().at(0).body)["template_id"], "SMS_DEFAULT");
}

TEST(SmsHttpGateway, AWrongSecretIsRejectedByTheProvider) {
  FakeProvider provider([](const FakeRequest& request) {
    if (!signed_correctly(request, kSmsSignedFields)) return FakeReply{401, R"({"code":"SIGNATURE_INVALID"})"};
    return FakeReply{200, R"({"code":"0","message_id":"m-1"})"};
  });
  auto config = sms_config(provider);
  config.app_secret = "not-the-secret";
  const auto result = SmsHttpGateway(config).send(sms());
  EXPECT_FALSE(result.delivered);
  EXPECT_NE(result.error.find("HTTP 401"), std::string::npos) << result.error;
  EXPECT_NE(result.error.find("SIGNATURE_INVALID"), std::string::npos) << result.error;
}

TEST(SmsHttpGateway, ProviderErrorsServerErrorsAndGarbageAreFailures) {
  for (const FakeReply& reply : {FakeReply{200, R"({"code":"E100","message":"号码在黑名单中"})"},
                                 FakeReply{503, R"({"code":"BUSY"})"}, FakeReply{200, "<html>gateway</html>"},
                                 FakeReply{200, R"(["code","0"])"}}) {
    FakeProvider provider([reply](const FakeRequest&) { return reply; });
    const auto result = SmsHttpGateway(sms_config(provider)).send(sms());
    EXPECT_FALSE(result.delivered) << reply.body;
    EXPECT_FALSE(result.error.empty());
  }
  FakeProvider unavailable([](const FakeRequest&) { return FakeReply{503, "{}"}; });
  EXPECT_NE(SmsHttpGateway(sms_config(unavailable)).send(sms()).error.find("HTTP 503"), std::string::npos);
  FakeProvider garbage([](const FakeRequest&) { return FakeReply{200, "<html>"}; });
  EXPECT_NE(SmsHttpGateway(sms_config(garbage)).send(sms()).error.find("malformed"), std::string::npos);
}

TEST(SmsHttpGateway, TimesOutWithinTimeoutMs) {
  FakeProvider provider([](const FakeRequest&) { return FakeReply{200, R"({"code":"0"})", 3000}; });
  auto config = sms_config(provider);
  config.timeout_ms = 300;
  const auto started = std::chrono::steady_clock::now();
  const auto result = SmsHttpGateway(config).send(sms());
  EXPECT_LT(std::chrono::steady_clock::now() - started, Millis(1500));
  EXPECT_FALSE(result.delivered);
  EXPECT_NE(result.error.find("timed out"), std::string::npos) << result.error;
}

TEST(SmsHttpGateway, UnreachableGatewayIsAFailure) {
  SmsHttpConfig config;
  config.endpoint = "http://127.0.0.1:" + std::to_string(closed_port()) + "/sms";
  config.app_id = "a";
  config.app_secret = "b";
  const auto result = SmsHttpGateway(config).send(sms());
  EXPECT_FALSE(result.delivered);
  EXPECT_NE(result.error.find("unreachable"), std::string::npos) << result.error;
}

// ---------------------------------------------------------------------------------------------
// IdentityHttpVerifier

const std::vector<std::string> kIdentitySignedFields = {"app_id", "id_number", "id_type", "name", "nonce", "timestamp"};

IdentityHttpConfig identity_config(const FakeProvider& provider, long timeout_ms = 1000) {
  IdentityHttpConfig config;
  config.endpoint = provider.url("/population/check");
  config.app_id = "uia-app";
  config.app_secret = kSecret;
  config.timeout_ms = timeout_ms;
  return config;
}

const IdentityQuery kChen{"陈小明", "resident", "11010519491231002X"};

TEST(IdentityHttpVerifier, AnswersMatchAndMismatchFromASignedRequest) {
  FakeProvider provider([](const FakeRequest& request) {
    if (!signed_correctly(request, kIdentitySignedFields)) return FakeReply{401, R"({"code":"SIGNATURE_INVALID"})"};
    const auto body = json::parse(request.body);
    const bool match = body["name"] == "陈小明" && body["id_number"] == "11010519491231002X" && body["id_type"] == "resident";
    return FakeReply{200, json{{"code", "0"}, {"match", match}}.dump()};
  });
  IdentityHttpVerifier verifier(identity_config(provider), noon_clock());
  EXPECT_EQ(verifier.verify(kChen), IdentityCheck::Match);
  EXPECT_EQ(verifier.verify({"陈大明", "resident", "11010519491231002X"}), IdentityCheck::Mismatch);
  EXPECT_EQ(json::parse(provider.requests().at(0).body)["timestamp"], "1795608000");
}

TEST(IdentityHttpVerifier, AnythingButAClearAnswerIsUnavailable) {
  for (const FakeReply& reply :
       {FakeReply{500, R"({"match":true})"}, FakeReply{503, "busy"}, FakeReply{200, "not json"},
        FakeReply{200, R"({"code":"0"})"}, FakeReply{200, R"({"code":"E9","match":false})"},
        FakeReply{200, R"({"code":"0","match":"false"})"}, FakeReply{401, R"({"match":false})"},
        FakeReply{200, "[true]"}}) {
    FakeProvider provider([reply](const FakeRequest&) { return reply; });
    EXPECT_EQ(IdentityHttpVerifier(identity_config(provider)).verify(kChen), IdentityCheck::Unavailable) << reply.body;
  }
  FakeProvider no_code([](const FakeRequest&) { return FakeReply{200, R"({"match":false})"}; });
  EXPECT_EQ(IdentityHttpVerifier(identity_config(no_code)).verify(kChen), IdentityCheck::Mismatch);
}

TEST(IdentityHttpVerifier, TimeoutIsUnavailableWithinTimeoutMs) {
  FakeProvider provider([](const FakeRequest&) { return FakeReply{200, R"({"match":true})", 3000}; });
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(IdentityHttpVerifier(identity_config(provider, 300)).verify(kChen), IdentityCheck::Unavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, Millis(1500));
}

TEST(IdentityHttpVerifier, UnreachableServiceIsUnavailable) {
  IdentityHttpConfig config;
  config.endpoint = "http://127.0.0.1:" + std::to_string(closed_port());
  config.app_id = "a";
  config.app_secret = "b";
  EXPECT_EQ(IdentityHttpVerifier(config).verify(kChen), IdentityCheck::Unavailable);
}

// ---------------------------------------------------------------------------------------------
// FaceHttpVerifier

const std::vector<std::string> kFaceSignedFields = {"app_id", "callback_url", "id_number", "name", "nonce", "purpose",
                                                    "timestamp"};

FaceHttpConfig face_config(const FakeProvider& provider) {
  FaceHttpConfig config;
  config.endpoint = provider.url("/face/start");
  config.app_id = "uia-app";
  config.app_secret = kSecret;
  config.callback_url = "https://uia.example.gov.cn/api/v1/face/callback";
  config.timeout_ms = 1000;
  return config;
}

TEST(FaceHttpVerifier, StartReturnsTheServicesTicket) {
  FakeProvider provider([](const FakeRequest& request) {
    if (!signed_correctly(request, kFaceSignedFields)) return FakeReply{401, R"({"code":"SIGNATURE_INVALID"})"};
    return FakeReply{200, R"({"code":"0","ticket":"T-123","start_url":"https://face.example/s/T-123"})"};
  });
  FaceHttpVerifier verifier(face_config(provider), noon_clock());
  const auto ticket = verifier.start({"陈小明", "11010519491231002X", "register"});
  ASSERT_TRUE(ticket.ok) << ticket.error;
  EXPECT_EQ(ticket.ticket, "T-123");
  EXPECT_EQ(ticket.start_url, "https://face.example/s/T-123");
  const auto body = json::parse(provider.requests().at(0).body);
  EXPECT_EQ(body["name"], "陈小明");
  EXPECT_EQ(body["id_number"], "11010519491231002X");
  EXPECT_EQ(body["purpose"], "register");
  EXPECT_EQ(body["callback_url"], "https://uia.example.gov.cn/api/v1/face/callback");
}

TEST(FaceHttpVerifier, FailuresComeBackAsNotOk) {
  for (const FakeReply& reply : {FakeReply{502, "{}"}, FakeReply{200, "{"}, FakeReply{200, R"({"code":"0"})"},
                                 FakeReply{200, R"({"code":"E1","ticket":"T","start_url":"u"})"}}) {
    FakeProvider provider([reply](const FakeRequest&) { return reply; });
    const auto ticket = FaceHttpVerifier(face_config(provider)).start({"陈小明", "11010519491231002X", "register"});
    EXPECT_FALSE(ticket.ok) << reply.body;
    EXPECT_TRUE(ticket.ticket.empty());
    EXPECT_FALSE(ticket.error.empty());
  }
}

TEST(FaceHttpVerifier, CallbackSignatureIsCheckedOnTheRawBody) {
  const std::string body = R"({"ticket":"T-123","result":"pass"})";
  const std::string signature = hmac_sha256_hex(kSecret, body);
  EXPECT_TRUE(verify_face_callback(kSecret, body, signature));
  std::string upper = signature;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  EXPECT_TRUE(verify_face_callback(kSecret, body, " " + upper + " "));
  EXPECT_FALSE(verify_face_callback(kSecret, R"({"ticket":"T-123","result":"fail"})", signature));
  EXPECT_FALSE(verify_face_callback("other", body, signature));
  EXPECT_FALSE(verify_face_callback(kSecret, body, ""));
  EXPECT_FALSE(verify_face_callback(kSecret, body, signature.substr(0, 63)));
  EXPECT_FALSE(verify_face_callback("", body, hmac_sha256_hex("", body))) << "no secret configured fails closed";
}

TEST(FaceHttpVerifier, CallbackBodyParses) {
  const auto pass = parse_face_callback(R"({"ticket":"T-1","result":"pass"})");
  ASSERT_TRUE(pass);
  EXPECT_EQ(pass->ticket, "T-1");
  EXPECT_EQ(pass->result, FaceResult::Pass);
  const auto fail = parse_face_callback(R"({"ticket":"T-2","result":"fail","score":0.2})");
  ASSERT_TRUE(fail);
  EXPECT_EQ(fail->result, FaceResult::Fail);
  for (const char* bad : {"", "{", "[]", R"({"ticket":"T"})", R"({"ticket":"","result":"pass"})",
                          R"({"ticket":1,"result":"pass"})", R"({"ticket":"T","result":"maybe"})"}) {
    EXPECT_FALSE(parse_face_callback(bad)) << bad;
  }
}

// ---------------------------------------------------------------------------------------------
// Simulators

TEST(SmsSimulator, KeepsMessagesNewestFirstPerPhone) {
  auto clock = std::make_shared<ManualClock>(kNoon);
  SmsSimulator simulator(clock);
  EXPECT_TRUE(simulator.send({"13800138000", "register", "111111", "a"}).delivered);
  clock->advance(std::chrono::seconds(61));
  EXPECT_TRUE(simulator.send({"13900139000", "login", "222222", "b"}).delivered);
  EXPECT_TRUE(simulator.send({"13800138000", "login", "333333", "c"}).delivered);
  const auto messages = simulator.messages_for("13800138000");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].message.code, "333333");
  EXPECT_EQ(messages[0].sent_at, kNoon + std::chrono::seconds(61));
  EXPECT_EQ(messages[1].message.code, "111111");
  EXPECT_EQ(messages[1].message.purpose, "register");
  EXPECT_EQ(messages[1].sent_at, kNoon);
  EXPECT_TRUE(simulator.messages_for("13700137000").empty());
  EXPECT_EQ(simulator.all_messages().size(), 3u);
  simulator.clear();
  EXPECT_TRUE(simulator.all_messages().empty());
}

TEST(SmsSimulator, IsBoundedToTheNewestMessages) {
  SmsSimulator simulator(nullptr, 3);
  for (int i = 0; i < 5; ++i) simulator.send({"13800138000", "login", std::to_string(i), ""});
  const auto messages = simulator.messages_for("13800138000");
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages.front().message.code, "4");
  EXPECT_EQ(messages.back().message.code, "2");
  SmsSimulator default_capacity;
  for (int i = 0; i < 1100; ++i) default_capacity.send({"13800138000", "login", "x", ""});
  EXPECT_EQ(default_capacity.all_messages().size(), 1000u);
}

TEST(SmsSimulator, CanSimulateAGatewayFailure) {
  SmsSimulator simulator;
  simulator.set_failing(true);
  const auto result = simulator.send(sms());
  EXPECT_FALSE(result.delivered);
  EXPECT_FALSE(result.error.empty());
  EXPECT_TRUE(simulator.all_messages().empty());
  simulator.set_failing(false);
  EXPECT_TRUE(simulator.send(sms()).delivered);
}

TEST(SmsSimulator, IsThreadSafe) {
  SmsSimulator simulator;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&simulator, t] {
      for (int i = 0; i < 200; ++i) {
        simulator.send({"1380013800" + std::to_string(t), "login", std::to_string(i), ""});
        simulator.messages_for("13800138000");
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(simulator.all_messages().size(), 800u);
  EXPECT_EQ(simulator.messages_for("13800138002").size(), 200u);
}

TEST(IdentityVerifierSimulator, FollowsTheDocumentedRules) {
  IdentityVerifierSimulator simulator;
  EXPECT_EQ(simulator.verify({"张三", "resident", "110105194912310029"}), IdentityCheck::Match);
  EXPECT_EQ(simulator.verify({"张不符", "resident", "110105194912310029"}), IdentityCheck::Mismatch);
  EXPECT_EQ(simulator.verify({"李超时", "resident", "110105194912310029"}), IdentityCheck::Unavailable);
  EXPECT_EQ(simulator.verify({"超时不符", "resident", "110105194912310029"}), IdentityCheck::Unavailable);
  simulator.set_result("11010519491231002X", IdentityCheck::Mismatch);
  EXPECT_EQ(simulator.verify({"张三", "resident", "11010519491231002X"}), IdentityCheck::Mismatch);
  EXPECT_EQ(simulator.verify({"张三", "resident", "110105194912310029"}), IdentityCheck::Match);
  simulator.set_result("11010519491231002X", IdentityCheck::Match);
  EXPECT_EQ(simulator.verify({"张不符", "resident", "11010519491231002X"}), IdentityCheck::Match) << "explicit wins";
  simulator.clear_results();
  EXPECT_EQ(simulator.verify({"张不符", "resident", "11010519491231002X"}), IdentityCheck::Mismatch);
}

TEST(FaceVerifierSimulator, IssuesUrlSafeTicketsAndRemembersTheRequest) {
  FaceVerifierSimulator simulator;
  const auto ticket = simulator.start({"陈小明", "11010519491231002X", "register"});
  ASSERT_TRUE(ticket.ok);
  EXPECT_EQ(ticket.ticket.size(), 32u);
  EXPECT_EQ(ticket.ticket.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(ticket.start_url, "/face/" + ticket.ticket);
  const auto pending = simulator.pending(ticket.ticket);
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->name, "陈小明");
  EXPECT_EQ(pending->purpose, "register");
  EXPECT_NE(simulator.start({"陈小明", "11010519491231002X", "register"}).ticket, ticket.ticket);
}

TEST(FaceVerifierSimulator, CompletesEachTicketOnceThroughTheCallback) {
  FaceVerifierSimulator simulator;
  std::vector<std::pair<std::string, FaceResult>> reported;
  simulator.on_result([&](const std::string& ticket, FaceResult result) { reported.emplace_back(ticket, result); });
  const auto pass = simulator.start({"陈小明", "11010519491231002X", "register"}).ticket;
  const auto fail = simulator.start({"王五", "110105194912310029", "level_up"}).ticket;
  EXPECT_TRUE(simulator.complete(pass, FaceResult::Pass));
  EXPECT_FALSE(simulator.complete(pass, FaceResult::Fail)) << "already completed";
  EXPECT_FALSE(simulator.complete("no-such-ticket", FaceResult::Pass));
  EXPECT_TRUE(simulator.complete(fail, FaceResult::Fail));
  ASSERT_EQ(reported.size(), 2u);
  EXPECT_EQ(reported[0], std::make_pair(pass, FaceResult::Pass));
  EXPECT_EQ(reported[1], std::make_pair(fail, FaceResult::Fail));
  EXPECT_FALSE(simulator.pending(pass));
}

TEST(FaceVerifierSimulator, CallbackMayCallBackIntoTheSimulator) {
  FaceVerifierSimulator simulator;
  std::string retried;
  simulator.on_result([&](const std::string& ticket, FaceResult result) {
    if (result == FaceResult::Fail) retried = simulator.start({"重试", ticket, "retry"}).ticket;  // no deadlock
  });
  const auto ticket = simulator.start({"陈小明", "11010519491231002X", "register"}).ticket;
  EXPECT_TRUE(simulator.complete(ticket, FaceResult::Fail));
  EXPECT_TRUE(simulator.pending(retried));
}

TEST(FaceVerifierSimulator, TicketsComeFromTheInjectedRandomAndOldOnesAreForgotten) {
  SeededRandom first(5), second(5);
  FaceVerifierSimulator a(&first, 2), b(&second, 2);
  const auto t1 = a.start({"甲", "1", "register"}).ticket;
  EXPECT_EQ(t1, b.start({"甲", "1", "register"}).ticket);
  const auto t2 = a.start({"乙", "2", "register"}).ticket;
  const auto t3 = a.start({"丙", "3", "register"}).ticket;
  EXPECT_FALSE(a.pending(t1)) << "capacity 2: the oldest ticket is forgotten";
  EXPECT_TRUE(a.pending(t2));
  EXPECT_TRUE(a.complete(t3, FaceResult::Pass));  // no callback registered: still fine
}

// ---------------------------------------------------------------------------------------------
// Port selection

const json kProductionPorts = {
    {"sms",
     {{"adapter", "http"}, {"endpoint", "https://sms.example.gov.cn/send"}, {"app_id", "uia"}, {"app_secret", "k1"},
      {"sign_name", "【统一身份认证】"}, {"template_id", "SMS_001"}, {"purpose_templates", {{"register", "SMS_002"}}},
      {"timeout_ms", 3000}}},
    {"identity",
     {{"adapter", "http"}, {"endpoint", "https://population.example.gov.cn/check"}, {"app_id", "uia"}, {"app_secret", "k2"},
      {"connect_timeout_ms", 500}, {"ca_file", "/etc/uia/ca.pem"}}},
    {"face",
     {{"adapter", "http"}, {"endpoint", "https://face.example.gov.cn/start"}, {"app_id", "uia"}, {"app_secret", "k3"},
      {"callback_url", "https://uia.example.gov.cn/api/v1/face/callback"}}},
};

PortsConfig parsed(const json& section) {
  PortsConfig config;
  std::string error;
  EXPECT_TRUE(parse_ports_config(section, config, error)) << error;
  return config;
}

std::string parse_error(const json& section) {
  PortsConfig config;
  std::string error;
  EXPECT_FALSE(parse_ports_config(section, config, error)) << section.dump();
  return error;
}

TEST(PortsConfig, ParsesEveryAdapterSetting) {
  const auto config = parsed(kProductionPorts);
  ASSERT_TRUE(config.sms && config.identity && config.face);
  EXPECT_EQ(config.sms->adapter, AdapterKind::Http);
  EXPECT_EQ(config.sms->http.endpoint, "https://sms.example.gov.cn/send");
  EXPECT_EQ(config.sms->http.sign_name, "【统一身份认证】");
  EXPECT_EQ(config.sms->http.template_id, "SMS_001");
  EXPECT_EQ(config.sms->http.purpose_templates.at("register"), "SMS_002");
  EXPECT_EQ(config.sms->http.timeout_ms, 3000);
  EXPECT_EQ(config.identity->http.app_secret, "k2");
  EXPECT_EQ(config.identity->http.connect_timeout_ms, 500);
  EXPECT_EQ(config.identity->http.timeout_ms, 5000) << "default";
  EXPECT_EQ(config.identity->http.ca_file, "/etc/uia/ca.pem");
  EXPECT_EQ(config.face->http.callback_url, "https://uia.example.gov.cn/api/v1/face/callback");

  const auto empty = parsed(json());
  EXPECT_FALSE(empty.sms || empty.identity || empty.face);
  EXPECT_FALSE(parsed(json::object()).sms);
}

TEST(PortsConfig, RejectsTyposWrongTypesAndUnknownAdapters) {
  EXPECT_EQ(parse_error({{"sms", {{"adapter", "http"}, {"endpiont", "x"}}}}), "ports.sms.endpiont is not a known setting");
  EXPECT_EQ(parse_error({{"sms", {{"adapter", "http"}, {"timeout_ms", "5000"}}}}),
            "ports.sms.timeout_ms must be an integer from 1 to 60000 (milliseconds)");
  EXPECT_NE(parse_error({{"identity", {{"adapter", "http"}, {"timeout_ms", 0}}}}).find("ports.identity.timeout_ms"),
            std::string::npos);
  EXPECT_EQ(parse_error({{"face", {{"adapter", "mock"}}}}), "ports.face.adapter must be \"http\" or \"simulator\"");
  EXPECT_EQ(parse_error({{"face", {{"endpoint", "https://x"}}}}), "ports.face.adapter must be \"http\" or \"simulator\"");
  EXPECT_NE(parse_error({{"bank", {{"adapter", "http"}}}}).find("ports.bank"), std::string::npos);
  EXPECT_NE(parse_error({{"sms", "simulator"}}).find("ports.sms must be an object"), std::string::npos);
  EXPECT_NE(parse_error({{"sms", {{"adapter", "http"}, {"purpose_templates", {{"register", 1}}}}}})
                .find("ports.sms.purpose_templates.register"),
            std::string::npos);
  EXPECT_EQ(parse_error(json::array()), "ports must be an object");
}

TEST(PortsConfig, ProductionBuildsRealAdaptersAndNoSimulators) {
  Ports ports;
  std::string error;
  ASSERT_TRUE(make_ports(parsed(kProductionPorts), /*dev_mode=*/false, ports, error)) << error;
  EXPECT_NE(dynamic_cast<SmsHttpGateway*>(ports.sms.get()), nullptr);
  EXPECT_NE(dynamic_cast<IdentityHttpVerifier*>(ports.identity.get()), nullptr);
  EXPECT_NE(dynamic_cast<FaceHttpVerifier*>(ports.face.get()), nullptr);
  EXPECT_EQ(ports.sms_simulator, nullptr);
  EXPECT_EQ(ports.identity_simulator, nullptr);
  EXPECT_EQ(ports.face_simulator, nullptr);
  EXPECT_EQ(ports.face_callback_secret, "k3");
}

TEST(PortsConfig, ProductionRefusesSimulators) {
  for (const char* port : {"sms", "identity", "face"}) {
    json section = kProductionPorts;
    section[port] = {{"adapter", "simulator"}};
    Ports ports;
    std::string error;
    EXPECT_FALSE(make_ports(parsed(section), false, ports, error)) << port;
    EXPECT_NE(error.find(std::string("ports.") + port), std::string::npos) << error;
    EXPECT_NE(error.find("simulator"), std::string::npos) << error;
    EXPECT_EQ(ports.sms, nullptr) << "nothing is built when refused";
  }
}

TEST(PortsConfig, ProductionRefusesAMissingSection) {
  for (const char* port : {"sms", "identity", "face"}) {
    json section = kProductionPorts;
    section.erase(port);
    Ports ports;
    std::string error;
    EXPECT_FALSE(make_ports(parsed(section), false, ports, error)) << port;
    EXPECT_NE(error.find(std::string("ports.") + port + " is not configured"), std::string::npos) << error;
  }
  Ports ports;
  std::string error;
  EXPECT_FALSE(make_ports(PortsConfig{}, false, ports, error));
}

TEST(PortsConfig, ProductionRefusesIncompleteOrClearTextAdapters) {
  const auto refused = [](const char* port, const char* key, const json& value) {
    json section = kProductionPorts;
    if (value.is_null()) {
      section[port].erase(key);
    } else {
      section[port][key] = value;
    }
    Ports ports;
    std::string error;
    EXPECT_FALSE(make_ports(parsed(section), false, ports, error)) << port << "." << key;
    return error;
  };
  EXPECT_NE(refused("sms", "endpoint", "http://sms.example.gov.cn/send").find("https"), std::string::npos);
  EXPECT_NE(refused("sms", "endpoint", "http://127.0.0.1.evil.example/send").find("https"), std::string::npos);
  EXPECT_NE(refused("identity", "endpoint", "population.example.gov.cn").find("URL"), std::string::npos);
  EXPECT_NE(refused("sms", "sign_name", nullptr).find("ports.sms.sign_name is required"), std::string::npos);
  EXPECT_NE(refused("sms", "template_id", "").find("ports.sms.template_id"), std::string::npos);
  EXPECT_NE(refused("identity", "app_secret", nullptr).find("app_secret"), std::string::npos);
  EXPECT_NE(refused("face", "callback_url", nullptr).find("callback_url"), std::string::npos);
  EXPECT_NE(refused("face", "callback_url", "http://uia.example.gov.cn/cb").find("callback_url"), std::string::npos);

  // Plain http to a loopback sidecar is allowed.
  json section = kProductionPorts;
  section["sms"]["endpoint"] = "http://127.0.0.1:8443/send";
  section["identity"]["endpoint"] = "http://localhost/check";
  Ports ports;
  std::string error;
  EXPECT_TRUE(make_ports(parsed(section), false, ports, error)) << error;
}

TEST(PortsConfig, DevModeDefaultsToSimulators) {
  Ports ports;
  std::string error;
  ASSERT_TRUE(make_ports(parsed(json::object()), /*dev_mode=*/true, ports, error)) << error;
  ASSERT_NE(ports.sms_simulator, nullptr);
  ASSERT_NE(ports.identity_simulator, nullptr);
  ASSERT_NE(ports.face_simulator, nullptr);
  EXPECT_EQ(ports.sms.get(), ports.sms_simulator.get());
  EXPECT_EQ(ports.identity.get(), ports.identity_simulator.get());
  EXPECT_EQ(ports.face.get(), ports.face_simulator.get());
  EXPECT_TRUE(ports.face_callback_secret.empty());

  // The simulators are live: a dev SMS can be read back, stamped by the injected clock.
  Ports clocked;
  ASSERT_TRUE(make_ports(PortsConfig{}, true, clocked, error, noon_clock()));
  clocked.sms->send(sms());
  EXPECT_EQ(clocked.sms_simulator->messages_for("13800138000").at(0).sent_at, kNoon);
}

TEST(PortsConfig, DevModeMixesRealAndSimulatedPorts) {
  FakeProvider provider([](const FakeRequest&) { return FakeReply{200, R"({"code":"0","message_id":"m"})"}; });
  const json section = {{"sms",
                         {{"adapter", "http"}, {"endpoint", provider.url()}, {"app_id", "a"}, {"app_secret", "b"},
                          {"sign_name", "【测试】"}, {"template_id", "T"}}},
                        {"face", {{"adapter", "simulator"}}}};
  Ports ports;
  std::string error;
  ASSERT_TRUE(make_ports(parsed(section), true, ports, error)) << error;
  EXPECT_EQ(ports.sms_simulator, nullptr);
  EXPECT_TRUE(ports.sms->send(sms()).delivered);
  EXPECT_NE(ports.identity_simulator, nullptr);
  EXPECT_NE(ports.face_simulator, nullptr);
}

// ---------------------------------------------------------------------------------------------
// MailHttpSender, MailSimulator and the optional "mail" port

MailHttpConfig mail_config(const FakeProvider& provider) {
  MailHttpConfig config;
  config.endpoint = provider.url("/mail/send");
  config.app_id = "uia-app";
  config.app_secret = kSecret;
  config.from = "noreply@uia.example.gov.cn";
  config.from_name = "统一身份认证平台";
  config.timeout_ms = 1000;
  return config;
}

MailMessage mail(const std::string& purpose = "verify_email") {
  return {"chen@example.com", purpose, "123456", "【统一身份认证】邮箱验证码", "您的验证码为123456。"};
}

const std::vector<std::string> kMailSignedFields = {"app_id", "from", "nonce", "subject", "timestamp", "to"};

TEST(MailHttpSender, SendsASignedRequest) {
  FakeProvider provider([](const FakeRequest& request) {
    if (!signed_correctly(request, kMailSignedFields)) return FakeReply{401, R"({"code":"SIGNATURE_INVALID"})"};
    return FakeReply{200, R"({"code":"0","message_id":"mail-1"})"};
  });
  MailHttpSender sender(mail_config(provider), noon_clock());
  const auto result = sender.send(mail());
  EXPECT_TRUE(result.delivered) << result.error;
  EXPECT_EQ(result.provider_message_id, "mail-1");
  ASSERT_EQ(provider.requests().size(), 1u);
  const auto request = provider.requests()[0];
  EXPECT_EQ(request.path, "/mail/send");
  const json body = json::parse(request.body);
  EXPECT_EQ(body["to"], "chen@example.com");
  EXPECT_EQ(body["from"], "noreply@uia.example.gov.cn");
  EXPECT_EQ(body["subject"], "【统一身份认证】邮箱验证码");
  EXPECT_EQ(body["text"], "您的验证码为123456。");
  EXPECT_EQ(body["timestamp"], "1795608000");
}

TEST(MailHttpSender, FailuresAndTimeoutsAreNotDelivered) {
  FakeProvider refusing([](const FakeRequest&) { return FakeReply{200, R"({"code":"QUOTA","message":"over quota"})"}; });
  EXPECT_FALSE(MailHttpSender(mail_config(refusing)).send(mail()).delivered);
  FakeProvider broken([](const FakeRequest&) { return FakeReply{500, "oops"}; });
  EXPECT_NE(MailHttpSender(mail_config(broken)).send(mail()).error.find("mail relay"), std::string::npos);
  FakeProvider slow([](const FakeRequest&) { return FakeReply{200, R"({"code":"0"})", 3000}; });
  MailHttpConfig config = mail_config(slow);
  config.timeout_ms = 200;
  const auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(MailHttpSender(config).send(mail()).delivered);
  EXPECT_LT(std::chrono::steady_clock::now() - started, Millis(2000));
  config.endpoint = "http://127.0.0.1:" + std::to_string(closed_port()) + "/mail";
  EXPECT_FALSE(MailHttpSender(config).send(mail()).delivered);
}

TEST(MailSimulator, KeepsMessagesNewestFirstPerAddressAndCanFail) {
  MailSimulator simulator(noon_clock(), 2);
  MailMessage first = mail(), second = mail("recover"), other = mail();
  other.to = "other@example.com";
  EXPECT_TRUE(simulator.send(first).delivered);
  EXPECT_TRUE(simulator.send(second).delivered);
  auto mine = simulator.messages_for("CHEN@example.com");
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].message.purpose, "recover");
  EXPECT_EQ(mine[0].sent_at, kNoon);
  simulator.send(other);  // capacity 2: the oldest goes
  EXPECT_EQ(simulator.messages_for("chen@example.com").size(), 1u);
  simulator.set_failing(true);
  EXPECT_FALSE(simulator.send(first).delivered);
  simulator.set_failing(false);
  simulator.clear();
  EXPECT_TRUE(simulator.messages_for("other@example.com").empty());
}

const json kMailSection = {{"adapter", "http"}, {"endpoint", "https://mail.example.gov.cn/send"}, {"app_id", "uia"},
                           {"app_secret", "k4"}, {"from", "noreply@uia.example.gov.cn"}, {"from_name", "统一身份认证平台"},
                           {"timeout_ms", 4000}};

TEST(PortsConfig, ParsesTheMailSection) {
  json section = kProductionPorts;
  section["mail"] = kMailSection;
  const auto config = parsed(section);
  ASSERT_TRUE(config.mail);
  EXPECT_EQ(config.mail->adapter, AdapterKind::Http);
  EXPECT_EQ(config.mail->http.from, "noreply@uia.example.gov.cn");
  EXPECT_EQ(config.mail->http.from_name, "统一身份认证平台");
  EXPECT_EQ(config.mail->http.timeout_ms, 4000);
  EXPECT_EQ(parse_error({{"mail", {{"adapter", "http"}, {"smtp_host", "x"}}}}), "ports.mail.smtp_host is not a known setting");
  EXPECT_NE(parse_error({{"mail", {{"adapter", "http"}, {"from", 1}}}}).find("ports.mail.from"), std::string::npos);
}

TEST(PortsConfig, ProductionRefusesTheMailSimulatorAndBuildsTheRealSender) {
  json section = kProductionPorts;
  section["mail"] = {{"adapter", "simulator"}};
  Ports ports;
  std::string error;
  EXPECT_FALSE(make_ports(parsed(section), /*dev_mode=*/false, ports, error));
  EXPECT_NE(error.find("ports.mail"), std::string::npos) << error;
  EXPECT_NE(error.find("simulator"), std::string::npos) << error;
  EXPECT_EQ(ports.sms, nullptr) << "nothing is built when refused";

  section["mail"] = kMailSection;
  ASSERT_TRUE(make_ports(parsed(section), false, ports, error)) << error;
  EXPECT_NE(dynamic_cast<MailHttpSender*>(ports.mail.get()), nullptr);
  EXPECT_EQ(ports.mail_simulator, nullptr);

  for (const auto& [key, value] : std::vector<std::pair<std::string, json>>{
           {"endpoint", "http://mail.example.gov.cn/send"}, {"from", ""}, {"app_secret", nullptr}}) {
    json broken = kProductionPorts;
    broken["mail"] = kMailSection;
    if (value.is_null()) broken["mail"].erase(key);
    else broken["mail"][key] = value;
    Ports refused;
    EXPECT_FALSE(make_ports(parsed(broken), false, refused, error)) << key;
    EXPECT_NE(error.find("ports.mail"), std::string::npos) << error;
  }
}

TEST(PortsConfig, MailIsOptionalInProductionAndSimulatedInDevMode) {
  Ports production;
  std::string error;
  ASSERT_TRUE(make_ports(parsed(kProductionPorts), false, production, error)) << error;
  EXPECT_EQ(production.mail, nullptr) << "no section: e-mail is switched off, never simulated";
  EXPECT_EQ(production.mail_simulator, nullptr);
  Ports dev;
  ASSERT_TRUE(make_ports(PortsConfig{}, true, dev, error, noon_clock()));
  ASSERT_NE(dev.mail_simulator, nullptr);
  EXPECT_EQ(dev.mail.get(), dev.mail_simulator.get());
}

// ---------------------------------------------------------------------------------------------
// BusinessRegistryHttp (enterprise accounts)

RegistryHttpConfig registry_config(const FakeProvider& provider, long timeout_ms = 1000) {
  RegistryHttpConfig config;
  config.endpoint = provider.url("/registry/check");
  config.app_id = "uia-app";
  config.app_secret = kSecret;
  config.timeout_ms = timeout_ms;
  return config;
}

const RegistryQuery kStarRiver{"91220100MA17XYZ12K", "长春星河科技有限公司", "陈小明", "11010519491231002X"};

TEST(BusinessRegistryHttp, AnswersFromASignedFourElementRequest) {
  const std::vector<std::string> signed_fields = {"app_id", "legal_rep_id_number", "legal_rep_name", "name",
                                                  "nonce", "timestamp", "uscc"};
  FakeProvider provider([signed_fields](const FakeRequest& request) {
    if (!signed_correctly(request, signed_fields)) return FakeReply{401, R"({"code":"SIGNATURE_INVALID"})"};
    const auto body = json::parse(request.body);
    if (body["uscc"] != "91220100MA17XYZ12K") return FakeReply{200, R"({"code":"0","found":false})"};
    const bool match = body["name"] == "长春星河科技有限公司" && body["legal_rep_name"] == "陈小明" &&
                       body["legal_rep_id_number"] == "11010519491231002X";
    json reply = {{"code", "0"}, {"found", true}, {"match", match}};
    if (match) reply["entry"] = {{"registered_address", "长春市南关区"}, {"business_status", "存续"}};
    return FakeReply{200, reply.dump()};
  });
  BusinessRegistryHttp registry(registry_config(provider), noon_clock());
  const RegistryAnswer confirmed = registry.check(kStarRiver);
  EXPECT_EQ(confirmed.verdict, RegistryVerdict::Confirmed);
  EXPECT_EQ(confirmed.entry.registered_address, "长春市南关区");
  EXPECT_EQ(confirmed.entry.business_status, "存续");
  RegistryQuery other_rep = kStarRiver;
  other_rep.legal_rep_name = "王五";
  EXPECT_EQ(registry.check(other_rep).verdict, RegistryVerdict::Mismatch);
  RegistryQuery unknown = kStarRiver;
  unknown.uscc = "91220100MA17XYZ13H";
  EXPECT_EQ(registry.check(unknown).verdict, RegistryVerdict::NotYetKnown);
}

TEST(BusinessRegistryHttp, AnythingButAClearAnswerIsUnavailable) {
  for (const FakeReply& reply :
       {FakeReply{500, R"({"found":true,"match":true})"}, FakeReply{200, "not json"}, FakeReply{200, R"({"code":"0"})"},
        FakeReply{200, R"({"code":"E9","found":true,"match":false})"}, FakeReply{200, R"({"code":"0","found":true})"},
        FakeReply{200, R"({"code":"0","found":"yes","match":true})"}, FakeReply{200, "[true]"}}) {
    FakeProvider provider([reply](const FakeRequest&) { return reply; });
    EXPECT_EQ(BusinessRegistryHttp(registry_config(provider)).check(kStarRiver).verdict, RegistryVerdict::Unavailable)
        << reply.body;
  }
  FakeProvider slow([](const FakeRequest&) { return FakeReply{200, R"({"found":true,"match":true})", 3000}; });
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(BusinessRegistryHttp(registry_config(slow, 300)).check(kStarRiver).verdict, RegistryVerdict::Unavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, Millis(1500));
}

}  // namespace
}  // namespace uia::ports
