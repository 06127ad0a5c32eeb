// Hostile and broken input on every endpoint: whatever arrives, the answer is a 4xx with the
// contract's error shape ({"error": {"code", "message"}}), never a 5xx, never exception text,
// and the server keeps serving.
#include "http_test_client.h"
#include "rest_test_support.h"

namespace uia::rest {
namespace {

// Bodies no endpoint can accept.
std::vector<std::pair<std::string, std::string>> hostile_bodies() {
  std::vector<std::pair<std::string, std::string>> out = {
      {"empty", ""},
      {"not json", "not json"},
      {"truncated", R"({"phone": "1501234)"},
      {"array", R"(["phone", "15012340058"])"},
      {"null", "null"},
      {"number", "42"},
      {"string", R"("hello")"},
      {"numbers for strings",
       R"({"phone": 15012340058, "purpose": 1, "captcha_id": 2, "captcha_answer": 3, "account": 4, "password": 5,
           "name": 6, "id_type": 7, "id_number": 8, "sms_code": 9, "agree": "yes", "method": 10, "identifier": 11,
           "kind": 12, "value": 13, "result": 14, "old_password": 15, "new_password": 16, "new_phone": 17,
           "ticket": 18})"},
      {"objects for strings", R"({"method": {"a": 1}, "phone": ["x"], "kind": {}, "value": [], "result": {}})"},
      {"missing fields", "{}"},
      {"invalid utf-8", "{\"phone\": \"\xff\xfe\", \"method\": \"\xc3\x28\", \"kind\": \"phone\", \"value\": \"\xed\xa0\x80\"}"},
      {"NUL in string", R"({"method": "password\u0000", "phone": "150\u000012340058", "kind": "phone", "value": "\u0000"})"},
      {"huge number", R"({"method": 1e999, "phone": -0.0e-999999})"},
      {"duplicate keys", R"({"method": "sms", "method": "password", "kind": "phone", "kind": 1})"},
      {"100-deep nesting", std::string(100, '[') + std::string(100, ']')},
      {"100-deep objects", [] {
         std::string s;
         for (int i = 0; i < 100; ++i) s += "{\"a\":";
         return s + "1" + std::string(100, '}');
       }()},
      {"deep nesting in a field", "{\"method\": " + std::string(50, '[') + std::string(50, ']') + "}"},
      {"long strings", "{\"method\": \"" + std::string(5000, 'p') + "\", \"phone\": \"" + std::string(5000, '1') +
                           "\", \"kind\": \"phone\", \"value\": \"" + std::string(5000, '1') + "\"}"},
      {"over 64 KiB", "{\"phone\": \"" + std::string(70 * 1024, '1') + "\"}"},
  };
  return out;
}

class RestBadInput : public RestTest {
 protected:
  // A 4xx with the contract's error envelope (or, for endpoints that take no body, any
  // non-5xx answer that is not an error page).
  // oauth: the OpenID Connect endpoints (/oidc/*, /.well-known/*) answer RFC 6749 errors
  // ({"error": "<code>", "error_description"}) instead of the contract's envelope.
  void expect_clean_refusal(const Reply& reply, const std::string& what, bool body_matters, bool oauth = false) {
    ASSERT_NE(reply.status, 0) << what << ": no answer";
    EXPECT_LT(reply.status, 500) << what << ": " << reply.body.substr(0, 200);
    if (body_matters) {
      EXPECT_GE(reply.status, 400) << what << ": " << reply.body.substr(0, 200);
    }
    if (reply.status >= 400) {
      ASSERT_TRUE(reply.json.is_object()) << what << ": not JSON: " << reply.body.substr(0, 200);
      if (oauth && reply.json["error"].is_string()) {
        EXPECT_FALSE(reply.json.value("error_description", "").empty()) << what << ": " << reply.body;
        EXPECT_EQ(reply.header("content-type").rfind("application/json", 0), 0u) << what;
        return;
      }
      EXPECT_TRUE(reply.json["error"]["code"].is_string()) << what << ": " << reply.body;
      EXPECT_FALSE(reply.json["error"].value("message", "").empty()) << what << ": " << reply.body;
      EXPECT_EQ(reply.header("content-type").rfind("application/json", 0), 0u) << what;
    }
  }
  void hostile_bodies_everywhere(const Caller& caller);
  void expect_still_serving() {
    const Reply health = get("/healthz");
    EXPECT_EQ(health.status, 200);
    EXPECT_EQ(health.json.value("status", ""), "ok");
  }
};

// Every route the router serves (dev routes included: this fixture runs in dev mode), with
// path parameters filled in, so a route added later is covered without touching this file.
struct Endpoint {
  std::string method;   // "POST"
  std::string path;     // "/api/v1/recovery/abc/sms"
  std::string pattern;  // "/api/v1/recovery/{id}/sms"
};

std::vector<Endpoint> every_endpoint(const http::Router& router) {
  std::vector<Endpoint> out;
  for (const auto& route : router.routes()) {
    std::string path;
    std::size_t pos = 0;
    while (pos < route.pattern.size()) {
      const std::size_t open = route.pattern.find('{', pos);
      if (open == std::string::npos) {
        path += route.pattern.substr(pos);
        break;
      }
      path += route.pattern.substr(pos, open - pos) + "abc";
      pos = route.pattern.find('}', open) + 1;
    }
    if (path == "/api/dev/sms") path += "?phone=15012340058";
    out.push_back({Pistache::Http::methodString(route.method), path, route.pattern});
  }
  return out;
}

// Every endpoint, every hostile body, as `caller`. Routes whose OpenAPI operation takes a
// request body must refuse with a 4xx; the others may ignore the body but never fail on it.
void RestBadInput::hostile_bodies_everywhere(const Caller& caller) {
  const nlohmann::json paths = get("/api/v1/openapi.json").json["paths"];
  const auto endpoints = every_endpoint(*platform_->router);
  ASSERT_GE(endpoints.size(), 10u);
  for (const auto& [method, path, pattern] : endpoints) {
    // Signing out would end the caller's session half-way through.
    if (!caller.bearer.empty() && path == "/api/v1/sessions/current") continue;
    std::string lower_method = method;
    for (char& c : lower_method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool takes_body = paths[pattern][lower_method].contains("requestBody");
    // /api/v1/validate answers any well-formed {"kind", "value"} with a 200 verdict.
    const bool validate = path == "/api/v1/validate";
    for (const auto& [name, body] : hostile_bodies()) {
      const std::string what = method + " " + path + " with " + name;
      const Reply reply = request(method, path, body, caller);
      const bool oauth = path.rfind("/oidc/", 0) == 0 || path.rfind("/.well-known/", 0) == 0;
      expect_clean_refusal(reply, what, takes_body && !validate, oauth);
      if (validate && reply.status == 200) EXPECT_EQ(reply.json.value("valid", true), false) << what;
    }
  }
  expect_still_serving();
}

TEST_F(RestBadInput, HostileBodiesOnEveryEndpoint) { hostile_bodies_everywhere({}); }

TEST_F(RestBadInput, HostileBodiesOnEveryEndpointWhenSignedIn) {
  const Applicant a = active_adult();
  const Reply signed_in = login(a.account, a.password);
  ASSERT_EQ(signed_in.status, 201);
  hostile_bodies_everywhere(bearer_of(signed_in));
  // Nothing hostile changed the account: the session and the password still work.
  EXPECT_EQ(get("/api/v1/me", bearer_of(signed_in)).status, 200);
  EXPECT_EQ(login(a.account, a.password).status, 201);
}

TEST_F(RestBadInput, EachRequiredFieldMissingOrMistyped) {
  const nlohmann::json registration = adult_resident().body("123456");
  for (const char* field : {"account", "password", "name", "id_type", "id_number", "phone", "sms_code"}) {
    nlohmann::json missing = registration;
    missing.erase(field);
    Reply reply = post("/api/v1/persons", missing);
    EXPECT_EQ(reply.status, 400) << field;
    EXPECT_EQ(reply.error_code(), "FIELD_REQUIRED") << field;
    EXPECT_EQ(reply.error_field(), field);

    nlohmann::json empty = registration;
    empty[field] = "";
    reply = post("/api/v1/persons", empty);
    EXPECT_EQ(reply.error_code(), "FIELD_REQUIRED") << field;

    nlohmann::json number = registration;
    number[field] = 12345;
    reply = post("/api/v1/persons", number);
    EXPECT_EQ(reply.status, 400) << field;
    EXPECT_EQ(reply.error_code(), "FIELD_TYPE") << field;
    EXPECT_EQ(reply.error_field(), field);
  }
  nlohmann::json agree_text = registration;
  agree_text["agree"] = "true";
  EXPECT_EQ(post("/api/v1/persons", agree_text).error_code(), "FIELD_TYPE");
  for (const char* field : {"id_valid_from", "id_valid_to", "gender", "birth_date"}) {
    nlohmann::json number = registration;
    number[field] = 20200110;
    const Reply reply = post("/api/v1/persons", number);
    EXPECT_EQ(reply.error_code(), "FIELD_TYPE") << field;
    EXPECT_EQ(reply.error_field(), field);
  }

  const nlohmann::json sign_in = {{"method", "password"}, {"identifier", "someone1"}, {"password", "Abc#12345"},
                                  {"captcha_id", "x"}, {"captcha_answer", "y"}};
  for (const char* field : {"method", "identifier", "password", "captcha_id", "captcha_answer"}) {
    nlohmann::json missing = sign_in;
    missing.erase(field);
    const Reply reply = post("/api/v1/sessions", missing);
    EXPECT_EQ(reply.error_code(), "FIELD_REQUIRED") << field;
    EXPECT_EQ(reply.error_field(), field);
  }
  const Reply sms_missing = post("/api/v1/sessions", {{"method", "sms"}, {"phone", "15012340058"}});
  EXPECT_EQ(sms_missing.error_field(), "sms_code");
  expect_still_serving();
}

TEST_F(RestBadInput, RawFramingAbuse) {
  const std::string host = "Host: 127.0.0.1\r\n";
  const std::vector<std::pair<std::string, std::string>> requests = {
      {"negative Content-Length", "POST /api/v1/sessions HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n{}"},
      {"huge Content-Length", "POST /api/v1/sessions HTTP/1.1\r\n" + host + "Content-Length: 99999999999999\r\n\r\n{}"},
      {"4 GiB Content-Length", "POST /api/v1/persons HTTP/1.1\r\n" + host + "Content-Length: 4294967296\r\n\r\n{}"},
      {"overflowing Content-Length",
       "POST /api/v1/sessions HTTP/1.1\r\n" + host + "Content-Length: 999999999999999999999999999\r\n\r\n{}"},
      {"text Content-Length", "POST /api/v1/sessions HTTP/1.1\r\n" + host + "Content-Length: abc\r\n\r\n{}"},
      {"two Content-Lengths",
       "POST /api/v1/sessions HTTP/1.1\r\n" + host + "Content-Length: 2\r\nContent-Length: 900000\r\n\r\n{}"},
      {"Content-Length and chunked",
       "POST /api/v1/sessions HTTP/1.1\r\n" + host + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}"},
      {"bad chunk size", "POST /api/v1/sessions HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"},
      {"unknown transfer encoding", "POST /api/v1/sessions HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\n{}"},
      {"cookie without value", "GET /api/v1/me HTTP/1.1\r\n" + host + "Cookie: uia_session\r\n\r\n"},
      {"cookie garbage", "GET /api/v1/me HTTP/1.1\r\n" + host + "Cookie: ;;==;=;uia_session==\r\n\r\n"},
      {"bad content type", "POST /api/v1/sessions HTTP/1.1\r\n" + host + "Content-Type: ;;;/\r\nContent-Length: 2\r\n\r\n{}"},
      {"unknown method", "BREW /api/v1/me HTTP/1.1\r\n" + host + "\r\n"},
      {"bad version", "GET /api/v1/me HTTP/9.9\r\n" + host + "\r\n"},
      {"long header", "GET /api/v1/me HTTP/1.1\r\n" + host + "X-Filler: " + std::string(70 * 1024, 'x') + "\r\n\r\n"},
  };
  for (const auto& [name, text] : requests) {
    const auto raw = testing::send_raw(port_, text, 3000);
    if (raw.status == 0) continue;  // the server may simply drop a connection like this
    EXPECT_GE(raw.status, 400) << name << ": " << raw.body.substr(0, 200);
    EXPECT_LT(raw.status, 500) << name << ": " << raw.body.substr(0, 200);
    const auto body = nlohmann::json::parse(raw.body, nullptr, false);
    ASSERT_TRUE(body.is_object()) << name << ": not JSON: " << raw.body.substr(0, 200);
    EXPECT_TRUE(body["error"]["code"].is_string()) << name << ": " << raw.body;
    EXPECT_FALSE(body["error"].value("message", "").empty()) << name << ": " << raw.body;
    expect_still_serving();
  }
  expect_still_serving();
}

TEST_F(RestBadInput, ServerStillWorksAfterAbuse) {
  for (const auto& [name, body] : hostile_bodies()) request("POST", "/api/v1/persons", body);
  testing::send_raw(port_, "POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}", 3000);
  // A whole registration and sign-in still work.
  const Applicant a = child_resident();
  ASSERT_EQ(register_person(a).status, 201);
  EXPECT_EQ(login(a.account, a.password).status, 201);
}

}  // namespace
}  // namespace uia::rest

namespace uia::rest {
namespace {

// A client that starts a request and never finishes it is cut off after the header (or body)
// timeout; the server's own request reading (HttpServer's onInput) must keep Pistache's timers.
TEST(RestSlowClients, UnfinishedRequestsTimeOut) {
  auto router = std::make_shared<http::Router>();
  http::HttpServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.header_timeout = std::chrono::seconds(1);
  options.body_timeout = std::chrono::seconds(1);
  http::HttpServer server(options, router);
  server.start();
  const auto start = std::chrono::steady_clock::now();
  const auto headers = testing::send_raw(server.port(), "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", 4000);
  const auto body = testing::send_raw(
      server.port(), "POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"only\": \"part\"", 4000);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_TRUE(headers.status == 0 || headers.status == 408) << headers.status << " " << headers.body;
  EXPECT_TRUE(body.status == 0 || body.status == 408) << body.status << " " << body.body;
  EXPECT_LT(waited, std::chrono::seconds(7));  // each cut off well before the client's 4 s patience
  server.stop();
}

}  // namespace
}  // namespace uia::rest
