#include "ports/http_json_client.h"

#include "ports/http_get_and_form.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace uia::ports {
namespace {

// curl_global_init is not thread-safe and must run once before any handle exists.
void ensure_curl_initialised() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct ResponseSink {
  std::string body;
  std::size_t limit = 0;
  bool overflowed = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<ResponseSink*>(user);
  const std::size_t bytes = size * count;
  if (sink->body.size() + bytes > sink->limit) {
    sink->overflowed = true;
    return 0;  // tells libcurl to abort the transfer
  }
  sink->body.append(data, bytes);
  return bytes;
}

using Easy = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

HttpJsonResponse transport_failure(std::string error, bool timed_out = false) {
  HttpJsonResponse response;
  response.transport_error = std::move(error);
  response.timed_out = timed_out;
  return response;
}

// One exchange (defined below); `body` null → GET, else POST with `content_type`.
HttpJsonResponse perform(const HttpJsonClientOptions& options_, const std::string& path, const std::string* body,
                         const char* content_type, const HttpHeaders& headers) noexcept;

}  // namespace

HttpJsonClient::HttpJsonClient(HttpJsonClientOptions options) : options_(std::move(options)) {
  ensure_curl_initialised();
}

HttpJsonResponse HttpJsonClient::post(const std::string& path, const nlohmann::json& body,
                                      const HttpHeaders& headers) const noexcept {
  std::string payload;
  try {
    // Replace invalid UTF-8 rather than throw: a name from a form must not crash the call.
    payload = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (...) {
    return transport_failure("http client: body could not be serialised");
  }
  return perform(options_, path, &payload, "application/json; charset=utf-8", headers);
}

namespace {

HttpJsonResponse perform(const HttpJsonClientOptions& options_, const std::string& path, const std::string* body,
                         const char* content_type, const HttpHeaders& headers) noexcept {
  try {
    Easy easy(curl_easy_init(), curl_easy_cleanup);
    if (!easy) return transport_failure("curl_easy_init failed");
    CURL* curl = easy.get();

    const std::string url = options_.base_url + path;

    curl_slist* raw_headers = nullptr;
    auto add_header = [&](const std::string& line) {
      if (auto* next = curl_slist_append(raw_headers, line.c_str())) raw_headers = next;
    };
    if (body) add_header(std::string("Content-Type: ") + content_type);
    add_header("Accept: application/json");
    add_header("Expect:");  // no 100-continue round trip for small bodies
    for (const auto& [name, value] : headers) add_header(name + ": " + value);
    HeaderList header_list(raw_headers, curl_slist_free_all);

    ResponseSink sink;
    sink.limit = options_.max_response_bytes;

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    if (body) {
      curl_easy_setopt(curl, CURLOPT_POST, 1L);
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->c_str());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    } else {
      curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
    // Timeouts must not use SIGALRM: signals and threads do not mix.
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
    // An empty string disables the http_proxy/https_proxy environment variables: where personal
    // data goes is decided by configuration only.
    curl_easy_setopt(curl, CURLOPT_PROXY, options_.proxy.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    char error_buffer[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);

    const CURLcode code = curl_easy_perform(curl);
    if (sink.overflowed) {
      return transport_failure("response larger than " + std::to_string(options_.max_response_bytes) + " bytes");
    }
    if (code != CURLE_OK) {
      std::string error = curl_easy_strerror(code);
      if (error_buffer[0] != '\0') error += std::string(": ") + error_buffer;
      return transport_failure(std::move(error), code == CURLE_OPERATION_TIMEDOUT);
    }

    HttpJsonResponse response;
    response.transport_ok = true;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    response.body = std::move(sink.body);
    response.json = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    response.json_ok = !response.json.is_discarded();
    if (!response.json_ok) response.json = nullptr;
    return response;
  } catch (const std::exception& e) {
    return transport_failure(std::string("http client: ") + e.what());
  } catch (...) {
    return transport_failure("http client: unknown failure");
  }
}

}  // namespace

HttpJsonResponse http_post_form(const HttpJsonClientOptions& options, const std::string& url,
                                const std::string& form_body, const HttpHeaders& headers) noexcept {
  ensure_curl_initialised();
  return perform(options, url, &form_body, "application/x-www-form-urlencoded", headers);
}

HttpJsonResponse http_get(const HttpJsonClientOptions& options, const std::string& url,
                          const HttpHeaders& headers) noexcept {
  ensure_curl_initialised();
  return perform(options, url, nullptr, nullptr, headers);
}

}  // namespace uia::ports
