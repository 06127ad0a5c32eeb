#include "ports/backchannel_logout_http.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace uia::ports {
namespace {

std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

}  // namespace

BackchannelLogoutHttp::BackchannelLogoutHttp(BackchannelHttpConfig config) : config_(std::move(config)) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

LogoutDelivery BackchannelLogoutHttp::deliver(const std::string& uri, const std::string& logout_token) {
  LogoutDelivery out;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> easy(curl_easy_init(), curl_easy_cleanup);
  if (!easy) {
    out.error = "curl_easy_init failed";
    return out;
  }
  CURL* curl = easy.get();
  // The token is base64url and dots only: no form escaping is needed.
  const std::string body = "logout_token=" + logout_token;
  curl_slist* raw = curl_slist_append(nullptr, "Content-Type: application/x-www-form-urlencoded");
  raw = curl_slist_append(raw, "Expect:");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(raw, curl_slist_free_all);
  curl_easy_setopt(curl, CURLOPT_URL, uri.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, config_.timeout_ms);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, config_.connect_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!config_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, config_.ca_file.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  const CURLcode result = curl_easy_perform(curl);
  if (result != CURLE_OK) {
    out.error = curl_easy_strerror(result);
    return out;
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  out.delivered = status == 200 || status == 204;
  if (!out.delivered) out.error = "HTTP " + std::to_string(status);
  return out;
}

}  // namespace uia::ports
